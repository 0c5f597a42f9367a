import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { fitRuns, wrapRuns } from './text-fit.ts';

const doc = await PDFDocument.create();
const roman = await doc.embedFont(StandardFonts.TimesRoman);
const bold = await doc.embedFont(StandardFonts.TimesRomanBold);
const text = (lines: { runs: { text: string }[] }[]) => lines.map((l) => l.runs.map((r) => r.text).join(''));

describe('wrapRuns', () => {
  it('keeps a short line whole and joins runs with their spaces', () => {
    const lines = wrapRuns(
      [
        { text: 'dengan predikat ', font: roman },
        { text: 'BAIK', font: bold },
      ],
      12,
      400,
    );
    expect(text(lines)).toEqual(['dengan predikat BAIK']);
    expect(lines[0]?.runs.map((r) => r.font)).toEqual([roman, bold]);
  });

  it('breaks between words and never makes a line wider than the limit', () => {
    const lines = wrapRuns([{ text: 'satu dua tiga empat lima enam tujuh delapan', font: roman }], 12, 80);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(80);
    expect(text(lines).join(' ')).toBe('satu dua tiga empat lima enam tujuh delapan');
  });

  it('never breaks inside a nowrap run, and glues it to the next run through its trailing space', () => {
    const runs = [
      { text: 'yang diselenggarakan pada ', font: roman },
      { text: 'tanggal ', font: roman, nowrap: true },
      { text: '3 s.d. 5 Desember 2026', font: bold, nowrap: true },
      { text: ' selama 6 JP', font: roman },
    ];
    for (const width of [180, 220, 260, 320, 400]) {
      const lines = text(wrapRuns(runs, 12, width));
      expect(lines.some((l) => l.includes('tanggal 3 s.d. 5 Desember 2026'))).toBe(true);
    }
  });

  it('cuts a word longer than the line', () => {
    const lines = wrapRuns([{ text: 'x'.repeat(200), font: roman }], 12, 100);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(100);
    expect(text(lines).join('')).toBe('x'.repeat(200));
  });
});

describe('fitRuns', () => {
  const runs = [{ text: 'Bangga Melayani Bangsa melalui Core Value BerAKHLAK', font: bold }];

  it('keeps the preferred size when the text fits', () => {
    expect(fitRuns(runs, { maxWidth: 600, maxLines: 1, size: 19, minSize: 12 }).size).toBe(19);
  });

  it('shrinks before it gives up a line', () => {
    const fit = fitRuns(runs, { maxWidth: 300, maxLines: 1, size: 19, minSize: 10 });
    expect(fit.lines).toHaveLength(1);
    expect(fit.size).toBeLessThan(19);
    expect(fit.lines[0]?.width).toBeLessThanOrEqual(300);
  });

  it('balances wrapped lines', () => {
    const fit = fitRuns(runs, { maxWidth: 330, maxLines: 2, size: 19, minSize: 19 });
    expect(fit.lines).toHaveLength(2);
    const [a, b] = fit.lines.map((l) => l.width) as [number, number];
    expect(Math.abs(a - b)).toBeLessThan(80);
  });

  it('ends with an ellipsis when even the smallest size does not fit', () => {
    const fit = fitRuns([{ text: 'kata '.repeat(200), font: roman }], {
      maxWidth: 200,
      maxLines: 2,
      size: 12,
      minSize: 10,
    });
    expect(fit.lines).toHaveLength(2);
    expect(text(fit.lines)[1]?.endsWith('…')).toBe(true);
    for (const line of fit.lines) expect(line.width).toBeLessThanOrEqual(200);
  });
});
