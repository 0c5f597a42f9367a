import { describe, expect, it } from 'vitest';
import type { FinalResult } from '../api/types.ts';
import { evalEn } from '../i18n/eval-en.ts';
import { evalId } from '../i18n/eval-id.ts';
import {
  componentCell,
  reasonsText,
  reasonText,
  resultCounts,
  resultState,
  weightPercents,
} from './results.ts';

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
  reasons: [{ kind: 'missing', component: 'cases', weight: 0.3 }],
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

  it('says in Indonesian why a participant did not pass, scores written as the table writes them', () => {
    const failed: FinalResult = {
      ...done(false),
      final: 62.5,
      reasons: [
        { kind: 'final-below', score: 62.5, passing: 70 },
        { kind: 'posttest-below', score: 55, passing: 60 },
      ],
    };
    expect(resultState(failed)).toBe('tidak-lulus');
    expect(reasonsText(failed, evalId, 'id')).toBe(
      'Nilai akhir 62,5 di bawah batas lulus 70. Nilai post-test 55 di bawah batas lulus post-test 60.',
    );
    expect(reasonsText(failed, evalEn, 'en')).toBe(
      'The final score 62.5 is below the passing score 70. The post-test score 55 is below the post-test passing score 60.',
    );
    expect(reasonsText(done(true), evalId, 'id')).toBe('');
  });

  it('names a missing component and its weight, and a post-test needed only for its mark', () => {
    expect(reasonText({ kind: 'missing', component: 'cases', weight: 0.3 }, evalId, 'id')).toBe(
      'Studi kasus belum ada nilainya (bobot 30%): hasil belum lengkap sampai nilainya masuk.',
    );
    expect(reasonText({ kind: 'missing', component: 'behaviour', weight: 0.3 }, evalEn, 'en')).toBe(
      'Behaviour: no score yet (weight 30%); the result is incomplete until it is in.',
    );
    expect(reasonText({ kind: 'posttest-missing', passing: 72.5 }, evalId, 'id')).toBe(
      'Nilai post-test belum ada: untuk lulus, nilai post-test harus sedikitnya 72,5.',
    );
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
