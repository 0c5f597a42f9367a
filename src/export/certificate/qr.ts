// the verification QR code, drawn as vector squares so it prints sharp at any size

import { type PDFPage, type RGB, rgb } from 'pdf-lib';
import { create } from 'qrcode';

export interface QrMatrix {
  /** modules per side, without the quiet zone */
  size: number;
  isDark(row: number, column: number): boolean;
}

/** The module matrix of a QR code for `text` (error correction M: survives a crease or a stamp). */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (row, column) => Boolean(modules.get(row, column)) };
}

/**
 * Draws the QR code of `text` with its lower-left corner at (x, y), `width` points wide including
 * the four-module quiet zone the standard asks for. Dark modules of a row are merged into one
 * rectangle each run.
 */
export function drawQr(
  page: PDFPage,
  options: { text: string; x: number; y: number; width: number; color: RGB },
): void {
  const matrix = qrMatrix(options.text);
  const quiet = 4;
  const module = options.width / (matrix.size + 2 * quiet);
  const top = options.y + options.width - quiet * module;
  // the quiet zone must be plain white whatever is printed behind it
  page.drawRectangle({
    x: options.x,
    y: options.y,
    width: options.width,
    height: options.width,
    color: rgb(1, 1, 1),
  });
  for (let row = 0; row < matrix.size; row++) {
    let column = 0;
    while (column < matrix.size) {
      if (!matrix.isDark(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < matrix.size && matrix.isDark(row, column)) column++;
      page.drawRectangle({
        x: options.x + (quiet + start) * module,
        y: top - (row + 1) * module,
        width: (column - start) * module,
        // a hair taller than the module so rows meet without seams in every viewer
        height: module + 0.05,
        color: options.color,
      });
    }
  }
}
