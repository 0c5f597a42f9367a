// Pre-test under load (issue 6): simulated participants take the BerAKHLAK pre-test against the real
// server over HTTP, on SQLite in a file (WAL, synchronous=FULL, as deployed). The server runs in a child
// process; this process is the load. Then the database is reconciled: every acknowledged answer is
// stored with its last value and every attempt is scored once, on its stored answers.
//
//   BENCH_PARTICIPANTS (5000)  participants in the cohort
//   BENCH_MINUTES (30)         the test's time limit, and so the length of the run
//   BENCH_BURST (0.6)          share of participants who start in the first 10 s (3,000 of 5,000)
//   BENCH_CONNECTIONS (64)     connections to the app, as a reverse proxy's pool
//
// Each participant opens the test page, starts, autosaves every 30 s (1–3 changed answers, now and then
// a late retry of an older write that must be refused), reloads the attempt once in ten, and submits:
// 80% in the final 2 minutes of their time, 18% earlier, 2% never (finished by the server at the
// deadline); 5% submit from two tabs at once.

import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readCourseFolder } from '../src/cli/course-folder.ts';
import { compileCourse } from '../src/course/index.ts';
import type { Course } from '../src/course/model.ts';
import { scoreAttempt, toBankItem } from '../src/evaluation/index.ts';
import { buildApp } from '../src/server/app.ts';
import { SESSION_ABSOLUTE_MS } from '../src/server/auth/sessions.ts';
import { hashToken, newId, randomToken } from '../src/server/auth/tokens.ts';
import { createDb, migrate } from '../src/server/db/index.ts';
import { parseForm, testDb } from '../src/server/services/attempts.ts';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 5000);
const MINUTES = Number(process.env.BENCH_MINUTES ?? 30);
const BURST_SHARE = Number(process.env.BENCH_BURST ?? 0.6);
const SECOND = 1000;
const SAVE_EVERY = 30 * SECOND;
const BURST_WINDOW = 10 * SECOND;
// the rest start within the first minute (or the first fifth of a short test)
const LATE_START_WINDOW = Math.min(60 * SECOND, (MINUTES * 60 * SECOND) / 5);
const FINAL_WINDOW = Math.min(2 * 60 * SECOND, (MINUTES * 60 * SECOND) / 2);

async function benchCourse(minutes: number): Promise<Course> {
  const result = compileCourse({ files: await readCourseFolder('content/berakhlak') });
  if (!result.course) throw new Error('content/berakhlak does not compile');
  const course = result.course;
  course.evaluation.pretest.timeLimitMinutes = minutes;
  return course;
}

// --- the server (child process) -------------------------------------------------------------------

async function serve(dbFile: string): Promise<void> {
  const handle = createDb({ url: dbFile });
  const app = await buildApp({ db: handle.db, dbKind: 'sqlite', courses: [await benchCourse(MINUTES)] });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // CPU spent serving, without start-up (compiling the course, loading modules)
  const ready = process.cpuUsage();
  process.send?.({ port });
  process.on('message', async (message) => {
    if (message === 'stop') {
      const cpu = process.cpuUsage(ready);
      process.send?.({ cpuMs: (cpu.user + cpu.system) / 1000 });
      await app.close();
      await handle.close();
      process.exit(0);
    }
  });
}

// --- set-up ---------------------------------------------------------------------------------------

interface Person {
  id: string;
  cookie: string;
}

async function setUp(dbFile: string): Promise<{ cohortId: string; people: Person[] }> {
  const handle = createDb({ url: dbFile });
  await migrate(handle.db);
  const db = testDb(handle.db);
  const now = Date.now();
  const cohortId = newId();
  const course = await benchCourse(MINUTES);
  await db
    .insertInto('cohorts')
    .values({
      id: cohortId,
      name: 'Angkatan Uji Beban',
      course_id: course.id,
      course_version: course.version,
      opens_on: '2000-01-01',
      closes_on: '2999-12-31',
      join_code: 'BENCH234',
      created_at: now,
    })
    .execute();
  const people: Person[] = [];
  for (let start = 0; start < PARTICIPANTS; start += 500) {
    const batch = Array.from({ length: Math.min(500, PARTICIPANTS - start) }, () => ({
      id: newId(),
      token: randomToken(32),
    }));
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('users')
        .values(
          batch.map((p, i) => ({
            id: p.id,
            name: `Peserta ${start + i + 1}`,
            nip: null,
            email: `peserta${start + i + 1}@bench.example.go.id`,
            instansi: null,
            jabatan: null,
            password_hash: null,
            is_admin: 0,
            created_at: now,
          })),
        )
        .execute();
      await trx
        .insertInto('memberships')
        .values(
          batch.map((p) => ({
            cohort_id: cohortId,
            user_id: p.id,
            role: 'peserta' as const,
            created_at: now,
          })),
        )
        .execute();
      await trx
        .insertInto('sessions')
        .values(
          batch.map((p) => ({
            id_hash: hashToken(p.token),
            user_id: p.id,
            created_at: now,
            last_seen_at: now,
            expires_at: now + SESSION_ABSOLUTE_MS,
          })),
        )
        .execute();
    });
    for (const p of batch) people.push({ id: p.id, cookie: `__Host-lentera=${p.token}` });
  }
  await db
    .insertInto('test_windows')
    .values({
      cohort_id: cohortId,
      test: 'pretest',
      is_open: 1,
      opened_at: now,
      closed_at: null,
      updated_by: null,
      updated_at: now,
    })
    .execute();
  await handle.close();
  return { cohortId, people };
}

// --- the load -------------------------------------------------------------------------------------

type Operation = 'overview' | 'start' | 'save' | 'resume' | 'submit' | 'late-read';

class Stats {
  latencies = new Map<Operation, number[]>();
  errors = new Map<string, number>();
  requests = 0;

  record(op: Operation, ms: number): void {
    this.requests += 1;
    const list = this.latencies.get(op) ?? [];
    list.push(ms);
    this.latencies.set(op, list);
  }

  error(op: Operation, what: string): void {
    const key = `${op}: ${what}`;
    this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
  }
}

const stats = new Stats();

// browsers reach a real deployment through nginx, which holds the many client connections and keeps a
// bounded pool to the app; the load does the same, so the app sees at most this many connections
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
let port = 0;

function send(
  method: 'GET' | 'POST',
  path: string,
  cookie: string,
  body: string | undefined,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          cookie,
          ...(body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function request(
  op: Operation,
  person: Person,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> } | undefined> {
  const started = performance.now();
  try {
    const response = await send(
      method,
      `/api/v1${path}`,
      person.cookie,
      body === undefined ? undefined : JSON.stringify(body),
    );
    const json = JSON.parse(response.text) as Record<string, unknown>;
    stats.record(op, performance.now() - started);
    if (response.status >= 400) stats.error(op, `${response.status} ${String(json.code)}`);
    return { status: response.status, json };
  } catch (error) {
    stats.record(op, performance.now() - started);
    stats.error(op, (error as Error).message);
    return undefined;
  }
}

const sleepUntil = (at: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

interface AttemptJson {
  id: string;
  deadline: string;
  questions: { itemId: string; options: { id: string }[] }[];
  result: { score: number } | null;
}

interface Outcome {
  person: Person;
  attemptId: string | null;
  /** the last acknowledged answer per item */
  acknowledged: Map<string, { optionId: string | null; seq: number }>;
  submitted: boolean;
  /** submitted, but the server had already passed the deadline and its grace */
  submittedLate: boolean;
  walkedAway: boolean;
  submitScores: number[];
  staleSent: number;
  staleRefused: number;
  staleApplied: number;
}

async function participant(person: Person, index: number, t0: number, cohortId: string): Promise<Outcome> {
  const outcome: Outcome = {
    person,
    attemptId: null,
    acknowledged: new Map(),
    submitted: false,
    submittedLate: false,
    walkedAway: false,
    submitScores: [],
    staleSent: 0,
    staleRefused: 0,
    staleApplied: 0,
  };
  const burst = Math.round(PARTICIPANTS * BURST_SHARE);
  const startAt =
    t0 +
    (index < burst
      ? Math.random() * BURST_WINDOW
      : BURST_WINDOW + Math.random() * (LATE_START_WINDOW - BURST_WINDOW));
  await sleepUntil(startAt);
  await request('overview', person, 'GET', `/cohorts/${cohortId}/tests`);
  const started = await request('start', person, 'POST', `/cohorts/${cohortId}/tests/pretest/attempts`, {});
  if (!started || started.status >= 400) return outcome;
  const attempt = started.json.attempt as AttemptJson;
  outcome.attemptId = attempt.id;
  const deadline = Date.parse(attempt.deadline);
  const roll = Math.random();
  outcome.walkedAway = roll < 0.02;
  const submitAt = outcome.walkedAway
    ? Number.POSITIVE_INFINITY
    : roll < 0.82
      ? deadline - FINAL_WINDOW + Math.random() * (FINAL_WINDOW - 5 * SECOND)
      : startAt + 0.3 * (deadline - startAt) + Math.random() * (0.7 * (deadline - startAt) - FINAL_WINDOW);
  const reloadAt = Math.random() < 0.1 ? startAt + Math.random() * (deadline - startAt) * 0.8 : null;
  let reloaded = false;
  let seq = 0;
  const questions = attempt.questions;
  const change = (n: number) =>
    Array.from({ length: n }, () => {
      const q = questions[Math.floor(Math.random() * questions.length)] as AttemptJson['questions'][number];
      const option = q.options[Math.floor(Math.random() * q.options.length)] as { id: string };
      seq += 1;
      return { itemId: q.itemId, optionId: option.id, seq };
    });

  let tick = startAt + Math.random() * SAVE_EVERY;
  const lastTick = Math.min(submitAt, deadline - 2 * SECOND);
  while (tick < lastTick) {
    await sleepUntil(tick);
    if (reloadAt !== null && !reloaded && tick >= reloadAt) {
      reloaded = true;
      await request('resume', person, 'GET', `/attempts/${attempt.id}`);
    }
    const writes = change(1 + Math.floor(Math.random() * 3));
    // now and then a write queued long ago arrives late: it must be refused
    const older = [...outcome.acknowledged].find(([, a]) => a.seq > 1);
    const injectStale = older !== undefined && Math.random() < 0.05;
    if (injectStale && older) {
      writes.unshift({ itemId: older[0], optionId: null as unknown as string, seq: older[1].seq - 1 });
    }
    const saved = await request('save', person, 'POST', `/attempts/${attempt.id}/answers`, {
      answers: writes,
    });
    if (saved && saved.status === 200) {
      if (injectStale) outcome.staleSent += 1;
      for (const a of saved.json.saved as { itemId: string; optionId: string | null; seq: number }[]) {
        const known = outcome.acknowledged.get(a.itemId);
        if (!known || known.seq < a.seq)
          outcome.acknowledged.set(a.itemId, { optionId: a.optionId, seq: a.seq });
        if (injectStale && older && a.itemId === older[0] && a.seq === older[1].seq - 1)
          outcome.staleApplied += 1;
      }
      const stale = saved.json.stale as { itemId: string; seq: number }[];
      if (injectStale && older && stale.some((s) => s.itemId === older[0] && s.seq === older[1].seq - 1)) {
        outcome.staleRefused += 1;
      }
    }
    tick += SAVE_EVERY;
  }
  if (outcome.walkedAway) return outcome;

  await sleepUntil(submitAt);
  const last = change(1);
  const twoTabs = Math.random() < 0.05;
  const submits = await Promise.all(
    Array.from({ length: twoTabs ? 2 : 1 }, () =>
      request('submit', person, 'POST', `/attempts/${attempt.id}/submit`, { answers: last }),
    ),
  );
  let inTime = false;
  for (const s of submits) {
    if (s && s.status === 200) {
      outcome.submitted = true;
      const attemptJson = s.json.attempt as AttemptJson & { finishReason: string };
      if (attemptJson.result) outcome.submitScores.push(attemptJson.result.score);
      if (attemptJson.finishReason === 'submitted') inTime = true;
    }
  }
  // the answer sent with a submit in time is stored (it is the newest); a submit after the deadline
  // and its grace keeps the attempt as it was at the deadline
  outcome.submittedLate = outcome.submitted && !inTime;
  if (inTime) {
    const a = last[0] as { itemId: string; optionId: string | null; seq: number };
    const known = outcome.acknowledged.get(a.itemId);
    if (!known || known.seq < a.seq) outcome.acknowledged.set(a.itemId, { optionId: a.optionId, seq: a.seq });
  }
  return outcome;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

// --- reconcile ------------------------------------------------------------------------------------

async function reconcile(dbFile: string, outcomes: Outcome[], course: Course) {
  const handle = createDb({ url: dbFile });
  const db = testDb(handle.db);
  const items = new Map(course.questions.filter((q) => !q.formative).map((q) => [q.id, toBankItem(q)]));
  const attempts = await db.selectFrom('test_attempts').selectAll().execute();
  const answers = await db.selectFrom('test_answers').selectAll().execute();
  const byAttempt = new Map<string, typeof answers>();
  for (const a of answers) byAttempt.set(a.attempt_id, [...(byAttempt.get(a.attempt_id) ?? []), a]);
  const report = {
    attempts: attempts.length,
    participantsWithTwoAttempts: 0,
    acknowledgedAnswers: 0,
    acknowledgedMissingOrChanged: 0,
    storedButNeverAcknowledged: 0,
    submitted: 0,
    submittedAfterDeadline: 0,
    submittedNotFinished: 0,
    scoreMismatch: 0,
    submitResponsesDisagree: 0,
    walkedAway: 0,
    walkedAwayNotFinishedAtDeadline: 0,
    staleSent: 0,
    staleRefused: 0,
    staleApplied: 0,
  };
  const perUser = new Map<string, number>();
  for (const a of attempts) perUser.set(a.user_id, (perUser.get(a.user_id) ?? 0) + 1);
  report.participantsWithTwoAttempts = [...perUser.values()].filter((n) => n > 1).length;
  const rows = new Map(attempts.map((a) => [a.id, a]));
  for (const o of outcomes) {
    report.staleSent += o.staleSent;
    report.staleRefused += o.staleRefused;
    report.staleApplied += o.staleApplied;
    if (!o.attemptId) continue;
    const row = rows.get(o.attemptId);
    const stored = new Map((byAttempt.get(o.attemptId) ?? []).map((a) => [a.item_id, a]));
    for (const [itemId, ack] of o.acknowledged) {
      report.acknowledgedAnswers += 1;
      const s = stored.get(itemId);
      if (!s || s.seq !== ack.seq || s.option_id !== ack.optionId) report.acknowledgedMissingOrChanged += 1;
    }
    for (const itemId of stored.keys())
      if (!o.acknowledged.has(itemId)) report.storedButNeverAcknowledged += 1;
    if (!row) continue;
    const expected = scoreAttempt({
      items: parseForm(row)
        .itemIds.map((id) => items.get(id))
        .filter((i) => i !== undefined),
      answers: Object.fromEntries([...stored.values()].map((a) => [a.item_id, a.option_id])),
    }).score;
    if (o.submitted) {
      report.submitted += 1;
      if (o.submittedLate) report.submittedAfterDeadline += 1;
      if (row.finished_at === null || row.score === null) report.submittedNotFinished += 1;
      if (row.score !== expected) report.scoreMismatch += 1;
      if (o.submitScores.some((s) => s !== row.score)) report.submitResponsesDisagree += 1;
    }
    if (o.walkedAway) {
      report.walkedAway += 1;
      if (row.finish_reason !== 'deadline' || row.score !== expected)
        report.walkedAwayNotFinishedAtDeadline += 1;
    }
  }
  await handle.close();
  return report;
}

// --- main -----------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lentera-bench-tests-'));
  const dbFile = join(dir, 'bench.db');
  console.log(
    `Pre-test load: ${PARTICIPANTS} participants, ${MINUTES}-minute test, ${Math.round(PARTICIPANTS * BURST_SHARE)} starts in the first 10 s, autosave every 30 s, 80% of submissions in the final ${FINAL_WINDOW / 1000} s; SQLite file (WAL, synchronous=FULL); at most ${CONNECTIONS} connections to the app`,
  );
  const { cohortId, people } = await setUp(dbFile);
  const course = await benchCourse(MINUTES);

  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['serve', dbFile], {
    execArgv: ['--import', 'tsx'],
    env: process.env,
  });
  port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
  });

  const t0 = Date.now() + 2 * SECOND;
  const runStart = performance.now();
  const outcomes = await Promise.all(people.map((p, i) => participant(p, i, t0, cohortId)));
  const loadSeconds = (performance.now() - runStart) / 1000;
  const loadRequests = stats.requests;

  // the attempts of those who walked away: half are read after their time (finished on that read),
  // the others are left to the server's periodic sweep
  const away = outcomes.filter((o) => o.walkedAway && o.attemptId);
  const lastDeadline = t0 + LATE_START_WINDOW + MINUTES * 60 * SECOND + 31 * SECOND;
  await sleepUntil(lastDeadline);
  await Promise.all(
    away
      .filter((_, i) => i % 2 === 0)
      .map((o) => request('late-read', o.person, 'GET', `/attempts/${o.attemptId as string}`)),
  );
  const sweepWaitUntil = Date.now() + 75 * SECOND;
  const handle = createDb({ url: dbFile });
  while (Date.now() < sweepWaitUntil) {
    const open = await testDb(handle.db)
      .selectFrom('test_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('finished_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(open.n) === 0) break;
    await new Promise((r) => setTimeout(r, 2 * SECOND));
  }
  await handle.close();
  const serverCpuMs = new Promise<number>((resolve) =>
    child.on('message', (m) => {
      if (typeof (m as { cpuMs?: number }).cpuMs === 'number') resolve((m as { cpuMs: number }).cpuMs);
    }),
  );
  child.send('stop');
  const cpuMs = await serverCpuMs;
  await new Promise((resolve) => child.once('exit', resolve));

  console.log(
    `\n${loadRequests} requests in ${loadSeconds.toFixed(1)} s: ${(loadRequests / loadSeconds).toFixed(1)} requests/s on average`,
  );
  console.log('operation      count     req/s   p50 ms   p95 ms   p99 ms   max ms');
  for (const [op, list] of stats.latencies) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(
      `${op.padEnd(12)} ${String(list.length).padStart(7)} ${(list.length / loadSeconds).toFixed(1).padStart(9)} ${percentile(sorted, 50).toFixed(1).padStart(8)} ${percentile(sorted, 95).toFixed(1).padStart(8)} ${percentile(sorted, 99).toFixed(1).padStart(8)} ${(sorted.at(-1) ?? 0).toFixed(1).padStart(8)}`,
    );
  }
  const served = stats.requests;
  console.log(
    `\nserver CPU: ${(cpuMs / 1000).toFixed(1)} s for ${served} requests, ${(cpuMs / served).toFixed(2)} ms a request: about ${Math.round(served / (cpuMs / 1000))} requests/s per core`,
  );
  // a save refused after the deadline and its grace is the server doing its job (the client was late)
  const refusedLate = stats.errors.get('save: 409 ATTEMPT_FINISHED') ?? 0;
  stats.errors.delete('save: 409 ATTEMPT_FINISHED');
  const errorCount = [...stats.errors.values()].reduce((a, b) => a + b, 0);
  console.log(`saves refused after the deadline (expected when a client is late): ${refusedLate}`);
  console.log(`errors: ${errorCount}`);
  for (const [what, n] of stats.errors) console.log(`  ${what}: ${n}`);

  const report = await reconcile(dbFile, outcomes, course);
  console.log('\nreconcile:');
  for (const [key, value] of Object.entries(report)) console.log(`  ${key}: ${value}`);
  const ok =
    errorCount === 0 &&
    report.attempts === outcomes.filter((o) => o.attemptId).length &&
    report.participantsWithTwoAttempts === 0 &&
    report.acknowledgedMissingOrChanged === 0 &&
    report.storedButNeverAcknowledged === 0 &&
    report.submittedNotFinished === 0 &&
    report.scoreMismatch === 0 &&
    report.submitResponsesDisagree === 0 &&
    report.walkedAwayNotFinishedAtDeadline === 0 &&
    report.staleApplied === 0 &&
    report.staleRefused === report.staleSent;
  console.log(
    ok ? '\nreconciled: every acknowledged answer stored, every attempt scored once' : '\nRECONCILE FAILED',
  );
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = ok ? 0 : 1;
}

if (process.argv[2] === 'serve') await serve(process.argv[3] as string);
else await main();
