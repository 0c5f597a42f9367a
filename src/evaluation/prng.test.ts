import { describe, expect, it } from 'vitest';
import { round } from './math.ts';
import { createRng, shuffled } from './prng.ts';

describe('createRng', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createRng('attempt-1');
    const b = createRng('attempt-1');
    const seqA = Array.from({ length: 5 }, () => a());
    const seqB = Array.from({ length: 5 }, () => b());
    expect(seqA).toEqual(seqB);
  });

  it('gives different sequences for different seeds', () => {
    expect(createRng('attempt-1')()).not.toBe(createRng('attempt-2')());
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const rng = createRng('spread');
    const buckets = new Map<number, number>();
    for (let i = 0; i < 4000; i++) {
      const x = rng();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const bucket = Math.floor(x * 4);
      buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
    }
    expect(buckets.size).toBe(4);
    for (const count of buckets.values()) expect(count).toBeGreaterThan(900);
  });

  it('pins the sequence so that stored attempts keep their forms across releases', () => {
    const rng = createRng('lentera');
    expect(Array.from({ length: 3 }, () => round(rng(), 6))).toMatchInlineSnapshot(`
      [
        0.872668,
        0.67121,
        0.720331,
      ]
    `);
  });
});

describe('shuffled', () => {
  it('returns a permutation and leaves the input alone', () => {
    const input = ['a', 'b', 'c', 'd', 'e'];
    const out = shuffled(input, createRng('x'));
    expect(out.slice().sort()).toEqual(input);
    expect(input).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
