import { describe, expect, it } from 'vitest';
import { formatDateRange, formatDecimal, formatJp, formatLongDate, formatNip, parseDate } from './format.ts';

describe('formatNip', () => {
  it.each([
    ['198503122010011004', '19850312 201001 1 004'],
    ['19850312 201001 1 004', '19850312 201001 1 004'],
    [' 1985031220100 11004 ', '19850312 201001 1 004'],
    ['12345', '12345'],
    ['19850312201001100X', '19850312201001100X'],
  ])('%j → %j', (input, expected) => {
    expect(formatNip(input)).toBe(expected);
  });
});

describe('dates', () => {
  it('writes long Indonesian dates without a leading zero', () => {
    expect(formatLongDate('2026-12-07')).toBe('7 Desember 2026');
    expect(formatLongDate('2026-02-28T09:00:00Z')).toBe('28 Februari 2026');
  });

  it.each([
    ['2026-12-03', '2026-12-05', '3 s.d. 5 Desember 2026'],
    ['2026-11-28', '2026-12-02', '28 November s.d. 2 Desember 2026'],
    ['2026-12-30', '2027-01-02', '30 Desember 2026 s.d. 2 Januari 2027'],
    ['2026-08-17', '2026-08-17', '17 Agustus 2026'],
  ])('%s to %s → %s', (start, end, expected) => {
    expect(formatDateRange({ start, end })).toBe(expected);
  });

  it('refuses dates that are not calendar days, and a range that ends before it starts', () => {
    expect(() => parseDate('2026-02-30')).toThrow(/not a day/);
    expect(() => parseDate('07/12/2026')).toThrow(/YYYY-MM-DD/);
    expect(() => formatDateRange({ start: '2026-12-05', end: '2026-12-03' })).toThrow(/after it ends/);
  });
});

describe('formatJp', () => {
  it.each([
    [6, '6 JP (270 menit)'],
    [1, '1 JP (45 menit)'],
    [1.5, '1,5 JP (67,5 menit)'],
    [20, '20 JP (900 menit)'],
  ])('%d JP', (hours, expected) => {
    expect(formatJp(hours)).toBe(expected);
  });

  it('refuses zero, negative and non-finite hours', () => {
    for (const hours of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => formatJp(hours)).toThrow(/above 0/);
  });

  it('writes decimals with a comma', () => {
    expect(formatDecimal(78.65)).toBe('78,65');
    expect(formatDecimal(80)).toBe('80');
    expect(formatDecimal(0.333333, 2)).toBe('0,33');
  });
});
