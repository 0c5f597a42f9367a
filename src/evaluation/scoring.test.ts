import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BankItem } from './bank.ts';
import { type Answers, scoreAttempt } from './scoring.ts';

const item = (id: string, material: string, level: BankItem['level'], value?: string): BankItem => ({
  id,
  material,
  ...(value === undefined ? {} : { value }),
  level,
  optionIds: ['a', 'b', 'c', 'd'],
  correctOptionId: 'b',
});

const form: BankItem[] = [
  item('ak-1', 'akuntabel', 'C1', 'akuntabel'),
  item('ak-2', 'akuntabel', 'C3', 'akuntabel'),
  item('ko-1', 'kompeten', 'C2', 'kompeten'),
  item('pe-1', 'pendahuluan', 'C1'),
];

describe('scoreAttempt', () => {
  it.each<[string, Answers, number, number, number]>([
    ['all correct', { 'ak-1': 'b', 'ak-2': 'b', 'ko-1': 'b', 'pe-1': 'b' }, 100, 4, 4],
    ['nothing answered', {}, 0, 0, 0],
    ['unanswered counts as wrong', { 'ak-1': 'b', 'ak-2': null }, 25, 1, 1],
    ['wrong answers', { 'ak-1': 'a', 'ak-2': 'c', 'ko-1': 'b', 'pe-1': 'd' }, 25, 1, 4],
    ['an option the item lacks counts as unanswered', { 'ak-1': 'z', 'ko-1': 'b' }, 25, 1, 1],
    ['answers to items not on the form are ignored', { 'xx-9': 'b', 'ko-1': 'b' }, 25, 1, 1],
  ])('%s', (_name, answers, score, correct, answered) => {
    const result = scoreAttempt({ items: form, answers });
    expect({
      score: result.score,
      correct: result.correct,
      answered: result.answered,
      total: result.total,
    }).toEqual({
      score,
      correct,
      answered,
      total: 4,
    });
  });

  it('rounds to 2 decimals', () => {
    const three = form.slice(0, 3);
    expect(scoreAttempt({ items: three, answers: { 'ak-1': 'b' } }).score).toBe(33.33);
    expect(scoreAttempt({ items: three, answers: { 'ak-1': 'b', 'ak-2': 'b' } }).score).toBe(66.67);
  });

  it('breaks the score down by material, value and level', () => {
    const result = scoreAttempt({
      items: form,
      answers: { 'ak-1': 'b', 'ak-2': 'a', 'ko-1': 'b', 'pe-1': 'b' },
    });
    expect(result.byMaterial).toEqual({
      akuntabel: { correct: 1, total: 2, percent: 50 },
      kompeten: { correct: 1, total: 1, percent: 100 },
      pendahuluan: { correct: 1, total: 1, percent: 100 },
    });
    expect(result.byValue).toEqual({
      akuntabel: { correct: 1, total: 2, percent: 50 },
      kompeten: { correct: 1, total: 1, percent: 100 },
    });
    expect(result.byLevel).toEqual({
      C1: { correct: 2, total: 2, percent: 100 },
      C2: { correct: 1, total: 1, percent: 100 },
      C3: { correct: 0, total: 1, percent: 0 },
      C4: { correct: 0, total: 0, percent: null },
    });
    expect(result.items[1]).toEqual({ itemId: 'ak-2', chosen: 'a', answered: true, correct: false });
  });

  it('handles ids that are names of Object.prototype properties', () => {
    const odd = [item('constructor', 'toString', 'C2', 'hasOwnProperty')];
    const result = scoreAttempt({ items: odd, answers: { constructor: 'b' } });
    expect(result.byMaterial).toEqual({ toString: { correct: 1, total: 1, percent: 100 } });
    expect(result.byValue).toEqual({ hasOwnProperty: { correct: 1, total: 1, percent: 100 } });
    expect(result.score).toBe(100);
  });

  it('scores an empty form as 0', () => {
    expect(scoreAttempt({ items: [], answers: {} })).toMatchObject({ score: 0, total: 0 });
  });

  it('keeps the score within 0–100 for any answers', () => {
    const answerArb = fc.dictionary(
      fc.constantFrom('ak-1', 'ak-2', 'ko-1', 'pe-1', 'xx', '__proto__', 'constructor'),
      fc.option(fc.oneof(fc.constantFrom('a', 'b', 'c', 'd'), fc.string()), { nil: null }),
    );
    fc.assert(
      fc.property(fc.subarray(form), answerArb, (items, answers) => {
        const result = scoreAttempt({ items, answers });
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(result.correct).toBeLessThanOrEqual(result.answered);
        expect(result.answered).toBeLessThanOrEqual(result.total);
      }),
    );
  });
});
