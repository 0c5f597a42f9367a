import { describe, expect, it } from 'vitest';
import { beforeAppKey, takeBeforeAppEvents } from './before-app-events.ts';

function memoryStore(entries: Record<string, string> = {}) {
  const data = new Map(Object.entries(entries));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

const on = { material: 'akuntabel', page: 'tingkatan', at: 5 };

describe('takeBeforeAppEvents', () => {
  it('returns the kept page visit, pop-up and regulation, then forgets them', () => {
    const kept = [
      { type: 'popup-opened', block: 'klik-1', ...on },
      { type: 'regulation-opened', resource: 'uu-20-2023', ...on },
      { type: 'page-seen', dwellSeconds: 12, ...on },
    ];
    const store = memoryStore({ [beforeAppKey('berakhlak')]: JSON.stringify(kept) });
    expect(takeBeforeAppEvents(store, 'berakhlak')).toEqual(kept);
    expect(store.data.get(beforeAppKey('berakhlak'))).toBe('[]');
    expect(takeBeforeAppEvents(store, 'berakhlak')).toEqual([]);
  });

  it("keeps courses apart: another course's events stay for it", () => {
    const store = memoryStore({
      [beforeAppKey('lain')]: JSON.stringify([{ type: 'page-seen', dwellSeconds: 1, ...on }]),
    });
    expect(takeBeforeAppEvents(store, 'berakhlak')).toEqual([]);
    expect(store.data.has(beforeAppKey('lain'))).toBe(true);
  });

  it('drops what it cannot record: unknown types, missing places, a pop-up without its block', () => {
    const kept = [
      { type: 'check-answered', block: 'c', ...on },
      { type: 'page-seen', dwellSeconds: 3, page: 'tingkatan', at: 1 },
      { type: 'popup-opened', ...on },
      { type: 'page-seen', dwellSeconds: -1, ...on },
      'page-seen',
      { type: 'popup-opened', block: 'klik-2', ...on },
    ];
    const store = memoryStore({ [beforeAppKey('berakhlak')]: JSON.stringify(kept) });
    expect(takeBeforeAppEvents(store, 'berakhlak')).toEqual([
      { type: 'popup-opened', block: 'klik-2', ...on },
    ]);
  });

  it('survives storage holding something that is not a list, and no storage at all', () => {
    expect(takeBeforeAppEvents(memoryStore({ [beforeAppKey('b')]: '{"a":1}' }), 'b')).toEqual([]);
    const unreadable = memoryStore({ [beforeAppKey('b')]: 'not json' });
    expect(takeBeforeAppEvents(unreadable, 'b')).toEqual([]);
    expect(unreadable.data.get(beforeAppKey('b'))).toBe('[]');
    expect(takeBeforeAppEvents(undefined, 'b')).toEqual([]);
  });
});
