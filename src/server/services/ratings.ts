import type { Course, Rubric } from '../../course/model.ts';
import { combineRatings, type RatingSummary } from '../../evaluation/index.ts';
import type { CohortAccess } from '../access.ts';
import type { SessionUser } from '../context.ts';
import { ApiError, fieldError } from '../errors.ts';
import { type EvalDb, iso, type RatingRole } from './evaluation-db.ts';

// Behaviour ratings (issue 7): one level 1–4 per (participant, rater, key behaviour), with an optional
// evidence note. A rater is an account (the cohort's fasilitator, or the mentor or atasan assigned to
// the participant) or a personal rating link; a rater's new rating of a behaviour replaces their old one.

export interface RatingWrite {
  behaviourCode: string;
  level: number;
  note?: string | null | undefined;
}

export function rubricOf(course: Course): Rubric {
  if (!course.rubric || course.rubric.values.length === 0) {
    throw new ApiError('RUBRIC_MISSING', `Course ${course.id} has no rubric.yaml with key behaviours`);
  }
  return course.rubric;
}

/** The rating form: the scale and every value's key behaviours with their indicators. */
export function ratingForm(rubric: Rubric) {
  return {
    scale: rubric.scale,
    values: rubric.values.map((v) => ({
      code: v.code,
      name: v.name,
      definition: v.definition,
      behaviours: v.behaviours.map((b) => ({ code: b.code, text: b.text, indicators: b.indicators })),
    })),
    behaviourCount: rubric.values.reduce((n, v) => n + v.behaviours.length, 0),
  };
}

export function checkRatingWrites(rubric: Rubric, writes: readonly RatingWrite[], path: string): void {
  const codes = new Set(rubric.values.flatMap((v) => v.behaviours.map((b) => b.code)));
  const seen = new Set<string>();
  writes.forEach((write, i) => {
    if (!codes.has(write.behaviourCode)) {
      throw fieldError(
        `${path}.${i}.behaviourCode`,
        'unknown_behaviour',
        `${write.behaviourCode} is not a key behaviour of this course's rubric`,
      );
    }
    if (seen.has(write.behaviourCode)) {
      throw fieldError(`${path}.${i}.behaviourCode`, 'duplicate', `${write.behaviourCode} is rated twice`);
    }
    seen.add(write.behaviourCode);
  });
}

export interface Rater {
  role: RatingRole;
  /** user id, or `link:<id>` */
  key: string;
  name: string;
}

export async function saveRatings(
  db: EvalDb,
  options: {
    cohortId: string;
    participantId: string;
    rater: Rater;
    writes: readonly RatingWrite[];
    now: number;
  },
): Promise<void> {
  const { cohortId, participantId, rater, writes, now } = options;
  await db.transaction().execute(async (trx) => {
    for (const write of writes) {
      const note = write.note?.trim() ? write.note.trim() : null;
      await trx
        .insertInto('behaviour_ratings')
        .values({
          cohort_id: cohortId,
          participant_id: participantId,
          rater_role: rater.role,
          rater_key: rater.key,
          rater_name: rater.name,
          behaviour_code: write.behaviourCode,
          level: write.level,
          note,
          rated_at: now,
        })
        .onConflict((oc) =>
          oc
            .columns(['cohort_id', 'participant_id', 'rater_role', 'rater_key', 'behaviour_code'])
            .doUpdateSet({ level: write.level, note, rater_name: rater.name, rated_at: now }),
        )
        .execute();
    }
  });
}

export async function ratingRows(db: EvalDb, cohortId: string, participantIds?: readonly string[]) {
  if (participantIds && participantIds.length === 0) return [];
  let query = db
    .selectFrom('behaviour_ratings')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .orderBy('rated_at')
    .orderBy('behaviour_code');
  if (participantIds) query = query.where('participant_id', 'in', [...participantIds]);
  return query.execute();
}
export type RatingRow = Awaited<ReturnType<typeof ratingRows>>[number];

/** combineRatings over one participant's stored ratings with the course's rater weights */
export function ratingSummary(rows: readonly RatingRow[], course: Course): RatingSummary {
  return combineRatings({
    ratings: rows.map((r) => ({
      raterRole: r.rater_role,
      raterId: r.rater_key,
      behaviourCode: r.behaviour_code,
      level: r.level,
    })),
    raterWeights: course.evaluation.behaviour.raterWeights,
  });
}

export function ratingView(r: RatingRow) {
  return {
    behaviourCode: r.behaviour_code,
    level: r.level,
    note: r.note,
    ratedAt: iso(r.rated_at),
  };
}

/** The staff's view of a summary: rater keys replaced by the raters' names. */
export function summaryView(summary: RatingSummary, rows: readonly RatingRow[]) {
  const names = new Map(rows.map((r) => [r.rater_key, r.rater_name]));
  const rater = (x: { raterRole: RatingRole; raterId: string; level: number }) => ({
    role: x.raterRole,
    name: names.get(x.raterId) ?? '',
    via: x.raterId.startsWith('link:') ? ('link' as const) : ('account' as const),
    level: x.level,
  });
  return {
    overall: summary.overall,
    values: summary.values,
    behaviours: summary.behaviours,
    weightsUsed: summary.weightsUsed,
    rolesRated: summary.rolesRated,
    disagreements: summary.disagreements.map((d) => ({
      behaviourCode: d.behaviourCode,
      difference: d.difference,
      low: rater(d.low),
      high: rater(d.high),
    })),
    warnings: summary.warnings,
  };
}

/** Who has rated a participant: one entry per rater with how many behaviours they rated and when. */
export function ratersOf(rows: readonly RatingRow[], total: number) {
  const byKey = new Map<string, { role: RatingRole; name: string; rated: number; last: number }>();
  for (const r of rows) {
    const entry = byKey.get(`${r.rater_role}\u0000${r.rater_key}`) ?? {
      role: r.rater_role,
      name: r.rater_name,
      rated: 0,
      last: 0,
    };
    entry.rated += 1;
    entry.last = Math.max(entry.last, r.rated_at);
    byKey.set(`${r.rater_role}\u0000${r.rater_key}`, entry);
  }
  return [...byKey].map(([key, e]) => {
    const raterKey = key.split('\u0000')[1] ?? '';
    return {
      role: e.role,
      name: e.name,
      via: raterKey.startsWith('link:') ? ('link' as const) : ('account' as const),
      ...(raterKey.startsWith('link:') ? { linkId: raterKey.slice(5) } : { userId: raterKey }),
      rated: e.rated,
      total,
      complete: e.rated >= total,
      lastRatedAt: iso(e.last),
    };
  });
}

/**
 * The role in which a signed-in user rates a participant: fasilitator for a fasilitator of the cohort,
 * else the role of their assignment to the participant. A mentor or atasan not assigned to the
 * participant gets NOT_FOUND (the participant does not exist for them); anyone else FORBIDDEN.
 */
export async function accountRater(
  db: EvalDb,
  options: { user: SessionUser; access: CohortAccess; participantId: string },
): Promise<Rater> {
  const { user, access, participantId } = options;
  if (access.roles.has('fasilitator')) return { role: 'fasilitator', key: user.id, name: user.name };
  if (access.roles.has('mentor') || access.roles.has('atasan')) {
    const assignment = await db
      .selectFrom('assignments')
      .select('role')
      .where('cohort_id', '=', access.cohort.id)
      .where('participant_id', '=', participantId)
      .where('rater_id', '=', user.id)
      .executeTakeFirst();
    if (!assignment) throw new ApiError('NOT_FOUND', 'No such participant among the ones assigned to you');
    return { role: assignment.role, key: user.id, name: user.name };
  }
  throw new ApiError(
    'FORBIDDEN',
    'Only the fasilitator, or the mentor or atasan assigned, rates a participant',
  );
}
