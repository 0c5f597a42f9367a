import type { Db, TokenTable } from '../db/types.ts';
import { hashToken, randomToken } from './tokens.ts';

export const SETUP_TTL_MS = 24 * 60 * 60_000;
export const RESET_TTL_MS = 24 * 60 * 60_000;

/** Issues a single-use link token (setup of the first admin, password reset); only its hash is kept. */
export async function issueToken(
  db: Db,
  options: { kind: TokenTable['kind']; userId: string | null; ttlMs: number; now: number },
): Promise<{ token: string; expiresAt: number }> {
  const token = randomToken(32);
  const expiresAt = options.now + options.ttlMs;
  await db
    .insertInto('tokens')
    .values({
      token_hash: hashToken(token),
      kind: options.kind,
      user_id: options.userId,
      created_at: options.now,
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  return { token, expiresAt };
}

/**
 * Marks a token used and returns its row, or undefined when it is unknown, used or expired. One
 * conditional UPDATE, so two requests racing with the same link cannot both win.
 */
export async function consumeToken(
  db: Db,
  options: { kind: TokenTable['kind']; token: string; now: number },
): Promise<{ userId: string | null } | undefined> {
  const row = await db
    .updateTable('tokens')
    .set({ used_at: options.now })
    .where('token_hash', '=', hashToken(options.token))
    .where('kind', '=', options.kind)
    .where('used_at', 'is', null)
    .where('expires_at', '>', options.now)
    .returning(['user_id'])
    .executeTakeFirst();
  return row ? { userId: row.user_id } : undefined;
}

/** whether a token would be accepted now (to show the form before the password is typed) */
export async function tokenUsable(
  db: Db,
  options: { kind: TokenTable['kind']; token: string; now: number },
): Promise<boolean> {
  const row = await db
    .selectFrom('tokens')
    .select('token_hash')
    .where('token_hash', '=', hashToken(options.token))
    .where('kind', '=', options.kind)
    .where('used_at', 'is', null)
    .where('expires_at', '>', options.now)
    .executeTakeFirst();
  return row !== undefined;
}
