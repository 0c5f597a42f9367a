import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Course } from '../../src/course/model.ts';
import { assembleForm, toBankItem } from '../../src/evaluation/index.ts';
import {
  DEADLINE_GRACE_MS,
  reviewAvailable,
  sweepOverdue,
  testDb,
} from '../../src/server/services/attempts.ts';
import { evalDb } from '../../src/server/services/evaluation-db.ts';
import {
  addMember,
  createCohort,
  createUser,
  describeEachDatabase,
  makeApp,
  type TestApp,
  type TestUser,
  testCourse,
} from './helpers.ts';

// The server side of issue 6 through the API: windows, attempts, autosave, deadline, submit, results,
// gain and item analysis, and who may do what. The test course has 6 test items (3 per material) and
// forms of 4 (2 per material); the pre-test allows 1 attempt and never reveals, the post-test 2 with
// review after submit and a passing mark of 75.

interface QuestionView {
  number: number;
  itemId: string;
  stem: string;
  options: { id: string; html: string }[];
}
interface AttemptView {
  id: string;
  test: string;
  number: number;
  status: 'open' | 'finished';
  deadline: string;
  remainingSeconds: number;
  finishReason: string | null;
  questions: QuestionView[] | null;
  answers: { itemId: string; optionId: string | null; seq: number }[];
  lastSeq: number;
  result: {
    score: number;
    correct: number;
    total: number;
    passed: boolean | null;
    byValue: { value: string; correct: number; total: number }[];
    byLevel: { level: string; total: number }[];
    review: {
      available: boolean;
      items:
        | {
            itemId: string;
            chosen: string | null;
            correctOptionId: string;
            explanation: string;
            page: { path: string } | null;
          }[]
        | null;
    };
  } | null;
}

let course: Course;
const keyOf = (itemId: string): string => {
  const question = course.questions.find((q) => q.id === itemId);
  const key = question?.options.find((o) => o.correct)?.id;
  if (!key) throw new Error(`no key for ${itemId}`);
  return key;
};
const wrongOf = (itemId: string): string => {
  const question = course.questions.find((q) => q.id === itemId);
  const wrong = question?.options.find((o) => !o.correct)?.id;
  if (!wrong) throw new Error(`no wrong option for ${itemId}`);
  return wrong;
};

describeEachDatabase('pre-test and post-test', (database) => {
  let t: TestApp;
  let admin: TestUser;
  let fasilitator: TestUser;
  let alice: TestUser;
  let budi: TestUser;
  let mentor: TestUser;
  let otherFasilitator: TestUser;
  let cohortId: string;

  const call = async (
    user: TestUser,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: Record<string, unknown>,
  ) => {
    const response = await t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { cookie: user.cookie },
      ...(payload === undefined ? {} : { payload }),
    });
    return { status: response.statusCode, body: response.json() };
  };
  const openTest = async (test: 'pretest' | 'posttest', open = true) => {
    const r = await call(fasilitator, 'PUT', `/cohorts/${cohortId}/tests/${test}/window`, { open });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  const start = async (user: TestUser, test: 'pretest' | 'posttest') => {
    const r = await call(user, 'POST', `/cohorts/${cohortId}/tests/${test}/attempts`);
    expect([200, 201], JSON.stringify(r.body)).toContain(r.status);
    return r.body.attempt as AttemptView;
  };
  /** answers every question: correct for the first `right` items of the form, wrong for the rest */
  const answerAll = async (user: TestUser, attempt: AttemptView, right: number) => {
    const questions = attempt.questions ?? [];
    const r = await call(user, 'POST', `/attempts/${attempt.id}/answers`, {
      answers: questions.map((q, i) => ({
        itemId: q.itemId,
        optionId: i < right ? keyOf(q.itemId) : wrongOf(q.itemId),
        seq: i + 1,
      })),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };

  beforeEach(async () => {
    course = await testCourse();
    t = await makeApp(database);
    admin = await createUser(t, { admin: true });
    fasilitator = await createUser(t, { name: 'Fasilitator' });
    alice = await createUser(t, { name: 'Alice' });
    budi = await createUser(t, { name: 'Budi' });
    mentor = await createUser(t, { name: 'Mentor' });
    otherFasilitator = await createUser(t, { name: 'Fasilitator Lain' });
    cohortId = (await createCohort(t, admin)).id;
    const other = await createCohort(t, admin, 'Angkatan II');
    await addMember(t, cohortId, fasilitator.id, 'fasilitator');
    await addMember(t, cohortId, alice.id, 'peserta');
    await addMember(t, cohortId, budi.id, 'peserta');
    await addMember(t, cohortId, mentor.id, 'mentor');
    await addMember(t, other.id, otherFasilitator.id, 'fasilitator');
  });
  afterEach(async () => {
    await t.close();
  });

  it('refuses a start until the facilitator opens the test, and after it is closed', async () => {
    let r = await call(alice, 'POST', `/cohorts/${cohortId}/tests/pretest/attempts`);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('TEST_WINDOW_CLOSED');
    await openTest('pretest');
    await openTest('pretest', false);
    r = await call(alice, 'POST', `/cohorts/${cohortId}/tests/pretest/attempts`);
    expect(r.body.code).toBe('TEST_WINDOW_CLOSED');
    const overview = await call(alice, 'GET', `/cohorts/${cohortId}/tests`);
    expect(overview.body.tests[0]).toMatchObject({
      test: 'pretest',
      window: { open: false },
      policy: { items: 4, attempts: 1, reveal: 'never' },
      mine: { attempts: [], attemptsLeft: 1, canStart: false },
    });
  });

  it('lets only an admin or a fasilitator of the cohort open a test or set extra time', async () => {
    for (const user of [alice, mentor]) {
      const r = await call(user, 'PUT', `/cohorts/${cohortId}/tests/pretest/window`, { open: true });
      expect(r.status).toBe(403);
      const e = await call(user, 'PUT', `/cohorts/${cohortId}/tests/pretest/extensions/${alice.id}`, {
        extraMinutes: 5,
      });
      expect(e.status).toBe(403);
    }
    const r = await call(otherFasilitator, 'PUT', `/cohorts/${cohortId}/tests/pretest/window`, {
      open: true,
    });
    expect(r.status).toBe(404);
    expect(
      (await call(admin, 'PUT', `/cohorts/${cohortId}/tests/pretest/window`, { open: true })).status,
    ).toBe(200);
  });

  it('draws a form by the blueprint from the stored seed, stable on resume, without keys', async () => {
    await openTest('pretest');
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cohorts/${cohortId}/tests/pretest/attempts`,
      headers: { cookie: alice.cookie },
    });
    expect(response.statusCode).toBe(201);
    // no key, no explanation, no page hint reaches the browser while the attempt is open
    expect(response.body).not.toMatch(/"correct"|explanation|correctOptionId|"page"/);
    const attempt = response.json().attempt as AttemptView;
    expect(attempt.questions).toHaveLength(4);
    const materials = (attempt.questions ?? []).map((q) => q.itemId.slice(0, 2)).sort();
    expect(materials).toEqual(['ak', 'ak', 'pl', 'pl']);

    const again = await start(alice, 'pretest');
    expect(again.id).toBe(attempt.id);
    expect(again.questions).toEqual(attempt.questions);
    const read = await call(alice, 'GET', `/attempts/${attempt.id}`);
    expect(read.body.attempt.questions).toEqual(attempt.questions);

    const row = await testDb(t.handle.db)
      .selectFrom('test_attempts')
      .select(['seed', 'form'])
      .where('id', '=', attempt.id)
      .executeTakeFirstOrThrow();
    const redrawn = assembleForm({
      bank: course.questions.filter((q) => !q.formative).map(toBankItem),
      blueprint: { items: 4, ...course.evaluation.blueprint },
      seed: row.seed,
    });
    expect(redrawn.ok && redrawn.form).toEqual(JSON.parse(row.form));
    expect((attempt.questions ?? []).map((q) => [q.itemId, q.options.map((o) => o.id)])).toEqual(
      redrawn.ok ? redrawn.form.itemIds.map((id) => [id, redrawn.form.optionOrder[id]]) : [],
    );
  });

  it('gives two simultaneous starts one attempt', async () => {
    await openTest('pretest');
    const [a, b] = await Promise.all([
      call(alice, 'POST', `/cohorts/${cohortId}/tests/pretest/attempts`),
      call(alice, 'POST', `/cohorts/${cohortId}/tests/pretest/attempts`),
    ]);
    expect(a?.body.attempt.id).toBe(b?.body.attempt.id);
    const rows = await testDb(t.handle.db).selectFrom('test_attempts').select('id').execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses a start once the cohort is closed and its results frozen', async () => {
    await openTest('pretest');
    await evalDb(t.handle.db)
      .insertInto('cohort_closures')
      .values({
        cohort_id: cohortId,
        closed_at: t.clock.now,
        closed_by: admin.id,
        course_id: course.id,
        course_version: course.version,
      })
      .execute();
    const r = await call(alice, 'POST', `/cohorts/${cohortId}/tests/pretest/attempts`);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('RESULTS_FROZEN');
  });

  it('refuses only participants of the cohort the right to take a test', async () => {
    await openTest('pretest');
    for (const user of [fasilitator, mentor]) {
      const r = await call(user, 'POST', `/cohorts/${cohortId}/tests/pretest/attempts`);
      expect(r.status).toBe(403);
    }
    const r = await call(otherFasilitator, 'POST', `/cohorts/${cohortId}/tests/pretest/attempts`);
    expect(r.status).toBe(404);
  });

  it('autosaves: a newer answer replaces, a retry is acknowledged, a stale write is refused', async () => {
    await openTest('pretest');
    const attempt = await start(alice, 'pretest');
    const item = (attempt.questions ?? [])[0]?.itemId as string;
    const [first, second] = [keyOf(item), wrongOf(item)];
    const put = (optionId: string | null, seq: number) =>
      call(alice, 'PUT', `/attempts/${attempt.id}/answers/${item}`, { optionId, seq });

    expect((await put(first, 1)).status).toBe(200);
    const newer = await put(second, 3);
    expect(newer.status).toBe(200);
    expect(newer.body.answer).toMatchObject({ itemId: item, optionId: second, seq: 3 });
    // the same write again (a retry after a lost response) is fine and changes nothing
    expect((await put(second, 3)).status).toBe(200);
    // a write queued earlier arrives late: refused, never applied over the newer answer
    const stale = await put(first, 2);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('ANSWER_STALE');
    const sameSeq = await put(first, 3);
    expect(sameSeq.body.code).toBe('ANSWER_STALE');

    const batch = await call(alice, 'POST', `/attempts/${attempt.id}/answers`, {
      answers: [
        { itemId: item, optionId: first, seq: 2 },
        { itemId: (attempt.questions ?? [])[1]?.itemId, optionId: null, seq: 4 },
      ],
    });
    expect(batch.status).toBe(200);
    expect(batch.body.saved).toHaveLength(1);
    expect(batch.body.stale).toEqual([
      { itemId: item, seq: 2, stored: expect.objectContaining({ optionId: second, seq: 3 }) },
    ]);

    const read = (await call(alice, 'GET', `/attempts/${attempt.id}`)).body.attempt as AttemptView;
    expect(read.answers.find((a) => a.itemId === item)).toMatchObject({ optionId: second, seq: 3 });
    expect(read.lastSeq).toBe(4);
  });

  it('refuses an item not on the form and an option not of the item', async () => {
    await openTest('pretest');
    const attempt = await start(alice, 'pretest');
    const onForm = new Set((attempt.questions ?? []).map((q) => q.itemId));
    const offForm = course.questions.find((q) => !q.formative && !onForm.has(q.id))?.id as string;
    let r = await call(alice, 'PUT', `/attempts/${attempt.id}/answers/${offForm}`, { optionId: 'a', seq: 1 });
    expect(r.status).toBe(400);
    expect(r.body.issues[0].path).toBe('body.itemId');
    const item = (attempt.questions ?? [])[0]?.itemId as string;
    r = await call(alice, 'PUT', `/attempts/${attempt.id}/answers/${item}`, { optionId: 'z', seq: 1 });
    expect(r.status).toBe(400);
    expect(r.body.issues[0].path).toBe('body.optionId');
  });

  it("keeps one participant's attempt from everyone else (404)", async () => {
    await openTest('pretest');
    const attempt = await start(alice, 'pretest');
    const item = (attempt.questions ?? [])[0]?.itemId as string;
    for (const other of [budi, fasilitator, admin, otherFasilitator]) {
      expect((await call(other, 'GET', `/attempts/${attempt.id}`)).status).toBe(404);
      const put = await call(other, 'PUT', `/attempts/${attempt.id}/answers/${item}`, {
        optionId: keyOf(item),
        seq: 99,
      });
      expect(put.status).toBe(404);
      const batch = await call(other, 'POST', `/attempts/${attempt.id}/answers`, {
        answers: [{ itemId: item, optionId: keyOf(item), seq: 99 }],
      });
      expect(batch.status).toBe(404);
      expect((await call(other, 'POST', `/attempts/${attempt.id}/submit`, {})).status).toBe(404);
    }
    const mine = (await call(alice, 'GET', `/attempts/${attempt.id}`)).body.attempt as AttemptView;
    expect(mine.status).toBe('open');
    expect(mine.answers).toEqual([]);
  });

  it('gives two submits at once (two tabs) one result, scored on the answers given', async () => {
    await openTest('pretest');
    const attempt = await start(alice, 'pretest');
    await answerAll(alice, attempt, 3);
    const [a, b] = await Promise.all([
      call(alice, 'POST', `/attempts/${attempt.id}/submit`, {}),
      call(alice, 'POST', `/attempts/${attempt.id}/submit`, {}),
    ]);
    expect(a?.status).toBe(200);
    expect(b?.status).toBe(200);
    expect(a?.body.attempt.result.score).toBe(75);
    expect(b?.body.attempt.result).toEqual(a?.body.attempt.result);
    expect(a?.body.attempt.finishedAt).toBe(b?.body.attempt.finishedAt);
    const third = await call(alice, 'POST', `/attempts/${attempt.id}/submit`, {});
    expect(third.body.attempt.result.score).toBe(75);
    // a finished attempt takes no more answers
    const item = (attempt.questions ?? [])[3]?.itemId as string;
    const late = await call(alice, 'PUT', `/attempts/${attempt.id}/answers/${item}`, {
      optionId: keyOf(item),
      seq: 50,
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ATTEMPT_FINISHED');
    // the pre-test never reveals its keys, and allows one attempt
    const result = third.body.attempt.result as NonNullable<AttemptView['result']>;
    expect(result.review).toEqual({ available: false, when: 'never', items: null });
    expect(JSON.stringify(third.body)).not.toMatch(/explanation|correctOptionId/);
    expect(result.byLevel.reduce((n, l) => n + l.total, 0)).toBe(4);
    const again = await call(alice, 'POST', `/cohorts/${cohortId}/tests/pretest/attempts`);
    expect(again.body.code).toBe('ATTEMPTS_EXHAUSTED');
  });

  it('finishes an attempt at its deadline with the last autosaved answers', async () => {
    await openTest('pretest');
    const attempt = await start(alice, 'pretest');
    const [q1, q2] = (attempt.questions ?? []).map((q) => q.itemId) as [string, string];
    await call(alice, 'PUT', `/attempts/${attempt.id}/answers/${q1}`, { optionId: wrongOf(q1), seq: 1 });
    await call(alice, 'PUT', `/attempts/${attempt.id}/answers/${q1}`, { optionId: keyOf(q1), seq: 2 });
    const deadline = Date.parse(attempt.deadline);
    // a save sent just before the deadline and arriving within the grace is kept
    t.clock.now = deadline + DEADLINE_GRACE_MS - 1000;
    const inGrace = await call(alice, 'PUT', `/attempts/${attempt.id}/answers/${q2}`, {
      optionId: keyOf(q2),
      seq: 3,
    });
    expect(inGrace.status).toBe(200);
    t.clock.now = deadline + DEADLINE_GRACE_MS + 1000;
    const late = await call(alice, 'PUT', `/attempts/${attempt.id}/answers/${q2}`, {
      optionId: wrongOf(q2),
      seq: 4,
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ATTEMPT_FINISHED');
    const read = (await call(alice, 'GET', `/attempts/${attempt.id}`)).body.attempt as AttemptView;
    expect(read).toMatchObject({ status: 'finished', finishReason: 'deadline' });
    expect(read.result?.score).toBe(50);
    expect(read.answers.map((a) => [a.itemId, a.optionId])).toEqual([
      [q1, keyOf(q1)],
      [q2, keyOf(q2)],
    ]);
    // a submit after the time is up returns the same result
    const submit = await call(alice, 'POST', `/attempts/${attempt.id}/submit`, {
      answers: [{ itemId: q2, optionId: wrongOf(q2), seq: 9 }],
    });
    expect(submit.body.attempt.result.score).toBe(50);
  });

  it('finishes attempts nobody touches after their deadline in the sweep', async () => {
    await openTest('pretest');
    const attempt = await start(budi, 'pretest');
    await answerAll(budi, attempt, 4);
    t.clock.now = Date.parse(attempt.deadline) + DEADLINE_GRACE_MS + 1;
    const db = testDb(t.handle.db);
    const finished = await sweepOverdue(db, { now: t.clock.now, courseOf: () => course });
    expect(finished).toBe(1);
    const row = await db
      .selectFrom('test_attempts')
      .select(['finished_at', 'finish_reason', 'score'])
      .where('id', '=', attempt.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ finished_at: Date.parse(attempt.deadline), finish_reason: 'deadline', score: 100 });
    expect(await sweepOverdue(db, { now: t.clock.now, courseOf: () => course })).toBe(0);
  });

  it('moves the deadline of an open attempt when the facilitator gives extra time', async () => {
    await openTest('pretest');
    const attempt = await start(alice, 'pretest');
    const r = await call(fasilitator, 'PUT', `/cohorts/${cohortId}/tests/pretest/extensions/${alice.id}`, {
      extraMinutes: 15,
    });
    expect(r.status).toBe(200);
    const deadline = Date.parse(attempt.deadline) + 15 * 60_000;
    expect(r.body.extension).toMatchObject({ extraMinutes: 15, attempt: { id: attempt.id } });
    expect(Date.parse(r.body.extension.attempt.deadline)).toBe(deadline);
    t.clock.now = Date.parse(attempt.deadline) + 5 * 60_000;
    const item = (attempt.questions ?? [])[0]?.itemId as string;
    const save = await call(alice, 'PUT', `/attempts/${attempt.id}/answers/${item}`, {
      optionId: keyOf(item),
      seq: 1,
    });
    expect(save.status).toBe(200);
    const notMember = await call(
      fasilitator,
      'PUT',
      `/cohorts/${cohortId}/tests/pretest/extensions/${mentor.id}`,
      {
        extraMinutes: 5,
      },
    );
    expect(notMember.status).toBe(404);
  });

  it('shows the extra time granted, by whom and when, in the results table to the facilitator only', async () => {
    const before = await call(fasilitator, 'GET', `/cohorts/${cohortId}/tests/results`);
    const none = { extraMinutes: 0, grantedBy: null, grantedAt: null };
    for (const p of before.body.participants) expect(p.extensions).toEqual({ pretest: none, posttest: none });

    t.clock.now += 60_000;
    const grantedAt = new Date(t.clock.now).toISOString();
    const grant = await call(
      fasilitator,
      'PUT',
      `/cohorts/${cohortId}/tests/posttest/extensions/${alice.id}`,
      {
        extraMinutes: 20,
      },
    );
    expect(grant.status, JSON.stringify(grant.body)).toBe(200);
    const after = await call(fasilitator, 'GET', `/cohorts/${cohortId}/tests/results`);
    expect(after.status).toBe(200);
    const byName = new Map(
      (after.body.participants as { name: string; extensions: unknown }[]).map((p) => [p.name, p.extensions]),
    );
    expect(byName.get('Alice')).toEqual({
      pretest: none,
      posttest: { extraMinutes: 20, grantedBy: { id: fasilitator.id, name: 'Fasilitator' }, grantedAt },
    });
    expect(byName.get('Budi')).toEqual({ pretest: none, posttest: none });

    // a grant is a total: setting it again replaces the minutes and the one who set it
    t.clock.now += 60_000;
    await call(admin, 'PUT', `/cohorts/${cohortId}/tests/posttest/extensions/${alice.id}`, {
      extraMinutes: 5,
    });
    const again = await call(fasilitator, 'GET', `/cohorts/${cohortId}/tests/results`);
    const alicesRow = (again.body.participants as { id: string; extensions: { posttest: unknown } }[]).find(
      (p) => p.id === alice.id,
    );
    expect(alicesRow?.extensions.posttest).toMatchObject({
      extraMinutes: 5,
      grantedBy: { id: admin.id },
      grantedAt: new Date(t.clock.now).toISOString(),
    });

    for (const user of [alice, budi, mentor]) {
      const refused = await call(user, 'GET', `/cohorts/${cohortId}/tests/results`);
      expect(refused.status).toBe(403);
      expect(JSON.stringify(refused.body)).not.toContain('extensions');
    }
    const outsider = await call(otherFasilitator, 'GET', `/cohorts/${cohortId}/tests/results`);
    expect(outsider.status).toBe(404);
    expect(JSON.stringify(outsider.body)).not.toContain('extraMinutes');
  });

  it('draws post-test items the participant has not seen, and reveals the post-test after submit', async () => {
    await openTest('pretest');
    const pre = await start(alice, 'pretest');
    await answerAll(alice, pre, 2);
    await call(alice, 'POST', `/attempts/${pre.id}/submit`, {});
    await openTest('posttest');
    const post = await start(alice, 'posttest');
    const seen = new Set((pre.questions ?? []).map((q) => q.itemId));
    const unseen = course.questions.filter((q) => !q.formative && !seen.has(q.id)).map((q) => q.id);
    expect(unseen).toHaveLength(2);
    const postItems = (post.questions ?? []).map((q) => q.itemId);
    for (const id of unseen) expect(postItems).toContain(id);

    await answerAll(alice, post, 4);
    const done = await call(alice, 'POST', `/attempts/${post.id}/submit`, {});
    const result = done.body.attempt.result as NonNullable<AttemptView['result']>;
    expect(result).toMatchObject({ score: 100, passed: true, review: { available: true } });
    const first = result.review.items?.[0];
    expect(first?.chosen).toBe(first?.correctOptionId);
    expect(first?.explanation.length).toBeGreaterThan(10);
    expect(first?.page?.path).toMatch(/^(pelayanan|akuntabel)\//);
  });

  it('shows pre, post and gain to the participant and the cohort table to the facilitator', async () => {
    await openTest('pretest');
    const preA = await start(alice, 'pretest');
    await answerAll(alice, preA, 2);
    await call(alice, 'POST', `/attempts/${preA.id}/submit`, {});
    const preB = await start(budi, 'pretest');
    await answerAll(budi, preB, 4);
    await call(budi, 'POST', `/attempts/${preB.id}/submit`, {});
    await openTest('posttest');
    const postA = await start(alice, 'posttest');
    await answerAll(alice, postA, 4);
    await call(alice, 'POST', `/attempts/${postA.id}/submit`, {});
    const postB = await start(budi, 'posttest');
    await answerAll(budi, postB, 3);
    await call(budi, 'POST', `/attempts/${postB.id}/submit`, {});

    const home = await call(alice, 'GET', `/cohorts/${cohortId}/tests`);
    expect(home.body.scores).toMatchObject({
      pre: 50,
      post: 100,
      passed: true,
      gain: { g: 1, band: 'tinggi', change: 50 },
    });
    const homeB = await call(budi, 'GET', `/cohorts/${cohortId}/tests`);
    expect(homeB.body.scores.gain).toMatchObject({ g: null, band: null, code: 'pre-100' });
    expect(homeB.body.scores.passed).toBe(true);
    expect(homeB.body.tests[1].mine).toMatchObject({ attemptsLeft: 1, canStart: true });

    const table = await call(fasilitator, 'GET', `/cohorts/${cohortId}/tests/results`);
    expect(table.status).toBe(200);
    const rows = table.body.participants as {
      name: string;
      pre: { score: number };
      gain: { g: number | null };
    }[];
    expect(rows.map((p) => [p.name, p.pre.score, p.gain.g])).toEqual([
      ['Alice', 50, 1],
      ['Budi', 100, null],
    ]);
    expect(table.body.classGain).toMatchObject({
      participants: 2,
      paired: 2,
      preMean: 75,
      postMean: 87.5,
      gainOfMeans: { g: 0.5, band: 'sedang' },
      meanOfIndividual: { g: 1, n: 1 },
      excluded: [{ id: budi.id, code: 'pre-100' }],
    });
    expect(table.body.gainThresholds.bands).toEqual({ tinggi: 0.7, sedang: 0.3 });

    for (const user of [alice, mentor]) {
      expect((await call(user, 'GET', `/cohorts/${cohortId}/tests/results`)).status).toBe(403);
    }
    expect((await call(otherFasilitator, 'GET', `/cohorts/${cohortId}/tests/results`)).status).toBe(404);
  });

  it('gives the facilitator the item analysis with its thresholds, and nobody else', async () => {
    await openTest('pretest');
    for (const [user, right] of [
      [alice, 1],
      [budi, 3],
    ] as const) {
      const attempt = await start(user, 'pretest');
      await answerAll(user, attempt, right);
      await call(user, 'POST', `/attempts/${attempt.id}/submit`, {});
    }
    const r = await call(fasilitator, 'GET', `/cohorts/${cohortId}/tests/pretest/item-analysis`);
    expect(r.status).toBe(200);
    const { analysis } = r.body;
    expect(analysis).toMatchObject({
      test: 'pretest',
      participants: 2,
      meanScore: 50,
      thresholds: {
        difficulty: { sukarMax: 0.3, sedangMax: 0.7 },
        groupShare: 0.27,
        distractorMinShare: 0.05,
        reliableKr20: 0.7,
      },
    });
    expect(analysis.items.length).toBeGreaterThanOrEqual(4);
    for (const item of analysis.items) {
      expect(item).toHaveProperty('p');
      expect(item).toHaveProperty('d');
      expect(item).toHaveProperty('weakDistractors');
      expect(item.page?.path).toMatch(/\//);
    }
    expect(analysis.reliability).toHaveProperty('kr20');
    for (const user of [alice, mentor]) {
      const refused = await call(user, 'GET', `/cohorts/${cohortId}/tests/pretest/item-analysis`);
      expect(refused.status).toBe(403);
    }
    const other = await call(otherFasilitator, 'GET', `/cohorts/${cohortId}/tests/pretest/item-analysis`);
    expect(other.status).toBe(404);
  });
});

describe('reviewAvailable', () => {
  const cohort = { closes_on: '2026-03-31' };
  const open = { open: true, openedAt: 1, closedAt: null };
  const closed = { open: false, openedAt: 1, closedAt: 2 };
  const now = Date.UTC(2026, 2, 10);
  it('never before the attempt is finished, never under `never`', () => {
    expect(reviewAvailable({ reveal: 'after-submit', finished: false, window: open, cohort, now })).toBe(
      false,
    );
    expect(reviewAvailable({ reveal: 'never', finished: true, window: closed, cohort, now })).toBe(false);
  });
  it('after-close waits for the facilitator to close the test or the cohort to end', () => {
    expect(reviewAvailable({ reveal: 'after-close', finished: true, window: open, cohort, now })).toBe(false);
    expect(reviewAvailable({ reveal: 'after-close', finished: true, window: closed, cohort, now })).toBe(
      true,
    );
    const later = Date.UTC(2026, 3, 2);
    expect(reviewAvailable({ reveal: 'after-close', finished: true, window: open, cohort, now: later })).toBe(
      true,
    );
  });
});
