import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  addMember,
  createUser,
  describeEachDatabase,
  makeApp,
  type TestApp,
  type TestUser,
} from './helpers.ts';
import { call, makeWorld, type World } from './issue7-helpers.ts';

// Behaviour assessment (issue 7): ratings by accounts and through personal rating links, the staff
// overview with combined scores and disagreements, and what a link can and cannot open.

describeEachDatabase('behaviour ratings and rating links', (database) => {
  let t: TestApp;
  let w: World;
  let ani: TestUser;
  let budi: TestUser;

  beforeEach(async () => {
    t = await makeApp(database);
    w = await makeWorld(t, ['Ani', 'Budi']);
    [ani, budi] = w.participants as [TestUser, TestUser];
  });
  afterEach(async () => {
    await t.close();
  });

  const rate = (user: TestUser, participant: TestUser, ratings: unknown[]) =>
    call(t, user, 'PUT', `/cohorts/${w.cohortId}/ratings/${participant.id}`, { ratings });
  const makeLink = async (participant: TestUser, raterRole = 'mentor', expiresInDays?: number) => {
    const r = await call(t, w.fasilitator, 'POST', `/cohorts/${w.cohortId}/rating-links`, {
      participantId: participant.id,
      raterRole,
      raterName: 'Bu Sari (mentor luar)',
      ...(expiresInDays ? { expiresInDays } : {}),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { link: { id: string; state: string }; token: string };
  };

  it('combines the raters per value with the course weights and flags disagreements', async () => {
    expect(
      (
        await rate(w.fasilitator, ani, [
          { behaviourCode: 'BP-1', level: 4, note: 'Selalu menanyakan kebutuhan pencari kerja.' },
          { behaviourCode: 'AK-1', level: 4 },
        ])
      ).status,
    ).toBe(200);
    const mentor = await rate(w.mentor, ani, [
      { behaviourCode: 'BP-1', level: 2 },
      { behaviourCode: 'AK-1', level: 3 },
    ]);
    expect(mentor.body).toMatchObject({ rater: { role: 'mentor', name: 'Mentor Satu' } });
    // a new rating replaces the rater's old one
    await rate(w.mentor, ani, [{ behaviourCode: 'AK-1', level: 4 }]);

    const view = await call(t, w.fasilitator, 'GET', `/cohorts/${w.cohortId}/ratings/${ani.id}`);
    expect(view.status).toBe(200);
    expect(view.body.form.values.map((v: { code: string }) => v.code)).toEqual(['BP', 'AK']);
    expect(view.body.all).toHaveLength(4);
    const summary = view.body.summary;
    // BP: fasilitator 4 (weight 0.5), mentor 2 (0.25), renormalised over the two: (2 + 0.5·… ) → 3.33
    expect(summary.values.BP).toMatchObject({
      mean: 3.33,
      weightsUsed: { fasilitator: 0.6667, mentor: 0.3333 },
    });
    expect(summary.values.AK.mean).toBe(4);
    expect(summary.disagreements).toEqual([
      {
        behaviourCode: 'BP-1',
        difference: 2,
        low: { role: 'mentor', name: 'Mentor Satu', via: 'account', level: 2 },
        high: { role: 'fasilitator', name: 'Fasilitator Satu', via: 'account', level: 4 },
      },
    ]);

    const overview = await call(t, w.fasilitator, 'GET', `/cohorts/${w.cohortId}/ratings`);
    const aniRow = overview.body.participants.find((p: { id: string }) => p.id === ani.id);
    expect(aniRow.raters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'fasilitator', rated: 2, total: 2, complete: true }),
        expect.objectContaining({ role: 'mentor', rated: 2, complete: true }),
      ]),
    );
    expect(aniRow.awaiting).toEqual([{ role: 'atasan', userId: w.atasan.id, name: 'Atasan Satu' }]);
    expect(aniRow.summary.disagreements).toHaveLength(1);
    const budiRow = overview.body.participants.find((p: { id: string }) => p.id === budi.id);
    expect(budiRow.summary).toBeNull();

    // the mentor sees their own progress, not the others' ratings
    const mentorView = await call(t, w.mentor, 'GET', `/cohorts/${w.cohortId}/ratings`);
    expect(mentorView.body.participants).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: ani.id, rated: 2, complete: true })]),
    );
    const mentorForm = await call(t, w.mentor, 'GET', `/cohorts/${w.cohortId}/ratings/${ani.id}`);
    expect(mentorForm.body.mine).toHaveLength(2);
    expect(mentorForm.body.all).toBeUndefined();
    expect(mentorForm.body.summary).toBeUndefined();
  });

  it('lets only the fasilitator and assigned raters rate', async () => {
    const citra = await createUser(t, { name: 'Citra' });
    await addMember(t, w.cohortId, citra.id, 'peserta');
    const one = [{ behaviourCode: 'AK-1', level: 3 }];
    expect((await rate(w.mentor, { ...citra, cookie: citra.cookie }, one)).status).toBe(404);
    expect((await rate(ani, budi, one)).status).toBe(403);
    expect((await rate(ani, ani, one)).status).toBe(403);
    expect((await rate(w.admin, ani, one)).status).toBe(403);
    expect((await rate(w.outsider, ani, one)).status).toBe(404);
    expect((await call(t, ani, 'GET', `/cohorts/${w.cohortId}/ratings`)).status).toBe(403);
    const bad = await rate(w.fasilitator, ani, [{ behaviourCode: 'XX-9', level: 3 }]);
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toBe('body.ratings.0.behaviourCode');
    expect((await rate(w.fasilitator, ani, [{ behaviourCode: 'AK-1', level: 5 }])).status).toBe(400);
  });

  it('opens the form for its participant only, without a login, and saves its ratings', async () => {
    const { link, token } = await makeLink(ani);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.state).toBe('active');

    const form = await call(t, null, 'GET', `/rating-links/${token}`);
    expect(form.status).toBe(200);
    expect(form.body).toMatchObject({
      participant: { name: 'Ani' },
      rater: { role: 'mentor', name: 'Bu Sari (mentor luar)' },
      course: { title: 'Contoh Kursus Pelayanan Publik' },
      frozen: false,
      mine: [],
    });
    expect(form.body.form.values[0].behaviours[0]).toMatchObject({
      code: 'BP-1',
      indicators: [expect.any(String)],
    });
    expect(form.body.form.scale).toHaveLength(4);
    // nothing about anyone but the participant's name
    const text = JSON.stringify(form.body);
    for (const secret of [ani.id, ani.email, budi.id, 'Budi', w.cohortId]) expect(text).not.toContain(secret);

    const saved = await call(t, null, 'POST', `/rating-links/${token}/ratings`, {
      ratings: [
        { behaviourCode: 'BP-1', level: 3, note: 'Sigap di loket.' },
        { behaviourCode: 'AK-1', level: 4 },
      ],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.mine).toHaveLength(2);
    // a participant cannot be named in the body
    const steer = await call(t, null, 'POST', `/rating-links/${token}/ratings`, {
      participantId: budi.id,
      ratings: [{ behaviourCode: 'AK-1', level: 1 }],
    });
    expect(steer.status).toBe(400);

    const all = await call(t, w.fasilitator, 'GET', `/cohorts/${w.cohortId}/ratings`);
    const rows = all.body.participants as { id: string; raters: { via: string; name: string }[] }[];
    expect(rows.find((p) => p.id === ani.id)?.raters).toEqual([
      expect.objectContaining({
        via: 'link',
        role: 'mentor',
        name: 'Bu Sari (mentor luar)',
        linkId: link.id,
      }),
    ]);
    expect(rows.find((p) => p.id === budi.id)?.raters).toEqual([]);

    const links = await call(t, w.fasilitator, 'GET', `/cohorts/${w.cohortId}/rating-links`);
    expect(links.body.links[0]).toMatchObject({ id: link.id, participantName: 'Ani', state: 'active' });
    expect(JSON.stringify(links.body)).not.toContain(token);
    expect(JSON.stringify(links.body)).not.toMatch(/token|hash/i);
  });

  it('opens nothing else: the token is no session and reaches no other route', async () => {
    const { token } = await makeLink(ani);
    for (const url of [
      `/api/v1/cohorts/${w.cohortId}/ratings`,
      `/api/v1/cohorts/${w.cohortId}/ratings/${budi.id}`,
      `/api/v1/cohorts/${w.cohortId}/members`,
      `/api/v1/cohorts/${w.cohortId}/results`,
      '/api/v1/auth/me',
    ]) {
      for (const cookie of [`__Host-lentera=${token}`, `lentera=${token}`]) {
        const r = await t.app.inject({ url, headers: { cookie, authorization: `Bearer ${token}` } });
        expect(r.statusCode, url).toBe(401);
      }
    }
    expect((await call(t, null, 'GET', `/rating-links/${token}/ratings`)).status).toBe(404);
  });

  it('stops after expiry and after revocation, answering like an unknown token', async () => {
    const short = await makeLink(ani, 'atasan', 1);
    const other = await makeLink(budi);
    const unknown = await call(t, null, 'GET', `/rating-links/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(410);
    expect(unknown.body.code).toBe('TOKEN_INVALID');

    t.clock.now += 86_400_000 + 1;
    // sessions end after 30 idle minutes: the staff log in again
    for (const u of [w.fasilitator, w.mentor, w.outsider, ani]) {
      u.cookie = `__Host-lentera=${await t.app.lentera.sessions.create(u.id)}`;
    }
    const expired = await call(t, null, 'GET', `/rating-links/${short.token}`);
    expect(expired.body).toEqual(unknown.body);
    const late = await call(t, null, 'POST', `/rating-links/${short.token}/ratings`, {
      ratings: [{ behaviourCode: 'AK-1', level: 2 }],
    });
    expect(late.status).toBe(410);

    expect((await call(t, null, 'GET', `/rating-links/${other.token}`)).status).toBe(200);
    const revoked = await call(
      t,
      w.fasilitator,
      'POST',
      `/cohorts/${w.cohortId}/rating-links/${other.link.id}/revoke`,
    );
    expect(revoked.body.link?.state, JSON.stringify(revoked.body)).toBe('revoked');
    expect((await call(t, null, 'GET', `/rating-links/${other.token}`)).body).toEqual(unknown.body);
    expect(
      (
        await call(t, null, 'POST', `/rating-links/${other.token}/ratings`, {
          ratings: [{ behaviourCode: 'AK-1', level: 2 }],
        })
      ).status,
    ).toBe(410);
    const listed = await call(t, w.fasilitator, 'GET', `/cohorts/${w.cohortId}/rating-links`);
    expect(listed.body.links.map((l: { state: string }) => l.state).sort()).toEqual(['expired', 'revoked']);
    // only a manager of the cohort makes, lists and revokes links
    expect((await call(t, w.mentor, 'GET', `/cohorts/${w.cohortId}/rating-links`)).status).toBe(403);
    expect(
      (await call(t, w.outsider, 'POST', `/cohorts/${w.cohortId}/rating-links/${other.link.id}/revoke`))
        .status,
    ).toBe(404);
    expect(
      (
        await call(t, ani, 'POST', `/cohorts/${w.cohortId}/rating-links`, {
          participantId: ani.id,
          raterRole: 'mentor',
          raterName: 'Saya sendiri',
        })
      ).status,
    ).toBe(403);
  });

  it('stops a link whose participant left the cohort, and rate-limits the token routes', async () => {
    const { token } = await makeLink(budi);
    await t.handle.db
      .deleteFrom('memberships')
      .where('cohort_id', '=', w.cohortId)
      .where('user_id', '=', budi.id)
      .execute();
    expect((await call(t, null, 'GET', `/rating-links/${token}`)).status).toBe(410);
    let last = 0;
    for (let i = 0; i < 61; i++)
      last = (await call(t, null, 'GET', `/rating-links/${'B'.repeat(43)}`)).status;
    expect(last).toBe(429);
  });
});
