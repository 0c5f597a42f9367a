import { describe, expect, it } from 'vitest';
import type { FinalResult } from '../api/types.ts';
import { componentCell, resultCounts, resultState, weightPercents } from './results.ts';

const done = (lulus: boolean): FinalResult => ({
  ok: true,
  complete: true,
  final: lulus ? 82 : 60,
  provisional: null,
  predikat: lulus ? 'Baik' : 'Kurang',
  lulus,
  missing: [],
  reasons: [],
  weightsUsed: {},
});
const incomplete: FinalResult = {
  ok: true,
  complete: false,
  final: null,
  provisional: 75,
  predikat: null,
  lulus: null,
  missing: ['cases'],
  reasons: ['…'],
  weightsUsed: {},
};

describe('final results', () => {
  it('reads lulus, tidak lulus and incomplete; a broken policy is its own state', () => {
    expect(resultState(done(true))).toBe('lulus');
    expect(resultState(done(false))).toBe('tidak-lulus');
    expect(resultState(incomplete)).toBe('incomplete');
    expect(resultState({ ok: false, errors: [{ field: 'weights', message: 'x' }] })).toBe('invalid');
  });

  it('shows a missing component as missing, never as zero, and skips unweighted ones', () => {
    const weights = { posttest: 40, cases: 30, behaviour: 0 };
    const outcome = { components: { posttest: 0, cases: null, behaviour: 80 } };
    expect(componentCell(outcome, 'posttest', weights)).toEqual({ state: 'score', score: 0 });
    expect(componentCell(outcome, 'cases', weights)).toEqual({ state: 'missing' });
    expect(componentCell(outcome, 'behaviour', weights)).toEqual({ state: 'unweighted' });
  });

  it('counts what closing would freeze', () => {
    expect(resultCounts([{ result: done(true) }, { result: done(false) }, { result: incomplete }])).toEqual({
      participants: 3,
      lulus: 1,
      tidakLulus: 1,
      incomplete: 1,
    });
  });

  it('states the weights as percentages of the final score', () => {
    expect(weightPercents({ posttest: 40, cases: 30, behaviour: 30 })).toEqual({
      posttest: 40,
      cases: 30,
      behaviour: 30,
    });
    expect(weightPercents({ posttest: 1, cases: 0, behaviour: 1 })).toEqual({
      posttest: 50,
      cases: 0,
      behaviour: 50,
    });
  });
});
