import type {
  AnalysedItem,
  DifficultyCategory,
  DiscriminationCategory,
  ItemAnalysisThresholds,
} from '../api/types.ts';

// What the facilitator reads beside the item analysis: the bands, from the thresholds the server
// sends (ITEM_ANALYSIS_THRESHOLDS), never from numbers copied into the app. Indices are rounded to 2
// decimals before they are banded, so each band starts 0.01 above the one below it.

export interface Band<C extends string> {
  category: C;
  /** inclusive, or null for "below" / "from" bands */
  from: number | null;
  to: number | null;
}

const step = (x: number) => Math.round((x + 0.01) * 100) / 100;

/** sukar p ≤ 0.30, sedang 0.31–0.70, mudah ≥ 0.71 */
export function difficultyBands(th: ItemAnalysisThresholds): Band<DifficultyCategory>[] {
  const { sukarMax, sedangMax } = th.difficulty;
  return [
    { category: 'sukar', from: 0, to: sukarMax },
    { category: 'sedang', from: step(sukarMax), to: sedangMax },
    { category: 'mudah', from: step(sedangMax), to: 1 },
  ];
}

/** negatif D < 0, jelek 0.00–0.20, cukup 0.21–0.40, baik 0.41–0.70, baik sekali ≥ 0.71 */
export function discriminationBands(th: ItemAnalysisThresholds): Band<DiscriminationCategory>[] {
  const { jelekMax, cukupMax, baikMax } = th.discrimination;
  return [
    { category: 'negatif', from: null, to: 0 },
    { category: 'jelek', from: 0, to: jelekMax },
    { category: 'cukup', from: step(jelekMax), to: cukupMax },
    { category: 'baik', from: step(cukupMax), to: baikMax },
    { category: 'baik-sekali', from: step(baikMax), to: 1 },
  ];
}

/** A, B, C … for the options in the bank's order */
export function optionLetter(index: number): string {
  return index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
}

/** the letters of the distractors chosen by too few takers, in option order */
export function weakDistractorLetters(item: Pick<AnalysedItem, 'options' | 'weakDistractors'>): string[] {
  const weak = new Set(item.weakDistractors);
  return item.options.flatMap((o, i) => (weak.has(o.optionId) ? [optionLetter(i)] : []));
}

/** the letter of the key */
export function keyLetter(item: Pick<AnalysedItem, 'options'>): string | null {
  const index = item.options.findIndex((o) => o.correct);
  return index < 0 ? null : optionLetter(index);
}

/** an item worth revising: negative or poor discrimination, or a distractor nobody takes */
export function needsReview(item: Pick<AnalysedItem, 'discrimination' | 'weakDistractors'>): boolean {
  return (
    item.discrimination === 'negatif' || item.discrimination === 'jelek' || item.weakDistractors.length > 0
  );
}

/** course HTML (a stem) as plain text for a table cell */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
