import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { courseProgress } from '../../evaluation/completion.ts';
import {
  applyEvent,
  emptyLearnerState,
  type LearnerState,
  type LearningEvent,
} from '../../evaluation/learner-state.ts';
import { cohortAccess, visibleParticipants } from '../access.ts';
import { ApiError } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';
import { RowId } from '../schemas.ts';

// The facilitator's table: participants x materials, with the same completion rule the player shows
// the learner (src/evaluation/completion.ts). Mentors and atasan get the rows of their participants.

const cohortProgress: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.lentera;

  app.get(
    '/cohorts/:id/progress',
    { schema: { summary: 'Progress table: participants x materials', params: z.object({ id: RowId }) } },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      const ids = await visibleParticipants(ctx.db, user, access);
      const { cohort } = access;
      const course =
        ctx.courses.get(cohort.course_id, cohort.course_version) ?? ctx.courses.get(cohort.course_id);
      if (!course) throw new ApiError('COURSE_UNKNOWN', `Course ${cohort.course_id} is not installed`);
      const people = ids.length
        ? await ctx.db
            .selectFrom('users')
            .select(['id', 'name', 'nip', 'instansi'])
            .where('id', 'in', ids)
            .orderBy('name')
            .execute()
        : [];
      const states = new Map<string, { state: LearnerState; last: number }>();
      if (ids.length) {
        const rows = await ctx.db
          .selectFrom('events')
          .select(['user_id', 'body', 'at'])
          .where('user_id', 'in', ids)
          .where('course_id', '=', course.id)
          .orderBy('at')
          .orderBy('key')
          .execute();
        for (const row of rows) {
          const entry = states.get(row.user_id) ?? { state: emptyLearnerState(), last: 0 };
          entry.state = applyEvent(entry.state, JSON.parse(row.body) as LearningEvent);
          entry.last = Math.max(entry.last, row.at);
          states.set(row.user_id, entry);
        }
      }
      const materials = course.materials.map((m) => ({
        id: m.id,
        role: m.role,
        pages: m.pages.map((p) => ({ id: p.id, completion: p.completion })),
      }));
      return {
        course: {
          id: course.id,
          version: course.version,
          materials: course.materials.map((m) => ({
            id: m.id,
            title: m.title,
            role: m.role,
            pages: m.pages.length,
          })),
        },
        participants: people.map((p) => {
          const entry = states.get(p.id);
          const progress = courseProgress({ materials, activity: entry?.state.pages ?? {} });
          return {
            id: p.id,
            name: p.name,
            nip: p.nip,
            instansi: p.instansi,
            percent: progress.percent,
            complete: progress.complete,
            lastActivity: entry ? new Date(entry.last).toISOString() : null,
            materials: progress.materials.map((m) => ({
              id: m.materialId,
              done: m.done,
              total: m.total,
              percent: m.percent,
              complete: m.complete,
            })),
          };
        }),
      };
    },
  );
};

export default cohortProgress;
