import { ApiError } from '../errors.ts';

// A fixed-window request counter per key (an IP address) for the public endpoints without a login:
// the verify page and rating links. Kept in memory: each instance counts its own share, which is
// enough to stop one client hammering a code or token space.

export class RateWindow {
  readonly #hits = new Map<string, { count: number; start: number }>();
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #now: () => number;

  constructor(options: { limit: number; windowMs: number; now: () => number }) {
    this.#limit = options.limit;
    this.#windowMs = options.windowMs;
    this.#now = options.now;
  }

  /** counts a request; the seconds to wait when the key is over its limit, else 0 */
  take(key: string): number {
    const now = this.#now();
    if (this.#hits.size > 10_000) {
      for (const [k, v] of this.#hits) if (now - v.start >= this.#windowMs) this.#hits.delete(k);
    }
    const entry = this.#hits.get(key);
    if (!entry || now - entry.start >= this.#windowMs) {
      this.#hits.set(key, { count: 1, start: now });
      return 0;
    }
    entry.count += 1;
    if (entry.count <= this.#limit) return 0;
    return Math.max(1, Math.ceil((entry.start + this.#windowMs - now) / 1000));
  }

  /** counts a request or throws RATE_LIMITED with Retry-After */
  check(key: string): void {
    const wait = this.take(key);
    if (wait > 0) {
      throw new ApiError('RATE_LIMITED', `Too many requests from this address; try again in ${wait} s`, {
        headers: { 'retry-after': String(wait) },
      });
    }
  }
}
