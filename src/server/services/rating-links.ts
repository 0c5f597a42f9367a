import { hashToken, newId, randomToken } from '../auth/tokens.ts';
import { ApiError } from '../errors.ts';
import { type EvalDb, iso, type RatingLinkRow } from './evaluation-db.ts';

// Personal rating links (issue 7) for a mentor or atasan without an account. The token is 256 random
// bits shown once, at creation; the database keeps its sha-256. A link opens the rating form of one
// participant and accepts that rater's ratings, until it expires or is revoked, and nothing else.

export const DEFAULT_LINK_DAYS = 14;
export const MAX_LINK_DAYS = 90;

export function linkState(row: RatingLinkRow, now: number): 'active' | 'expired' | 'revoked' {
  if (row.revoked_at !== null) return 'revoked';
  return row.expires_at <= now ? 'expired' : 'active';
}

export function linkView(row: RatingLinkRow, now: number, participantName?: string) {
  return {
    id: row.id,
    participantId: row.participant_id,
    ...(participantName === undefined ? {} : { participantName }),
    raterRole: row.rater_role,
    raterName: row.rater_name,
    state: linkState(row, now),
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    revokedAt: iso(row.revoked_at),
    lastUsedAt: iso(row.last_used_at),
  };
}

export async function createLink(
  db: EvalDb,
  options: {
    cohortId: string;
    participantId: string;
    raterRole: 'mentor' | 'atasan';
    raterName: string;
    expiresAt: number;
    actorId: string;
    now: number;
  },
): Promise<{ row: RatingLinkRow; token: string }> {
  const token = randomToken();
  const row: RatingLinkRow = {
    id: newId(),
    cohort_id: options.cohortId,
    participant_id: options.participantId,
    rater_role: options.raterRole,
    rater_name: options.raterName,
    token_hash: hashToken(token),
    created_by: options.actorId,
    created_at: options.now,
    expires_at: options.expiresAt,
    revoked_at: null,
    revoked_by: null,
    last_used_at: null,
  };
  await db.insertInto('rating_links').values(row).execute();
  return { row, token };
}

/**
 * The link a token opens, or TOKEN_INVALID for an unknown, expired or revoked token, or one whose
 * participant has left the cohort: all answered alike, so a token reveals nothing about others.
 */
export async function linkByToken(db: EvalDb, token: string, now: number): Promise<RatingLinkRow> {
  const row = await db
    .selectFrom('rating_links')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || linkState(row, now) !== 'active') throw new ApiError('TOKEN_INVALID');
  const member = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('cohort_id', '=', row.cohort_id)
    .where('user_id', '=', row.participant_id)
    .where('role', '=', 'peserta')
    .executeTakeFirst();
  if (!member) throw new ApiError('TOKEN_INVALID');
  return row;
}

export async function touchLink(db: EvalDb, id: string, now: number): Promise<void> {
  await db.updateTable('rating_links').set({ last_used_at: now }).where('id', '=', id).execute();
}

/** Revokes a link (its ratings stay); revoking twice keeps the first time. */
export async function revokeLink(
  db: EvalDb,
  options: { cohortId: string; linkId: string; actorId: string; now: number },
): Promise<RatingLinkRow> {
  await db
    .updateTable('rating_links')
    .set({ revoked_at: options.now, revoked_by: options.actorId })
    .where('id', '=', options.linkId)
    .where('cohort_id', '=', options.cohortId)
    .where('revoked_at', 'is', null)
    .execute();
  const row = await db
    .selectFrom('rating_links')
    .selectAll()
    .where('id', '=', options.linkId)
    .where('cohort_id', '=', options.cohortId)
    .executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', 'No such rating link in this cohort');
  return row;
}
