import { isLang, type Lang, type Messages, messagesFor } from '../i18n/index.ts';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY = 'lentera-staff-lang';

/** The staff member's language, remembered on this device; Indonesian until they choose. */
export class Prefs {
  lang = $state<Lang>('id');
  #store: KeyValueStore | undefined;

  constructor(options: { store?: KeyValueStore | undefined } = {}) {
    this.#store = options.store;
    try {
      const stored = this.#store?.getItem(KEY);
      if (isLang(stored)) this.lang = stored;
    } catch {
      // storage can be blocked; Indonesian it is
    }
  }

  get t(): Messages {
    return messagesFor(this.lang);
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    try {
      this.#store?.setItem(KEY, lang);
    } catch {
      // not remembered, still switched
    }
  }
}
