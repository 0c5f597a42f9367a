import { describe, expect, it } from 'vitest';
import { combineRatings, levelToScore, type RaterRole, type Rating } from './ratings.ts';

const r = (raterRole: RaterRole, raterId: string, behaviourCode: string, level: number): Rating => ({
  raterRole,
  raterId,
  behaviourCode,
  level,
});
const weights = { fasilitator: 0.5, mentor: 0.25, atasan: 0.25 };

/*
 * Worked example (weights fasilitator 0.5, mentor 0.25, atasan 0.25):
 *   AK-1: fasilitator 4; mentors 3 and 3 (mean 3); atasan 2 -> 0.5·4 + 0.25·3 + 0.25·2 = 3.25 -> 75
 *   AK-2: fasilitator 3; atasan 3 -> weights renormalised to 2/3 and 1/3 -> 3 -> 66.67
 *   KO-1: fasilitator 2; mentor 4 -> 2·2/3 + 4·1/3 = 2.67 -> 55.56
 *   KO-2: mentor 1; atasan 4 -> 0.5 each -> 2.5 -> 50
 *   AK by role: fasilitator (4+3)/2 = 3.5, mentor 3, atasan (2+3)/2 = 2.5
 *     -> 0.5·3.5 + 0.25·3 + 0.25·2.5 = 3.125 -> 3.13, (2.125/3)·100 = 70.83
 *   KO by role: fasilitator 2, mentor (4+1)/2 = 2.5, atasan 4 -> 1 + 0.625 + 1 = 2.625 -> 2.63, 54.17
 *   overall: (3.125 + 2.625)/2 = 2.875 -> 2.88, (1.875/3)·100 = 62.5
 *   disagreements (>= 2 levels): AK-1 (2 vs 4), KO-1 (2 vs 4), KO-2 (1 vs 4)
 */
const example = [
  r('fasilitator', 'f1', 'AK-1', 4),
  r('mentor', 'm1', 'AK-1', 3),
  r('mentor', 'm2', 'AK-1', 3),
  r('atasan', 's1', 'AK-1', 2),
  r('fasilitator', 'f1', 'AK-2', 3),
  r('atasan', 's1', 'AK-2', 3),
  r('fasilitator', 'f1', 'KO-1', 2),
  r('mentor', 'm1', 'KO-1', 4),
  r('mentor', 'm1', 'KO-2', 1),
  r('atasan', 's1', 'KO-2', 4),
];

describe('combineRatings: the worked example', () => {
  const summary = combineRatings({ ratings: example, raterWeights: weights });

  it('combines each behaviour across roles with renormalised weights', () => {
    expect(summary.behaviours['AK-1']).toEqual({
      valueCode: 'AK',
      byRole: { fasilitator: { mean: 4, n: 1 }, mentor: { mean: 3, n: 2 }, atasan: { mean: 2, n: 1 } },
      mean: 3.25,
      score: 75,
      weightsUsed: { fasilitator: 0.5, mentor: 0.25, atasan: 0.25 },
    });
    expect(summary.behaviours['AK-2']).toMatchObject({
      mean: 3,
      score: 66.67,
      weightsUsed: { fasilitator: 0.6667, atasan: 0.3333 },
    });
    expect(summary.behaviours['KO-1']).toMatchObject({ mean: 2.67, score: 55.56 });
    expect(summary.behaviours['KO-2']).toMatchObject({
      mean: 2.5,
      score: 50,
      weightsUsed: { mentor: 0.5, atasan: 0.5 },
    });
  });

  it('combines each value from the role means of its behaviours', () => {
    expect(summary.values.AK).toEqual({
      byRole: { fasilitator: { mean: 3.5, n: 2 }, mentor: { mean: 3, n: 1 }, atasan: { mean: 2.5, n: 2 } },
      mean: 3.13,
      score: 70.83,
      weightsUsed: { fasilitator: 0.5, mentor: 0.25, atasan: 0.25 },
    });
    expect(summary.values.KO).toMatchObject({ mean: 2.63, score: 54.17 });
    expect(summary.overall).toEqual({ mean: 2.88, score: 62.5 });
    expect(summary.rolesRated).toEqual(['fasilitator', 'mentor', 'atasan']);
  });

  it('flags ratings two or more levels apart on one behaviour', () => {
    expect(
      summary.disagreements.map((d) => [d.behaviourCode, d.low.level, d.high.level, d.difference]),
    ).toEqual([
      ['AK-1', 2, 4, 2],
      ['KO-1', 2, 4, 2],
      ['KO-2', 1, 4, 3],
    ]);
    expect(summary.disagreements[2]?.message).toBe(
      'KO-2: mentor m1 rated 1 and atasan s1 rated 4, 3 levels apart: compare their evidence notes and talk with the raters before the results are closed.',
    );
  });
});

describe('combineRatings: other cases', () => {
  it('gives the only role that rated all the weight', () => {
    const summary = combineRatings({ ratings: [r('fasilitator', 'f1', 'HA-3', 3)], raterWeights: weights });
    expect(summary.weightsUsed).toEqual({ fasilitator: 1 });
    expect(summary.values.HA).toMatchObject({ mean: 3, score: 66.67 });
    expect(summary.disagreements).toEqual([]);
  });

  it('rejects ratings off the scale or with an unknown role or code, and says why', () => {
    const bad = [
      r('fasilitator', 'f1', 'AK-1', 5),
      r('fasilitator', 'f1', 'AK-2', 2.5),
      r('kepala' as RaterRole, 'x', 'AK-1', 3),
      r('mentor', 'm1', 'akuntabel-1', 3),
    ];
    const summary = combineRatings({ ratings: bad, raterWeights: weights });
    expect(summary.rejected.map((x) => x.message)).toEqual([
      'Level 5 of AK-1 is not on the scale; expected a whole number from 1 to 4.',
      'Level 2.5 of AK-2 is not on the scale; expected a whole number from 1 to 4.',
      'Unknown rater role kepala; expected one of fasilitator, mentor, atasan.',
      'Behaviour code "akuntabel-1" is not of the form AK-2 (value code, hyphen, number).',
    ]);
    expect(summary.overall).toBeNull();
    expect(summary.values).toEqual({});
  });

  it("counts a rater's later rating of a behaviour and reports the replaced one", () => {
    const summary = combineRatings({
      ratings: [r('mentor', 'm1', 'LO-1', 1), r('mentor', 'm1', 'LO-1', 3)],
      raterWeights: weights,
    });
    expect(summary.behaviours['LO-1']).toMatchObject({ mean: 3, byRole: { mentor: { mean: 3, n: 1 } } });
    expect(summary.rejected).toHaveLength(1);
    expect(summary.rejected[0]?.rating.level).toBe(1);
    expect(summary.disagreements).toEqual([]);
  });

  it('shows ratings of a role with weight 0 but does not count them', () => {
    const summary = combineRatings({
      ratings: [r('fasilitator', 'f1', 'AD-1', 4), r('atasan', 's1', 'AD-1', 2)],
      raterWeights: { fasilitator: 1, mentor: 0, atasan: 0 },
    });
    expect(summary.values.AD).toMatchObject({
      byRole: { atasan: { mean: 2, n: 1 } },
      mean: 4,
      weightsUsed: { fasilitator: 1 },
    });
    const onlyZero = combineRatings({
      ratings: [r('mentor', 'm1', 'AD-1', 4)],
      raterWeights: { fasilitator: 1, mentor: 0 },
    });
    expect(onlyZero.values.AD).toMatchObject({ mean: null, score: null });
    expect(onlyZero.warnings[0]).toContain('Value AD was rated only by roles with weight 0 (mentor)');
  });

  it('orders behaviours by number, AK-2 before AK-10', () => {
    const summary = combineRatings({
      ratings: [r('fasilitator', 'f', 'AK-10', 2), r('fasilitator', 'f', 'AK-2', 2)],
      raterWeights: weights,
    });
    expect(Object.keys(summary.behaviours)).toEqual(['AK-2', 'AK-10']);
  });
});

describe('levelToScore', () => {
  it.each([
    [1, 0],
    [2, 33.33],
    [2.5, 50],
    [3, 66.67],
    [4, 100],
  ])('level %s is %s', (level, score) => {
    expect(levelToScore(level)).toBe(score);
  });
});
