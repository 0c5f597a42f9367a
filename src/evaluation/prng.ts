// seeded randomness for test assembly: the same seed gives the same form on the server and in the
// browser, so an attempt can be redrawn from its seed alone (issue 6). xmur3 turns the seed string
// into four 32-bit words and sfc32 generates from them; both use only 32-bit integer arithmetic, so
// every JavaScript engine produces the same sequence.

/** A source of numbers in [0, 1), like Math.random but reproducible. */
export type Rng = () => number;

function xmur3(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
}

function sfc32(a: number, b: number, c: number, d: number): Rng {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/**
 * A reproducible random number generator for a seed string.
 *
 * @example
 * const rng = createRng('attempt-42');
 * rng(); // the same number in every run, in Node and in the browser
 */
export function createRng(seed: string): Rng {
  const next = xmur3(seed);
  const rng = sfc32(next(), next(), next(), next());
  // the first outputs of sfc32 are still close to the seed words; skip them
  for (let i = 0; i < 12; i++) rng();
  return rng;
}

/** A shuffled copy (Fisher–Yates); the input is left as it is. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}
