import { describe, expect, it } from 'vitest';
import type { KeyValueStore } from './answer-queue.ts';
import { type Attempt, OfflineError, type TestsApi } from './api.ts';
import { readCopy } from './attempt-copy.ts';
import { TestSession } from './test-session.svelte.ts';

function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const attempt: Attempt = {
  id: 'att',
  cohortId: 'c',
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
  policy: { items: 2, timeLimitMinutes: 30, attempts: 1, reveal: 'never', passingScore: null },
  questions: [
    { number: 1, itemId: 'q1', stem: 'a', options: [{ id: 'x', html: 'x' }] },
    { number: 2, itemId: 'q2', stem: 'b', options: [{ id: 'y', html: 'y' }] },
  ],
  answers: [],
  lastSeq: 0,
  result: null,
};

function fakeApi() {
  const stored = new Map<string, { optionId: string | null; seq: number }>();
  const api = {
    offline: false,
    overview: async () => ({
      cohortId: 'c',
      tests: [{ test: 'pretest', policy: attempt.policy, window: {}, mine: { openAttemptId: 'att' } }],
      scores: null,
    }),
    attempt: async () => ({
      ...attempt,
      answers: [...stored].map(([itemId, a]) => ({ itemId, ...a, savedAt: 'now' })),
      lastSeq: Math.max(0, ...[...stored.values()].map((a) => a.seq)),
    }),
    saveMany: async (_id: string, answers: { itemId: string; optionId: string | null; seq: number }[]) => {
      if (api.offline) throw new OfflineError();
      const saved = [];
      const stale = [];
      for (const a of answers) {
        const s = stored.get(a.itemId);
        if (s && s.seq >= a.seq)
          stale.push({ itemId: a.itemId, seq: a.seq, stored: { itemId: a.itemId, ...s, savedAt: 'x' } });
        else {
          stored.set(a.itemId, { optionId: a.optionId, seq: a.seq });
          saved.push({ ...a, savedAt: 'now' });
        }
      }
      return { saved, stale };
    },
  };
  return { api, stored };
}

describe('TestSession', () => {
  it('saves at once, queues while offline, resumes after reload and sends when online', async () => {
    const { api, stored } = fakeApi();
    const store = memoryStore();
    const now = () => Date.parse('2026-03-10T03:00:10.000Z');
    const session = new TestSession({
      api: api as unknown as TestsApi,
      cohortId: 'c',
      test: 'pretest',
      store,
      now,
    });
    await session.load();
    expect(session.status).toBe('taking');
    expect(session.remaining).toBe(1800);
    session.choose('q1', 'x');
    await session.flush();
    expect(session.saveState).toBe('saved');
    expect(stored.get('q1')).toEqual({ optionId: 'x', seq: 1 });

    api.offline = true;
    session.choose('q2', 'y');
    await Promise.resolve();
    await session.flush();
    expect(session.failures).toBeGreaterThan(0);
    expect(session.unsaved.has('q2')).toBe(true);
    session.dispose();

    // reload: a new session reads the queue back from storage and sends it once online
    api.offline = false;
    const again = new TestSession({
      api: api as unknown as TestsApi,
      cohortId: 'c',
      test: 'pretest',
      store,
      now,
    });
    await again.load();
    expect(again.chosen.get('q2')).toBe('y');
    await again.flush();
    expect(stored.get('q2')).toEqual({ optionId: 'y', seq: 2 });
    expect(again.unsaved.size).toBe(0);
    expect(again.cells.map((c) => c.answered)).toEqual([true, true]);
    again.dispose();
  });

  it('opened without a network, reads the test again when the network returns', async () => {
    const { api } = fakeApi();
    let reachable = false;
    const overview = api.overview;
    const flaky = {
      ...api,
      overview: async () => {
        if (!reachable) throw new OfflineError();
        return overview();
      },
    };
    const session = new TestSession({
      api: flaky as unknown as TestsApi,
      cohortId: 'c',
      test: 'pretest',
      store: memoryStore(),
      now: () => Date.parse('2026-03-10T03:00:10.000Z'),
    });
    await session.load();
    expect(session.status).toBe('error');
    expect(session.error).toBe('OFFLINE');
    reachable = true;
    session.online();
    await expect.poll(() => session.status).toBe('taking');
    session.dispose();
  });

  it('reloaded without a network, shows the attempt this device copied, then sends what waited', async () => {
    const { api, stored } = fakeApi();
    const store = memoryStore();
    let clock = Date.parse('2026-03-10T03:00:10.000Z');
    const now = () => clock;
    const tab = memoryStore();
    const options = {
      cohortId: 'c',
      test: 'pretest' as const,
      store,
      now,
      copy: { courseId: 'berakhlak', store: tab },
    };
    const first = new TestSession({ api: api as unknown as TestsApi, ...options });
    await first.load();
    first.choose('q1', 'x');
    await first.flush();
    api.offline = true;
    first.choose('q2', 'y');
    await first.flush();
    first.dispose();

    // the reload: the account cannot be asked, so the screen resumes from the device's copy
    clock += 60_000;
    expect(readCopy(store, 'berakhlak', 'pretest')).toBeUndefined();
    const copy = readCopy(tab, 'berakhlak', 'pretest');
    if (!copy) throw new Error('no copy on the device');
    const again = new TestSession({ api: api as unknown as TestsApi, ...options });
    again.resume(copy);
    expect(again.status).toBe('taking');
    expect(again.chosen.get('q1')).toBe('x');
    expect(again.chosen.get('q2')).toBe('y');
    expect([...again.unsaved]).toEqual(['q2']);
    // the device ran 10 s ahead of the server when the attempt came: a minute later, 29 minutes are left
    expect(again.remaining).toBe(1740);
    await again.flush();
    expect(again.unsaved.has('q2')).toBe(true);

    api.offline = false;
    again.online();
    await expect.poll(() => again.unsaved.size).toBe(0);
    expect(stored.get('q2')).toEqual({ optionId: 'y', seq: 2 });
    again.dispose();
  });

  it('drops the copy once the attempt is finished', async () => {
    const { api } = fakeApi();
    const store = memoryStore();
    const session = new TestSession({
      api: {
        ...api,
        submit: async () => ({ ...attempt, status: 'finished', questions: null }),
      } as unknown as TestsApi,
      cohortId: 'c',
      test: 'pretest',
      copy: { courseId: 'berakhlak', store },
    });
    await session.load();
    expect(readCopy(store, 'berakhlak', 'pretest')).toBeDefined();
    expect(await session.submit()).toBe(true);
    expect(session.status).toBe('finished');
    expect(readCopy(store, 'berakhlak', 'pretest')).toBeUndefined();
    session.dispose();
  });

  it('reopened with every answer stored, says they are saved (not "no answer yet")', async () => {
    const { api, stored } = fakeApi();
    stored.set('q1', { optionId: 'x', seq: 1 });
    const session = new TestSession({ api: api as unknown as TestsApi, cohortId: 'c', test: 'pretest' });
    await session.load();
    expect(session.saveState).toBe('saved');
    const empty = new TestSession({
      api: fakeApi().api as unknown as TestsApi,
      cohortId: 'c',
      test: 'pretest',
    });
    await empty.load();
    expect(empty.saveState).toBe('idle');
    session.dispose();
    empty.dispose();
  });
});
