import Check from './Check.svelte';
import Figure from './Figure.svelte';
import ReflectNote from './Reflect.svelte';
import Video from './Video.svelte';

// the richer blocks but regulation cards: one chunk (see kinds.ts)
export const richBlocks = { figure: Figure, video: Video, check: Check, reflect: ReflectNote };
