import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from '../routing/route.ts';

describe('test routes', () => {
  const outline = { materials: [{ id: 'akuntabel', pages: [{ id: 'a' }] }] };
  it('round-trips the pre-test and post-test screens and refuses others under _evaluasi', () => {
    for (const test of ['pretest', 'posttest'] as const) {
      const route = parseRoute(`_evaluasi/${test}`, outline);
      expect(route).toEqual({ kind: 'test', test });
      expect(routePath(route)).toBe(`_evaluasi/${test}`);
    }
    expect(parseRoute('_evaluasi/ujian', outline).kind).toBe('not-found');
    expect(parseRoute('_evaluasi/pretest/x', outline).kind).toBe('not-found');
  });
});
