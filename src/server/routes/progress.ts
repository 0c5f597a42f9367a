import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '../../course/model.ts';
import {
  applyEvent,
  emptyLearnerState,
  type LearnerState,
  type LearningEvent,
} from '../../evaluation/learner-state.ts';
import type { Db, EventTable } from '../db/types.ts';
import { ApiError } from '../errors.ts';
import { EventBatch, LearningEventSchema } from '../events.ts';
import { requireUser } from '../plugins/auth.ts';
import { EventWriter } from '../services/event-writer.ts';

// A learner's events arrive in batches, each with an idempotency key; each is stored once, and the
// answer lists the keys now safely stored (committed before the answer is sent). The state for resume
// is the fold of all of a learner's events in time order, so devices merge: the union of pages seen,
// the latest position.

/** the learner state of one user in one course, folded from their stored events */
export async function learnerState(db: Db, userId: string, courseId: string): Promise<LearnerState> {
  const rows = await db
    .selectFrom('events')
    .select('body')
    .where('user_id', '=', userId)
    .where('course_id', '=', courseId)
    .orderBy('at')
    .orderBy('key')
    .execute();
  let state = emptyLearnerState();
  for (const row of rows) state = applyEvent(state, JSON.parse(row.body) as LearningEvent);
  return state;
}

const progress: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.lentera;
  const writer = new EventWriter(ctx.db);

  app.post(
    '/progress/events',
    {
      schema: {
        summary: 'Store a batch of learning events once each; answers with the acknowledged keys',
        body: EventBatch,
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { courseId, events } = request.body;
      if (!ctx.courses.get(courseId))
        throw new ApiError('COURSE_UNKNOWN', `Course ${courseId} is not installed`);
      const now = ctx.now();
      const rejected: { key: string; message: string }[] = [];
      const rows: EventTable[] = [];
      const seen = new Set<string>();
      for (const { key, event } of events) {
        const parsed = LearningEventSchema.safeParse(event);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          rejected.push({
            key,
            message: `${issue?.path.join('.') || 'event'}: ${issue?.message ?? 'invalid'}`,
          });
          continue;
        }
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push({
          user_id: user.id,
          key,
          course_id: courseId,
          type: parsed.data.type,
          at: parsed.data.at,
          body: JSON.stringify(parsed.data),
          received_at: now,
        });
      }
      await writer.write(rows);
      return { acknowledged: rows.map((r) => r.key), rejected };
    },
  );

  app.get(
    '/progress/state',
    {
      schema: {
        summary: "The signed-in learner's state in a course, merged over all their devices",
        querystring: z.object({ courseId: Id }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      return { state: await learnerState(ctx.db, user.id, request.query.courseId) };
    },
  );
};

export default progress;
