import { id, type Messages } from './id.ts';

export type Lang = 'id' | 'en';
export type { Messages };

export const LANGS: readonly Lang[] = ['id', 'en'];

/** Indonesian, the course's language: always in the app */
export const defaultMessages: Messages = id;

/** A catalogue by language; English is its own chunk, fetched only by a learner who chooses it. */
export function loadMessages(lang: Lang): Promise<Messages> {
  return lang === 'en' ? import('./en.ts').then((m) => m.en) : Promise.resolve(id);
}

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}
