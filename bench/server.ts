// Server throughput: progress batches (20 events each, a real session per connection) at 50, 200 and
// 1,000 connections against `lentera` on SQLite, beside a bare Fastify route taking the same JSON in
// the same run; then a count showing every acknowledged event is stored.
//
//   npm run bench:server                      20 s per run
//   BENCH_DURATION=5 npm run bench:server     shorter runs
//   BENCH_DATABASE_URL=postgres://… npm run bench:server   on PostgreSQL (an empty database)
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { readCourseFolder } from '../src/cli/course-folder.ts';
import { compileCourse } from '../src/course/index.ts';
import { Sessions } from '../src/server/auth/sessions.ts';
import { createDb, migrate } from '../src/server/db/index.ts';

const DURATION = Number(process.env.BENCH_DURATION ?? 20);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '50,200,1000').split(',').map(Number);
const EVENTS_PER_BATCH = 20;
const USERS = 100;
const dir = mkdtempSync(join(tmpdir(), 'lentera-bench-'));
const databaseUrl = process.env.BENCH_DATABASE_URL ?? join(dir, 'lentera.db');

function start(args: string[], env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('is running at')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
    setTimeout(() => reject(new Error(`${args.join(' ')} did not start in 60 s`)), 60_000).unref();
  });
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  acknowledged: number;
}

async function run(
  url: string,
  connections: number,
  cookies: string[],
  counter: { n: number },
  acked?: Set<string>,
): Promise<Figures> {
  let acknowledged = 0;
  let client = 0;
  const result = await autocannon({
    url,
    connections,
    duration: DURATION,
    timeout: 30,
    setupClient: (c) => {
      c.setHeaders({ 'content-type': 'application/json', cookie: cookies[client++ % cookies.length] ?? '' });
    },
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const n = counter.n++;
          const at = Date.now();
          const events = Array.from({ length: EVENTS_PER_BATCH }, (_, i) => ({
            key: `bench-${n}-${i}`,
            event: { type: 'page-seen', material: 'pelayanan', page: 'standar-loket', dwellSeconds: 1, at },
          }));
          return { ...request, body: JSON.stringify({ courseId: 'contoh-pelayanan', events }) };
        },
        onResponse: (status, body) => {
          if (status !== 200) return;
          const keys = (JSON.parse(body) as { acknowledged: string[] }).acknowledged;
          acknowledged += keys.length;
          for (const key of keys) acked?.add(key);
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    acknowledged,
  };
}

const course = compileCourse({
  files: await readCourseFolder('tests/fixtures/courses/valid-all-blocks'),
}).course;
if (!course) throw new Error('the bench course does not compile');
writeFileSync(join(dir, 'course.json'), JSON.stringify(course));

const handle = createDb({ url: databaseUrl });
await migrate(handle.db);
const sessions = new Sessions({ db: handle.db });
const cookies: string[] = [];
for (let i = 0; i < USERS; i++) {
  const id = `bench-user-${i}`;
  await handle.db
    .insertInto('users')
    .values({
      id,
      name: `Peserta ${i}`,
      email: null,
      nip: null,
      instansi: null,
      jabatan: null,
      password_hash: null,
      is_admin: 0,
      created_at: Date.now(),
    })
    .execute();
  cookies.push(`__Host-lentera=${await sessions.create(id)}`);
}

const lenteraPort = 31_000 + Math.floor(Math.random() * 1000);
const barePort = lenteraPort + 1000;
const lentera = await start(['--import', 'tsx', 'src/server/main.ts'], {
  PORT: String(lenteraPort),
  DATABASE_URL: databaseUrl,
  LENTERA_COURSES: dir,
});
const bare = await start(['--import', 'tsx', 'bench/bare-server.ts'], { PORT: String(barePort) });
// children never outlive the bench, whatever happens to it
process.on('exit', () => {
  lentera.kill('SIGKILL');
  bare.kill('SIGKILL');
});
const counter = { n: 0 };
const bareCounter = { n: 0 };

console.log(
  `Progress batches of ${EVENTS_PER_BATCH} events, ${DURATION} s per run, ${databaseUrl.startsWith('postgres') ? 'PostgreSQL' : 'SQLite (WAL, synchronous=FULL)'}`,
);
console.log('connections | lentera req/s  p50 ms  p99 ms  errors | bare req/s  p50 ms  p99 ms | ratio');
const acked = new Set<string>();
let acknowledged = 0;
for (const connections of CONNECTIONS) {
  const base = await run(`http://127.0.0.1:${barePort}/bare`, connections, cookies, bareCounter);
  const ours = await run(
    `http://127.0.0.1:${lenteraPort}/api/v1/progress/events`,
    connections,
    cookies,
    counter,
    acked,
  );
  acknowledged += ours.acknowledged;
  const f = (n: number, w: number) => n.toFixed(0).padStart(w);
  console.log(
    `${f(connections, 11)} | ${f(ours.rps, 13)} ${f(ours.p50, 7)} ${f(ours.p99, 7)} ${f(ours.errors, 7)} | ${f(base.rps, 10)} ${f(base.p50, 7)} ${f(base.p99, 7)} | ${(ours.rps / base.rps).toFixed(3)}`,
  );
}
lentera.kill('SIGTERM');
bare.kill('SIGTERM');

// every key a client saw acknowledged must be in the database; more may be stored (batches in flight
// when a run ended were written but their answers were never read)
const keys = [...acked];
let found = 0;
for (let i = 0; i < keys.length; i += 500) {
  const row = await handle.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', 'in', keys.slice(i, i + 500))
    .executeTakeFirstOrThrow();
  found += Number(row.n);
}
const total = await handle.db
  .selectFrom('events')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
const ok = found === acked.size && acked.size === acknowledged;
console.log(
  `acknowledged: ${acknowledged} events, ${found} of them found in the database (${Number(total.n) - found} more stored from batches whose answer arrived after a run ended) — ${ok ? 'every acknowledged event is stored, once' : 'LOST EVENTS'}`,
);
await handle.close();
process.exitCode = ok ? 0 : 1;
