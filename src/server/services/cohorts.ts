import { randomInt } from 'node:crypto';
import type { CohortRole, CohortTable, Db } from '../db/types.ts';

// no 0/O, 1/I/L: a join code is read aloud and typed from a slide
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newJoinCode(length = 8): string {
  let code = '';
  for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** a join code as people type it: case and spaces or dashes ignored */
export function normalizeJoinCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** today's date (yyyy-mm-dd) where the training centre is */
export function today(now: number, timeZone = process.env.LENTERA_TIMEZONE ?? 'Asia/Jakarta'): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function isOpen(cohort: Pick<CohortTable, 'opens_on' | 'closes_on'>, now: number): boolean {
  const day = today(now);
  return cohort.opens_on <= day && day <= cohort.closes_on;
}

export function cohortView(row: CohortTable, roles?: Iterable<CohortRole>, showCode = false) {
  return {
    id: row.id,
    name: row.name,
    courseId: row.course_id,
    courseVersion: row.course_version,
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    ...(showCode ? { joinCode: row.join_code } : {}),
    ...(roles ? { roles: [...roles] } : {}),
  };
}

/** adds a membership unless it exists; true when added */
export async function addMembership(
  db: Db,
  options: { cohortId: string; userId: string; role: CohortRole; now: number },
): Promise<boolean> {
  const result = await db
    .insertInto('memberships')
    .values({
      cohort_id: options.cohortId,
      user_id: options.userId,
      role: options.role,
      created_at: options.now,
    })
    .onConflict((oc) => oc.columns(['cohort_id', 'user_id', 'role']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
