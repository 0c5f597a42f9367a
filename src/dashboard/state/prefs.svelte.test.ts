import { describe, expect, it } from 'vitest';
import { Prefs } from './prefs.svelte.ts';

function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

describe('Prefs', () => {
  it('starts in Indonesian and remembers a switch to English', () => {
    const store = memoryStore();
    const prefs = new Prefs({ store });
    expect(prefs.lang).toBe('id');
    expect(prefs.t.logIn).toBe('Masuk');
    prefs.setLang('en');
    expect(prefs.t.logIn).toBe('Log in');
    expect(new Prefs({ store }).lang).toBe('en');
  });

  it('ignores a stored value it does not know and storage that throws', () => {
    expect(new Prefs({ store: memoryStore({ 'lentera-staff-lang': 'fr' }) }).lang).toBe('id');
    const blocked = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    const prefs = new Prefs({ store: blocked });
    prefs.setLang('en');
    expect(prefs.lang).toBe('en');
  });
});
