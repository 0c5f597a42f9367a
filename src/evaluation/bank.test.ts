import { describe, expect, it } from 'vitest';
import { isHigherOrder, toBankItem } from './bank.ts';

describe('toBankItem', () => {
  it('takes the option ids in order and the correct one', () => {
    expect(
      toBankItem({
        id: 'ak-01',
        material: 'akuntabel',
        value: 'akuntabel',
        level: 'C2',
        formative: false,
        options: [
          { id: 'a', correct: false },
          { id: 'b', correct: true },
          { id: 'c', correct: false },
        ],
      }),
    ).toEqual({
      id: 'ak-01',
      material: 'akuntabel',
      value: 'akuntabel',
      level: 'C2',
      optionIds: ['a', 'b', 'c'],
      correctOptionId: 'b',
      formative: false,
    });
  });

  it('leaves out a missing value and keeps the formative flag', () => {
    const item = toBankItem({
      id: 'pe-check-1',
      material: 'pendahuluan',
      level: 'C1',
      formative: true,
      options: [{ id: 'a', correct: true }],
    });
    expect(item).not.toHaveProperty('value');
    expect(item.formative).toBe(true);
  });
});

describe('isHigherOrder', () => {
  it.each([
    ['C1', false],
    ['C2', false],
    ['C3', true],
    ['C4', true],
  ] as const)('%s: %s', (level, expected) => {
    expect(isHigherOrder({ level })).toBe(expected);
  });
});
