import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from './answer-queue.ts';
import type { Attempt } from './api.ts';
import { copyKey, dropCopy, makeCopy, readCopy, writeCopy } from './attempt-copy.ts';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const open: Attempt = {
  id: 'att',
  cohortId: 'c1',
  test: 'pretest',
  number: 1,
  status: 'open',
  startedAt: '2026-03-10T03:00:00.000Z',
  deadline: '2026-03-10T03:30:00.000Z',
  serverNow: '2026-03-10T03:00:00.000Z',
  remainingSeconds: 1800,
  graceSeconds: 30,
  finishedAt: null,
  finishReason: null,
  policy: { items: 1, timeLimitMinutes: 30, attempts: 1, reveal: 'never', passingScore: null },
  questions: [{ number: 1, itemId: 'q1', stem: 'a', options: [{ id: 'x', html: 'x' }] }],
  answers: [{ itemId: 'q1', optionId: 'x', seq: 3, savedAt: 'now' }],
  lastSeq: 3,
  result: null,
};
const clock = { offsetMs: 1200, deadlineMs: Date.parse(open.deadline) };

describe('attempt copy', () => {
  it('keeps the open attempt per course and test, without its stored answers, and reads it back', () => {
    const store = memoryStore();
    const copy = makeCopy({ attempt: open, chosen: new Map([['q1', 'x']]), lastSeq: 4, clock, now: 5 });
    if (!copy) throw new Error('no copy');
    expect(copy.attempt.answers).toEqual([]);
    writeCopy(store, 'berakhlak', copy);
    expect([...store.data.keys()]).toEqual([copyKey('berakhlak', 'pretest')]);
    expect(readCopy(store, 'berakhlak', 'pretest')).toEqual(copy);
    expect(readCopy(store, 'berakhlak', 'posttest')).toBeUndefined();
    expect(readCopy(store, 'kursus-lain', 'pretest')).toBeUndefined();
    dropCopy(store, 'berakhlak', 'pretest');
    expect(readCopy(store, 'berakhlak', 'pretest')).toBeUndefined();
  });

  it('never copies a finished attempt, and ignores what it cannot trust', () => {
    expect(
      makeCopy({ attempt: { ...open, status: 'finished' }, chosen: new Map(), lastSeq: 0, clock, now: 0 }),
    ).toBeUndefined();
    expect(
      makeCopy({ attempt: { ...open, questions: null }, chosen: new Map(), lastSeq: 0, clock, now: 0 }),
    ).toBe(undefined);
    const store = memoryStore();
    const key = copyKey('berakhlak', 'pretest');
    for (const raw of [
      '{broken',
      JSON.stringify({ version: 2, attempt: open, chosen: [], lastSeq: 0, clock }),
      JSON.stringify({ version: 1, attempt: { ...open, questions: null }, chosen: [], lastSeq: 0, clock }),
      JSON.stringify({ version: 1, attempt: open, chosen: [], lastSeq: 0 }),
    ]) {
      store.setItem(key, raw);
      expect(readCopy(store, 'berakhlak', 'pretest'), raw).toBeUndefined();
    }
    expect(readCopy(undefined, 'berakhlak', 'pretest')).toBeUndefined();
  });
});
