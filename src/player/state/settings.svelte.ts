import { defaultMessages, type Lang, loadMessages, type Messages } from '../i18n/index.ts';
import type { KeyValueStore } from '../tracker/local-tracker.ts';
import { ReactiveMap } from './reactive-map.svelte.ts';
import {
  readSettings,
  type SettingsValues,
  type TextSize,
  type Theme,
  writeSettings,
} from './settings-store.ts';

export type LoadMessages = (lang: Lang) => Promise<Messages>;

/** The learner's display choices: language, text size and theme, remembered on this device. */
export class Settings {
  lang = $state.raw<Lang>('id');
  textSize = $state.raw<TextSize>(0);
  theme = $state.raw<Theme>('system');
  #store: KeyValueStore | undefined;
  #messages = new ReactiveMap<Lang, Messages>([['id', defaultMessages]]);
  #loadMessages: LoadMessages;

  constructor(
    options: {
      store?: KeyValueStore | undefined;
      initial?: SettingsValues;
      loadMessages?: LoadMessages;
    } = {},
  ) {
    this.#store = options.store;
    this.#loadMessages = options.loadMessages ?? loadMessages;
    this.#apply(options.initial ?? readSettings(options.store));
  }

  /** the interface's messages; Indonesian until a chosen language's catalogue has arrived */
  get t(): Messages {
    return this.#messages.get(this.lang) ?? defaultMessages;
  }

  /** resolves once the chosen language's messages are showing */
  async ready(): Promise<void> {
    const lang = this.lang;
    if (this.#messages.has(lang)) return;
    try {
      this.#messages.set(lang, await this.#loadMessages(lang));
    } catch {
      // offline before the catalogue was cached: the interface stays in Indonesian
    }
  }

  #apply(values: SettingsValues): void {
    this.lang = values.lang;
    this.textSize = values.textSize;
    this.theme = values.theme;
    if (!this.#messages.has(values.lang)) this.ready();
  }

  /** re-reads the stored choices (after hydrating a page rendered with the defaults) */
  load(): void {
    this.#apply(readSettings(this.#store));
  }

  set(values: Partial<SettingsValues>): void {
    this.#apply({
      lang: values.lang ?? this.lang,
      textSize: values.textSize ?? this.textSize,
      theme: values.theme ?? this.theme,
    });
    writeSettings(this.#store, { lang: this.lang, textSize: this.textSize, theme: this.theme });
  }
}
