import { describe, expect, it } from 'vitest';
import { clearDraft, draftKey, readDraft, writeDraft } from './draft.ts';

class MemoryStore {
  map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

describe('feedback draft', () => {
  it('keeps scale and open answers per account and cohort until cleared', () => {
    const store = new MemoryStore();
    const key = draftKey('u1', 'c1');
    writeDraft(
      store,
      key,
      new Map<string, number | string>([
        ['jelas', 4],
        ['saran', 'Lebih banyak contoh.'],
      ]),
    );
    expect([...readDraft(store, key)]).toEqual([
      ['jelas', 4],
      ['saran', 'Lebih banyak contoh.'],
    ]);
    expect(readDraft(store, draftKey('u2', 'c1')).size).toBe(0);
    clearDraft(store, key);
    expect(readDraft(store, key).size).toBe(0);
  });

  it('reads nothing from a damaged entry, and works without storage', () => {
    const store = new MemoryStore();
    store.setItem('k', '{not json');
    expect(readDraft(store, 'k').size).toBe(0);
    store.setItem('k', JSON.stringify({ a: { nested: true }, b: 2 }));
    expect([...readDraft(store, 'k')]).toEqual([['b', 2]]);
    expect(readDraft(undefined, 'k').size).toBe(0);
    expect(() => writeDraft(undefined, 'k', new Map([['a', 1]]))).not.toThrow();
  });
});
