import { describe, expect, it } from 'vitest';
import type { RubricCriterion } from '../api/types.ts';
import { missingCriteria, rubricScore, weightShares } from './rubric.ts';

const levels4 = ['1', '2', '3', '4'];
const rubric: RubricCriterion[] = [
  { id: 'analisis', criterion: 'Analisis masalah', weight: 2, levels: levels4 },
  { id: 'nilai', criterion: 'Penerapan nilai', weight: 1, levels: levels4 },
];

describe('rubric score', () => {
  it('weights each level as (level − 1) / 3 × 100, as the server does', () => {
    expect(rubricScore(rubric, { analisis: 4, nilai: 4 })).toBe(100);
    expect(rubricScore(rubric, { analisis: 1, nilai: 1 })).toBe(0);
    // (2 × 66.67 + 1 × 33.33) / 3
    expect(rubricScore(rubric, { analisis: 3, nilai: 2 })).toBe(55.56);
  });

  it('has no score while a criterion is unrated, and names it', () => {
    expect(rubricScore(rubric, { analisis: 3 })).toBeNull();
    expect(missingCriteria(rubric, { analisis: 3 }).map((c) => c.id)).toEqual(['nilai']);
    expect(missingCriteria(rubric, { analisis: 3, nilai: 7 }).map((c) => c.id)).toEqual(['nilai']);
    expect(rubricScore([], {})).toBeNull();
  });

  it('states each criterion’s share of the grade', () => {
    expect(weightShares(rubric)).toEqual({ analisis: 67, nilai: 33 });
  });
});
