import { en } from './en.ts';
import { id, type Messages } from './id.ts';

export type Lang = 'id' | 'en';
export type { Messages };

export const LANGS: readonly Lang[] = ['id', 'en'];

export function messagesFor(lang: Lang): Messages {
  return lang === 'en' ? en : id;
}

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

/** the locale for dates and numbers in each language */
export function localeOf(lang: Lang): string {
  return lang === 'en' ? 'en-GB' : 'id-ID';
}
