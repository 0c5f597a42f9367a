import { describe, expect, it } from 'vitest';
import type { TestExtension, TestKind } from '../api/types.ts';
import { currentExtraMinutes, DEFAULT_EXTRA_MINUTES, grantedTests, prefillMinutes } from './extensions.ts';

const none: TestExtension = { extraMinutes: 0, grantedBy: null, grantedAt: null };
const ext = (minutes: number): TestExtension => ({
  extraMinutes: minutes,
  grantedBy: { id: 'u-fas', name: 'Fasilitator' },
  grantedAt: '2026-03-10T03:00:00.000Z',
});
const people: { id: string; extensions: Record<TestKind, TestExtension> }[] = [
  { id: 'alice', extensions: { pretest: none, posttest: ext(20) } },
  { id: 'budi', extensions: { pretest: ext(5), posttest: ext(10) } },
  { id: 'citra', extensions: { pretest: ext(0), posttest: none } },
];

describe('extra time already granted', () => {
  it('lists the tests with extra time, pre-test first, and none when all are 0', () => {
    expect(grantedTests(people[0]?.extensions)).toEqual(['posttest']);
    expect(grantedTests(people[1]?.extensions)).toEqual(['pretest', 'posttest']);
    // set back to 0: a removed grant is no extra time
    expect(grantedTests(people[2]?.extensions)).toEqual([]);
    expect(grantedTests(undefined)).toEqual([]);
  });

  it('reads the current minutes of one participant on one test, 0 when unknown', () => {
    expect(currentExtraMinutes(people, 'alice', 'posttest')).toBe(20);
    expect(currentExtraMinutes(people, 'alice', 'pretest')).toBe(0);
    expect(currentExtraMinutes(people, 'budi', 'pretest')).toBe(5);
    expect(currentExtraMinutes(people, 'nobody', 'pretest')).toBe(0);
    expect(currentExtraMinutes(undefined, 'alice', 'posttest')).toBe(0);
    expect(currentExtraMinutes([{ id: 'old' }], 'old', 'pretest')).toBe(0);
  });

  it('starts the grant form from the current total, since a grant replaces it', () => {
    expect(prefillMinutes(20)).toBe('20');
    expect(prefillMinutes(0)).toBe(String(DEFAULT_EXTRA_MINUTES));
  });
});
