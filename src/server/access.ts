import type { SessionUser } from './context.ts';
import type { CohortRole, CohortTable, Db } from './db/types.ts';
import { ApiError } from './errors.ts';

// Who may see and do what in a cohort. A cohort you have no part in does not exist for you (404), so
// guessed ids reveal nothing; inside a cohort you belong to, an action your role lacks is a 403.

export interface CohortAccess {
  cohort: CohortTable;
  roles: ReadonlySet<CohortRole>;
  admin: boolean;
  /** admin or fasilitator: sees and manages the whole cohort */
  manager: boolean;
}

export async function cohortAccess(db: Db, user: SessionUser, cohortId: string): Promise<CohortAccess> {
  const cohort = await db.selectFrom('cohorts').selectAll().where('id', '=', cohortId).executeTakeFirst();
  if (!cohort) throw new ApiError('NOT_FOUND', 'No such cohort');
  const rows = await db
    .selectFrom('memberships')
    .select('role')
    .where('cohort_id', '=', cohortId)
    .where('user_id', '=', user.id)
    .execute();
  const roles = new Set(rows.map((r) => r.role));
  if (!user.isAdmin && roles.size === 0) throw new ApiError('NOT_FOUND', 'No such cohort');
  return { cohort, roles, admin: user.isAdmin, manager: user.isAdmin || roles.has('fasilitator') };
}

export function requireManager(access: CohortAccess): void {
  if (!access.manager)
    throw new ApiError('FORBIDDEN', 'Only an administrator or a fasilitator of this cohort');
}

/**
 * The participants of a cohort a user may see: all of them for a manager, the ones assigned to them
 * for a mentor or atasan, none for a peserta (who sees only their own progress elsewhere).
 */
export async function visibleParticipants(
  db: Db,
  user: SessionUser,
  access: CohortAccess,
): Promise<string[]> {
  if (access.manager) {
    const rows = await db
      .selectFrom('memberships')
      .select('user_id')
      .where('cohort_id', '=', access.cohort.id)
      .where('role', '=', 'peserta')
      .execute();
    return rows.map((r) => r.user_id);
  }
  if (!access.roles.has('mentor') && !access.roles.has('atasan')) {
    throw new ApiError('FORBIDDEN', 'Participants see only their own progress');
  }
  const rows = await db
    .selectFrom('assignments')
    .select('participant_id')
    .where('cohort_id', '=', access.cohort.id)
    .where('rater_id', '=', user.id)
    .execute();
  return [...new Set(rows.map((r) => r.participant_id))];
}
