import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  addMember,
  createCohort,
  describeEachDatabase,
  makeApp,
  type TestApp,
  type TestUser,
} from './helpers.ts';
import { CASE_ID, call, givePosttest, makeWorld, type World } from './issue7-helpers.ts';

// What happens when requests cross (issue 7): a save racing a submit, two closes at once, certificate
// numbers running on across cohorts of one course and year, and a rating link after the close.

const CLOSE = {
  certificates: {
    place: 'Jakarta',
    signatory: { name: 'Dr. Budi Santoso', position: 'Kepala PPSDM Ketenagakerjaan' },
  },
};

describeEachDatabase('issue 7 races and sequences', (database) => {
  let t: TestApp;
  let w: World;
  let ani: TestUser;

  beforeEach(async () => {
    t = await makeApp(database);
    w = await makeWorld(t, ['Ani']);
    ani = w.participants[0] as TestUser;
  });
  afterEach(async () => {
    await t.close();
  });

  /** Ani passes in `cohortId`: post-test 90, case 100 released, behaviour 100 */
  const pass = async (cohortId: string, user: TestUser) => {
    await givePosttest(t, cohortId, user.id, 90);
    await call(t, user, 'POST', `/cohorts/${cohortId}/cases/${CASE_ID}/mine/submit`, {
      answers: [
        { questionId: 'masalah', text: 'Gratifikasi', seq: 1 },
        { questionId: 'tindakan', text: 'Menolak', seq: 2 },
      ],
    });
    await call(
      t,
      w.fasilitator,
      'PUT',
      `/cohorts/${cohortId}/cases/${CASE_ID}/submissions/${user.id}/grade`,
      {
        levels: { identifikasi: 4, solusi: 4 },
      },
    );
    await call(t, w.fasilitator, 'POST', `/cohorts/${cohortId}/cases/${CASE_ID}/release`, {});
    await call(t, w.fasilitator, 'PUT', `/cohorts/${cohortId}/ratings/${user.id}`, {
      ratings: [
        { behaviourCode: 'BP-1', level: 4 },
        { behaviourCode: 'AK-1', level: 4 },
      ],
    });
  };

  it('never loses an acknowledged answer to a submit racing it', async () => {
    const base = `/cohorts/${w.cohortId}/cases/${CASE_ID}/mine`;
    await call(t, ani, 'POST', `${base}/answers`, {
      answers: [
        { questionId: 'masalah', text: 'awal', seq: 1 },
        { questionId: 'tindakan', text: 'awal', seq: 2 },
      ],
    });
    for (let round = 0; round < 5; round++) {
      const text = `ronde ${round}`;
      const [save, submit] = await Promise.all([
        call(t, ani, 'PUT', `${base}/answers/masalah`, { text, seq: 10 + round }),
        call(t, ani, 'POST', `${base}/submit`, {}),
      ]);
      expect(submit.status).toBe(200);
      const stored = (await call(t, ani, 'GET', base)).body.submission;
      expect(stored.status).toBe('submitted');
      if (save.status === 200) expect(stored.answers[0].text).toBe(text);
      else expect([save.status, save.body.code]).toEqual([409, 'CASE_SUBMITTED']);
      // return it for the next round
      await call(
        t,
        w.fasilitator,
        'POST',
        `/cohorts/${w.cohortId}/cases/${CASE_ID}/submissions/${ani.id}/return`,
        {
          note: 'lagi',
        },
      );
    }
  });

  it('closes once when two closes cross, and numbers certificates on across cohorts', async () => {
    await pass(w.cohortId, ani);
    const [a, b] = await Promise.all([
      call(t, w.fasilitator, 'POST', `/cohorts/${w.cohortId}/close`, CLOSE),
      call(t, w.admin, 'POST', `/cohorts/${w.cohortId}/close`, CLOSE),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const list = await call(t, w.fasilitator, 'GET', `/cohorts/${w.cohortId}/certificates`);
    expect(list.body.certificates.map((c: { number: string }) => c.number)).toEqual([
      '0001/CONTOH-PELAYANAN/PPSDMK/2026',
    ]);

    const second = await createCohort(t, w.admin, 'Angkatan III');
    await addMember(t, second.id, w.fasilitator.id, 'fasilitator');
    await addMember(t, second.id, ani.id, 'peserta');
    await pass(second.id, ani);
    const closed = await call(t, w.fasilitator, 'POST', `/cohorts/${second.id}/close`, CLOSE);
    expect(closed.body.certificates[0].number).toBe('0002/CONTOH-PELAYANAN/PPSDMK/2026');
    expect(closed.body.certificates[0].code).not.toBe(list.body.certificates[0].code);
  });

  it('shows a rating link as frozen after the close and refuses its ratings', async () => {
    const made = await call(t, w.fasilitator, 'POST', `/cohorts/${w.cohortId}/rating-links`, {
      participantId: ani.id,
      raterRole: 'atasan',
      raterName: 'Pak Kepala Seksi',
    });
    await call(t, w.fasilitator, 'POST', `/cohorts/${w.cohortId}/close`, {});
    const form = await call(t, null, 'GET', `/rating-links/${made.body.token}`);
    expect(form.body.frozen).toBe(true);
    const late = await call(t, null, 'POST', `/rating-links/${made.body.token}/ratings`, {
      ratings: [{ behaviourCode: 'AK-1', level: 4 }],
    });
    expect([late.status, late.body.code]).toEqual([409, 'RESULTS_FROZEN']);
  });
});
