import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Course } from '../../course/model.ts';
import { Id } from '../../course/model.ts';
import { cohortAccess } from '../access.ts';
import type { AppContext, SessionUser } from '../context.ts';
import { ApiError } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';
import { RowId } from '../schemas.ts';
import {
  type AnswerWrite,
  type AttemptRow,
  checkWrites,
  DEADLINE_GRACE_MS,
  finishAttempt,
  isOverdue,
  parseForm,
  reviewAvailable,
  saveAnswers,
  startAttempt,
  storedAnswers,
  sweepOverdue,
  type TestDb,
  testDb,
  windowStates,
} from '../services/attempts.ts';
import { assertNotFrozen } from '../services/closure.ts';
import { evalDb } from '../services/evaluation-db.ts';
import { cohortCourse, courseBank, TestParam, testPolicy } from '../services/test-bank.ts';
import { resultView } from '../services/test-results.ts';
import testWindowRoutes from './test-windows.ts';

// Taking a test (issue 6): start or resume an attempt, autosave answers, submit, read the result. An
// attempt belongs to one participant: anyone else gets 404, whatever their role. The browser gets the
// questions without keys; keys and explanations only in a finished attempt's review, when the policy
// allows it.

/** how often open attempts past their deadline are finished (reads and writes also finish them) */
export const SWEEP_INTERVAL_MS = 60_000;

const AnswerWriteBody = z.object({
  itemId: Id,
  /** null clears the answer */
  optionId: z.string().min(1).max(64).nullable(),
  /** increases with every change the client makes in this attempt */
  seq: z.number().int().positive().max(2_147_483_647),
});
const AnswerBatch = z.array(AnswerWriteBody).max(200);

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

interface OwnAttempt {
  row: AttemptRow;
  course: Course;
}

async function ownAttempt(ctx: AppContext, db: TestDb, user: SessionUser, id: string): Promise<OwnAttempt> {
  const row = await db.selectFrom('test_attempts').selectAll().where('id', '=', id).executeTakeFirst();
  // someone else's attempt does not exist for you
  if (!row || row.user_id !== user.id) throw new ApiError('NOT_FOUND', 'No such attempt');
  const course =
    ctx.courses.get(row.course_id, row.course_version) ??
    cohortCourse(ctx, { course_id: row.course_id, course_version: row.course_version });
  return { row, course };
}

/** finishes an attempt whose time is up before anyone reads or writes it */
async function settle(db: TestDb, own: OwnAttempt, now: number): Promise<AttemptRow> {
  if (!isOverdue(own.row, now)) return own.row;
  return finishAttempt(db, { attemptId: own.row.id, course: own.course, reason: 'deadline', now });
}

async function attemptView(ctx: AppContext, db: TestDb, own: OwnAttempt, now: number, fresh = false) {
  const { row, course } = own;
  const finished = row.finished_at !== null;
  const policy = testPolicy(course, row.test);
  const bank = courseBank(course);
  const form = parseForm(row);
  const position = new Map(form.itemIds.map((id, i) => [id, i]));
  // an attempt just created has no answers yet
  const answers = (fresh ? [] : await storedAnswers(db, row.id)).sort(
    (a, b) => (position.get(a.itemId) ?? 0) - (position.get(b.itemId) ?? 0),
  );
  let result = null;
  if (finished) {
    const window = (await windowStates(db, row.cohort_id))[row.test];
    const cohort = await ctx.db
      .selectFrom('cohorts')
      .select('closes_on')
      .where('id', '=', row.cohort_id)
      .executeTakeFirstOrThrow();
    result = resultView(row, course, {
      available: reviewAvailable({ reveal: policy.reveal, finished, window, cohort, now }),
    });
  }
  return {
    id: row.id,
    cohortId: row.cohort_id,
    test: row.test,
    number: row.number,
    status: finished ? ('finished' as const) : ('open' as const),
    startedAt: iso(row.started_at),
    deadline: iso(row.deadline_at),
    serverNow: iso(now),
    remainingSeconds: finished ? 0 : Math.max(0, Math.ceil((row.deadline_at - now) / 1000)),
    graceSeconds: DEADLINE_GRACE_MS / 1000,
    finishedAt: iso(row.finished_at),
    finishReason: row.finish_reason,
    policy,
    // while open: the questions in this attempt's order, options in this attempt's order, no keys
    questions: finished
      ? null
      : form.itemIds.map((itemId, index) => {
          const question = bank.questions.get(itemId);
          return {
            number: index + 1,
            itemId,
            stem: question?.stem ?? '',
            options: (form.optionOrder[itemId] ?? []).map((id) => ({
              id,
              html: question?.options.find((o) => o.id === id)?.html ?? '',
            })),
          };
        }),
    answers: answers.map((a) => ({
      itemId: a.itemId,
      optionId: a.optionId,
      seq: a.seq,
      savedAt: iso(a.savedAt),
    })),
    lastSeq: answers.reduce((max, a) => Math.max(max, a.seq), 0),
    result,
  };
}

const attempts: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.lentera;
  const db = testDb(ctx.db);
  // the facilitator's side of the same tests
  await app.register(testWindowRoutes);

  // finish attempts nobody touches after their time is up, so results are there without a visit; one
  // sweep at a time, in batches until none is left
  let sweeping = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      const batch = 500;
      const courseOf = (row: AttemptRow) =>
        ctx.courses.get(row.course_id, row.course_version) ?? ctx.courses.get(row.course_id);
      while ((await sweepOverdue(db, { now: ctx.now(), courseOf, limit: batch })) === batch);
    } catch (error) {
      app.log.error({ err: error }, 'attempt deadline sweep failed');
    } finally {
      sweeping = false;
    }
  };
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));

  /** saves writes or refuses them: ATTEMPT_FINISHED when the attempt is over (finishing it if due) */
  const save = async (own: OwnAttempt, writes: AnswerWrite[], now: number) => {
    const outcome = await saveAnswers(db, { attemptId: own.row.id, writes, now });
    if (outcome.closed) {
      await settle(db, own, now);
      throw new ApiError('ATTEMPT_FINISHED');
    }
    return outcome;
  };

  app.post(
    '/cohorts/:id/tests/:test/attempts',
    {
      schema: {
        summary: 'Start an attempt at the pre-test or post-test, or resume the open one',
        params: z.object({ id: RowId, test: TestParam }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      if (!access.roles.has('peserta')) throw new ApiError('FORBIDDEN', 'Only participants take tests');
      // a closed cohort's results are frozen (issue 7): no new attempt can change them
      await assertNotFrozen(evalDb(ctx.db), access.cohort.id);
      const course = cohortCourse(ctx, access.cohort);
      const now = ctx.now();
      const { row, created } = await startAttempt(db, {
        cohort: access.cohort,
        course,
        userId: user.id,
        test: request.params.test,
        now,
      });
      const view = await attemptView(ctx, db, { row, course }, now, created);
      return reply.code(created ? 201 : 200).send({ attempt: view, created });
    },
  );

  app.get(
    '/attempts/:id',
    {
      schema: {
        summary:
          'Your attempt: questions and saved answers while open; result (and review per policy) when finished',
        params: z.object({ id: RowId }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const own = await ownAttempt(ctx, db, user, request.params.id);
      const now = ctx.now();
      const row = await settle(db, own, now);
      return { attempt: await attemptView(ctx, db, { ...own, row }, now) };
    },
  );

  app.put(
    '/attempts/:id/answers/:itemId',
    {
      schema: {
        summary: 'Autosave one answer; refused with ANSWER_STALE when a newer one is stored',
        params: z.object({ id: RowId, itemId: Id }),
        body: AnswerWriteBody.omit({ itemId: true }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const own = await ownAttempt(ctx, db, user, request.params.id);
      const write = { itemId: request.params.itemId, ...request.body };
      checkWrites(own.row, own.course, [write], 'body');
      const outcome = await save(own, [write], ctx.now());
      const stale = outcome.stale[0];
      if (stale) {
        throw new ApiError(
          'ANSWER_STALE',
          `Item ${write.itemId} has answer seq ${stale.stored.seq}; this write has seq ${write.seq}`,
          {
            issues: [
              {
                path: 'body.seq',
                code: 'stale',
                message: `stored seq ${stale.stored.seq} is not older than ${write.seq}`,
              },
            ],
          },
        );
      }
      const saved = outcome.saved[0] as NonNullable<(typeof outcome.saved)[0]>;
      return { answer: { ...saved, savedAt: iso(saved.savedAt) } };
    },
  );

  app.post(
    '/attempts/:id/answers',
    {
      schema: {
        summary:
          'Autosave a batch of answers (an offline queue); reports which were saved and which were stale',
        params: z.object({ id: RowId }),
        body: z.object({ answers: AnswerBatch.min(1) }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const own = await ownAttempt(ctx, db, user, request.params.id);
      const writes = request.body.answers;
      checkWrites(own.row, own.course, writes, 'body.answers.#');
      const outcome = await save(own, writes, ctx.now());
      return {
        saved: outcome.saved.map((a) => ({ ...a, savedAt: iso(a.savedAt) })),
        stale: outcome.stale.map(({ write, stored }) => ({
          itemId: write.itemId,
          seq: write.seq,
          stored: { ...stored, savedAt: iso(stored.savedAt) },
        })),
      };
    },
  );

  app.post(
    '/attempts/:id/submit',
    {
      schema: {
        summary: 'Finish your attempt and get its result; submitting again returns the same result',
        params: z.object({ id: RowId }),
        body: z.object({ answers: AnswerBatch.optional() }).optional(),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const own = await ownAttempt(ctx, db, user, request.params.id);
      const now = ctx.now();
      const writes = request.body?.answers ?? [];
      if (writes.length > 0 && own.row.finished_at === null) {
        checkWrites(own.row, own.course, writes, 'body.answers.#');
        // answers still queued go in first; an attempt already over keeps what it had
        await saveAnswers(db, { attemptId: own.row.id, writes, now });
      }
      const row = await finishAttempt(db, {
        attemptId: own.row.id,
        course: own.course,
        reason: 'submitted',
        now,
      });
      return { attempt: await attemptView(ctx, db, { ...own, row }, now) };
    },
  );
};

export default attempts;
