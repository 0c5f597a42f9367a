import { describe, expect, it } from 'vitest';
import { addDays, cohortStatus, formatDate, formatDateTime, isIsoDate, todayIso } from './dates.ts';

describe('dates', () => {
  it('shows a calendar date in Indonesian and English without shifting the day', () => {
    expect(formatDate('2025-08-17', 'id')).toBe('17 Agustus 2025');
    expect(formatDate('2025-08-17', 'en')).toBe('17 August 2025');
    expect(formatDate('not a date', 'id')).toBe('not a date');
  });

  it('adds days across months and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('accepts only real dates', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2024-2-9')).toBe(false);
  });

  it('takes today in the zone asked for', () => {
    const instant = new Date('2025-01-01T20:00:00Z');
    expect(todayIso(instant, 'Asia/Jakarta')).toBe('2025-01-02');
    expect(todayIso(instant, 'UTC')).toBe('2025-01-01');
  });

  it('tells whether a cohort is upcoming, open or closed, both end days included', () => {
    const c = { opensOn: '2025-03-01', closesOn: '2025-03-31' };
    expect(cohortStatus(c, '2025-02-28')).toBe('upcoming');
    expect(cohortStatus(c, '2025-03-01')).toBe('open');
    expect(cohortStatus(c, '2025-03-31')).toBe('open');
    expect(cohortStatus(c, '2025-04-01')).toBe('closed');
  });

  it('shows an activity time in the viewer zone', () => {
    expect(formatDateTime('2025-03-05T02:30:00Z', 'en', 'Asia/Jakarta')).toBe('5 Mar 2025, 09:30');
    expect(formatDateTime('garbage', 'en')).toBe('garbage');
  });
});
