import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ISSUE7_ROWS } from './access-rows-issue7.ts';
import { ATTEMPT_ROWS } from './attempts-access-rows.ts';
import {
  addMember,
  createCohort,
  createUser,
  describeEachDatabase,
  makeApp,
  type TestApp,
  type TestUser,
} from './helpers.ts';

// Every API route x every role x ownership. Cohort A is the one acted on; cohort B is another one.
// pesA1 is "self" where a route names a person; pesA2 shares the cohort; fasB and pesB are outsiders,
// for whom cohort A does not exist (404, never 403). A route missing from this table fails the test.

const ACTORS = ['admin', 'fasA', 'mentorA', 'atasanA', 'pesA1', 'pesA2', 'fasB', 'pesB', 'anon'] as const;
type Actor = (typeof ACTORS)[number];
type Expected = 'ok' | 401 | 403 | 404;

interface World {
  t: TestApp;
  users: Record<Exclude<Actor, 'anon'>, TestUser>;
  cohortA: { id: string; joinCode: string };
  cohortB: { id: string; joinCode: string };
}

interface Row {
  method: string;
  /** the route as registered, e.g. /api/v1/cohorts/:id */
  route: string;
  request(world: World): Promise<InjectOptions> | InjectOptions;
  /** e.g. `admin:ok fasA:ok *:403 anon:401`; `*` is everyone not named */
  expect: string;
}

const event = (key: string) => ({
  key,
  event: { type: 'page-seen', material: 'pelayanan', page: 'pengertian-pelayanan', dwellSeconds: 3, at: 1 },
});
let serial = 0;
const unique = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;

const ROWS: Row[] = [
  { method: 'GET', route: '/api/health', request: () => ({ url: '/api/health' }), expect: '*:ok' },
  { method: 'GET', route: '/api/docs', request: () => ({ url: '/api/docs' }), expect: '*:ok' },
  { method: 'GET', route: '/api/v1/setup', request: () => ({ url: '/api/v1/setup' }), expect: '*:ok' },
  {
    method: 'POST',
    route: '/api/v1/setup',
    // an admin exists: public, but refused for everyone
    request: () => ({
      url: '/api/v1/setup',
      payload: { token: 'x'.repeat(43), name: 'X', email: 'x@x.id', password: 'kata-sandi-1234' },
    }),
    expect: '*:409',
  },
  {
    method: 'POST',
    route: '/api/v1/auth/login',
    request: () => ({
      url: '/api/v1/auth/login',
      payload: { login: `${unique()}@example.go.id`, password: 'salah-salah-1' },
    }),
    expect: '*:401',
  },
  {
    method: 'POST',
    route: '/api/v1/auth/logout',
    request: () => ({ url: '/api/v1/auth/logout' }),
    expect: '*:ok',
  },
  {
    method: 'GET',
    route: '/api/v1/auth/me',
    request: () => ({ url: '/api/v1/auth/me' }),
    expect: '*:ok anon:401',
  },
  {
    method: 'POST',
    route: '/api/v1/auth/register',
    request: (w) => ({
      url: '/api/v1/auth/register',
      payload: {
        joinCode: w.cohortA.joinCode,
        name: 'Peserta Baru',
        email: `${unique()}@example.go.id`,
        password: 'kata-sandi-1234',
      },
    }),
    expect: '*:ok',
  },
  {
    method: 'POST',
    route: '/api/v1/auth/join',
    request: (w) => ({ url: '/api/v1/auth/join', payload: { joinCode: w.cohortB.joinCode } }),
    expect: '*:ok anon:401',
  },
  {
    method: 'GET',
    route: '/api/v1/auth/password-reset',
    request: () => ({ url: `/api/v1/auth/password-reset?token=${'x'.repeat(43)}` }),
    expect: '*:ok',
  },
  {
    method: 'POST',
    route: '/api/v1/auth/password-reset',
    request: () => ({
      url: '/api/v1/auth/password-reset',
      payload: { token: 'x'.repeat(43), password: 'kata-sandi-1234' },
    }),
    expect: '*:410',
  },
  {
    method: 'GET',
    route: '/api/v1/users',
    request: () => ({ url: '/api/v1/users' }),
    expect: 'admin:ok *:403 anon:401',
  },
  {
    method: 'POST',
    route: '/api/v1/users',
    request: () => ({
      url: '/api/v1/users',
      payload: { name: 'Staf Baru', email: `${unique()}@example.go.id` },
    }),
    expect: 'admin:ok *:403 anon:401',
  },
  {
    method: 'GET',
    route: '/api/v1/users/:id',
    request: (w) => ({ url: `/api/v1/users/${w.users.pesA1.id}` }),
    expect: 'admin:ok pesA1:ok *:404 anon:401',
  },
  {
    method: 'PATCH',
    route: '/api/v1/users/:id',
    request: (w) => ({ url: `/api/v1/users/${w.users.pesA1.id}`, payload: { jabatan: 'Analis' } }),
    expect: 'admin:ok *:403 anon:401',
  },
  {
    method: 'POST',
    route: '/api/v1/users/:id/reset-link',
    request: (w) => ({ url: `/api/v1/users/${w.users.pesA1.id}/reset-link` }),
    expect: 'admin:ok *:403 anon:401',
  },
  {
    method: 'GET',
    route: '/api/v1/courses',
    request: () => ({ url: '/api/v1/courses' }),
    expect: '*:ok anon:401',
  },
  {
    method: 'GET',
    route: '/api/v1/cohorts',
    request: () => ({ url: '/api/v1/cohorts' }),
    expect: '*:ok anon:401',
  },
  {
    method: 'POST',
    route: '/api/v1/cohorts',
    request: () => ({
      url: '/api/v1/cohorts',
      payload: {
        name: 'Angkatan X',
        courseId: 'contoh-pelayanan',
        courseVersion: '2026.1',
        opensOn: '2026-04-01',
        closesOn: '2026-04-30',
      },
    }),
    expect: 'admin:ok *:403 anon:401',
  },
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}` }),
    expect: '*:ok fasB:404 pesB:404 anon:401',
  },
  {
    method: 'PATCH',
    route: '/api/v1/cohorts/:id',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}`, payload: { name: 'Angkatan I (ubah)' } }),
    expect: 'admin:ok *:403 fasB:404 pesB:404 anon:401',
  },
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/members',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/members` }),
    expect: 'admin:ok fasA:ok mentorA:ok atasanA:ok pesA1:403 pesA2:403 fasB:404 pesB:404 anon:401',
  },
  {
    method: 'POST',
    route: '/api/v1/cohorts/:id/members',
    request: async (w) => {
      const other = await createUser(w.t);
      return {
        url: `/api/v1/cohorts/${w.cohortA.id}/members`,
        payload: { userId: other.id, role: 'mentor' },
      };
    },
    expect: 'admin:ok fasA:ok *:403 fasB:404 pesB:404 anon:401',
  },
  {
    method: 'DELETE',
    route: '/api/v1/cohorts/:id/members/:userId/:role',
    request: async (w) => {
      const other = await createUser(w.t);
      await addMember(w.t, w.cohortA.id, other.id, 'peserta');
      return { url: `/api/v1/cohorts/${w.cohortA.id}/members/${other.id}/peserta` };
    },
    expect: 'admin:ok fasA:ok *:403 fasB:404 pesB:404 anon:401',
  },
  {
    method: 'POST',
    route: '/api/v1/cohorts/:id/import',
    request: (w) => ({
      url: `/api/v1/cohorts/${w.cohortA.id}/import?dryRun=true`,
      headers: { 'content-type': 'text/csv' },
      payload: 'NIP,Nama,Email\n199001012015032001,Siti,siti@example.go.id\n',
    }),
    expect: 'admin:ok fasA:ok *:403 fasB:404 pesB:404 anon:401',
  },
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/assignments',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/assignments` }),
    expect: 'admin:ok fasA:ok mentorA:ok atasanA:ok pesA1:403 pesA2:403 fasB:404 pesB:404 anon:401',
  },
  {
    method: 'PUT',
    route: '/api/v1/cohorts/:id/assignments',
    request: (w) => ({
      url: `/api/v1/cohorts/${w.cohortA.id}/assignments`,
      payload: { participantId: w.users.pesA1.id, role: 'mentor', raterId: w.users.mentorA.id },
    }),
    expect: 'admin:ok fasA:ok *:403 fasB:404 pesB:404 anon:401',
  },
  {
    method: 'GET',
    route: '/api/v1/cohorts/:id/progress',
    request: (w) => ({ url: `/api/v1/cohorts/${w.cohortA.id}/progress` }),
    expect: 'admin:ok fasA:ok mentorA:ok atasanA:ok pesA1:403 pesA2:403 fasB:404 pesB:404 anon:401',
  },
  {
    method: 'POST',
    route: '/api/v1/progress/events',
    request: () => ({
      url: '/api/v1/progress/events',
      payload: { courseId: 'contoh-pelayanan', events: [event(`k-${unique()}`)] },
    }),
    expect: '*:ok anon:401',
  },
  {
    method: 'GET',
    route: '/api/v1/progress/state',
    request: () => ({ url: '/api/v1/progress/state?courseId=contoh-pelayanan' }),
    expect: '*:ok anon:401',
  },
  {
    method: 'GET',
    route: '/api/v1/audit',
    request: () => ({ url: '/api/v1/audit' }),
    expect: 'admin:ok *:403 anon:401',
  },
  ...ISSUE7_ROWS,
  ...ATTEMPT_ROWS,
];

function expectedFor(row: Row, actor: Actor): Expected | number {
  const entries = Object.fromEntries(
    row.expect.split(/\s+/).map((pair) => pair.split(':') as [string, string]),
  );
  const value = entries[actor] ?? entries['*'];
  if (value === undefined) throw new Error(`${row.method} ${row.route}: no expectation for ${actor}`);
  return value === 'ok' ? 'ok' : Number(value);
}

describeEachDatabase('access matrix', (database) => {
  let world: World;
  beforeAll(async () => {
    const t = await makeApp(database);
    const make = (o: Parameters<typeof createUser>[1] = {}) => createUser(t, o);
    const users = {
      admin: await make({ admin: true }),
      fasA: await make(),
      mentorA: await make(),
      atasanA: await make(),
      pesA1: await make(),
      pesA2: await make(),
      fasB: await make(),
      pesB: await make(),
    };
    const cohortA = await createCohort(t, users.admin, 'Angkatan A');
    const cohortB = await createCohort(t, users.admin, 'Angkatan B');
    await addMember(t, cohortA.id, users.fasA.id, 'fasilitator');
    await addMember(t, cohortA.id, users.mentorA.id, 'mentor');
    await addMember(t, cohortA.id, users.atasanA.id, 'atasan');
    await addMember(t, cohortA.id, users.pesA1.id, 'peserta');
    await addMember(t, cohortA.id, users.pesA2.id, 'peserta');
    await addMember(t, cohortB.id, users.fasB.id, 'fasilitator');
    await addMember(t, cohortB.id, users.pesB.id, 'peserta');
    for (const role of ['mentor', 'atasan'] as const) {
      await t.handle.db
        .insertInto('assignments')
        .values({
          cohort_id: cohortA.id,
          participant_id: users.pesA1.id,
          role,
          rater_id: users[`${role}A`].id,
          created_at: 0,
        })
        .execute();
    }
    world = { t, users, cohortA, cohortB };
  });
  afterAll(async () => {
    await world.t.close();
  });

  it('has a row for every API route', async () => {
    const doc = (await world.t.app.inject({ url: '/api/docs' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    routes.push('GET /api/docs');
    const covered = new Set(ROWS.map((r) => `${r.method} ${r.route}`));
    const missing = routes.filter((r) => !covered.has(r));
    expect(missing, 'routes without a row in tests/server/access-matrix.test.ts').toEqual([]);
  });

  it.each(ROWS.map((row) => [`${row.method} ${row.route}`, row] as const))('%s', async (_name, row) => {
    const failures: string[] = [];
    // the logout row runs last for each actor's own session copy: use a fresh session for it
    for (const actor of ACTORS) {
      const request = await row.request(world);
      let cookie: string | undefined;
      if (actor !== 'anon') {
        const user = world.users[actor];
        cookie =
          row.route === '/api/v1/auth/logout'
            ? `__Host-lentera=${await world.t.app.lentera.sessions.create(user.id)}`
            : user.cookie;
      }
      const response = await world.t.app.inject({
        method: row.method as 'GET',
        ...request,
        headers: { ...(request.headers ?? {}), ...(cookie ? { cookie } : {}) },
      });
      const want = expectedFor(row, actor);
      const got = response.statusCode;
      const ok = want === 'ok' ? got >= 200 && got < 300 : got === want;
      if (!ok) failures.push(`${actor}: expected ${want}, got ${got} ${response.body.slice(0, 120)}`);
      if (got >= 400) expect(response.json()).toMatchObject({ statusCode: got, code: expect.any(String) });
    }
    expect(failures).toEqual([]);
  });

  it('shows a mentor only the participants assigned to them', async () => {
    const { t, users, cohortA } = world;
    for (const url of [`/api/v1/cohorts/${cohortA.id}/members`, `/api/v1/cohorts/${cohortA.id}/progress`]) {
      const body = (await t.app.inject({ url, headers: { cookie: users.mentorA.cookie } })).json();
      const people = body.members ?? body.participants;
      expect(people.map((p: { id: string }) => p.id)).toEqual([users.pesA1.id]);
    }
  });

  it('lists only the cohorts a person belongs to, and join codes only to managers', async () => {
    const { t, users, cohortA } = world;
    const list = async (u: TestUser) =>
      (await t.app.inject({ url: '/api/v1/cohorts', headers: { cookie: u.cookie } })).json().cohorts as {
        id: string;
        joinCode?: string;
      }[];
    expect((await list(users.pesB)).map((c) => c.id)).not.toContain(cohortA.id);
    expect((await list(users.pesA1)).find((c) => c.id === cohortA.id)?.joinCode).toBeUndefined();
    expect((await list(users.fasA)).find((c) => c.id === cohortA.id)?.joinCode).toBe(cohortA.joinCode);
  });

  it("never serves one learner's progress to another", async () => {
    const { t, users } = world;
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/progress/events',
      headers: { cookie: users.pesA1.cookie },
      payload: {
        courseId: 'contoh-pelayanan',
        events: [
          {
            key: 'secret-key-1',
            event: { ...event('x').event, material: 'pelayanan', page: 'standar-loket' },
          },
        ],
      },
    });
    const other = await t.app.inject({
      url: '/api/v1/progress/state?courseId=contoh-pelayanan',
      headers: { cookie: users.pesA2.cookie },
    });
    expect(other.json().state.pages['standar-loket']).toBeUndefined();
  });

  it('answers a guessed cohort id exactly as a missing one', async () => {
    const { t, users, cohortA } = world;
    const guessed = await t.app.inject({
      url: `/api/v1/cohorts/${cohortA.id}/progress`,
      headers: { cookie: users.pesB.cookie },
    });
    const missing = await t.app.inject({
      url: '/api/v1/cohorts/AAAAAAAAAAAAAAAAAAAAAA/progress',
      headers: { cookie: users.pesB.cookie },
    });
    expect(guessed.statusCode).toBe(404);
    expect(guessed.json()).toEqual(missing.json());
  });
});
