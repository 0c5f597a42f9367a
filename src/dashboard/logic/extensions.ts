import type { TestExtension, TestKind } from '../api/types.ts';

// The extra time already set for a participant, as the tests screen shows it and as the grant form
// starts from. A grant is a total that replaces the previous one, so the form starts from the current
// value: saving it unchanged changes nothing, and the facilitator edits the total rather than adding.

const TESTS: readonly TestKind[] = ['pretest', 'posttest'];

/** the minutes a new grant form suggests when nothing is set yet */
export const DEFAULT_EXTRA_MINUTES = 15;

/** the tests on which a participant has extra time now (more than 0 minutes), pre-test first */
export function grantedTests(extensions: Record<TestKind, TestExtension> | undefined): TestKind[] {
  if (!extensions) return [];
  return TESTS.filter((test) => (extensions[test]?.extraMinutes ?? 0) > 0);
}

/** the extra time set for a participant on a test; undefined when the participant is unknown */
export function extensionOf(
  participants: readonly { id: string; extensions?: Record<TestKind, TestExtension> }[] | undefined,
  userId: string,
  test: TestKind,
): TestExtension | undefined {
  return participants?.find((p) => p.id === userId)?.extensions?.[test];
}

/** what the minutes field of the grant form holds for this choice: the current total, else the default */
export function prefillMinutes(current: number): string {
  return String(current > 0 ? current : DEFAULT_EXTRA_MINUTES);
}
