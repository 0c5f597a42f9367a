import { type Lang, type Messages, messagesFor } from '../i18n/index.ts';
import type { KeyValueStore } from '../tracker/local-tracker.ts';
import {
  readSettings,
  type SettingsValues,
  type TextSize,
  type Theme,
  writeSettings,
} from './settings-store.ts';

/** The learner's display choices: language, text size and theme, remembered on this device. */
export class Settings {
  lang = $state<Lang>('id');
  textSize = $state<TextSize>(0);
  theme = $state<Theme>('system');
  #store: KeyValueStore | undefined;

  constructor(options: { store?: KeyValueStore | undefined; initial?: SettingsValues } = {}) {
    this.#store = options.store;
    const initial = options.initial ?? readSettings(options.store);
    this.lang = initial.lang;
    this.textSize = initial.textSize;
    this.theme = initial.theme;
  }

  get t(): Messages {
    return messagesFor(this.lang);
  }

  /** re-reads the stored choices (after hydrating a page rendered with the defaults) */
  load(): void {
    const values = readSettings(this.#store);
    this.lang = values.lang;
    this.textSize = values.textSize;
    this.theme = values.theme;
  }

  set(values: Partial<SettingsValues>): void {
    if (values.lang !== undefined) this.lang = values.lang;
    if (values.textSize !== undefined) this.textSize = values.textSize;
    if (values.theme !== undefined) this.theme = values.theme;
    writeSettings(this.#store, { lang: this.lang, textSize: this.textSize, theme: this.theme });
  }
}
