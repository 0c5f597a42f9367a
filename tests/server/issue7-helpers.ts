import { newId } from '../../src/server/auth/tokens.ts';
import { testDb } from '../../src/server/services/attempts.ts';
import { addMember, createCohort, createUser, type TestApp, type TestUser } from './helpers.ts';

// A cohort for the issue-7 tests: an admin, a fasilitator, a mentor and an atasan assigned to every
// participant, participants with names of their own, and a second cohort whose fasilitator is an
// outsider here. The test course (contoh-pelayanan) has one case study `parsel-bursa-kerja` with
// questions `masalah`, `tindakan` and criteria `identifikasi`, `solusi` (weight 50 each); behaviours
// BP-1 and AK-1; a survey with `modul-jelas` (likert, required) and `modul-saran` (text, optional);
// weights posttest 40, cases 30, behaviour 30; passing 70; post-test passing mark 75.

export const CASE_ID = 'parsel-bursa-kerja';

export interface World {
  t: TestApp;
  admin: TestUser;
  fasilitator: TestUser;
  mentor: TestUser;
  atasan: TestUser;
  participants: TestUser[];
  outsider: TestUser;
  cohortId: string;
  otherCohortId: string;
}

export async function makeWorld(t: TestApp, participantNames: string[]): Promise<World> {
  const admin = await createUser(t, { admin: true, name: 'Admin' });
  const fasilitator = await createUser(t, { name: 'Fasilitator Satu' });
  const mentor = await createUser(t, { name: 'Mentor Satu' });
  const atasan = await createUser(t, { name: 'Atasan Satu' });
  const outsider = await createUser(t, { name: 'Fasilitator Lain' });
  const participants: TestUser[] = [];
  for (const name of participantNames) participants.push(await createUser(t, { name }));
  const { id: cohortId } = await createCohort(t, admin);
  const { id: otherCohortId } = await createCohort(t, admin, 'Angkatan II');
  await addMember(t, cohortId, fasilitator.id, 'fasilitator');
  await addMember(t, cohortId, mentor.id, 'mentor');
  await addMember(t, cohortId, atasan.id, 'atasan');
  await addMember(t, otherCohortId, outsider.id, 'fasilitator');
  for (const p of participants) {
    await addMember(t, cohortId, p.id, 'peserta');
    for (const [role, rater] of [
      ['mentor', mentor],
      ['atasan', atasan],
    ] as const) {
      await t.handle.db
        .insertInto('assignments')
        .values({ cohort_id: cohortId, participant_id: p.id, role, rater_id: rater.id, created_at: 0 })
        .execute();
    }
  }
  return { t, admin, fasilitator, mentor, atasan, participants, outsider, cohortId, otherCohortId };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** an API call as `user` (or without a session for null) */
export async function call(
  t: TestApp,
  user: TestUser | null,
  method: Method,
  url: string,
  payload?: unknown,
) {
  const response = await t.app.inject({
    method,
    url: url.startsWith('/api/') || url.startsWith('/verify') ? url : `/api/v1${url}`,
    headers: user ? { cookie: user.cookie } : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  const json = response.headers['content-type']?.toString().startsWith('application/json');
  return {
    status: response.statusCode,
    body: json ? response.json() : response.body,
    response,
  };
}

/** a finished post-test attempt with this score, stored as the issue-6 routes store one */
export async function givePosttest(t: TestApp, cohortId: string, userId: string, score: number) {
  const now = t.clock.now;
  await testDb(t.handle.db)
    .insertInto('test_attempts')
    .values({
      id: newId(),
      cohort_id: cohortId,
      user_id: userId,
      test: 'posttest',
      number: 1,
      course_id: 'contoh-pelayanan',
      course_version: '2026.1',
      seed: 'seed',
      form: JSON.stringify({ itemIds: [], optionOrder: {} }),
      started_at: now - 60_000,
      deadline_at: now + 600_000,
      saved_at: now,
      finished_at: now,
      finish_reason: 'submitted',
      score,
      result: null,
    })
    .execute();
}
