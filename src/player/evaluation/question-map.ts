// The question map: one cell per question with its state, and the list of unanswered ones that the
// submit confirmation names.

export interface MapCell {
  number: number;
  itemId: string;
  answered: boolean;
  flagged: boolean;
  current: boolean;
  /** chosen on this device, not yet acknowledged by the server */
  unsaved: boolean;
}

export function questionMap(
  questions: readonly { number: number; itemId: string }[],
  chosen: ReadonlyMap<string, string | null>,
  flagged: ReadonlySet<string>,
  currentIndex: number,
  pending: ReadonlySet<string> = new Set(),
): MapCell[] {
  return questions.map((q, index) => ({
    number: q.number,
    itemId: q.itemId,
    answered: (chosen.get(q.itemId) ?? null) !== null,
    flagged: flagged.has(q.itemId),
    current: index === currentIndex,
    unsaved: pending.has(q.itemId),
  }));
}

export function unansweredNumbers(cells: readonly MapCell[]): number[] {
  return cells.filter((c) => !c.answered).map((c) => c.number);
}

/** the flags a participant set, kept per attempt on the device (the server does not hold them) */
export function flagsKey(attemptId: string): string {
  return `lentera:attempt-flags:${attemptId}`;
}

export function readFlags(raw: string | null): Set<string> {
  try {
    const parsed = raw ? JSON.parse(raw) : [];
    return new Set(Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/** index clamped into the list */
export function clampIndex(index: number, length: number): number {
  if (length <= 0) return 0;
  return Math.min(Math.max(0, Math.trunc(index)), length - 1);
}
