import type { Block, InnerBlock } from '../../course/model.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of sanitized HTML: tags dropped, block ends kept as spaces, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every piece of text a learner can read in these blocks, pop-up bodies and transcripts included. */
export function blocksText(blocks: readonly (Block | InnerBlock)[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'prose':
        parts.push(htmlToText(block.html));
        break;
      case 'popup':
        parts.push(block.label, block.title, blocksText(block.blocks));
        break;
      case 'callout':
        parts.push(block.title ?? '', blocksText(block.blocks));
        break;
      case 'figure':
        parts.push(block.caption, block.alt, htmlToText(block.description ?? ''));
        break;
      case 'video':
        parts.push(block.title, htmlToText(block.transcript));
        break;
      case 'reflect':
        parts.push(htmlToText(block.prompt));
        break;
      case 'regulation':
      case 'check':
        break;
    }
  }
  return parts.filter(Boolean).join(' ');
}
