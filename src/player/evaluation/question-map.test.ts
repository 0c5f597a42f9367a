import { describe, expect, it } from 'vitest';
import { clampIndex, questionMap, readFlags, unansweredNumbers } from './question-map.ts';

describe('question map', () => {
  const questions = [
    { number: 1, itemId: 'a' },
    { number: 2, itemId: 'b' },
    { number: 3, itemId: 'c' },
  ];

  it('marks answered, flagged, current and unsaved cells', () => {
    const cells = questionMap(
      questions,
      new Map([
        ['a', 'x'],
        ['b', null],
      ]),
      new Set(['c']),
      1,
      new Set(['a']),
    );
    expect(cells.map((c) => [c.answered, c.flagged, c.current, c.unsaved])).toEqual([
      [true, false, false, true],
      [false, false, true, false],
      [false, true, false, false],
    ]);
    expect(unansweredNumbers(cells)).toEqual([2, 3]);
  });

  it('reads flags defensively and clamps the index', () => {
    expect([...readFlags('["a",3,"b"]')]).toEqual(['a', 'b']);
    expect(readFlags('nope').size).toBe(0);
    expect(readFlags(null).size).toBe(0);
    expect(clampIndex(7, 3)).toBe(2);
    expect(clampIndex(-1, 3)).toBe(0);
    expect(clampIndex(2, 0)).toBe(0);
  });
});
