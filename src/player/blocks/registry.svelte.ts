import type { Component } from 'svelte';
import type { BlockKind } from '../../course/model.ts';
import Callout from './Callout.svelte';
import { type BasicKind, isRich, RICH_CHUNKS, type RichKind } from './kinds.ts';
import Popup from './Popup.svelte';
import Prose from './Prose.svelte';
import type { BlockPlace } from './types.ts';

// one component per block kind; the page looks the kind up here and never switches on it. Prose, pop-ups
// and callouts are part of the app; the richer blocks load on demand (see kinds.ts), with their styles
// injected by Svelte, so a page without them carries neither their code nor their CSS

// biome-ignore lint/suspicious/noExplicitAny: each component takes its own block type, checked by its kind
export type BlockComponent = Component<{ block: any; place: BlockPlace }>;

const basic: Record<BasicKind, BlockComponent> = { prose: Prose, popup: Popup, callout: Callout };

// a kind's chunk brings the other kinds in it as well
const loaders: Record<RichKind, () => Promise<Partial<Record<RichKind, BlockComponent>>>> = {
  regulation: () => import('./regulation.ts').then((m) => m.regulationBlocks),
  figure: () => import('./rich.ts').then((m) => m.richBlocks),
  video: () => import('./rich.ts').then((m) => m.richBlocks),
  check: () => import('./rich.ts').then((m) => m.richBlocks),
  reflect: () => import('./rich.ts').then((m) => m.richBlocks),
};

class BlockRegistry {
  #rich = $state.raw<Partial<Record<RichKind, BlockComponent>>>({});
  #loading = new Map<RichKind, Promise<void>>();

  /** the component for a kind; undefined while a richer block is still loading */
  get(kind: BlockKind): BlockComponent | undefined {
    return isRich(kind) ? this.#rich[kind] : basic[kind];
  }

  /** for server rendering, where every block is at hand */
  provide(rich: Record<RichKind, BlockComponent>): void {
    this.#rich = rich;
  }

  /** loads the richer kinds given (all of them by default) */
  load(kinds: Iterable<RichKind> = Object.keys(RICH_CHUNKS) as RichKind[]): Promise<void> {
    const pending: Promise<void>[] = [];
    for (const kind of kinds) {
      if (this.#rich[kind]) continue;
      let loading = this.#loading.get(kind);
      if (!loading) {
        loading = loaders[kind]().then(
          (components) => {
            this.#rich = { ...this.#rich, ...components };
          },
          (error) => {
            this.#loading.delete(kind);
            throw error;
          },
        );
        this.#loading.set(kind, loading);
      }
      pending.push(loading);
    }
    return Promise.all(pending).then(() => {});
  }
}

export const blockRegistry = new BlockRegistry();
