import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, makeApp, type TestApp } from './helpers.ts';
import { CASE_ID, call, makeWorld, type World } from './issue7-helpers.ts';

// Case studies through the API (issue 7): autosave with stale-write refusal, submit, grading with the
// rubric, return for revision, release, and who sees what (the model answer only in staff responses).

const XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>';

describeEachDatabase('case studies', (database) => {
  let t: TestApp;
  let w: World;
  const base = () => `/cohorts/${w.cohortId}/cases/${CASE_ID}`;

  beforeEach(async () => {
    t = await makeApp(database);
    w = await makeWorld(t, ['Ani', 'Budi']);
  });
  afterEach(async () => {
    await t.close();
  });

  it('saves answers, refuses a stale write and keeps the newer text', async () => {
    const [ani] = w.participants as [World['participants'][0]];
    const first = await call(t, ani, 'PUT', `${base()}/mine/answers/masalah`, { text: 'versi dua', seq: 2 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const stale = await call(t, ani, 'PUT', `${base()}/mine/answers/masalah`, { text: 'versi satu', seq: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('ANSWER_STALE');
    // a retry of the same write is not an error
    const retry = await call(t, ani, 'PUT', `${base()}/mine/answers/masalah`, { text: 'versi dua', seq: 2 });
    expect(retry.status).toBe(200);
    const batch = await call(t, ani, 'POST', `${base()}/mine/answers`, {
      answers: [
        { questionId: 'masalah', text: 'lama', seq: 1 },
        { questionId: 'tindakan', text: 'Menolak parsel', seq: 3 },
      ],
    });
    expect(batch.body.saved.map((a: { questionId: string }) => a.questionId)).toEqual(['tindakan']);
    expect(batch.body.stale[0]).toMatchObject({
      questionId: 'masalah',
      stored: { text: 'versi dua', seq: 2 },
    });
    const mine = await call(t, ani, 'GET', `${base()}/mine`);
    expect(mine.body.submission.answers).toMatchObject([
      { questionId: 'masalah', text: 'versi dua', words: 2, seq: 2 },
      { questionId: 'tindakan', text: 'Menolak parsel', words: 2, seq: 3 },
    ]);
    expect(mine.body.submission.lastSeq).toBe(3);
    const unknown = await call(t, ani, 'PUT', `${base()}/mine/answers/bukan-soal`, { text: 'x', seq: 9 });
    expect(unknown.status).toBe(400);
  });

  it('submits once every question is answered, then locks the answers', async () => {
    const ani = w.participants[0] as World['participants'][0];
    await call(t, ani, 'PUT', `${base()}/mine/answers/masalah`, { text: 'Gratifikasi', seq: 1 });
    const early = await call(t, ani, 'POST', `${base()}/mine/submit`, {});
    expect(early.status).toBe(400);
    expect(early.body.issues.map((i: { path: string }) => i.path)).toEqual(['answers.tindakan']);
    const submitted = await call(t, ani, 'POST', `${base()}/mine/submit`, {
      answers: [{ questionId: 'tindakan', text: 'Menolak dan melapor', seq: 2 }],
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.submission).toMatchObject({ status: 'submitted', editable: false, grade: null });
    const again = await call(t, ani, 'POST', `${base()}/mine/submit`, {});
    expect(again.status).toBe(200);
    expect(again.body.submission.submittedAt).toBe(submitted.body.submission.submittedAt);
    const late = await call(t, ani, 'PUT', `${base()}/mine/answers/masalah`, { text: 'ubah', seq: 5 });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CASE_SUBMITTED');
  });

  it('grades with the rubric, hides the grade until released, and returns for revision', async () => {
    const [ani, budi] = w.participants as [World['participants'][0], World['participants'][0]];
    const draft = await call(t, w.fasilitator, 'PUT', `${base()}/submissions/${ani.id}/grade`, {
      levels: { identifikasi: 4, solusi: 3 },
    });
    expect(draft.body.code).toBe('CASE_NOT_SUBMITTED');
    await call(t, ani, 'POST', `${base()}/mine/submit`, {
      answers: [
        { questionId: 'masalah', text: 'Gratifikasi', seq: 1 },
        { questionId: 'tindakan', text: 'Menolak', seq: 2 },
      ],
    });
    const missing = await call(t, w.fasilitator, 'PUT', `${base()}/submissions/${ani.id}/grade`, {
      levels: { identifikasi: 4 },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.issues[0].path).toBe('body.levels.solusi');
    const graded = await call(t, w.fasilitator, 'PUT', `${base()}/submissions/${ani.id}/grade`, {
      levels: { identifikasi: 4, solusi: 3 },
      feedback: 'Analisis tepat.',
    });
    expect(graded.status, JSON.stringify(graded.body)).toBe(200);
    // (100 × 50 + 66.67 × 50) / 100
    expect(graded.body.submission.grade).toMatchObject({ score: 83.34, released: false });
    expect((await call(t, ani, 'GET', `${base()}/mine`)).body.submission.grade).toBeNull();

    const list = await call(t, w.fasilitator, 'GET', `${base()}/submissions`);
    expect(list.body.case.modelAnswer).toContain('Parsel');
    expect(list.body.submissions).toMatchObject([
      { userId: ani.id, status: 'submitted', graded: true, released: false, score: 83.34 },
      { userId: budi.id, status: 'not-started', graded: false },
    ]);

    const released = await call(t, w.fasilitator, 'POST', `${base()}/release`);
    expect(released.body.released).toBe(1);
    const seen = await call(t, ani, 'GET', `${base()}/mine`);
    expect(seen.body.submission.grade).toMatchObject({ score: 83.34, feedback: 'Analisis tepat.' });
    expect(JSON.stringify(seen.body)).not.toContain('modelAnswer');

    const returned = await call(t, w.fasilitator, 'POST', `${base()}/submissions/${ani.id}/return`, {
      note: 'Tambahkan dasar hukumnya.',
    });
    expect(returned.body.submission.status).toBe('returned');
    const back = await call(t, ani, 'GET', `${base()}/mine`);
    expect(back.body.submission).toMatchObject({
      status: 'returned',
      editable: true,
      returnNote: 'Tambahkan dasar hukumnya.',
      grade: null,
    });
    const edit = await call(t, ani, 'PUT', `${base()}/mine/answers/masalah`, {
      text: 'Gratifikasi, Pasal 12B',
      seq: 3,
    });
    expect(edit.status).toBe(200);
  });

  it('never sends the model answer to participants', async () => {
    const ani = w.participants[0] as World['participants'][0];
    const list = await call(t, ani, 'GET', `/cohorts/${w.cohortId}/cases`);
    expect(list.status).toBe(200);
    expect(list.body.cases[0]).toMatchObject({ id: CASE_ID, mine: { status: 'draft', score: null } });
    const mine = await call(t, ani, 'GET', `${base()}/mine`);
    for (const body of [list.body, mine.body]) {
      expect(JSON.stringify(body)).not.toContain('modelAnswer');
      expect(JSON.stringify(body)).not.toContain('melaporkannya kepada KPK');
    }
    const staff = await call(t, w.fasilitator, 'GET', `/cohorts/${w.cohortId}/cases`);
    expect(staff.body.cases[0].modelAnswer).toContain('KPK');
    expect(staff.body.cases[0].counts).toMatchObject({ participants: 2, submitted: 0 });
  });

  it('refuses the wrong people', async () => {
    const [ani, budi] = w.participants as [World['participants'][0], World['participants'][0]];
    await call(t, ani, 'PUT', `${base()}/mine/answers/masalah`, { text: 'milik Ani', seq: 1 });
    // Budi's "mine" is his own, empty
    const budiView = await call(t, budi, 'GET', `${base()}/mine`);
    expect(JSON.stringify(budiView.body)).not.toContain('milik Ani');
    expect((await call(t, budi, 'GET', `${base()}/submissions/${ani.id}`)).status).toBe(403);
    expect((await call(t, w.mentor, 'GET', `${base()}/submissions`)).status).toBe(403);
    expect((await call(t, w.mentor, 'GET', `${base()}/mine`)).status).toBe(403);
    expect((await call(t, w.outsider, 'GET', `${base()}/submissions`)).status).toBe(404);
    expect((await call(t, null, 'GET', `${base()}/mine`)).status).toBe(401);
    const bogus = await call(t, w.fasilitator, 'GET', `${base()}/submissions/${w.outsider.id}`);
    expect(bogus.status).toBe(404);
    expect(
      (await call(t, w.fasilitator, 'GET', `/cohorts/${w.cohortId}/cases/tidak-ada/submissions`)).status,
    ).toBe(404);
  });

  it('returns script and HTML in answers as data, unchanged', async () => {
    const ani = w.participants[0] as World['participants'][0];
    await call(t, ani, 'POST', `${base()}/mine/submit`, {
      answers: [
        { questionId: 'masalah', text: XSS, seq: 1 },
        { questionId: 'tindakan', text: XSS, seq: 2 },
      ],
    });
    const staff = await call(t, w.fasilitator, 'GET', `${base()}/submissions/${ani.id}`);
    expect(staff.response.headers['content-type']).toMatch(/^application\/json/);
    expect(staff.body.submission.answers[0].text).toBe(XSS);
    expect(staff.body.participant.name).toBe('Ani');
  });
});
