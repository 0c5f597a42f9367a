import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ResultReason } from '../../src/evaluation/index.ts';
import { evalDb } from '../../src/server/services/evaluation-db.ts';
import {
  addMember,
  createUser,
  describeEachDatabase,
  makeApp,
  type TestApp,
  type TestUser,
} from './helpers.ts';
import { CASE_ID, call, givePosttest, makeWorld, type World } from './issue7-helpers.ts';

// Final results, closing a cohort, certificates, the public verify page and the reports (issue 7).
// Ani passes (post 90, case 100, behaviour 100 → 96, Sangat Baik); Budi does not (final 69 is below the
// passing score 70 and post 60 below the post-test mark 75); Citra has nothing in yet. Names carry
// script and a spreadsheet formula.

const ANI = 'Ani <script>alert("x")</script>';
const CITRA = '=HYPERLINK("http://x.example","klik")';
const NIP = '198503122010011004';
const CLOSE = {
  certificates: {
    place: 'Jakarta',
    signatory: { name: 'Dr. Budi Santoso', position: 'Kepala PPSDM Ketenagakerjaan' },
  },
};

describeEachDatabase('results, certificates, verification and reports', (database) => {
  let t: TestApp;
  let w: World;
  let ani: TestUser;
  let budi: TestUser;
  let citra: TestUser;

  const submitAndGrade = async (user: TestUser, levels: Record<string, number>) => {
    await call(t, user, 'POST', `/cohorts/${w.cohortId}/cases/${CASE_ID}/mine/submit`, {
      answers: [
        { questionId: 'masalah', text: 'Gratifikasi', seq: 1 },
        { questionId: 'tindakan', text: 'Menolak', seq: 2 },
      ],
    });
    const r = await call(
      t,
      w.fasilitator,
      'PUT',
      `/cohorts/${w.cohortId}/cases/${CASE_ID}/submissions/${user.id}/grade`,
      {
        levels,
      },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  const rateAll = async (user: TestUser, level: number) => {
    const r = await call(t, w.fasilitator, 'PUT', `/cohorts/${w.cohortId}/ratings/${user.id}`, {
      ratings: [
        { behaviourCode: 'BP-1', level },
        { behaviourCode: 'AK-1', level },
      ],
    });
    expect(r.status).toBe(200);
  };

  beforeEach(async () => {
    t = await makeApp(database, { publicUrl: 'https://lentera.example.go.id' });
    w = await makeWorld(t, []);
    ani = await createUser(t, { name: ANI, nip: NIP });
    budi = await createUser(t, { name: 'Budi' });
    citra = await createUser(t, { name: CITRA });
    for (const p of [ani, budi, citra]) await addMember(t, w.cohortId, p.id, 'peserta');
    await givePosttest(t, w.cohortId, ani.id, 90);
    await givePosttest(t, w.cohortId, budi.id, 60);
    await submitAndGrade(ani, { identifikasi: 4, solusi: 4 });
    await submitAndGrade(budi, { identifikasi: 4, solusi: 3 });
    await call(t, w.fasilitator, 'POST', `/cohorts/${w.cohortId}/cases/${CASE_ID}/release`, {});
    await rateAll(ani, 4);
    await rateAll(budi, 3);
  });
  afterEach(async () => {
    await t.close();
  });

  it('composes live results, closes the cohort once and freezes them', async () => {
    const live = await call(t, w.fasilitator, 'GET', `/cohorts/${w.cohortId}/results`);
    expect(live.status).toBe(200);
    expect(live.body.closed).toBeNull();
    const byId = (id: string) => live.body.participants.find((p: { userId: string }) => p.userId === id);
    expect(byId(ani.id)).toMatchObject({
      components: { posttest: 90, cases: 100, behaviour: 100 },
      result: { ok: true, complete: true, final: 96, predikat: 'Sangat Baik', lulus: true },
    });
    expect(byId(budi.id).result).toMatchObject({ complete: true, lulus: false });
    expect(byId(budi.id).result.reasons).toEqual([
      { kind: 'final-below', score: 69, passing: 70 },
      { kind: 'posttest-below', score: 60, passing: 75 },
    ]);
    expect(byId(citra.id).result).toMatchObject({
      complete: false,
      missing: ['posttest', 'cases', 'behaviour'],
      reasons: [
        { kind: 'missing', component: 'posttest', weight: expect.any(Number) },
        { kind: 'missing', component: 'cases', weight: expect.any(Number) },
        { kind: 'missing', component: 'behaviour', weight: expect.any(Number) },
      ],
    });
    expect((await call(t, ani, 'GET', `/cohorts/${w.cohortId}/results/me`)).body.result).toBeNull();
    expect((await call(t, ani, 'GET', `/cohorts/${w.cohortId}/results`)).status).toBe(403);

    const early = await call(
      t,
      w.fasilitator,
      'POST',
      `/cohorts/${w.cohortId}/certificates`,
      CLOSE.certificates,
    );
    expect(early.body.code).toBe('COHORT_NOT_CLOSED');

    const closed = await call(t, w.fasilitator, 'POST', `/cohorts/${w.cohortId}/close`, CLOSE);
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.summary).toEqual({ participants: 3, lulus: 1, tidakLulus: 1, incomplete: 1 });
    expect(closed.body.certificates).toHaveLength(1);
    expect(closed.body.certificates[0]).toMatchObject({
      userId: ani.id,
      number: '0001/CONTOH-PELAYANAN/PPSDMK/2026',
      status: 'sah',
      verifyUrl: expect.stringMatching(
        /^https:\/\/lentera\.example\.go\.id\/verify\/[0-9A-Z]{5}-[0-9A-Z]{5}$/,
      ),
    });

    // every later change is refused, and a change behind the API's back moves nothing
    const frozen = [
      await call(t, w.fasilitator, 'POST', `/cohorts/${w.cohortId}/close`, {}),
      await call(t, w.fasilitator, 'PUT', `/cohorts/${w.cohortId}/ratings/${citra.id}`, {
        ratings: [{ behaviourCode: 'AK-1', level: 4 }],
      }),
      await call(
        t,
        w.fasilitator,
        'PUT',
        `/cohorts/${w.cohortId}/cases/${CASE_ID}/submissions/${ani.id}/grade`,
        {
          levels: { identifikasi: 1, solusi: 1 },
        },
      ),
      await call(t, w.fasilitator, 'POST', `/cohorts/${w.cohortId}/cases/${CASE_ID}/release`, {}),
      await call(t, citra, 'PUT', `/cohorts/${w.cohortId}/cases/${CASE_ID}/mine/answers/masalah`, {
        text: 'x',
        seq: 1,
      }),
      await call(t, w.fasilitator, 'POST', `/cohorts/${w.cohortId}/rating-links`, {
        participantId: citra.id,
        raterRole: 'atasan',
        raterName: 'Pak Atasan',
      }),
    ];
    for (const r of frozen) expect([r.status, r.body.code]).toEqual([409, 'RESULTS_FROZEN']);
    await givePosttest(t, w.cohortId, citra.id, 100);
    const after = await call(t, w.fasilitator, 'GET', `/cohorts/${w.cohortId}/results`);
    expect(after.body.closed).toMatchObject({ closedBy: w.fasilitator.id });
    expect(after.body.participants).toEqual(live.body.participants);

    // snapshots stored while the reasons were English sentences answer with the same values
    const db = evalDb(t.handle.db);
    const sentences: Record<string, (r: ResultReason) => string> = {
      missing: (r) =>
        r.kind === 'missing'
          ? `No ${r.component} score yet (weight ${Math.round(r.weight * 10000) / 100}%): the result is incomplete until it is in.`
          : '',
      'final-below': (r) =>
        r.kind === 'final-below' ? `The final score ${r.score} is below the passing score ${r.passing}.` : '',
      'posttest-below': (r) =>
        r.kind === 'posttest-below'
          ? `The post-test score ${r.score} is below its passing mark ${r.passing}.`
          : '',
    };
    for (const p of [budi, citra]) {
      const row = await db
        .selectFrom('final_results')
        .select('snapshot')
        .where('cohort_id', '=', w.cohortId)
        .where('user_id', '=', p.id)
        .executeTakeFirstOrThrow();
      const old = JSON.parse(row.snapshot);
      old.result.reasons = old.result.reasons.map((r: ResultReason) => sentences[r.kind]?.(r));
      await db
        .updateTable('final_results')
        .set({ snapshot: JSON.stringify(old) })
        .where('cohort_id', '=', w.cohortId)
        .where('user_id', '=', p.id)
        .execute();
    }
    const reread = await call(t, w.fasilitator, 'GET', `/cohorts/${w.cohortId}/results`);
    expect(reread.body.participants).toEqual(live.body.participants);

    const mine = await call(t, ani, 'GET', `/cohorts/${w.cohortId}/results/me`);
    expect(mine.body.result).toMatchObject({ name: ANI, result: { final: 96, predikat: 'Sangat Baik' } });
    expect(mine.body.certificate).toMatchObject({
      number: '0001/CONTOH-PELAYANAN/PPSDMK/2026',
      status: 'sah',
    });
    const budiMine = await call(t, budi, 'GET', `/cohorts/${w.cohortId}/results/me`);
    expect(budiMine.body.certificate).toBeNull();

    const refused = await call(t, w.fasilitator, 'POST', `/cohorts/${w.cohortId}/certificates`, {
      ...CLOSE.certificates,
      userIds: [budi.id],
    });
    expect(refused.body.code).toBe('CERTIFICATE_NOT_ELIGIBLE');
    const none = await call(
      t,
      w.fasilitator,
      'POST',
      `/cohorts/${w.cohortId}/certificates`,
      CLOSE.certificates,
    );
    expect(none.status).toBe(201);
    expect(none.body.certificates).toEqual([]);
  });

  it('serves the PDF to its participant and the staff, and verifies it publicly until revoked', async () => {
    const closed = await call(t, w.fasilitator, 'POST', `/cohorts/${w.cohortId}/close`, CLOSE);
    const cert = closed.body.certificates[0] as { id: string; code: string };
    const pdf = await call(t, ani, 'GET', `/certificates/${cert.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.response.headers['content-type']).toBe('application/pdf');
    expect(pdf.response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await call(t, w.fasilitator, 'GET', `/certificates/${cert.id}/pdf`)).status).toBe(200);
    for (const other of [budi, w.mentor, w.outsider]) {
      expect((await call(t, other, 'GET', `/certificates/${cert.id}/pdf`)).status).toBe(404);
    }
    expect((await call(t, null, 'GET', `/certificates/${cert.id}/pdf`)).status).toBe(401);

    const page = await call(t, null, 'GET', `/verify/${cert.code}`);
    expect(page.status).toBe(200);
    expect(page.response.headers['content-type']).toMatch(/^text\/html/);
    expect(page.response.headers['content-security-policy']).toContain("object-src 'none'");
    const html = page.body as string;
    expect(html).toContain('Sertifikat sah');
    expect(html).toContain('Ani &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Contoh Kursus Pelayanan Publik');
    expect(html).toContain('2 JP (90 menit)');
    expect(html).toContain('10 Maret 2026');
    // only name, course, JP, date and status
    for (const secret of [NIP, '19850312', 'Sangat Baik', '0001/CONTOH', 'Dr. Budi Santoso', 'Angkatan I']) {
      expect(html).not.toContain(secret);
    }
    const typed = await call(t, null, 'GET', `/verify/${cert.code.replace('-', '').toLowerCase()}`);
    expect(typed.status).toBe(200);
    const form = await call(t, null, 'GET', `/verify?code=${encodeURIComponent(cert.code.toLowerCase())}`);
    expect([form.status, form.response.headers.location]).toEqual([303, `/verify/${cert.code}`]);

    const revoked = await call(
      t,
      w.fasilitator,
      'POST',
      `/cohorts/${w.cohortId}/certificates/${cert.id}/revoke`,
      {
        reason: 'Data peserta keliru',
      },
    );
    expect(revoked.body.certificate.status).toBe('dicabut');
    const gone = await call(t, null, 'GET', `/verify/${cert.code}`);
    expect(gone.status).toBe(200);
    expect(gone.body).toContain('Dicabut');
    expect(gone.body).not.toContain('Data peserta keliru');
    const pdfGone = await call(t, ani, 'GET', `/certificates/${cert.id}/pdf`);
    expect([pdfGone.status, pdfGone.body.code]).toEqual([410, 'CERTIFICATE_REVOKED']);

    const unknown = await call(t, null, 'GET', '/verify/ZZZZZ-ZZZZZ');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('Sertifikat tidak ditemukan');
    const junk = await call(t, null, 'GET', `/verify/${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(junk.status).toBe(404);
    expect(junk.body).not.toContain('<img');

    let last = 0;
    for (let i = 0; i < 30; i++) last = (await call(t, null, 'GET', '/verify/ZZZZZ-ZZZZZ')).status;
    expect(last).toBe(429);
  });

  it('exports the recap as XLSX and CSV with formulas escaped, and a printable summary, for staff only', async () => {
    await call(t, w.fasilitator, 'POST', `/cohorts/${w.cohortId}/close`, CLOSE);
    const xlsx = await call(t, w.fasilitator, 'GET', `/cohorts/${w.cohortId}/reports/results.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.response.headers['content-disposition']).toContain('rekap-nilai-angkatan-i.xlsx');
    expect(xlsx.response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const csv = await call(t, w.fasilitator, 'GET', `/cohorts/${w.cohortId}/reports/results.csv`);
    expect(csv.response.headers['content-type']).toMatch(/^text\/csv/);
    const text = csv.response.body;
    expect(text).toContain(`"'=HYPERLINK(""http://x.example"",""klik"")"`);
    expect(text).toContain('0001/CONTOH-PELAYANAN/PPSDMK/2026');
    expect(text).toContain('Sangat Baik');
    const semicolon = await call(
      t,
      w.fasilitator,
      'GET',
      `/cohorts/${w.cohortId}/reports/results.csv?delimiter=semicolon`,
    );
    expect(semicolon.response.body.split('\r\n')[0]).toContain(';');

    const summary = await call(
      t,
      w.fasilitator,
      'GET',
      `/cohorts/${w.cohortId}/reports/participants/${ani.id}`,
    );
    expect(summary.status).toBe(200);
    expect(summary.response.headers['content-type']).toMatch(/^text\/html/);
    expect(summary.body).toContain('Ani &lt;script&gt;');
    expect(summary.body).not.toMatch(/<script/i);
    expect(summary.body).toContain('https://lentera.example.go.id/verify/');
    const other = await call(
      t,
      w.fasilitator,
      'GET',
      `/cohorts/${w.cohortId}/reports/participants/${w.mentor.id}`,
    );
    expect(other.status).toBe(404);

    for (const url of ['results.xlsx', 'results.csv', `participants/${ani.id}`]) {
      expect((await call(t, ani, 'GET', `/cohorts/${w.cohortId}/reports/${url}`)).status).toBe(403);
      expect((await call(t, w.mentor, 'GET', `/cohorts/${w.cohortId}/reports/${url}`)).status).toBe(403);
      expect((await call(t, w.outsider, 'GET', `/cohorts/${w.cohortId}/reports/${url}`)).status).toBe(404);
    }
  });
});
