import type { InjectOptions } from 'fastify';
import { assembleForm } from '../../src/evaluation/index.ts';
import { newId } from '../../src/server/auth/tokens.ts';
import { setWindow, testDb } from '../../src/server/services/attempts.ts';
import { courseBank } from '../../src/server/services/test-bank.ts';
import { type TestApp, type TestUser, testCourse } from './helpers.ts';

// The access-matrix rows of the pre-test and post-test routes (issue 6), to spread into ROWS of
// tests/server/access-matrix.test.ts. Cohort A has fasA, mentorA, atasanA, pesA1 and pesA2; fasB and
// pesB are outsiders. An attempt is pesA1's alone: everyone else, whatever their role, gets 404. Each
// request on an attempt gets a fresh open attempt of pesA1, so a submit never changes another row.

type Person = 'admin' | 'fasA' | 'mentorA' | 'atasanA' | 'pesA1' | 'pesA2' | 'fasB' | 'pesB';
export interface AttemptMatrixWorld {
  t: TestApp;
  users: Record<Person, TestUser>;
  cohortA: { id: string; joinCode: string };
  cohortB: { id: string; joinCode: string };
}
export interface AttemptMatrixRow {
  method: string;
  route: string;
  request(world: AttemptMatrixWorld): Promise<InjectOptions> | InjectOptions;
  expect: string;
}

const MANAGER = 'admin:ok fasA:ok *:403 fasB:404 pesB:404 anon:401';
const MEMBER = '*:ok fasB:404 pesB:404 anon:401';
const TAKER = 'pesA1:ok pesA2:ok *:403 fasB:404 pesB:404 anon:401';
const OWNER = 'pesA1:ok *:404 anon:401';

let serial = 1000;

/** an open post-test attempt of pesA1 in cohort A, with its first item and an option of it */
async function freshAttempt(
  w: AttemptMatrixWorld,
): Promise<{ id: string; itemId: string; optionId: string }> {
  const course = await testCourse();
  const drawn = assembleForm({
    bank: courseBank(course).bank,
    blueprint: { items: course.evaluation.posttest.items, ...course.evaluation.blueprint },
    seed: newId(),
  });
  if (!drawn.ok) throw new Error('the test course cannot draw a form');
  const id = newId();
  const now = w.t.clock.now;
  await testDb(w.t.handle.db)
    .insertInto('test_attempts')
    .values({
      id,
      cohort_id: w.cohortA.id,
      user_id: w.users.pesA1.id,
      test: 'posttest',
      number: serial++,
      course_id: course.id,
      course_version: course.version,
      seed: 'matrix',
      form: JSON.stringify(drawn.form),
      started_at: now,
      deadline_at: now + 60 * 60_000,
      saved_at: null,
      finished_at: null,
      finish_reason: null,
      score: null,
      result: null,
    })
    .execute();
  const itemId = drawn.form.itemIds[0] as string;
  return { id, itemId, optionId: drawn.form.optionOrder[itemId]?.[0] as string };
}

export const ATTEMPT_ROWS: AttemptMatrixRow[] = [
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/tests',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/tests` }),
    expect: MEMBER,
  },
  {
    method: 'POST',
    route: '/api/v1/cohorts/:id/tests/:test/attempts',
    request: async (w) => {
      await setWindow(testDb(w.t.handle.db), {
        cohortId: w.cohortA.id,
        test: 'pretest',
        open: true,
        actorId: w.users.admin.id,
        now: w.t.clock.now,
      });
      return { url: `/api/v1/cohorts/${w.cohortA.id}/tests/pretest/attempts` };
    },
    expect: TAKER,
  },
  {
    method: 'GET',
    route: '/api/v1/attempts/:id',
    request: async (w) => ({ url: `/api/v1/attempts/${(await freshAttempt(w)).id}` }),
    expect: OWNER,
  },
  {
    method: 'PUT',
    route: '/api/v1/attempts/:id/answers/:itemId',
    request: async (w) => {
      const a = await freshAttempt(w);
      return {
        url: `/api/v1/attempts/${a.id}/answers/${a.itemId}`,
        payload: { optionId: a.optionId, seq: 1 },
      };
    },
    expect: OWNER,
  },
  {
    method: 'POST',
    route: '/api/v1/attempts/:id/answers',
    request: async (w) => {
      const a = await freshAttempt(w);
      return {
        url: `/api/v1/attempts/${a.id}/answers`,
        payload: { answers: [{ itemId: a.itemId, optionId: a.optionId, seq: 1 }] },
      };
    },
    expect: OWNER,
  },
  {
    method: 'POST',
    route: '/api/v1/attempts/:id/submit',
    request: async (w) => ({ url: `/api/v1/attempts/${(await freshAttempt(w)).id}/submit`, payload: {} }),
    expect: OWNER,
  },
  {
    method: 'PUT',
    route: '/api/v1/cohorts/:id/tests/:test/window',
    request: (w) => ({
      url: `/api/v1/cohorts/${w.cohortA.id}/tests/posttest/window`,
      payload: { open: true },
    }),
    expect: MANAGER,
  },
  {
    method: 'PUT',
    route: '/api/v1/cohorts/:id/tests/:test/extensions/:userId',
    request: (w) => ({
      url: `/api/v1/cohorts/${w.cohortA.id}/tests/pretest/extensions/${w.users.pesA1.id}`,
      payload: { extraMinutes: 10 },
    }),
    expect: MANAGER,
  },
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/tests/results',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/tests/results` }),
    expect: MANAGER,
  },
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/tests/:test/item-analysis',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/tests/pretest/item-analysis` }),
    expect: MANAGER,
  },
];
