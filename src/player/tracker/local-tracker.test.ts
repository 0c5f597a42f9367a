import { describe, expect, it } from 'vitest';
import { type KeyValueStore, LocalTracker } from './local-tracker.ts';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const on = { material: 'akuntabel', page: 'tingkatan' };
/** writes at once, as if the deferred write ran straight after each event */
const now = (write: () => void) => write();

describe('LocalTracker', () => {
  it('keeps progress across a reload (a new tracker on the same storage)', async () => {
    const store = memoryStore();
    new LocalTracker({ courseId: 'berakhlak', store, defer: now }).record({
      type: 'page-seen',
      ...on,
      dwellSeconds: 9,
      at: 5,
    });
    const state = await new LocalTracker({ courseId: 'berakhlak', store, defer: now }).resume();
    expect(state.pages.tingkatan?.dwellSeconds).toBe(9);
    expect(state.last?.page).toBe('tingkatan');
  });

  it('keys progress by course id, not version, so a new version keeps it', () => {
    const store = memoryStore();
    new LocalTracker({ courseId: 'berakhlak', store, defer: now }).record({
      type: 'page-seen',
      ...on,
      dwellSeconds: 1,
      at: 1,
    });
    expect([...store.data.keys()]).toEqual(['lentera:berakhlak:learner']);
  });

  it('does not lose what another tab recorded', async () => {
    const store = memoryStore();
    const a = new LocalTracker({ courseId: 'c', store, defer: now });
    const b = new LocalTracker({ courseId: 'c', store, defer: now });
    a.record({ type: 'page-seen', material: 'm', page: 'one', dwellSeconds: 1, at: 1 });
    b.record({ type: 'page-seen', material: 'm', page: 'two', dwellSeconds: 1, at: 2 });
    expect(Object.keys((await a.resume()).pages).sort()).toEqual(['one', 'two']);
  });

  it('keeps progress in memory when storage is refused', async () => {
    const refusing: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const tracker = new LocalTracker({ courseId: 'c', store: refusing });
    tracker.record({ type: 'page-seen', ...on, dwellSeconds: 2, at: 1 });
    expect((await tracker.resume()).pages.tingkatan?.dwellSeconds).toBe(2);
  });

  it('writes events together after the page turn, and at once when flushed', async () => {
    const store = memoryStore();
    const writes: (() => void)[] = [];
    const tracker = new LocalTracker({ courseId: 'c', store, defer: (w) => writes.push(w) });
    tracker.record({ type: 'page-seen', ...on, dwellSeconds: 4, at: 1 });
    tracker.record({ type: 'page-seen', material: 'akuntabel', page: 'next', dwellSeconds: 0, at: 2 });
    expect(writes).toHaveLength(1);
    expect(store.data.size).toBe(0);
    // not in storage yet: another tab (or a reload without pagehide) would not see it
    expect((await new LocalTracker({ courseId: 'c', store }).resume()).pages).toEqual({});
    await tracker.flush();
    const saved = await new LocalTracker({ courseId: 'c', store }).resume();
    expect(saved.pages.tingkatan?.dwellSeconds).toBe(4);
    expect(saved.last?.page).toBe('next');
    // the write scheduled earlier finds nothing left to do and adds nothing twice
    writes[0]?.();
    expect((await new LocalTracker({ courseId: 'c', store }).resume()).pages.tingkatan?.dwellSeconds).toBe(4);
  });
});
