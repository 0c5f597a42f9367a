import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../diagnostics.ts';
import { MediaCollector } from './media.ts';

/** the first 24 bytes of a PNG: signature, then the IHDR chunk with its width and height */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

const at = { line: 3, column: 1 };

function collect(files: Record<string, string | Uint8Array>) {
  const bag = new DiagnosticBag();
  const media = new MediaCollector(new Map(Object.entries(files)), bag);
  return { bag, media };
}

describe('media of a build', () => {
  it("reads an image's own size so the page can keep its space before it loads", () => {
    const { media, bag } = collect({
      'media/bagan.svg':
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 480"><title>x</title></svg>',
      'media/ukuran.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"></svg>',
      'media/foto.png': pngHeader(1200, 800),
    });
    const svg = media.use('01.md', at, 'media/bagan.svg', 'src');
    const sized = media.use('01.md', at, './media/ukuran.svg', 'src');
    const png = media.use('01.md', at, 'media/foto.png', 'src');
    expect(bag.all).toEqual([]);
    expect(media.size(svg ?? '')).toEqual({ width: 640, height: 480 });
    expect(media.size(sized ?? '')).toEqual({ width: 300, height: 120 });
    expect(media.size(png ?? '')).toEqual({ width: 1200, height: 800 });
    expect(media.manifest().find((file) => file.source === 'media/foto.png')).toMatchObject({
      type: 'image/png',
      width: 1200,
      height: 800,
    });
  });

  it('has no size for an SVG without viewBox or dimensions, nor for files that are not images', () => {
    const { media } = collect({
      'media/polos.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>',
      'media/aturan.pdf': '%PDF-1.7',
    });
    const svg = media.use('01.md', at, 'media/polos.svg', 'src') ?? '';
    const pdf = media.use('01.md', at, 'media/aturan.pdf', 'file') ?? '';
    expect(svg).toMatch(/^media\/polos\.[0-9a-f]{10}\.svg$/);
    expect(media.size(svg)).toBeUndefined();
    expect(media.size(pdf)).toBeUndefined();
    expect(media.manifest().find((file) => file.source === 'media/aturan.pdf')).not.toHaveProperty('width');
  });
});
