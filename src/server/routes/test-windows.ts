import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { classGain } from '../../evaluation/index.ts';
import { cohortAccess, requireManager } from '../access.ts';
import { ApiError } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';
import { RowId } from '../schemas.ts';
import {
  type AttemptRow,
  cohortExtensions,
  type ExtensionGrant,
  extraMinutes,
  finishAttempt,
  isOverdue,
  setExtension,
  setWindow,
  testDb,
  windowStates,
} from '../services/attempts.ts';
import { audit } from '../services/audit.ts';
import { cohortCourse, TEST_KINDS, type TestKind, TestParam, testPolicy } from '../services/test-bank.ts';
import { GAIN_THRESHOLDS, summarizeScores, testItemAnalysis } from '../services/test-results.ts';

// The tests of a cohort (issue 6): what each member sees of them, the facilitator's controls (open and
// close a test, extra time for one participant), the results table with pre, post and gain, and the
// item analysis. Controls, results and analysis are for an admin or a fasilitator of the cohort.

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** the extra time of one participant on one test as the results table shows it: 0 and nulls when none */
function extensionView(grant: ExtensionGrant | undefined) {
  return {
    extraMinutes: grant?.extraMinutes ?? 0,
    grantedBy: grant?.grantedBy ?? null,
    grantedAt: grant ? iso(grant.grantedAt) : null,
  };
}

function attemptStub(row: AttemptRow) {
  return {
    id: row.id,
    number: row.number,
    status: row.finished_at === null ? ('open' as const) : ('finished' as const),
    startedAt: iso(row.started_at),
    deadline: iso(row.deadline_at),
    finishedAt: iso(row.finished_at),
    finishReason: row.finish_reason,
    score: row.score,
  };
}

const testWindows: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.lentera;
  const db = testDb(ctx.db);

  /** a participant's attempts in a cohort, with those whose time is up finished first */
  const attemptsOf = async (cohortId: string, userIds: readonly string[]) => {
    if (userIds.length === 0) return [];
    const query = () =>
      db
        .selectFrom('test_attempts')
        .selectAll()
        .where('cohort_id', '=', cohortId)
        .where('user_id', 'in', userIds)
        .orderBy('number')
        .execute();
    const rows = await query();
    const now = ctx.now();
    const due = rows.filter((r) => isOverdue(r, now));
    if (due.length === 0) return rows;
    for (const row of due) {
      const course = ctx.courses.get(row.course_id, row.course_version) ?? ctx.courses.get(row.course_id);
      if (course) await finishAttempt(db, { attemptId: row.id, course, reason: 'deadline', now });
    }
    return query();
  };

  app.get(
    '/cohorts/:id/tests',
    {
      schema: {
        summary:
          "The cohort's pre-test and post-test: policy and window; for a participant their attempts and gain",
        params: z.object({ id: RowId }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      const course = cohortCourse(ctx, access.cohort);
      const windows = await windowStates(db, access.cohort.id);
      const participant = access.roles.has('peserta');
      const rows = participant ? await attemptsOf(access.cohort.id, [user.id]) : [];
      const tests = await Promise.all(
        TEST_KINDS.map(async (test) => {
          const policy = testPolicy(course, test);
          const window = windows[test];
          const base = {
            test,
            policy,
            window: { open: window.open, openedAt: iso(window.openedAt), closedAt: iso(window.closedAt) },
          };
          if (!participant) return { ...base, mine: null };
          const mine = rows.filter((r) => r.test === test);
          const open = mine.find((r) => r.finished_at === null);
          const left = Math.max(0, policy.attempts - mine.length);
          return {
            ...base,
            mine: {
              attempts: mine.map(attemptStub),
              attemptsLeft: left,
              openAttemptId: open?.id ?? null,
              extraMinutes: await extraMinutes(db, { cohortId: access.cohort.id, test, userId: user.id }),
              canStart: open !== undefined || (window.open && left > 0),
            },
          };
        }),
      );
      let scores = null;
      if (participant) {
        const summary = summarizeScores(rows, course, [user.id]).get(user.id);
        if (summary) {
          scores = {
            pre: summary.pre?.score ?? null,
            post: summary.post?.score ?? null,
            passed: summary.post?.passed ?? null,
            passingScore: course.evaluation.posttest.passingScore,
            gain: summary.gain,
            gainThresholds: GAIN_THRESHOLDS,
          };
        }
      }
      return { cohortId: access.cohort.id, tests, scores };
    },
  );

  app.put(
    '/cohorts/:id/tests/:test/window',
    {
      schema: {
        summary: 'Open or close a test for the cohort (admin or fasilitator)',
        params: z.object({ id: RowId, test: TestParam }),
        body: z.object({ open: z.boolean() }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      requireManager(access);
      const { test } = request.params;
      const { open } = request.body;
      const now = ctx.now();
      const window = await setWindow(db, { cohortId: access.cohort.id, test, open, actorId: user.id, now });
      await audit(
        ctx.db,
        {
          actorId: user.id,
          action: open ? 'test.open' : 'test.close',
          target: access.cohort.id,
          detail: { test },
          ip: request.ip,
        },
        now,
      );
      return {
        window: { test, open: window.open, openedAt: iso(window.openedAt), closedAt: iso(window.closedAt) },
      };
    },
  );

  app.put(
    '/cohorts/:id/tests/:test/extensions/:userId',
    {
      schema: {
        summary: "Set a participant's extra minutes for a test (a total; moves the open attempt's deadline)",
        params: z.object({ id: RowId, test: TestParam, userId: RowId }),
        body: z.object({ extraMinutes: z.number().int().min(0).max(600) }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      requireManager(access);
      const { test, userId } = request.params;
      const member = await ctx.db
        .selectFrom('memberships')
        .select('user_id')
        .where('cohort_id', '=', access.cohort.id)
        .where('user_id', '=', userId)
        .where('role', '=', 'peserta')
        .executeTakeFirst();
      if (!member) throw new ApiError('NOT_FOUND', 'No such participant in this cohort');
      const course = cohortCourse(ctx, access.cohort);
      const now = ctx.now();
      const result = await setExtension(db, {
        cohortId: access.cohort.id,
        test,
        userId,
        extraMinutes: request.body.extraMinutes,
        timeLimitMinutes: testPolicy(course, test).timeLimitMinutes,
        actorId: user.id,
        now,
      });
      await audit(
        ctx.db,
        {
          actorId: user.id,
          action: 'test.extend',
          target: userId,
          detail: { cohortId: access.cohort.id, test, extraMinutes: request.body.extraMinutes },
          ip: request.ip,
        },
        now,
      );
      return {
        extension: {
          test,
          userId,
          extraMinutes: result.extraMinutes,
          attempt: result.attempt ? { id: result.attempt.id, deadline: iso(result.attempt.deadline) } : null,
        },
      };
    },
  );

  app.get(
    '/cohorts/:id/tests/results',
    {
      schema: {
        summary: 'Results table: pre, post, gain and extra time per participant, and the class-average gain',
        params: z.object({ id: RowId }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      requireManager(access);
      const course = cohortCourse(ctx, access.cohort);
      const people = await ctx.db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id', 'users.name', 'users.nip', 'users.instansi'])
        .where('memberships.cohort_id', '=', access.cohort.id)
        .where('memberships.role', '=', 'peserta')
        .orderBy('users.name')
        .execute();
      const ids = people.map((p) => p.id);
      const rows = await attemptsOf(access.cohort.id, ids);
      const summaries = summarizeScores(rows, course, ids);
      const grants = await cohortExtensions(db, access.cohort.id);
      const grantOf = (userId: string, test: TestKind) =>
        extensionView(grants.find((g) => g.userId === userId && g.test === test));
      const participants = people.map((p) => {
        const s = summaries.get(p.id);
        const mine = rows.filter((r) => r.user_id === p.id);
        return {
          id: p.id,
          name: p.name,
          nip: p.nip,
          instansi: p.instansi,
          pre: s?.pre ? { ...s.pre, finishedAt: iso(s.pre.finishedAt) } : null,
          post: s?.post ? { ...s.post, finishedAt: iso(s.post.finishedAt) } : null,
          gain: s?.gain ?? null,
          attempts: {
            pretest: mine.filter((r) => r.test === 'pretest').map(attemptStub),
            posttest: mine.filter((r) => r.test === 'posttest').map(attemptStub),
          },
          extensions: { pretest: grantOf(p.id, 'pretest'), posttest: grantOf(p.id, 'posttest') },
        };
      });
      const { individuals: _individuals, ...summary } = classGain(
        people.map((p) => ({
          id: p.id,
          pre: summaries.get(p.id)?.pre?.score ?? null,
          post: summaries.get(p.id)?.post?.score ?? null,
        })),
      );
      return {
        passingScore: course.evaluation.posttest.passingScore,
        gainThresholds: GAIN_THRESHOLDS,
        participants,
        classGain: summary,
      };
    },
  );

  app.get(
    '/cohorts/:id/tests/:test/item-analysis',
    {
      schema: {
        summary: 'Item analysis of a test over the cohort: p, D, distractors, KR-20, with the thresholds',
        params: z.object({ id: RowId, test: TestParam }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      requireManager(access);
      const course = cohortCourse(ctx, access.cohort);
      // results include attempts whose time is up but nobody has touched yet
      const members = await ctx.db
        .selectFrom('memberships')
        .select('user_id')
        .where('cohort_id', '=', access.cohort.id)
        .where('role', '=', 'peserta')
        .execute();
      await attemptsOf(
        access.cohort.id,
        members.map((m) => m.user_id),
      );
      return {
        analysis: await testItemAnalysis(db, {
          cohortId: access.cohort.id,
          test: request.params.test,
          course,
        }),
      };
    },
  );
};

export default testWindows;
