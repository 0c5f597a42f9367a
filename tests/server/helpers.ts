import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { describe } from 'vitest';
import { readCourseFolder } from '../../src/cli/course-folder.ts';
import { compileCourse } from '../../src/course/index.ts';
import type { Course } from '../../src/course/model.ts';
import { type AppOptions, buildApp } from '../../src/server/app.ts';
import { PasswordHasher } from '../../src/server/auth/passwords.ts';
import { newId } from '../../src/server/auth/tokens.ts';
import { createDb, type DbHandle, migrate } from '../../src/server/db/index.ts';

// Shared set-up for the server tests: databases (SQLite in memory always, PostgreSQL when
// TEST_DATABASE_URL is set, and required when CI is set), a small compiled course, fast password
// hashing, and users with sessions.

export const PG_URL = process.env.TEST_DATABASE_URL;
const IN_CI = Boolean(process.env.CI);

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  open(): Promise<DbHandle>;
}

/** a PostgreSQL database of its own per test: a fresh schema, dropped on close */
async function openPostgres(url: string): Promise<DbHandle> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  const handle = createDb({ url: scoped.toString(), poolSize: 4 });
  await migrate(handle.db, { schema });
  return {
    ...handle,
    close: async () => {
      await sql.raw(`drop schema ${schema} cascade`).execute(handle.db);
      await handle.close();
    },
  };
}

export const databases: TestDatabase[] = [
  {
    name: 'sqlite',
    async open() {
      const handle = createDb({ url: ':memory:' });
      await migrate(handle.db);
      return handle;
    },
  },
];
if (PG_URL) databases.push({ name: 'postgres', open: () => openPostgres(PG_URL) });
else if (IN_CI) {
  databases.push({
    name: 'postgres',
    open: () =>
      Promise.reject(
        new Error('CI is set but TEST_DATABASE_URL is not: the PostgreSQL suite must run in CI'),
      ),
  });
}

/** runs a describe block once per database */
export function describeEachDatabase(title: string, body: (database: TestDatabase) => void): void {
  for (const database of databases) describe(`${title} [${database.name}]`, () => body(database));
}

let course: Course | undefined;
/** tests/fixtures/courses/valid-all-blocks, compiled once: id contoh-pelayanan, version 2026.1 */
export async function testCourse(): Promise<Course> {
  if (course) return course;
  const result = compileCourse({ files: await readCourseFolder('tests/fixtures/courses/valid-all-blocks') });
  if (!result.course) throw new Error('the test course does not compile');
  course = result.course;
  return course;
}

export const fastHasher = () => new PasswordHasher({ params: { logN: 4, r: 8, p: 1 } });

export interface TestApp {
  app: FastifyInstance;
  handle: DbHandle;
  /** the clock the app sees; tests move it */
  clock: { now: number };
  close(): Promise<void>;
}

export async function makeApp(database: TestDatabase, options: Partial<AppOptions> = {}): Promise<TestApp> {
  const handle = await database.open();
  const clock = { now: Date.UTC(2026, 2, 10, 3, 0, 0) };
  const app = await buildApp({
    db: handle.db,
    dbKind: handle.kind,
    courses: [await testCourse()],
    hasher: fastHasher(),
    now: () => clock.now,
    ...options,
  });
  return {
    app,
    handle,
    clock,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

export const PASSWORD = 'kata-sandi-rahasia-1';

export interface TestUser {
  id: string;
  email: string;
  cookie: string;
}

/** creates a user with PASSWORD and a session (made through the real login route) */
export async function createUser(
  t: TestApp,
  options: { name?: string; email?: string; nip?: string; admin?: boolean } = {},
): Promise<TestUser> {
  const id = newId();
  const email = options.email ?? `${id.slice(0, 8).toLowerCase()}@example.go.id`;
  await t.handle.db
    .insertInto('users')
    .values({
      id,
      name: options.name ?? `Pengguna ${id.slice(0, 4)}`,
      email,
      nip: options.nip ?? null,
      instansi: null,
      jabatan: null,
      password_hash: await t.app.lentera.hasher.hash(PASSWORD),
      is_admin: options.admin ? 1 : 0,
      created_at: t.clock.now,
    })
    .execute();
  const token = await t.app.lentera.sessions.create(id);
  return { id, email, cookie: `__Host-lentera=${token}` };
}

/** the session cookie a response sets, as a Cookie header value */
export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === '__Host-lentera');
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return `__Host-lentera=${cookie.value}`;
}

/** a cohort of the test course, open on the test clock's date */
export async function createCohort(
  t: TestApp,
  admin: TestUser,
  name = 'Angkatan I',
): Promise<{ id: string; joinCode: string }> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cohorts',
    headers: { cookie: admin.cookie },
    payload: {
      name,
      courseId: 'contoh-pelayanan',
      courseVersion: '2026.1',
      opensOn: '2026-03-01',
      closesOn: '2026-03-31',
    },
  });
  if (response.statusCode !== 201) throw new Error(`cohort not created: ${response.body}`);
  const { cohort } = response.json() as { cohort: { id: string; joinCode: string } };
  return cohort;
}

export async function addMember(t: TestApp, cohortId: string, userId: string, role: string): Promise<void> {
  await t.handle.db
    .insertInto('memberships')
    .values({ cohort_id: cohortId, user_id: userId, role: role as 'peserta', created_at: t.clock.now })
    .execute();
}
