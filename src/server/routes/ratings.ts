import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cohortAccess } from '../access.ts';
import { ApiError } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';
import { RowId } from '../schemas.ts';
import { audit } from '../services/audit.ts';
import { assertNotFrozen, closureOf, cohortParticipants, participantOf } from '../services/closure.ts';
import { evalDb } from '../services/evaluation-db.ts';
import { linkView } from '../services/rating-links.ts';
import {
  accountRater,
  checkRatingWrites,
  ratersOf,
  ratingForm,
  ratingRows,
  ratingSummary,
  ratingView,
  rubricOf,
  saveRatings,
  summaryView,
} from '../services/ratings.ts';
import { cohortCourse } from '../services/test-bank.ts';

// Behaviour assessment by raters with an account (issue 7): the fasilitator rates every participant,
// a mentor or atasan the participants assigned to them. The staff overview shows who has rated whom,
// the combined score per value (combineRatings with the course's rater weights) and the behaviours on
// which two raters are two or more levels apart.

export const RatingWriteBody = z.strictObject({
  behaviourCode: z.string().regex(/^[A-Z]{2,}-\d+$/, 'a behaviour code such as AK-2'),
  level: z.number().int().min(1).max(4),
  note: z.string().trim().max(2_000).nullish(),
});
export const RatingsBody = z.strictObject({ ratings: z.array(RatingWriteBody).min(1).max(100) });

const ratings: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.lentera;
  const db = evalDb(ctx.db);

  app.get(
    '/cohorts/:id/ratings',
    {
      schema: {
        summary:
          'Who has rated whom: for staff every participant with raters, links and combined scores; for a mentor or atasan their own progress',
        params: z.object({ id: RowId }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      const course = cohortCourse(ctx, access.cohort);
      const rubric = rubricOf(course);
      const total = ratingForm(rubric).behaviourCount;
      const cohortId = access.cohort.id;
      const frozen = (await closureOf(db, cohortId)) !== null;
      if (!access.manager) {
        if (!access.roles.has('mentor') && !access.roles.has('atasan')) {
          throw new ApiError('FORBIDDEN', 'Participants do not see behaviour ratings');
        }
        const assigned = await db
          .selectFrom('assignments')
          .innerJoin('users', 'users.id', 'assignments.participant_id')
          .select(['users.id', 'users.name', 'assignments.role'])
          .where('assignments.cohort_id', '=', cohortId)
          .where('assignments.rater_id', '=', user.id)
          .orderBy('users.name')
          .execute();
        const rows = await ratingRows(
          db,
          cohortId,
          assigned.map((a) => a.id),
        );
        return {
          frozen,
          behaviourCount: total,
          participants: assigned.map((a) => {
            const mine = rows.filter(
              (r) => r.participant_id === a.id && r.rater_key === user.id && r.rater_role === a.role,
            );
            return {
              id: a.id,
              name: a.name,
              role: a.role,
              rated: mine.length,
              total,
              complete: mine.length >= total,
            };
          }),
        };
      }
      const people = await cohortParticipants(db, cohortId);
      const rows = await ratingRows(db, cohortId);
      const assignments = await db
        .selectFrom('assignments')
        .innerJoin('users', 'users.id', 'assignments.rater_id')
        .select(['assignments.participant_id', 'assignments.role', 'users.id', 'users.name'])
        .where('assignments.cohort_id', '=', cohortId)
        .execute();
      const fasilitators = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id', 'users.name'])
        .where('memberships.cohort_id', '=', cohortId)
        .where('memberships.role', '=', 'fasilitator')
        .execute();
      const links = await db
        .selectFrom('rating_links')
        .selectAll()
        .where('cohort_id', '=', cohortId)
        .execute();
      const now = ctx.now();
      return {
        frozen,
        behaviourCount: total,
        participants: people.map((p) => {
          const mine = rows.filter((r) => r.participant_id === p.id);
          const raters = ratersOf(mine, total);
          const rated = new Set(raters.map((r) => ('userId' in r ? r.userId : null)));
          const awaiting = [
            ...(raters.some((r) => r.role === 'fasilitator')
              ? []
              : fasilitators.map((f) => ({ role: 'fasilitator' as const, userId: f.id, name: f.name }))),
            ...assignments
              .filter((a) => a.participant_id === p.id && !rated.has(a.id))
              .map((a) => ({ role: a.role, userId: a.id, name: a.name })),
          ];
          return {
            id: p.id,
            name: p.name,
            nip: p.nip,
            raters,
            awaiting,
            links: links.filter((l) => l.participant_id === p.id).map((l) => linkView(l, now)),
            summary: mine.length > 0 ? summaryView(ratingSummary(mine, course), mine) : null,
          };
        }),
      };
    },
  );

  app.get(
    '/cohorts/:id/ratings/:participantId',
    {
      schema: {
        summary:
          'The rating form for one participant with your own ratings; for staff also every rating, evidence note and the combined result',
        params: z.object({ id: RowId, participantId: RowId }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      const course = cohortCourse(ctx, access.cohort);
      const rubric = rubricOf(course);
      const cohortId = access.cohort.id;
      // a rater is a fasilitator or an assigned mentor/atasan; an admin who rates no one still reads
      const rater =
        access.admin && !access.roles.has('fasilitator')
          ? null
          : await accountRater(db, { user, access, participantId: request.params.participantId });
      const person = await participantOf(db, cohortId, request.params.participantId);
      const rows = await ratingRows(db, cohortId, [person.id]);
      const mine = rater ? rows.filter((r) => r.rater_key === rater.key && r.rater_role === rater.role) : [];
      return {
        participant: { id: person.id, name: person.name },
        frozen: (await closureOf(db, cohortId)) !== null,
        form: ratingForm(rubric),
        rater: rater ? { role: rater.role, name: rater.name } : null,
        mine: mine.map(ratingView),
        ...(access.manager
          ? {
              all: rows.map((r) => ({
                ...ratingView(r),
                raterRole: r.rater_role,
                raterName: r.rater_name,
                via: r.rater_key.startsWith('link:') ? ('link' as const) : ('account' as const),
              })),
              summary: rows.length > 0 ? summaryView(ratingSummary(rows, course), rows) : null,
            }
          : {}),
      };
    },
  );

  app.put(
    '/cohorts/:id/ratings/:participantId',
    {
      schema: {
        summary:
          'Save your ratings of a participant (level 1–4 per key behaviour, optional evidence note); a new rating replaces your old one',
        params: z.object({ id: RowId, participantId: RowId }),
        body: RatingsBody,
      },
    },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      const course = cohortCourse(ctx, access.cohort);
      const rubric = rubricOf(course);
      const rater = await accountRater(db, { user, access, participantId: request.params.participantId });
      const person = await participantOf(db, access.cohort.id, request.params.participantId);
      await assertNotFrozen(db, access.cohort.id);
      checkRatingWrites(rubric, request.body.ratings, 'body.ratings');
      const now = ctx.now();
      await saveRatings(db, {
        cohortId: access.cohort.id,
        participantId: person.id,
        rater,
        writes: request.body.ratings,
        now,
      });
      await audit(
        ctx.db,
        {
          actorId: user.id,
          action: 'rating.save',
          target: person.id,
          detail: { cohortId: access.cohort.id, role: rater.role, count: request.body.ratings.length },
          ip: request.ip,
        },
        now,
      );
      const rows = await ratingRows(db, access.cohort.id, [person.id]);
      return {
        rater: { role: rater.role, name: rater.name },
        mine: rows.filter((r) => r.rater_key === rater.key && r.rater_role === rater.role).map(ratingView),
      };
    },
  );
};

export default ratings;
