import { ApiError } from '../errors.ts';
import type { EvalDb } from './evaluation-db.ts';

// A closed cohort's results are frozen: every write that could change a result (case answers, grades,
// ratings, rating links, closing again) checks here first and is refused with RESULTS_FROZEN.

export async function closureOf(db: EvalDb, cohortId: string) {
  return (
    (await db
      .selectFrom('cohort_closures')
      .selectAll()
      .where('cohort_id', '=', cohortId)
      .executeTakeFirst()) ?? null
  );
}

export async function assertNotFrozen(db: EvalDb, cohortId: string): Promise<void> {
  const closure = await closureOf(db, cohortId);
  if (closure) {
    throw new ApiError(
      'RESULTS_FROZEN',
      `The cohort was closed at ${new Date(closure.closed_at).toISOString()}; its results no longer change`,
    );
  }
}

/** the participants (peserta) of a cohort with what the results and reports show of them */
export async function cohortParticipants(db: EvalDb, cohortId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'users.nip', 'users.instansi', 'users.jabatan'])
    .where('memberships.cohort_id', '=', cohortId)
    .where('memberships.role', '=', 'peserta')
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
}
export type ParticipantRow = Awaited<ReturnType<typeof cohortParticipants>>[number];

/** the participant, or NOT_FOUND when the id is not a peserta of the cohort */
export async function participantOf(db: EvalDb, cohortId: string, userId: string): Promise<ParticipantRow> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'users.nip', 'users.instansi', 'users.jabatan'])
    .where('memberships.cohort_id', '=', cohortId)
    .where('memberships.role', '=', 'peserta')
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', 'No such participant in this cohort');
  return row;
}
