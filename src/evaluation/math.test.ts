import { describe, expect, it } from 'vitest';
import { atLeast, atMost, isScore, mean, round } from './math.ts';

describe('round', () => {
  it.each([
    [1.005, 2, 1.01],
    [66.666666, 2, 66.67],
    [-0.125, 2, -0.13],
    [-0.001, 2, 0],
    [70, 2, 70],
    [5e-324, 2, 0],
    [1.23e-7, 2, 0],
    [2.5e21, 2, 2.5e21],
    [0.125, 3, 0.125],
  ])('round(%s, %s) = %s', (value, places, expected) => {
    expect(round(value, places)).toBe(expected);
  });
});

describe('comparisons with tolerance', () => {
  it('treats binary artefacts at a threshold as the threshold', () => {
    expect(atMost(0.9 - 0.5, 0.4)).toBe(true);
    expect(atLeast(0.7 - 1e-12, 0.7)).toBe(true);
    expect(atMost(0.41, 0.4)).toBe(false);
  });

  it('checks scores and means', () => {
    expect([0, 100, 55.5].every(isScore)).toBe(true);
    expect([-1, 100.01, Number.NaN, Number.POSITIVE_INFINITY].some(isScore)).toBe(false);
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 3])).toBe(2);
  });
});
