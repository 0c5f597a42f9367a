// The open attempt as this tab last saw it, kept in sessionStorage so a reload without a network
// still shows the test: its questions (never the keys: the server sends none before the end), the
// answers shown, the server-corrected deadline and the highest `seq` used. Answers still waiting for
// the server live in the AnswerQueue beside it; the copy only says what was on screen. It is dropped
// once the attempt is finished, and is replaced by the server's version as soon as the network returns.

import type { KeyValueStore } from './answer-queue.ts';
import type { Attempt, TestKind } from './api.ts';
import type { Clock } from './timer.ts';

export interface AttemptCopy {
  /** the device's copy format, bumped when it changes (an older copy is ignored) */
  version: 1;
  /** the open attempt as the server last sent it, without its stored answers */
  attempt: Attempt;
  /** what the screen showed as chosen, item by item */
  chosen: [string, string | null][];
  lastSeq: number;
  clock: Clock;
  savedAt: number;
}

/** one copy per course and test: the player's origin may serve several courses */
export function copyKey(courseId: string, test: TestKind): string {
  return `lentera:test-copy:${courseId}:${test}`;
}

export function makeCopy(options: {
  attempt: Attempt;
  chosen: ReadonlyMap<string, string | null>;
  lastSeq: number;
  clock: Clock;
  now: number;
}): AttemptCopy | undefined {
  const { attempt } = options;
  if (attempt.status !== 'open' || !attempt.questions) return undefined;
  return {
    version: 1,
    attempt: { ...attempt, answers: [], result: null },
    chosen: [...options.chosen],
    lastSeq: options.lastSeq,
    clock: options.clock,
    savedAt: options.now,
  };
}

function isCopy(value: unknown): value is AttemptCopy {
  const v = value as AttemptCopy;
  const a = v?.attempt;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.version === 1 &&
    typeof a === 'object' &&
    a !== null &&
    typeof a.id === 'string' &&
    typeof a.cohortId === 'string' &&
    a.status === 'open' &&
    Array.isArray(a.questions) &&
    a.questions.every((q) => typeof q?.itemId === 'string' && Array.isArray(q.options)) &&
    Array.isArray(v.chosen) &&
    v.chosen.every((c) => Array.isArray(c) && typeof c[0] === 'string') &&
    Number.isInteger(v.lastSeq) &&
    typeof v.clock?.offsetMs === 'number' &&
    typeof v.clock?.deadlineMs === 'number'
  );
}

export function readCopy(
  store: KeyValueStore | undefined,
  courseId: string,
  test: TestKind,
): AttemptCopy | undefined {
  try {
    const raw = store?.getItem(copyKey(courseId, test));
    if (!raw) return undefined;
    const parsed: unknown = JSON.parse(raw);
    return isCopy(parsed) && parsed.attempt.test === test ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function writeCopy(store: KeyValueStore | undefined, courseId: string, copy: AttemptCopy): void {
  try {
    store?.setItem(copyKey(courseId, copy.attempt.test), JSON.stringify(copy));
  } catch {
    // storage full or refused: the test still works online, only an offline reload cannot show it
  }
}

export function dropCopy(store: KeyValueStore | undefined, courseId: string, test: TestKind): void {
  try {
    store?.removeItem(copyKey(courseId, test));
  } catch {
    // nothing to drop
  }
}
