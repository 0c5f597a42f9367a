import { describe, expect, it } from 'vitest';
import { pageSlots, pagesAround, trackPlace } from './ahead.ts';

const order = ['a', 'b', 'c', 'd'];

describe('pagesAround', () => {
  it.each([
    ['a', ['a', 'b']],
    ['b', ['a', 'b', 'c']],
    ['d', ['c', 'd']],
    ['x', ['x']],
  ])('around %s: %j', (current, expected) => {
    expect(pagesAround(order, current)).toEqual(expected);
  });
  it('a material of one page keeps only that page', () => {
    expect(pagesAround(['only'], 'only')).toEqual(['only']);
  });
});

describe('pageSlots', () => {
  it('adds the page on screen to those built, in the material order', () => {
    expect(pageSlots(order, ['b', 'c', 'd'], 'a')).toEqual(['a', 'b', 'c', 'd']);
    expect(pageSlots(order, ['a', 'b', 'c'], 'c')).toEqual(['a', 'b', 'c']);
  });
  it('keeps built pages where they were when the learner jumps elsewhere', () => {
    // from b (a, b, c built) straight to d through the contents: d goes last, nothing moves
    expect(pageSlots(order, ['a', 'b', 'c'], 'd')).toEqual(['a', 'b', 'c', 'd']);
  });
  it('puts a page the material does not list (yet) after the others', () => {
    expect(pageSlots(order, ['a'], 'z')).toEqual(['a', 'z']);
  });
});

describe('trackPlace', () => {
  it('puts each page one column and a gap further along the track, in the material order', () => {
    expect(trackPlace(order, 'a')).toBe('calc(0 * (100% + 2rem))');
    expect(trackPlace(order, 'c')).toBe('calc(2 * (100% + 2rem))');
  });
  it('puts a page the material does not list after the others, never on top of one', () => {
    expect(trackPlace(order, 'z')).toBe('calc(4 * (100% + 2rem))');
  });
});
