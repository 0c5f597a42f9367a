import type { InjectOptions } from 'fastify';
import { newId } from '../../src/server/auth/tokens.ts';
import { evalDb } from '../../src/server/services/evaluation-db.ts';
import { createLink } from '../../src/server/services/rating-links.ts';
import type { TestApp, TestUser } from './helpers.ts';

// The access-matrix rows of the issue-7 routes (case studies, ratings and rating links, feedback,
// results, certificates, reports), spread into ROWS by tests/server/access-matrix.test.ts. Cohort A has
// fasA, mentorA and atasanA (both assigned to pesA1), pesA1 and pesA2; fasB and pesB are outsiders.
// Rows whose action changes state for good (closing a cohort, issuing certificates) act on a fresh
// cohort with the same people, so every actor meets the same starting point.

type Person = 'admin' | 'fasA' | 'mentorA' | 'atasanA' | 'pesA1' | 'pesA2' | 'fasB' | 'pesB';
export interface MatrixWorld {
  t: TestApp;
  users: Record<Person, TestUser>;
  cohortA: { id: string; joinCode: string };
  cohortB: { id: string; joinCode: string };
}
export interface MatrixRow {
  method: string;
  route: string;
  request(world: MatrixWorld): Promise<InjectOptions> | InjectOptions;
  expect: string;
}

const CASE = 'parsel-bursa-kerja';
const MANAGER = 'admin:ok fasA:ok *:403 fasB:404 pesB:404 anon:401';
const PARTICIPANT = 'pesA1:ok pesA2:ok *:403 fasB:404 pesB:404 anon:401';
const STAFF_OR_PARTICIPANT =
  'admin:ok fasA:ok pesA1:ok pesA2:ok mentorA:403 atasanA:403 fasB:404 pesB:404 anon:401';
const RATERS_AND_MANAGERS =
  'admin:ok fasA:ok mentorA:ok atasanA:ok pesA1:403 pesA2:403 fasB:404 pesB:404 anon:401';

let seq = 1;
const nextSeq = () => seq++;

/** a cohort like A (same people, same assignments), open for a state-changing row */
async function freshCohort(w: MatrixWorld, options: { closed?: boolean } = {}): Promise<string> {
  const db = evalDb(w.t.handle.db);
  const id = newId();
  await db
    .insertInto('cohorts')
    .values({
      id,
      name: 'Angkatan Uji',
      course_id: 'contoh-pelayanan',
      course_version: '2026.1',
      opens_on: '2026-03-01',
      closes_on: '2026-03-31',
      join_code: `U${id.slice(0, 10).toUpperCase()}`,
      created_at: 0,
    })
    .execute();
  const roles = [
    ['fasA', 'fasilitator'],
    ['mentorA', 'mentor'],
    ['atasanA', 'atasan'],
    ['pesA1', 'peserta'],
    ['pesA2', 'peserta'],
  ] as const;
  for (const [who, role] of roles) {
    await db
      .insertInto('memberships')
      .values({ cohort_id: id, user_id: w.users[who].id, role, created_at: 0 })
      .execute();
  }
  if (options.closed) {
    await db
      .insertInto('cohort_closures')
      .values({
        cohort_id: id,
        closed_at: 0,
        closed_by: null,
        course_id: 'contoh-pelayanan',
        course_version: '2026.1',
      })
      .execute();
  }
  return id;
}

/** pesA1's case in cohort A, answered and submitted (again), ready to grade or return */
async function submitted(w: MatrixWorld): Promise<void> {
  const db = evalDb(w.t.handle.db);
  const key = { cohort_id: w.cohortA.id, user_id: w.users.pesA1.id, case_id: CASE };
  await db
    .insertInto('case_submissions')
    .values({
      ...key,
      status: 'submitted',
      created_at: 0,
      saved_at: 0,
      submitted_at: 0,
      returned_at: null,
      return_note: null,
      levels: null,
      score: null,
      feedback: null,
      graded_by: null,
      graded_at: null,
      released_at: null,
    })
    .onConflict((oc) => oc.columns(['cohort_id', 'user_id', 'case_id']).doUpdateSet({ status: 'submitted' }))
    .execute();
}

/** a certificate of pesA1 in cohort A, not revoked */
async function certificate(w: MatrixWorld): Promise<string> {
  const id = newId();
  const n = nextSeq();
  await evalDb(w.t.handle.db)
    .insertInto('certificates')
    .values({
      id,
      cohort_id: w.cohortA.id,
      user_id: w.users.pesA1.id,
      number: `${String(n).padStart(4, '0')}/MATRIX/PPSDMK/2026`,
      code: `${String(n).padStart(5, '0')}-AAAAA`,
      course_id: `matrix-${n}`,
      year: 2026,
      sequence: n,
      data: JSON.stringify({
        participant: { name: 'Peserta A1', nip: null },
        course: {
          id: 'contoh-pelayanan',
          version: '2026.1',
          title: 'Contoh',
          publisher: 'PPSDM Ketenagakerjaan',
          hours: 2,
        },
        cohort: 'Angkatan A',
        dates: { start: '2026-03-01', end: '2026-03-31' },
        predikat: 'Baik',
        issued: { place: 'Jakarta', date: '2026-03-31' },
        signatory: { name: 'Kepala', nip: null, position: 'Kepala PPSDM Ketenagakerjaan' },
      }),
      issued_on: '2026-03-31',
      issued_at: 0,
      issued_by: null,
      revoked_at: null,
      revoked_by: null,
      revoke_reason: null,
    })
    .onConflict((oc) => oc.columns(['cohort_id', 'user_id']).doNothing())
    .execute();
  // one certificate per person and cohort: reuse the one there, made unrevoked
  const row = await evalDb(w.t.handle.db)
    .updateTable('certificates')
    .set({ revoked_at: null })
    .where('cohort_id', '=', w.cohortA.id)
    .where('user_id', '=', w.users.pesA1.id)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function link(w: MatrixWorld): Promise<{ id: string; token: string }> {
  const now = w.t.clock.now;
  const { row, token } = await createLink(evalDb(w.t.handle.db), {
    cohortId: w.cohortA.id,
    participantId: w.users.pesA1.id,
    raterRole: 'mentor',
    raterName: 'Mentor Luar',
    expiresAt: now + 86_400_000,
    actorId: w.users.fasA.id,
    now,
  });
  return { id: row.id, token };
}

const SIGNATORY = {
  place: 'Jakarta',
  signatory: { name: 'Kepala Pusat', position: 'Kepala PPSDM Ketenagakerjaan' },
};

export const ISSUE7_ROWS: MatrixRow[] = [
  // case studies
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/cases',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/cases` }),
    expect: STAFF_OR_PARTICIPANT,
  },
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/cases/:caseId/mine',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/cases/${CASE}/mine` }),
    expect: PARTICIPANT,
  },
  {
    method: 'PUT',
    route: '/api/v1/cohorts/:id/cases/:caseId/mine/answers/:questionId',
    request: (w) => ({
      url: `/api/v1/cohorts/${w.cohortA.id}/cases/${CASE}/mine/answers/masalah`,
      payload: { text: 'Gratifikasi', seq: nextSeq() },
    }),
    expect: PARTICIPANT,
  },
  {
    method: 'POST',
    route: '/api/v1/cohorts/:id/cases/:caseId/mine/answers',
    request: (w) => ({
      url: `/api/v1/cohorts/${w.cohortA.id}/cases/${CASE}/mine/answers`,
      payload: { answers: [{ questionId: 'tindakan', text: 'Menolak', seq: nextSeq() }] },
    }),
    expect: PARTICIPANT,
  },
  {
    method: 'POST',
    route: '/api/v1/cohorts/:id/cases/:caseId/mine/submit',
    request: (w) => ({
      url: `/api/v1/cohorts/${w.cohortA.id}/cases/${CASE}/mine/submit`,
      payload: {
        answers: [
          { questionId: 'masalah', text: 'Gratifikasi', seq: nextSeq() },
          { questionId: 'tindakan', text: 'Menolak', seq: nextSeq() },
        ],
      },
    }),
    expect: PARTICIPANT,
  },
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/cases/:caseId/submissions',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/cases/${CASE}/submissions` }),
    expect: MANAGER,
  },
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/cases/:caseId/submissions/:userId',
    request: (w) => ({
      url: `/api/v1/cohorts/${w.cohortA.id}/cases/${CASE}/submissions/${w.users.pesA1.id}`,
    }),
    expect: MANAGER,
  },
  {
    method: 'PUT',
    route: '/api/v1/cohorts/:id/cases/:caseId/submissions/:userId/grade',
    request: async (w) => {
      await submitted(w);
      return {
        url: `/api/v1/cohorts/${w.cohortA.id}/cases/${CASE}/submissions/${w.users.pesA1.id}/grade`,
        payload: { levels: { identifikasi: 3, solusi: 4 }, feedback: 'Baik' },
      };
    },
    expect: MANAGER,
  },
  {
    method: 'POST',
    route: '/api/v1/cohorts/:id/cases/:caseId/submissions/:userId/return',
    request: async (w) => {
      await submitted(w);
      return {
        url: `/api/v1/cohorts/${w.cohortA.id}/cases/${CASE}/submissions/${w.users.pesA1.id}/return`,
        payload: { note: 'Lengkapi dasar hukumnya.' },
      };
    },
    expect: MANAGER,
  },
  {
    method: 'POST',
    route: '/api/v1/cohorts/:id/cases/:caseId/release',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/cases/${CASE}/release`, payload: {} }),
    expect: MANAGER,
  },
  // behaviour ratings
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/ratings',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/ratings` }),
    expect: RATERS_AND_MANAGERS,
  },
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/ratings/:participantId',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/ratings/${w.users.pesA1.id}` }),
    expect: RATERS_AND_MANAGERS,
  },
  {
    method: 'PUT',
    route: '/api/v1/cohorts/:id/ratings/:participantId',
    request: (w) => ({
      url: `/api/v1/cohorts/${w.cohortA.id}/ratings/${w.users.pesA1.id}`,
      payload: { ratings: [{ behaviourCode: 'AK-1', level: 3, note: 'Tepat waktu.' }] },
    }),
    // an admin who is not a rater in the cohort reads ratings but gives none
    expect: 'fasA:ok mentorA:ok atasanA:ok *:403 fasB:404 pesB:404 anon:401',
  },
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/rating-links',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/rating-links` }),
    expect: MANAGER,
  },
  {
    method: 'POST',
    route: '/api/v1/cohorts/:id/rating-links',
    request: (w) => ({
      url: `/api/v1/cohorts/${w.cohortA.id}/rating-links`,
      payload: { participantId: w.users.pesA1.id, raterRole: 'atasan', raterName: 'Atasan Luar' },
    }),
    expect: MANAGER,
  },
  {
    method: 'POST',
    route: '/api/v1/cohorts/:id/rating-links/:linkId/revoke',
    request: async (w) => ({
      url: `/api/v1/cohorts/${w.cohortA.id}/rating-links/${(await link(w)).id}/revoke`,
      payload: {},
    }),
    expect: MANAGER,
  },
  {
    method: 'GET',
    route: '/api/v1/rating-links/:token',
    // the token is the credential: a session adds nothing and takes nothing away
    request: async (w) => ({ url: `/api/v1/rating-links/${(await link(w)).token}` }),
    expect: '*:ok',
  },
  {
    method: 'POST',
    route: '/api/v1/rating-links/:token/ratings',
    request: async (w) => ({
      url: `/api/v1/rating-links/${(await link(w)).token}/ratings`,
      payload: { ratings: [{ behaviourCode: 'BP-1', level: 4 }] },
    }),
    expect: '*:ok',
  },
  // feedback
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/feedback',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/feedback` }),
    expect: STAFF_OR_PARTICIPANT,
  },
  {
    method: 'POST',
    route: '/api/v1/cohorts/:id/feedback',
    request: (w) => ({
      url: `/api/v1/cohorts/${w.cohortA.id}/feedback`,
      payload: { answers: { 'modul-jelas': 4 } },
    }),
    expect: PARTICIPANT,
  },
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/feedback/summary',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/feedback/summary` }),
    expect: MANAGER,
  },
  // results and closing
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/results',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/results` }),
    expect: MANAGER,
  },
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/results/me',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/results/me` }),
    expect: PARTICIPANT,
  },
  {
    method: 'POST',
    route: '/api/v1/cohorts/:id/close',
    request: async (w) => ({ url: `/api/v1/cohorts/${await freshCohort(w)}/close`, payload: {} }),
    expect: MANAGER,
  },
  // certificates
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/certificates',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/certificates` }),
    expect: MANAGER,
  },
  {
    method: 'POST',
    route: '/api/v1/cohorts/:id/certificates',
    request: async (w) => ({
      url: `/api/v1/cohorts/${await freshCohort(w, { closed: true })}/certificates`,
      payload: SIGNATORY,
    }),
    expect: MANAGER,
  },
  {
    method: 'POST',
    route: '/api/v1/cohorts/:id/certificates/:certificateId/revoke',
    request: async (w) => ({
      url: `/api/v1/cohorts/${w.cohortA.id}/certificates/${await certificate(w)}/revoke`,
      payload: { reason: 'Uji matriks akses' },
    }),
    expect: MANAGER,
  },
  {
    method: 'GET',
    route: '/api/v1/certificates/:certificateId/pdf',
    request: async (w) => ({ url: `/api/v1/certificates/${await certificate(w)}/pdf` }),
    // someone else's certificate does not exist for you
    expect: 'admin:ok fasA:ok pesA1:ok *:404 anon:401',
  },
  // reports
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/reports/results.xlsx',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/reports/results.xlsx` }),
    expect: MANAGER,
  },
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/reports/results.csv',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/reports/results.csv` }),
    expect: MANAGER,
  },
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/reports/participants/:userId',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/reports/participants/${w.users.pesA1.id}` }),
    expect: MANAGER,
  },
];
