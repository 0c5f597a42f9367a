import { describe, expect, it } from 'vitest';
import { classGain, type GainBand, gainBand, normalizedGain } from './gain.ts';

describe('normalizedGain', () => {
  it.each<[number, number, number, GainBand, number]>([
    [40, 70, 0.5, 'sedang', 30],
    [0, 70, 0.7, 'tinggi', 70],
    [50, 85, 0.7, 'tinggi', 35],
    [40, 82, 0.7, 'tinggi', 42],
    [50, 65, 0.3, 'sedang', 15],
    [50, 64.99, 0.3, 'sedang', 14.99],
    [50, 64.5, 0.29, 'rendah', 14.5],
    [60, 60, 0, 'rendah', 0],
    [80, 60, -1, 'rendah', -20],
    [30, 100, 1, 'tinggi', 70],
    [33.33, 66.67, 0.5, 'sedang', 33.34],
  ])('pre %s, post %s: g = %s (%s)', (pre, post, g, band, change) => {
    expect(normalizedGain({ pre, post })).toEqual({ g, band, change });
  });

  it('is undefined when the pre-test is 100, with the reason', () => {
    expect(normalizedGain({ pre: 100, post: 90 })).toEqual({
      g: null,
      band: null,
      change: -10,
      code: 'pre-100',
      reason: expect.stringContaining('pre-test score is 100'),
    });
  });

  it.each([
    [{ pre: null, post: 80 }, 'missing-score', 'No pre-test score yet'],
    [{ pre: 50, post: undefined }, 'missing-score', 'No post-test score yet'],
    [{ pre: 120, post: 80 }, 'invalid-score', 'found pre 120, post 80'],
    [{ pre: Number.NaN, post: 80 }, 'invalid-score', 'found pre NaN'],
  ])('is undefined for %j', (scores, code, reason) => {
    const gain = normalizedGain(scores);
    expect(gain).toMatchObject({ g: null, code });
    expect(gain.g === null && gain.reason).toContain(reason);
  });
});

describe('gainBand', () => {
  it.each<[number, GainBand]>([
    [0.7, 'tinggi'],
    [0.6999, 'tinggi'],
    [0.694, 'sedang'],
    [0.3, 'sedang'],
    [0.29, 'rendah'],
    [-0.5, 'rendah'],
    [1, 'tinggi'],
  ])('%s is %s', (g, band) => {
    expect(gainBand(g)).toBe(band);
  });
});

describe('classGain', () => {
  it('reports the gain of the averages, the mean of individual g and the exclusions', () => {
    const summary = classGain([
      { id: 'p1', pre: 40, post: 70 },
      { id: 'p2', pre: 60, post: 90 },
      { id: 'p3', pre: 80, post: 70 },
      { id: 'p4', pre: 100, post: 100 },
      { id: 'p5', pre: 50, post: null },
    ]);
    // averages over p1–p4: pre 70, post 82.5, <g> = 12.5 / 30 = 0.4167
    // individual g: p1 0.5, p2 0.75, p3 -0.5 -> mean 0.25
    expect(summary).toMatchObject({
      participants: 5,
      paired: 4,
      preMean: 70,
      postMean: 82.5,
      gainOfMeans: { g: 0.42, band: 'sedang', change: 12.5 },
      meanOfIndividual: { g: 0.25, band: 'rendah', n: 3 },
      bands: { tinggi: 1, sedang: 1, rendah: 1 },
    });
    expect(summary.excluded.map((e) => [e.id, e.code])).toEqual([
      ['p4', 'pre-100'],
      ['p5', 'missing-score'],
    ]);
    expect(summary.individuals.find((i) => i.id === 'p3')).toMatchObject({ g: -0.5, band: 'rendah' });
  });

  it('has no gain for an empty class', () => {
    expect(classGain([])).toMatchObject({
      paired: 0,
      preMean: null,
      gainOfMeans: null,
      meanOfIndividual: null,
    });
  });

  it('has no mean of individual g when every participant started at 100', () => {
    const summary = classGain([{ id: 'p1', pre: 100, post: 100 }]);
    expect(summary.meanOfIndividual).toBeNull();
    expect(summary.gainOfMeans).toMatchObject({ g: null, code: 'pre-100' });
  });
});
