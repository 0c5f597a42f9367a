import { describe, expect, it } from 'vitest';
import type { ItemAnalysisThresholds } from '../api/types.ts';
import {
  difficultyBands,
  discriminationBands,
  keyLetter,
  needsReview,
  optionLetter,
  plainText,
  weakDistractorLetters,
} from './item-analysis.ts';

const thresholds: ItemAnalysisThresholds = {
  difficulty: { sukarMax: 0.3, sedangMax: 0.7 },
  discrimination: { jelekMax: 0.2, cukupMax: 0.4, baikMax: 0.7 },
  groupShare: 0.27,
  halvesBelow: 20,
  distractorMinShare: 0.05,
  pointBiserialMin: 0.2,
  reliableKr20: 0.7,
};

const option = (optionId: string, correct = false) => ({
  optionId,
  correct,
  count: 0,
  upper: 0,
  lower: 0,
  share: 0,
  functioning: true,
});

describe('item analysis bands', () => {
  it('states the difficulty bands as Arikunto writes them, from the thresholds sent', () => {
    expect(difficultyBands(thresholds)).toEqual([
      { category: 'sukar', from: 0, to: 0.3 },
      { category: 'sedang', from: 0.31, to: 0.7 },
      { category: 'mudah', from: 0.71, to: 1 },
    ]);
  });

  it('states the discrimination bands, negative first', () => {
    expect(discriminationBands(thresholds).map((b) => [b.category, b.from, b.to])).toEqual([
      ['negatif', null, 0],
      ['jelek', 0, 0.2],
      ['cukup', 0.21, 0.4],
      ['baik', 0.41, 0.7],
      ['baik-sekali', 0.71, 1],
    ]);
  });

  it('follows other thresholds when the server sends them', () => {
    const other = { ...thresholds, difficulty: { sukarMax: 0.25, sedangMax: 0.75 } };
    expect(difficultyBands(other)[1]).toEqual({ category: 'sedang', from: 0.26, to: 0.75 });
  });
});

describe('options and distractors', () => {
  const item = {
    options: [option('o1'), option('o2', true), option('o3'), option('o4')],
    weakDistractors: ['o4', 'o1'],
  };

  it('letters the options in order and names the key', () => {
    expect(optionLetter(0)).toBe('A');
    expect(optionLetter(3)).toBe('D');
    expect(keyLetter(item)).toBe('B');
    expect(keyLetter({ options: [option('x')] })).toBeNull();
  });

  it('lists weak distractors by letter in option order', () => {
    expect(weakDistractorLetters(item)).toEqual(['A', 'D']);
    expect(weakDistractorLetters({ ...item, weakDistractors: [] })).toEqual([]);
  });

  it('marks for review an item with a poor or negative D or a distractor nobody takes', () => {
    expect(needsReview({ discrimination: 'negatif', weakDistractors: [] })).toBe(true);
    expect(needsReview({ discrimination: 'jelek', weakDistractors: [] })).toBe(true);
    expect(needsReview({ discrimination: 'baik', weakDistractors: ['o3'] })).toBe(true);
    expect(needsReview({ discrimination: 'cukup', weakDistractors: [] })).toBe(false);
    expect(needsReview({ discrimination: null, weakDistractors: [] })).toBe(false);
  });
});

describe('plain text of a stem', () => {
  it('drops tags and decodes the entities the compiler writes', () => {
    expect(plainText('<p>Menurut <em>modul</em> ini, A &amp; B &lt;C&gt; …</p>')).toBe(
      'Menurut modul ini, A & B <C> …',
    );
  });
});
