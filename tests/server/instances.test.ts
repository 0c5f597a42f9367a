import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { createDb, type DbHandle, migrate } from '../../src/server/db/index.ts';
import { fastHasher, PASSWORD, PG_URL, testCourse } from './helpers.ts';

// Two app instances, each with its own connection pool, on one PostgreSQL database: what a load
// balancer in front of N instances sees. Sessions and events live in the database only.

const IN_CI = Boolean(process.env.CI);

describe.skipIf(!PG_URL && !IN_CI)('two instances on one PostgreSQL', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const handles: DbHandle[] = [];
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    if (!PG_URL)
      throw new Error('CI is set but TEST_DATABASE_URL is not: the PostgreSQL suite must run in CI');
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const url = new URL(PG_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    for (let i = 0; i < 2; i++) handles.push(createDb({ url: url.toString(), poolSize: 4 }));
    const [first] = handles;
    if (!first) throw new Error('no database');
    await migrate(first.db, { schema });
    for (const handle of handles) {
      apps.push(
        await buildApp({
          db: handle.db,
          dbKind: 'postgres',
          courses: [await testCourse()],
          hasher: fastHasher(),
        }),
      );
    }
    const hash = await fastHasher().hash(PASSWORD);
    await first.db
      .insertInto('users')
      .values({
        id: 'peserta-1',
        name: 'Peserta',
        email: 'p@example.go.id',
        nip: null,
        instansi: null,
        jabatan: null,
        password_hash: hash,
        is_admin: 0,
        created_at: Date.now(),
      })
      .execute();
  });

  afterAll(async () => {
    for (const app of apps) await app.close();
    const [first, ...rest] = handles;
    if (first) await sql.raw(`drop schema ${schema} cascade`).execute(first.db);
    for (const handle of [first, ...rest]) await handle?.close();
  });

  it('accepts on one instance a session made on the other, and ends it on both at logout', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    const login = await a.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'p@example.go.id', password: PASSWORD },
    });
    const cookie = `__Host-lentera=${login.cookies.find((c) => c.name === '__Host-lentera')?.value}`;
    expect((await b.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json().user.id).toBe(
      'peserta-1',
    );
    await b.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect((await a.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('stores events sent to both instances once, even when both get the same batch at once', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    const login = await b.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'p@example.go.id', password: PASSWORD },
    });
    const cookie = `__Host-lentera=${login.cookies.find((c) => c.name === '__Host-lentera')?.value}`;
    const batches = Array.from({ length: 20 }, (_, n) =>
      Array.from({ length: 25 }, (_, i) => ({
        key: `batch-${n}-event-${i}`,
        event: {
          type: 'page-seen',
          material: 'pelayanan',
          page: 'standar-loket',
          dwellSeconds: 1,
          at: n * 100 + i,
        },
      })),
    );
    const post = (app: FastifyInstance, events: unknown[]) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/progress/events',
        headers: { cookie },
        payload: { courseId: 'contoh-pelayanan', events },
      });
    const answers = await Promise.all(batches.flatMap((batch) => [post(a, batch), post(b, batch)]));
    expect(answers.every((r) => r.statusCode === 200 && r.json().acknowledged.length === 25)).toBe(true);
    const [first] = handles;
    const rows = await first?.db.selectFrom('events').select('key').execute();
    expect(rows).toHaveLength(500);
    const fromA = (
      await a.inject({ url: '/api/v1/progress/state?courseId=contoh-pelayanan', headers: { cookie } })
    ).json();
    const fromB = (
      await b.inject({ url: '/api/v1/progress/state?courseId=contoh-pelayanan', headers: { cookie } })
    ).json();
    expect(fromA).toEqual(fromB);
    expect(fromA.state.pages['standar-loket'].dwellSeconds).toBe(500);
  });
});
