import ResourceCard from '../components/ResourceCard.svelte';
import Regulation from './Regulation.svelte';

// regulation cards: their own chunk, which the regulation library loads too (see kinds.ts)
export const regulationBlocks = { regulation: Regulation };
export { ResourceCard };
