import type { Route } from './route.ts';

// The order a learner moves through a material: cover, its pages, then "Materi N selesai".

interface SequenceMaterial {
  id: string;
  pages: readonly { id: string }[];
}

export function materialSequence(material: SequenceMaterial): Route[] {
  return [
    { kind: 'cover', material: material.id },
    ...material.pages.map((p): Route => ({ kind: 'page', material: material.id, page: p.id })),
    { kind: 'done', material: material.id },
  ];
}

function indexIn(sequence: Route[], route: Route): number {
  return sequence.findIndex(
    (r) => r.kind === route.kind && (r.kind !== 'page' || (route.kind === 'page' && r.page === route.page)),
  );
}

/** The routes before and after `route` inside its material; undefined at either end. */
export function neighbours(
  materials: readonly SequenceMaterial[],
  route: Route,
): { previous?: Route; next?: Route } {
  if (route.kind !== 'cover' && route.kind !== 'page' && route.kind !== 'done') return {};
  const material = materials.find((m) => m.id === route.material);
  if (!material) return {};
  const sequence = materialSequence(material);
  const i = indexIn(sequence, route);
  if (i < 0) return {};
  const previous = sequence[i - 1];
  const next = sequence[i + 1];
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}

/** 1-based position of a page in its material, with the material's page count. */
export function pagePosition(
  materials: readonly SequenceMaterial[],
  route: Route,
): { index: number; total: number } | undefined {
  if (route.kind !== 'page') return undefined;
  const material = materials.find((m) => m.id === route.material);
  const index = material?.pages.findIndex((p) => p.id === route.page) ?? -1;
  return material && index >= 0 ? { index: index + 1, total: material.pages.length } : undefined;
}
