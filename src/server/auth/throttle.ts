import type { Db } from '../db/types.ts';
import { ApiError } from '../errors.ts';

// Failed logins counted in the database (so every instance sees them), per account and per IP. After
// the limit the key is locked for a while; the message says how long.

export interface ThrottleLimits {
  /** failures per account within the window before a lock (default 5) */
  account: number;
  /** failures per IP within the window before a lock (default 30) */
  ip: number;
  windowMs: number;
  lockMs: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  account: 5,
  ip: 30,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

export class LoginThrottle {
  #db: Db;
  #limits: ThrottleLimits;
  #now: () => number;

  constructor(options: { db: Db; limits?: Partial<ThrottleLimits>; now?: () => number }) {
    this.#db = options.db;
    this.#limits = { ...DEFAULT_THROTTLE, ...options.limits };
    this.#now = options.now ?? Date.now;
  }

  static keys(login: string, ip: string): { account: string; ip: string } {
    return { account: `account:${login.trim().toLowerCase()}`, ip: `ip:${ip}` };
  }

  /** throws LOGIN_THROTTLED when either key is locked */
  async check(keys: { account: string; ip: string }): Promise<void> {
    const now = this.#now();
    const rows = await this.#db
      .selectFrom('login_throttle')
      .select(['key', 'locked_until'])
      .where('key', 'in', [keys.account, keys.ip])
      .where('locked_until', '>', now)
      .execute();
    if (rows.length === 0) return;
    const until = Math.max(...rows.map((r) => r.locked_until));
    const minutes = Math.ceil((until - now) / 60_000);
    const which = rows.some((r) => r.key === keys.account) ? 'this account' : 'this network address';
    throw new ApiError(
      'LOGIN_THROTTLED',
      `Too many failed logins for ${which}; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
      { headers: { 'retry-after': String(Math.ceil((until - now) / 1000)) } },
    );
  }

  async fail(keys: { account: string; ip: string }): Promise<void> {
    await this.#count(keys.account, this.#limits.account);
    await this.#count(keys.ip, this.#limits.ip);
  }

  async succeed(keys: { account: string }): Promise<void> {
    await this.#db.deleteFrom('login_throttle').where('key', '=', keys.account).execute();
  }

  async #count(key: string, limit: number): Promise<void> {
    const now = this.#now();
    const { windowMs, lockMs } = this.#limits;
    await this.#db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('login_throttle')
        .selectAll()
        .where('key', '=', key)
        .executeTakeFirst();
      const fresh = !row || now - row.window_start >= windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const values = {
        failures: failures >= limit ? 0 : failures,
        window_start: fresh || failures >= limit ? now : row.window_start,
        locked_until: failures >= limit ? now + lockMs : (row?.locked_until ?? 0),
      };
      await trx
        .insertInto('login_throttle')
        .values({ key, ...values })
        .onConflict((oc) => oc.column('key').doUpdateSet(values))
        .execute();
    });
  }
}
