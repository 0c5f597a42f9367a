import type { Db } from '../db/types.ts';
import { hashToken, randomToken } from './tokens.ts';

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
// last_seen_at is written at most once a minute per session, not on every request
const TOUCH_AFTER_MS = 60_000;

export interface SessionRow {
  userId: string;
  createdAt: number;
}

/** Server-side sessions: the cookie holds 256 random bits, the database only their hash. */
export class Sessions {
  #db: Db;
  #now: () => number;

  constructor(options: { db: Db; now?: () => number }) {
    this.#db = options.db;
    this.#now = options.now ?? Date.now;
  }

  async create(userId: string): Promise<string> {
    const token = randomToken(32);
    const now = this.#now();
    await this.#db
      .insertInto('sessions')
      .values({
        id_hash: hashToken(token),
        user_id: userId,
        created_at: now,
        last_seen_at: now,
        expires_at: now + SESSION_ABSOLUTE_MS,
      })
      .execute();
    return token;
  }

  /** the session's user, or undefined when it is unknown, idle for 30 min or older than 12 h */
  async lookup(token: string): Promise<SessionRow | undefined> {
    const idHash = hashToken(token);
    const row = await this.#db
      .selectFrom('sessions')
      .select(['user_id', 'created_at', 'last_seen_at', 'expires_at'])
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    if (!row) return undefined;
    const now = this.#now();
    if (now >= row.expires_at || now - row.last_seen_at >= SESSION_IDLE_MS) {
      await this.#db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
      return undefined;
    }
    if (now - row.last_seen_at >= TOUCH_AFTER_MS) {
      await this.#db
        .updateTable('sessions')
        .set({ last_seen_at: now })
        .where('id_hash', '=', idHash)
        .execute();
    }
    return { userId: row.user_id, createdAt: row.created_at };
  }

  async destroy(token: string): Promise<void> {
    await this.#db.deleteFrom('sessions').where('id_hash', '=', hashToken(token)).execute();
  }

  /** ends every session of a user (password changed) */
  async destroyForUser(userId: string): Promise<void> {
    await this.#db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  /** removes expired rows; run now and then */
  async sweep(): Promise<number> {
    const now = this.#now();
    const result = await this.#db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', now - SESSION_IDLE_MS)]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
