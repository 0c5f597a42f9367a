// wrapping and shrinking text to a width so nothing on the certificate ever runs past its frame

import type { PDFFont } from 'pdf-lib';

/** A stretch of text in one font: paragraphs mix regular and bold runs. */
export interface Run {
  text: string;
  font: PDFFont;
  /**
   * never break a line inside this run (a date, "6 JP (270 menit)") unless it is wider than a line;
   * a trailing space glues it to the next run
   */
  nowrap?: boolean;
}

/** A laid-out line: its runs (words rejoined) and its width at the size it was laid out for. */
export interface Line {
  runs: Run[];
  width: number;
}

export interface FitResult {
  lines: Line[];
  size: number;
}

/** An unbreakable box: pieces in their fonts, and whether a space precedes it. */
interface Word {
  pieces: Run[];
  spaced: boolean;
}

function words(runs: readonly Run[]): Word[] {
  const out: Word[] = [];
  let space = false;
  const add = (text: string, font: PDFFont) => {
    const last = out.at(-1);
    if (last && !space) last.pieces.push({ text, font });
    else out.push({ pieces: [{ text, font }], spaced: space && out.length > 0 });
    space = false;
  };
  for (const run of runs) {
    // a nowrap run keeps its trailing space, so the run after it stays on the same line
    const parts = run.nowrap ? run.text.split(/^( +)/) : run.text.split(/( +)/);
    for (const part of parts) {
      if (part === undefined || part === '') continue;
      if (/^ +$/.test(part)) space = true;
      else add(part, run.font);
    }
  }
  return out;
}

function widthOf(pieces: readonly Run[], size: number): number {
  return pieces.reduce((sum, p) => sum + p.font.widthOfTextAtSize(p.text, size), 0);
}

// a word wider than the line is cut into pieces that fit
function splitLongWord(word: Word, size: number, maxWidth: number): Word[] {
  if (widthOf(word.pieces, size) <= maxWidth) return [word];
  const out: Word[] = [];
  let current: Run[] = [];
  for (const piece of word.pieces) {
    for (const char of piece.text) {
      const last = current.at(-1);
      const next =
        last && last.font === piece.font
          ? [...current.slice(0, -1), { text: last.text + char, font: piece.font }]
          : [...current, { text: char, font: piece.font }];
      if (current.length > 0 && widthOf(next, size) > maxWidth) {
        out.push({ pieces: current, spaced: out.length === 0 && word.spaced });
        current = [{ text: char, font: piece.font }];
      } else current = next;
    }
  }
  out.push({ pieces: current, spaced: out.length === 0 && word.spaced });
  // a space inside a nowrap run may now start a line
  return out.map((w, i) => (i === 0 ? w : { ...w, pieces: trimStart(w.pieces) }));
}

function trimStart(pieces: Run[]): Run[] {
  const [first, ...rest] = pieces;
  return first ? [{ ...first, text: first.text.trimStart() }, ...rest] : pieces;
}

function lineOf(ws: readonly Word[], size: number): Line {
  const runs: Run[] = [];
  for (const [i, w] of ws.entries()) {
    w.pieces.forEach((piece, j) => {
      const text = (i > 0 && j === 0 && w.spaced ? ' ' : '') + piece.text;
      const last = runs.at(-1);
      if (last && last.font === piece.font) last.text += text;
      else runs.push({ text, font: piece.font });
    });
  }
  return { runs, width: widthOf(runs, size) };
}

/** Greedy word wrap of mixed-font runs at one size. */
export function wrapRuns(runs: readonly Run[], size: number, maxWidth: number): Line[] {
  const lines: Line[] = [];
  let current: Word[] = [];
  for (const word of words(runs).flatMap((w) => splitLongWord(w, size, maxWidth))) {
    const candidate = lineOf([...current, word], size);
    if (current.length > 0 && candidate.width > maxWidth) {
      lines.push(lineOf(current, size));
      current = [{ ...word, spaced: false, pieces: trimStart(word.pieces) }];
    } else current.push(word);
  }
  if (current.length > 0) lines.push(lineOf(current, size));
  return lines;
}

function ellipsize(line: Line, size: number, maxWidth: number): Line {
  const runs = line.runs.map((r) => ({ ...r }));
  const measure = () => runs.reduce((sum, r) => sum + r.font.widthOfTextAtSize(r.text, size), 0);
  const last = () => runs.at(-1) as Run;
  let body = last().text.trimEnd();
  last().text = `${body}…`;
  while (measure() > maxWidth) {
    if (body === '') {
      if (runs.length === 1) break;
      runs.pop();
      body = last().text.trimEnd();
    } else body = [...body].slice(0, -1).join('').trimEnd();
    last().text = `${body}…`;
  }
  return { runs, width: measure() };
}

// centred lines read better when they are of similar length: the narrowest width that keeps the
// same number of lines
function balance(runs: readonly Run[], size: number, maxWidth: number, lines: Line[]): Line[] {
  if (lines.length < 2) return lines;
  let low = maxWidth / 2;
  let high = maxWidth;
  let best = lines;
  for (let i = 0; i < 12; i++) {
    const mid = (low + high) / 2;
    const attempt = wrapRuns(runs, size, mid);
    if (attempt.length === lines.length) {
      best = attempt;
      high = mid;
    } else low = mid;
  }
  return best;
}

/**
 * Lays out text in at most `maxLines` lines of `maxWidth`, at the largest size from `size` down to
 * `minSize` (in half points) that fits, with lines balanced in length; text that does not fit even
 * then is cut with an ellipsis.
 */
export function fitRuns(
  runs: readonly Run[],
  options: { maxWidth: number; maxLines: number; size: number; minSize: number },
): FitResult {
  const { maxWidth, maxLines, minSize } = options;
  for (let size = options.size; size >= minSize; size -= 0.5) {
    const lines = wrapRuns(runs, size, maxWidth);
    if (lines.length <= maxLines) return { lines: balance(runs, size, maxWidth, lines), size };
  }
  const lines = wrapRuns(runs, minSize, maxWidth);
  const kept = lines.slice(0, maxLines);
  kept[kept.length - 1] = ellipsize(kept[kept.length - 1] as Line, minSize, maxWidth);
  return { lines: kept, size: minSize };
}
