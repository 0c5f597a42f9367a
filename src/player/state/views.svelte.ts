import type { Component } from 'svelte';
import type { Route } from '../routing/route.ts';
import { ReactiveMap } from './reactive-map.svelte.ts';

// Screens other than the study page load on demand in the browser, so the first content page carries
// only what it shows; server rendering has them all at hand.

export type ViewName =
  | 'home'
  | 'cover'
  | 'done'
  | 'print'
  | 'search'
  | 'glossary'
  | 'regulations'
  | 'notes'
  | 'test'
  | 'cases'
  | 'feedback'
  | 'outcome'
  | 'not-found'
  | 'menu';

// biome-ignore lint/suspicious/noExplicitAny: each view declares its own props
export type AnyComponent = Component<any>;
export type ViewLoader = () => Promise<{ default: AnyComponent }>;

export function viewFor(route: Route): ViewName | 'page' {
  return route.kind === 'page' ? 'page' : route.kind;
}

export class Views {
  #loaded = new ReactiveMap<ViewName, AnyComponent>();
  #loaders: Partial<Record<ViewName, ViewLoader>>;

  constructor(options: {
    loaded?: Partial<Record<ViewName, AnyComponent>>;
    loaders?: Partial<Record<ViewName, ViewLoader>>;
  }) {
    for (const [name, component] of Object.entries(options.loaded ?? {})) {
      if (component) this.#loaded.set(name as ViewName, component);
    }
    this.#loaders = options.loaders ?? {};
  }

  get(name: ViewName): AnyComponent | undefined {
    return this.#loaded.get(name);
  }

  async load(name: ViewName): Promise<void> {
    if (this.#loaded.has(name)) return;
    const loader = this.#loaders[name];
    if (!loader) return;
    const module = await loader();
    this.#loaded.set(name, module.default);
  }

  /** fetches every view in the background, so later screens open at once (and offline) */
  async loadAll(): Promise<void> {
    await Promise.all(Object.keys(this.#loaders).map((name) => this.load(name as ViewName).catch(() => {})));
  }
}
