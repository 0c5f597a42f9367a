import { describe, expect, it } from 'vitest';
import { formatFixed, formatPercent, formatScore } from './numbers.ts';

describe('numbers for people', () => {
  it('writes indices with a decimal comma in Indonesian and a point in English', () => {
    expect(formatFixed(0.45, 'id')).toBe('0,45');
    expect(formatFixed(0.45, 'en')).toBe('0.45');
    expect(formatFixed(0.7, 'id')).toBe('0,70');
    expect(formatFixed(-0.125, 'en', 3)).toBe('-0.125');
  });

  it('writes scores without trailing zeros', () => {
    expect(formatScore(80, 'id')).toBe('80');
    expect(formatScore(72.5, 'id')).toBe('72,5');
    expect(formatScore(66.666, 'en')).toBe('66.67');
  });

  it('shows a placeholder for what is missing', () => {
    expect(formatFixed(null, 'id')).toBe('—');
    expect(formatScore(undefined, 'id')).toBe('—');
    expect(formatPercent(Number.NaN, 'en', 'n/a')).toBe('n/a');
  });

  it('writes shares as whole percentages', () => {
    expect(formatPercent(0.047, 'en')).toBe('5%');
    expect(formatPercent(0.25, 'id')).toMatch(/^25\s?%$/);
  });
});
