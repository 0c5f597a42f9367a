import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, makeApp, type TestApp, type TestUser } from './helpers.ts';
import { call, makeWorld, type World } from './issue7-helpers.ts';

// Umpan balik (issue 7): validated against the survey, once per participant, and for the staff only an
// aggregate without names, shown from the third respondent on.

describeEachDatabase('feedback', (database) => {
  let t: TestApp;
  let w: World;
  let people: TestUser[];

  beforeEach(async () => {
    t = await makeApp(database);
    w = await makeWorld(t, ['Ani', 'Budi', 'Citra', 'Dewi']);
    people = w.participants;
  });
  afterEach(async () => {
    await t.close();
  });

  const give = (user: TestUser, answers: Record<string, unknown>) =>
    call(t, user, 'POST', `/cohorts/${w.cohortId}/feedback`, { answers });
  const summary = async () => {
    const r = await call(t, w.fasilitator, 'GET', `/cohorts/${w.cohortId}/feedback/summary`);
    expect(r.status).toBe(200);
    return r.body.summary;
  };

  it('checks answers against the survey and takes one response per participant', async () => {
    const [ani] = people as [TestUser];
    const survey = await call(t, ani, 'GET', `/cohorts/${w.cohortId}/feedback`);
    expect(survey.body.survey.sections[0].items.map((i: { id: string }) => i.id)).toEqual([
      'modul-jelas',
      'modul-saran',
    ]);
    expect(survey.body.mine).toEqual({ submitted: false, submittedAt: null });

    const wrong = await give(ani, { 'modul-jelas': 6, 'tidak-ada': 'x' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.issues.map((i: { path: string; code: string }) => `${i.path} ${i.code}`)).toEqual([
      'body.answers.tidak-ada unknown_item',
      'body.answers.modul-jelas not_on_scale',
    ]);
    const missing = await give(ani, { 'modul-saran': 'Tambah contoh.' });
    expect(missing.body.issues).toEqual([
      expect.objectContaining({ path: 'body.answers.modul-jelas', code: 'required' }),
    ]);
    expect((await give(ani, { 'modul-jelas': 2.5 })).status).toBe(400);
    expect((await give(ani, { 'modul-jelas': 4, 'modul-saran': 5 })).status).toBe(400);

    const ok = await give(ani, { 'modul-jelas': 4, 'modul-saran': '  Tambah contoh kasus.  ' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const twice = await give(ani, { 'modul-jelas': 1 });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('FEEDBACK_SUBMITTED');
    expect((await call(t, ani, 'GET', `/cohorts/${w.cohortId}/feedback`)).body.mine.submitted).toBe(true);
  });

  it('shows "belum cukup" below three respondents and the aggregate from three on, without names', async () => {
    const [ani, budi, citra] = people as [TestUser, TestUser, TestUser];
    expect(await summary()).toMatchObject({ state: 'belum-cukup', respondents: 0, sections: null });
    await give(ani, { 'modul-jelas': 5, 'modul-saran': 'Saran dari <b>Ani</b>' });
    await give(budi, { 'modul-jelas': 4 });
    const two = await summary();
    expect(two).toMatchObject({
      state: 'belum-cukup',
      respondents: 2,
      participants: 4,
      minimumRespondents: 3,
    });
    expect(two.message).toContain('Belum cukup');
    expect(two.sections).toBeNull();
    expect(JSON.stringify(two)).not.toContain('Saran');

    await give(citra, { 'modul-jelas': 2, 'modul-saran': 'Waktu terlalu singkat' });
    const three = await summary();
    expect(three.state).toBe('tersedia');
    const [likert, text] = three.sections[0].items;
    expect(likert).toMatchObject({
      kind: 'likert',
      answered: 3,
      mean: 3.67,
      distribution: [
        { value: 1, count: 0 },
        { value: 2, count: 1 },
        { value: 3, count: 0 },
        { value: 4, count: 1 },
        { value: 5, count: 1 },
      ],
    });
    expect(likert.distribution[4].label).toBe('Sangat setuju');
    expect(text.kind).toBe('text');
    expect([...text.answers].sort()).toEqual(['Saran dari <b>Ani</b>', 'Waktu terlalu singkat']);
    const json = JSON.stringify(three);
    for (const p of [ani, budi, citra]) expect(json).not.toContain(p.id);
    expect(json).not.toMatch(/"(name|userId|submittedAt)"/);
  });

  it('keeps the survey for participants and the aggregate for staff', async () => {
    const [ani] = people as [TestUser];
    expect((await call(t, ani, 'GET', `/cohorts/${w.cohortId}/feedback/summary`)).status).toBe(403);
    expect((await call(t, w.mentor, 'GET', `/cohorts/${w.cohortId}/feedback/summary`)).status).toBe(403);
    expect((await call(t, w.outsider, 'GET', `/cohorts/${w.cohortId}/feedback/summary`)).status).toBe(404);
    expect(
      (await call(t, w.fasilitator, 'POST', `/cohorts/${w.cohortId}/feedback`, { answers: {} })).status,
    ).toBe(403);
    expect((await call(t, null, 'GET', `/cohorts/${w.cohortId}/feedback`)).status).toBe(401);
  });
});
