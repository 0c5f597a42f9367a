import type { ParticipantProgress } from '../api/types.ts';

// Sorting and filtering the facilitator's progress table: pure, so 100 participants or 1,000 sort the
// same way in a test as on screen.

/** `name`, `total`, `activity`, or `m:<materialId>` for one material's column */
export type SortKey = 'name' | 'total' | 'activity' | `m:${string}`;
export type SortDirection = 'ascending' | 'descending';

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

function value(row: ParticipantProgress, key: SortKey): number | null {
  if (key === 'total') return row.percent;
  if (key === 'activity') return row.lastActivity ? Date.parse(row.lastActivity) : null;
  if (key.startsWith('m:')) {
    const m = row.materials.find((x) => x.id === key.slice(2));
    return m ? (m.total === 0 ? 0 : m.done / m.total) : null;
  }
  return null;
}

/**
 * Rows in the order asked for; ties (and names) fall back to the name, so the order is stable. People
 * with no activity go last whichever way activity is sorted: "not started" is not a time.
 */
export function sortProgress(
  rows: readonly ParticipantProgress[],
  key: SortKey,
  direction: SortDirection,
): ParticipantProgress[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: ParticipantProgress, b: ParticipantProgress) =>
    collator.compare(a.name, b.name) || collator.compare(a.nip ?? '', b.nip ?? '') || (a.id < b.id ? -1 : 1);
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * byName(a, b);
    const va = value(a, key);
    const vb = value(b, key);
    if (va === null && vb !== null) return 1;
    if (vb === null && va !== null) return -1;
    if (va !== null && vb !== null && va !== vb) return sign * (va - vb);
    return byName(a, b);
  });
}

/** rows whose name, NIP or instansi contains every word of the query (case and accents ignored) */
export function filterProgress(rows: readonly ParticipantProgress[], query: string): ParticipantProgress[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = fold(`${row.name} ${row.nip ?? ''} ${row.instansi ?? ''}`);
    return words.every((w) => text.includes(w));
  });
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** the direction a column sorts in first: names A–Z, numbers and times highest (most recent) first */
export function firstDirection(key: SortKey): SortDirection {
  return key === 'name' ? 'ascending' : 'descending';
}
