import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cohortAccess, requireManager } from '../access.ts';
import { ApiError } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';
import { Name, RaterRole, RowId } from '../schemas.ts';
import { audit } from '../services/audit.ts';
import { assertNotFrozen, closureOf, participantOf } from '../services/closure.ts';
import { evalDb } from '../services/evaluation-db.ts';
import { RateWindow } from '../services/rate-window.ts';
import {
  createLink,
  DEFAULT_LINK_DAYS,
  linkByToken,
  linkView,
  MAX_LINK_DAYS,
  revokeLink,
  touchLink,
} from '../services/rating-links.ts';
import {
  checkRatingWrites,
  ratingForm,
  ratingRows,
  ratingView,
  rubricOf,
  saveRatings,
} from '../services/ratings.ts';
import { cohortCourse } from '../services/test-bank.ts';
import { RatingsBody } from './ratings.ts';

// Personal rating links (issue 7). An admin or fasilitator makes one for a mentor or atasan without an
// account, for one participant; the token is shown once. With the token and no login, the rater can
// read that participant's rating form and save ratings, and nothing else: the token names no
// participant in the URL, opens no other endpoint, and stops working once expired or revoked.

/** requests per minute per address on the token routes */
export const LINK_RATE_LIMIT = 60;

// 256-bit tokens are 43 characters; anything else is refused like a wrong token
const Token = z.string().max(100);

const ratingLinks: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.lentera;
  const db = evalDb(ctx.db);
  const limiter = new RateWindow({ limit: LINK_RATE_LIMIT, windowMs: 60_000, now: ctx.now });

  app.get(
    '/cohorts/:id/rating-links',
    {
      schema: {
        summary:
          "The cohort's rating links (never their tokens), with state active, expired or revoked (staff)",
        params: z.object({ id: RowId }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      requireManager(access);
      const rows = await db
        .selectFrom('rating_links')
        .innerJoin('users', 'users.id', 'rating_links.participant_id')
        .selectAll('rating_links')
        .select('users.name as participant_name')
        .where('rating_links.cohort_id', '=', access.cohort.id)
        .orderBy('rating_links.created_at', 'desc')
        .execute();
      const now = ctx.now();
      return { links: rows.map((r) => linkView(r, now, r.participant_name)) };
    },
  );

  app.post(
    '/cohorts/:id/rating-links',
    {
      schema: {
        summary:
          'Make a personal rating link for one rater (mentor or atasan, by name) and one participant; the token is in this response only (staff)',
        params: z.object({ id: RowId }),
        body: z.strictObject({
          participantId: RowId,
          raterRole: RaterRole,
          raterName: Name,
          expiresInDays: z.number().int().min(1).max(MAX_LINK_DAYS).default(DEFAULT_LINK_DAYS),
        }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      requireManager(access);
      rubricOf(cohortCourse(ctx, access.cohort));
      const person = await participantOf(db, access.cohort.id, request.body.participantId);
      await assertNotFrozen(db, access.cohort.id);
      const now = ctx.now();
      const { row, token } = await createLink(db, {
        cohortId: access.cohort.id,
        participantId: person.id,
        raterRole: request.body.raterRole,
        raterName: request.body.raterName,
        expiresAt: now + request.body.expiresInDays * 86_400_000,
        actorId: user.id,
        now,
      });
      await audit(
        ctx.db,
        {
          actorId: user.id,
          action: 'rating-link.create',
          target: person.id,
          detail: { cohortId: access.cohort.id, linkId: row.id, raterRole: row.rater_role },
          ip: request.ip,
        },
        now,
      );
      return reply.code(201).send({ link: linkView(row, now, person.name), token });
    },
  );

  app.post(
    '/cohorts/:id/rating-links/:linkId/revoke',
    {
      schema: {
        summary: 'Revoke a rating link at once; the ratings given through it stay (staff)',
        params: z.object({ id: RowId, linkId: RowId }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      requireManager(access);
      const now = ctx.now();
      const row = await revokeLink(db, {
        cohortId: access.cohort.id,
        linkId: request.params.linkId,
        actorId: user.id,
        now,
      });
      await audit(
        ctx.db,
        {
          actorId: user.id,
          action: 'rating-link.revoke',
          target: row.participant_id,
          detail: { cohortId: access.cohort.id, linkId: row.id },
          ip: request.ip,
        },
        now,
      );
      return { link: linkView(row, now) };
    },
  );

  // --- through the link, without a login -----------------------------------------------------------

  const opened = async (request: { ip: string }, token: string) => {
    limiter.check(request.ip);
    const now = ctx.now();
    const link = await linkByToken(db, token, now);
    const cohort = await ctx.db
      .selectFrom('cohorts')
      .selectAll()
      .where('id', '=', link.cohort_id)
      .executeTakeFirstOrThrow();
    const course = cohortCourse(ctx, cohort);
    return { link, cohort, course, rubric: rubricOf(course), now };
  };
  const raterOf = (link: { id: string; rater_role: 'mentor' | 'atasan'; rater_name: string }) => ({
    role: link.rater_role,
    key: `link:${link.id}`,
    name: link.rater_name,
  });

  app.get(
    '/rating-links/:token',
    {
      schema: {
        summary:
          "Through a rating link, no login: the participant's name, the key behaviours with indicators, the scale and this link's ratings",
        params: z.object({ token: Token }),
      },
    },
    async (request) => {
      const { link, cohort, course, rubric, now } = await opened(request, request.params.token);
      const person = await db
        .selectFrom('users')
        .select('name')
        .where('id', '=', link.participant_id)
        .executeTakeFirstOrThrow();
      const rater = raterOf(link);
      const rows = (await ratingRows(db, cohort.id, [link.participant_id])).filter(
        (r) => r.rater_key === rater.key,
      );
      await touchLink(db, link.id, now);
      return {
        participant: { name: person.name },
        rater: { role: rater.role, name: rater.name },
        cohort: { name: cohort.name },
        course: { title: course.title },
        expiresAt: new Date(link.expires_at).toISOString(),
        frozen: (await closureOf(db, cohort.id)) !== null,
        form: ratingForm(rubric),
        mine: rows.map(ratingView),
      };
    },
  );

  app.post(
    '/rating-links/:token/ratings',
    {
      schema: {
        summary:
          "Through a rating link, no login: save this rater's ratings of the link's participant (level 1–4, optional evidence note)",
        params: z.object({ token: Token }),
        body: RatingsBody,
      },
    },
    async (request) => {
      const { link, cohort, rubric, now } = await opened(request, request.params.token);
      if ((await closureOf(db, cohort.id)) !== null) throw new ApiError('RESULTS_FROZEN');
      checkRatingWrites(rubric, request.body.ratings, 'body.ratings');
      const rater = raterOf(link);
      await saveRatings(db, {
        cohortId: cohort.id,
        participantId: link.participant_id,
        rater,
        writes: request.body.ratings,
        now,
      });
      await touchLink(db, link.id, now);
      await audit(
        ctx.db,
        {
          actorId: null,
          action: 'rating.save-link',
          target: link.participant_id,
          detail: { cohortId: cohort.id, linkId: link.id, count: request.body.ratings.length },
          ip: request.ip,
        },
        now,
      );
      const rows = (await ratingRows(db, cohort.id, [link.participant_id])).filter(
        (r) => r.rater_key === rater.key,
      );
      return { mine: rows.map(ratingView) };
    },
  );
};

export default ratingLinks;
