import { expect, it } from 'vitest';

it('exports exactly the intended public surface', async () => {
  expect(Object.keys(await import('./index.ts')).sort()).toEqual([
    'COGNITIVE_LEVELS',
    'DEFAULT_MIN_READ_SECONDS',
    'DEFAULT_MIN_WATCHED_FRACTION',
    'DISAGREEMENT_LEVELS',
    'GAIN_BANDS',
    'HIGHER_ORDER_LEVELS',
    'ITEM_ANALYSIS_THRESHOLDS',
    'RATER_ROLES',
    'assembleForm',
    'classGain',
    'combineRatings',
    'composeResult',
    'courseProgress',
    'difficultyCategory',
    'discriminationCategory',
    'drawParallelForms',
    'gainBand',
    'isComplete',
    'isHigherOrder',
    'itemAnalysis',
    'levelToScore',
    'materialProgress',
    'normalizedGain',
    'pageCompletion',
    'predikatFor',
    'scoreAttempt',
    'toBankItem',
  ]);
});
