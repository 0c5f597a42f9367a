import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { id } from '../i18n/id.ts';
import type { KeyValueStore } from '../tracker/local-tracker.ts';
import { Settings } from './settings.svelte.ts';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from './settings-store.ts';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const loadMessages = async (lang: 'id' | 'en') => (lang === 'en' ? en : id);

describe('Settings', () => {
  it('starts in Bahasa Indonesia, normal text, following the device theme', () => {
    const settings = new Settings({ store: memoryStore(), loadMessages });
    expect([settings.lang, settings.textSize, settings.theme]).toEqual(['id', 0, 'system']);
    expect(settings.t.skipToContent).toBe(id.skipToContent);
  });

  it('remembers language, text size and theme on this device', async () => {
    const store = memoryStore();
    const settings = new Settings({ store, loadMessages });
    settings.set({ lang: 'en' });
    settings.set({ textSize: 2, theme: 'dark' });
    const next = new Settings({ store, loadMessages });
    expect([next.lang, next.textSize, next.theme]).toEqual(['en', 2, 'dark']);
    await next.ready();
    expect(next.t.skipToContent).toBe('Skip to content');
  });

  it('keeps showing Indonesian until the English messages have arrived', async () => {
    let arrive: (messages: typeof en) => void = () => {};
    const settings = new Settings({
      store: memoryStore(),
      loadMessages: (lang) =>
        lang === 'en' ? new Promise((resolve) => (arrive = resolve)) : loadMessages(lang),
    });
    settings.set({ lang: 'en' });
    expect(settings.lang).toBe('en');
    expect(settings.t.home).toBe(id.home);
    const ready = settings.ready();
    arrive(en);
    await ready;
    expect(settings.t.home).toBe(en.home);
  });

  it('stays in Indonesian when English cannot be fetched (offline before it was cached)', async () => {
    const settings = new Settings({
      store: memoryStore(),
      loadMessages: (lang) => (lang === 'en' ? Promise.reject(new Error('offline')) : loadMessages(lang)),
    });
    settings.set({ lang: 'en' });
    await settings.ready();
    expect(settings.t.home).toBe(id.home);
  });

  it('hydrates with the defaults the page was rendered with, then applies the stored choices', () => {
    const store = memoryStore();
    store.setItem(SETTINGS_KEY, JSON.stringify({ lang: 'id', textSize: 1, theme: 'light' }));
    const settings = new Settings({ store, initial: DEFAULT_SETTINGS, loadMessages });
    expect(settings.textSize).toBe(0);
    settings.load();
    expect([settings.textSize, settings.theme]).toEqual([1, 'light']);
  });

  it('ignores stored values it does not know, and storage that refuses', () => {
    const store = memoryStore();
    store.setItem(SETTINGS_KEY, '{"lang":"fr","textSize":7,"theme":"neon"}');
    expect(new Settings({ store, loadMessages }).textSize).toBe(0);
    const refusing: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const settings = new Settings({ store: refusing, loadMessages });
    settings.set({ theme: 'dark' });
    expect(settings.theme).toBe('dark');
  });
});
