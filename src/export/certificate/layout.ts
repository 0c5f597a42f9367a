// the centre-column layout of the certificate: blocks of fitted text stacked between two edges

import { type PDFFont, type PDFPage, type RGB, setCharacterSpacing } from 'pdf-lib';
import { fitRuns, type Line, type Run } from './text-fit.ts';
import { pdfSafeText } from './win-ansi.ts';

/** Printable text, keeping a leading or trailing space that joins it to the next run. */
export function safe(text: string): string {
  const body = pdfSafeText(text).text;
  return (/^\s/.test(text) ? ' ' : '') + body + (/\s$/.test(text) && body !== '' ? ' ' : '');
}

export function run(text: string, font: PDFFont, nowrap = false): Run {
  return { text: safe(text), font, nowrap };
}

function drawLine(page: PDFPage, line: Line, options: { cx: number; y: number; size: number; color: RGB }) {
  let x = options.cx - line.width / 2;
  for (const r of line.runs) {
    page.drawText(r.text, { x, y: options.y, size: options.size, font: r.font, color: options.color });
    x += r.font.widthOfTextAtSize(r.text, options.size);
  }
}

/** A block of the centre column: its height and how to draw it below a top edge. */
export interface Block {
  height: number;
  gap: number;
  draw(top: number): void;
}

export function textBlock(
  page: PDFPage,
  runs: Run[],
  options: {
    cx: number;
    maxWidth: number;
    size: number;
    minSize?: number;
    maxLines?: number;
    gap: number;
    color: RGB;
    leading?: number;
    spacing?: number;
    underline?: boolean;
  },
): Block {
  const fit = fitRuns(runs, {
    maxWidth: options.maxWidth,
    maxLines: options.maxLines ?? 1,
    size: options.size,
    minSize: options.minSize ?? options.size,
  });
  const leading = fit.size * (options.leading ?? 1.22);
  const spacing = options.spacing ?? 0;
  return {
    gap: options.gap,
    height: leading * (fit.lines.length - 1) + fit.size,
    draw(top) {
      fit.lines.forEach((line, i) => {
        const chars = line.runs.reduce((n, r) => n + [...r.text].length, 0);
        const y = top - fit.size * 0.78 - i * leading;
        if (options.underline) {
          const start = { x: options.cx - line.width / 2, y: y - fit.size * 0.14 };
          page.drawLine({
            start,
            end: { x: start.x + line.width, y: start.y },
            thickness: 0.6,
            color: options.color,
          });
        }
        if (spacing === 0) {
          drawLine(page, line, { cx: options.cx, y, size: fit.size, color: options.color });
          return;
        }
        // letter-spaced: Tc keeps the word one string for copy and search
        page.pushOperators(setCharacterSpacing(spacing));
        drawLine(
          page,
          { ...line, width: line.width + spacing * (chars - 1) },
          {
            cx: options.cx,
            y,
            size: fit.size,
            color: options.color,
          },
        );
        page.pushOperators(setCharacterSpacing(0));
      });
    },
  };
}

export function stack(blocks: Block[], top: number, bottom: number): void {
  const content = blocks.reduce((sum, b) => sum + b.height, 0);
  const gaps = blocks.slice(1).reduce((sum, b) => sum + b.gap, 0);
  const spare = top - bottom - content - gaps;
  const factor = gaps === 0 ? 1 : Math.min(1.5, Math.max(0.35, 1 + spare / gaps));
  const used = content + gaps * factor;
  let y = top - Math.max(0, (top - bottom - used) / 2);
  blocks.forEach((block, i) => {
    if (i > 0) y -= block.gap * factor;
    block.draw(y);
    y -= block.height;
  });
}
