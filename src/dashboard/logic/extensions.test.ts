import { describe, expect, it } from 'vitest';
import type { TestExtension, TestKind } from '../api/types.ts';
import { DEFAULT_EXTRA_MINUTES, extensionOf, grantedTests, prefillMinutes } from './extensions.ts';

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

  it('reads the extra time of one participant on one test, nothing when unknown', () => {
    expect(extensionOf(people, 'alice', 'posttest')).toEqual(ext(20));
    expect(extensionOf(people, 'alice', 'pretest')?.extraMinutes).toBe(0);
    expect(extensionOf(people, 'budi', 'pretest')?.extraMinutes).toBe(5);
    expect(extensionOf(people, 'nobody', 'pretest')).toBeUndefined();
    expect(extensionOf(undefined, 'alice', 'posttest')).toBeUndefined();
    expect(extensionOf([{ id: 'old' }], 'old', 'pretest')).toBeUndefined();
  });

  it('starts the grant form from the current total, since a grant replaces it', () => {
    expect(prefillMinutes(20)).toBe('20');
    expect(prefillMinutes(0)).toBe(String(DEFAULT_EXTRA_MINUTES));
  });
});
