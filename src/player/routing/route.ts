import type { ResourceStatus } from '../../course/model.ts';

// The player's routes. A route has one path, e.g. `akuntabel/tingkatan`, used both as a real path under
// the player's root (`/akuntabel/tingkatan/`, prerendered in the static export and rendered by the
// server) and as a hash route (`#/akuntabel/tingkatan`) where paths are not ours (file://, an LMS).

export type Route =
  | { kind: 'home' }
  | { kind: 'cover'; material: string }
  | { kind: 'page'; material: string; page: string }
  | { kind: 'done'; material: string }
  | { kind: 'print'; material: string }
  | { kind: 'search' }
  | { kind: 'glossary'; term?: string }
  | { kind: 'regulations'; status?: ResourceStatus }
  | { kind: 'notes' }
  | { kind: 'test'; test: 'pretest' | 'posttest' }
  | { kind: 'cases'; caseId?: string }
  | { kind: 'feedback' }
  | { kind: 'outcome' }
  | { kind: 'not-found'; path: string };

/** What resolving a path needs to know of the course. */
export interface RouteOutline {
  materials: readonly { id: string; pages: readonly { id: string }[] }[];
}

export const TOOLS = '_alat';
/** the evaluation screens (server mode): `_evaluasi/pretest`, `_evaluasi/posttest`, `_evaluasi/kasus[/<id>]`,
 * `_evaluasi/umpan-balik`, `_evaluasi/hasil` */
export const EVALUATION = '_evaluasi';
const CASES = 'kasus';
const FEEDBACK = 'umpan-balik';
const OUTCOME = 'hasil';
/** a case study's id as the course declares it (kebab-case) */
const CASE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DONE = '_selesai';
const PRINT = '_cetak';
const STATUSES = new Set<string>(['berlaku', 'diubah', 'dicabut']);

function segmentsOf(path: string): string[] {
  return (path.split('?')[0] ?? '')
    .split('/')
    .filter((s) => s !== '' && s !== 'index.html')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

/** Resolves a route path (no leading `#`, slashes optional) against the course. */
export function parseRoute(path: string, outline: RouteOutline): Route {
  const segments = segmentsOf(path.replace(/^#/, ''));
  const [first, second, third] = segments;
  if (first === undefined) return { kind: 'home' };
  if (first === TOOLS) {
    if (second === 'cari' && third === undefined) return { kind: 'search' };
    if (second === 'glosarium')
      return third === undefined ? { kind: 'glossary' } : { kind: 'glossary', term: third };
    if (second === 'regulasi') {
      if (third === undefined) return { kind: 'regulations' };
      if (STATUSES.has(third)) return { kind: 'regulations', status: third as ResourceStatus };
    }
    if (second === 'catatan' && third === undefined) return { kind: 'notes' };
    return { kind: 'not-found', path };
  }
  if (first === EVALUATION) {
    if ((second === 'pretest' || second === 'posttest') && third === undefined)
      return { kind: 'test', test: second };
    if (second === CASES && segments.length <= 3) {
      if (third === undefined) return { kind: 'cases' };
      if (CASE_ID.test(third)) return { kind: 'cases', caseId: third };
    }
    if (second === FEEDBACK && third === undefined) return { kind: 'feedback' };
    if (second === OUTCOME && third === undefined) return { kind: 'outcome' };
    return { kind: 'not-found', path };
  }
  const material = outline.materials.find((m) => m.id === first);
  if (!material || third !== undefined) return { kind: 'not-found', path };
  if (second === undefined) return { kind: 'cover', material: first };
  if (second === DONE) return { kind: 'done', material: first };
  if (second === PRINT) return { kind: 'print', material: first };
  if (material.pages.some((p) => p.id === second)) return { kind: 'page', material: first, page: second };
  return { kind: 'not-found', path };
}

/** The path of a route, without leading or trailing slash (`''` for home). */
export function routePath(route: Route): string {
  switch (route.kind) {
    case 'home':
      return '';
    case 'cover':
      return route.material;
    case 'page':
      return `${route.material}/${route.page}`;
    case 'done':
      return `${route.material}/${DONE}`;
    case 'print':
      return `${route.material}/${PRINT}`;
    case 'search':
      return `${TOOLS}/cari`;
    case 'glossary':
      return route.term ? `${TOOLS}/glosarium/${route.term}` : `${TOOLS}/glosarium`;
    case 'regulations':
      return route.status ? `${TOOLS}/regulasi/${route.status}` : `${TOOLS}/regulasi`;
    case 'notes':
      return `${TOOLS}/catatan`;
    case 'test':
      return `${EVALUATION}/${route.test}`;
    case 'cases':
      return route.caseId ? `${EVALUATION}/${CASES}/${route.caseId}` : `${EVALUATION}/${CASES}`;
    case 'feedback':
      return `${EVALUATION}/${FEEDBACK}`;
    case 'outcome':
      return `${EVALUATION}/${OUTCOME}`;
    case 'not-found':
      return route.path;
  }
}

/** `../` once per path segment: the player's root seen from a prerendered route's directory. */
export function relativeRoot(route: Route): string {
  const path = routePath(route);
  return path === '' ? './' : '../'.repeat(path.split('/').length);
}

export type RouteMode = 'path' | 'hash';

/** The href of a route from the page currently showing `from`. */
export function routeHref(route: Route, from: Route, mode: RouteMode): string {
  const path = routePath(route);
  if (mode === 'hash') return `#/${path}`;
  return path === '' ? relativeRoot(from) : `${relativeRoot(from)}${path}/`;
}

export function sameRoute(a: Route, b: Route): boolean {
  return routePath(a) === routePath(b) && a.kind === b.kind;
}

/** Every route the static export prerenders. */
export function allRoutes(outline: RouteOutline): Route[] {
  const routes: Route[] = [{ kind: 'home' }];
  for (const m of outline.materials) {
    routes.push({ kind: 'cover', material: m.id });
    for (const p of m.pages) routes.push({ kind: 'page', material: m.id, page: p.id });
    routes.push({ kind: 'done', material: m.id }, { kind: 'print', material: m.id });
  }
  routes.push({ kind: 'search' }, { kind: 'glossary' }, { kind: 'regulations' }, { kind: 'notes' });
  return routes;
}
