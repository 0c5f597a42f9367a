import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cohortAccess, requireManager } from '../access.ts';
import { ApiError } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';
import { RowId } from '../schemas.ts';
import { evalDb, iso } from '../services/evaluation-db.ts';
import { checkFeedback, feedbackSummary, submitFeedback, surveyOf } from '../services/feedback.ts';
import { cohortCourse } from '../services/test-bank.ts';

// Umpan balik (issue 7): a participant answers the course's survey once; an admin or fasilitator sees
// only the aggregate, and only once at least three participants have answered.

const feedback: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.lentera;
  const db = evalDb(ctx.db);

  app.get(
    '/cohorts/:id/feedback',
    {
      schema: {
        summary: 'The feedback survey, and for a participant whether they have answered it',
        params: z.object({ id: RowId }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      if (!access.manager && !access.roles.has('peserta')) {
        throw new ApiError('FORBIDDEN', 'The feedback survey is for participants and the staff');
      }
      const survey = surveyOf(cohortCourse(ctx, access.cohort));
      let mine = null;
      if (access.roles.has('peserta')) {
        const row = await db
          .selectFrom('feedback_responses')
          .select('submitted_at')
          .where('cohort_id', '=', access.cohort.id)
          .where('user_id', '=', user.id)
          .executeTakeFirst();
        mine = { submitted: row !== undefined, submittedAt: iso(row?.submitted_at) };
      }
      return { survey, mine };
    },
  );

  app.post(
    '/cohorts/:id/feedback',
    {
      schema: {
        summary:
          'Give your feedback once: answers by item id, likert 1–5 or text; required items must be answered',
        params: z.object({ id: RowId }),
        body: z.strictObject({
          answers: z.record(z.string().max(64), z.union([z.number(), z.string().max(10_000), z.null()])),
        }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      if (!access.roles.has('peserta')) throw new ApiError('FORBIDDEN', 'Only participants give feedback');
      const survey = surveyOf(cohortCourse(ctx, access.cohort));
      const answers = checkFeedback(survey, request.body.answers);
      const now = ctx.now();
      await submitFeedback(db, { cohortId: access.cohort.id, userId: user.id, answers, now });
      return reply.code(201).send({ mine: { submitted: true, submittedAt: iso(now) } });
    },
  );

  app.get(
    '/cohorts/:id/feedback/summary',
    {
      schema: {
        summary:
          'The feedback aggregate (per item mean and distribution, open answers without names, shuffled) once 3 have answered (staff)',
        params: z.object({ id: RowId }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      requireManager(access);
      const survey = surveyOf(cohortCourse(ctx, access.cohort));
      return { summary: await feedbackSummary(db, { cohortId: access.cohort.id, survey }) };
    },
  );
};

export default feedback;
