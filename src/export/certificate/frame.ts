// the certificate's border: a thin gold rule, a navy frame and an inner gold rule, with diamond
// ornaments at the corners and a faint guilloche rosette behind the text

import { degrees, type PDFPage, type RGB } from 'pdf-lib';

export interface Palette {
  navy: RGB;
  gold: RGB;
  ink: RGB;
  muted: RGB;
  wash: RGB;
}

function diamond(page: PDFPage, cx: number, cy: number, r: number, color: RGB): void {
  // drawSvgPath measures y downwards from the given origin
  page.drawSvgPath(`M 0 ${-r} L ${r} 0 L 0 ${r} L ${-r} 0 Z`, { x: cx, y: cy, color });
}

function rosette(page: PDFPage, cx: number, cy: number, radius: number, color: RGB): void {
  // petals of an epitrochoid-like curve: many thin ellipses turned around the centre
  const petals = 36;
  for (let i = 0; i < petals; i++) {
    page.drawEllipse({
      x: cx,
      y: cy,
      xScale: radius,
      yScale: radius * 0.38,
      rotate: degrees((180 / petals) * i),
      borderColor: color,
      borderWidth: 0.35,
    });
  }
  page.drawCircle({ x: cx, y: cy, size: radius * 0.38, borderColor: color, borderWidth: 0.35 });
}

/** Draws the border and background ornament of a certificate page. */
export function drawFrame(page: PDFPage, palette: Palette): void {
  const { width, height } = page.getSize();
  rosette(page, width / 2, height / 2 - 6, 190, palette.wash);

  const rect = (inset: number, color: RGB, thickness: number) =>
    page.drawRectangle({
      x: inset,
      y: inset,
      width: width - 2 * inset,
      height: height - 2 * inset,
      borderColor: color,
      borderWidth: thickness,
    });
  rect(16, palette.gold, 0.8);
  rect(22, palette.navy, 3.2);
  rect(28.5, palette.gold, 0.8);

  for (const [x, y] of [
    [22, 22],
    [width - 22, 22],
    [22, height - 22],
    [width - 22, height - 22],
  ] as const) {
    diamond(page, x, y, 9, palette.navy);
    diamond(page, x, y, 5, palette.gold);
  }
  // small diamonds halfway along the long sides
  for (const y of [22, height - 22]) {
    diamond(page, width / 2, y, 6, palette.navy);
    diamond(page, width / 2, y, 3, palette.gold);
  }
}
