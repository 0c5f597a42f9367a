import { describe, expect, it } from 'vitest';
import { clockFrom, formatRemaining, remainingSeconds, timeLevel } from './timer.ts';

describe('timer', () => {
  it('counts from the server clock, whatever the device clock says', () => {
    const attempt = { serverNow: '2026-03-10T03:00:00.000Z', deadline: '2026-03-10T03:30:00.000Z' };
    const deviceNow = Date.parse('2026-03-10T05:00:00.000Z'); // device two hours ahead
    const clock = clockFrom(attempt, deviceNow);
    expect(remainingSeconds(clock, deviceNow)).toBe(1800);
    expect(remainingSeconds(clock, deviceNow + 60_500)).toBe(1740);
    expect(remainingSeconds(clock, deviceNow + 3_600_000)).toBe(0);
  });

  it('formats and levels the time left', () => {
    expect(formatRemaining(0)).toBe('00:00');
    expect(formatRemaining(65)).toBe('01:05');
    expect(formatRemaining(3725)).toBe('1:02:05');
    expect(timeLevel(301)).toBe('normal');
    expect(timeLevel(300)).toBe('low');
    expect(timeLevel(0)).toBe('over');
  });
});
