import { describe, expect, it } from 'vitest';
import { distributionRows, meanPosition } from './feedback.ts';

describe('feedback distribution', () => {
  const distribution = [1, 2, 3, 4, 5].map((value) => ({
    value,
    label: `L${value}`,
    count: value === 4 ? 2 : value === 5 ? 1 : 0,
  }));

  it('gives each point its count and its share of those who answered', () => {
    const rows = distributionRows({ distribution, answered: 3 });
    expect(rows.map((r) => [r.value, r.count, r.percent])).toEqual([
      [1, 0, 0],
      [2, 0, 0],
      [3, 0, 0],
      [4, 2, 67],
      [5, 1, 33],
    ]);
  });

  it('shows no share when nobody answered', () => {
    expect(distributionRows({ distribution, answered: 0 }).every((r) => r.percent === 0)).toBe(true);
  });

  it('places the mean along the scale', () => {
    expect(meanPosition(1, 5)).toBe(0);
    expect(meanPosition(4, 5)).toBe(75);
    expect(meanPosition(null, 5)).toBe(0);
  });
});
