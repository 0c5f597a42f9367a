import { isLang, type Lang } from '../i18n/index.ts';
import type { KeyValueStore } from '../tracker/local-tracker.ts';

export type Theme = 'system' | 'light' | 'dark';
export type TextSize = 0 | 1 | 2;

export interface SettingsValues {
  lang: Lang;
  textSize: TextSize;
  theme: Theme;
}

export const SETTINGS_KEY = 'lentera:settings';
export const DEFAULT_SETTINGS: SettingsValues = { lang: 'id', textSize: 0, theme: 'system' };

export function readSettings(store: KeyValueStore | undefined): SettingsValues {
  try {
    const raw = store?.getItem(SETTINGS_KEY);
    const value: unknown = raw ? JSON.parse(raw) : {};
    const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    return {
      lang: isLang(v.lang) ? v.lang : DEFAULT_SETTINGS.lang,
      textSize: v.textSize === 1 || v.textSize === 2 ? v.textSize : 0,
      theme: v.theme === 'light' || v.theme === 'dark' ? v.theme : 'system',
    };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function writeSettings(store: KeyValueStore | undefined, values: SettingsValues): void {
  try {
    store?.setItem(SETTINGS_KEY, JSON.stringify(values));
  } catch {
    // refused storage: the choice lasts for this session
  }
}

/**
 * Runs in <head> before first paint so a chosen theme, text size or language never flashes. Kept as a
 * string: it is inlined into every HTML page.
 */
export const SETTINGS_BOOT_SCRIPT = `try{var s=JSON.parse(localStorage.getItem('${SETTINGS_KEY}')||'{}'),d=document.documentElement;if(s.theme==='dark'||s.theme==='light')d.dataset.theme=s.theme;if(s.textSize===1||s.textSize===2)d.dataset.textSize=String(s.textSize);if(s.lang==='en')d.dataset.uiLang='en'}catch(e){}`;
