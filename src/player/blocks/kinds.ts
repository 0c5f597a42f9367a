import type { Block, BlockKind, InnerBlock } from '../../course/model.ts';

// Which block kinds a page can show with the app's own code, and which need a chunk of their own:
// regulation cards, and the rest of the richer blocks. A page that has some loads their chunk before it
// is hydrated (its HTML preloads it); other pages load them in the background. Plain TypeScript: the
// build (vite.player.config.ts) and the static export read the same table.

/** prose, pop-ups and callouts: most pages have nothing else */
export const BASIC_KINDS = ['prose', 'popup', 'callout'] as const;
export type BasicKind = (typeof BASIC_KINDS)[number];
export type RichKind = Exclude<BlockKind, BasicKind>;

const REGULATION = {
  entry: 'blocks/regulation.ts',
  files: ['blocks/regulation.ts', 'blocks/Regulation.svelte', 'components/ResourceCard.svelte'],
};
const RICH = {
  entry: 'blocks/rich.ts',
  files: [
    'blocks/rich.ts',
    'blocks/Figure.svelte',
    'blocks/Video.svelte',
    'blocks/Check.svelte',
    'blocks/Reflect.svelte',
  ],
};

/** the chunk each richer kind is in: its entry module and the files in it, relative to src/player */
export const RICH_CHUNKS: Record<RichKind, { entry: string; files: string[] }> = {
  regulation: REGULATION,
  figure: RICH,
  video: RICH,
  check: RICH,
  reflect: RICH,
};

export function isRich(kind: BlockKind): kind is RichKind {
  return !(BASIC_KINDS as readonly string[]).includes(kind);
}

/** the richer kinds among the blocks, those inside pop-ups and callouts included */
export function richKinds(
  blocks: readonly (Block | InnerBlock)[],
  into = new Set<RichKind>(),
): Set<RichKind> {
  for (const block of blocks) {
    if (isRich(block.kind)) into.add(block.kind);
    else if (block.kind === 'popup' || block.kind === 'callout') richKinds(block.blocks, into);
  }
  return into;
}
