import type { Component } from 'svelte';
import type { BlockKind } from '../../course/model.ts';
import Callout from './Callout.svelte';
import Check from './Check.svelte';
import Figure from './Figure.svelte';
import Popup from './Popup.svelte';
import Prose from './Prose.svelte';
import ReflectNote from './Reflect.svelte';
import Regulation from './Regulation.svelte';
import type { BlockPlace } from './types.ts';
import Video from './Video.svelte';

// one component per block kind; the page looks the kind up here and never switches on it
// biome-ignore lint/suspicious/noExplicitAny: each component takes its own block type, checked by its kind
export const blockComponents: Record<BlockKind, Component<{ block: any; place: BlockPlace }>> = {
  prose: Prose,
  popup: Popup,
  figure: Figure,
  video: Video,
  regulation: Regulation,
  callout: Callout,
  check: Check,
  reflect: ReflectNote,
};
