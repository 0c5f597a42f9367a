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
