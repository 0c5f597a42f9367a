import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/server/auth/tokens.ts';
import { createDb, migrate } from '../../src/server/db/index.ts';
import { testCourse } from './helpers.ts';

// A real server process on SQLite takes event batches from several clients at once and is killed with
// SIGKILL mid-stream. After a restart every event it acknowledged is there, once; events resent after
// the restart are not stored twice.

const dir = mkdtempSync(join(tmpdir(), 'lentera-durability-'));
const dbFile = join(dir, 'lentera.db');
// each start binds a port the system chooses (a fixed random one can be taken by another process)
let port = 0;
let server: ChildProcess | undefined;
let cookie = '';

function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: dbFile,
      LENTERA_COURSES: dir,
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const running = /is running at http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (running) {
        port = Number(running[1]);
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

beforeAll(async () => {
  writeFileSync(join(dir, 'course.json'), JSON.stringify(await testCourse()));
  const handle = createDb({ url: dbFile });
  await migrate(handle.db);
  const userId = newId();
  await handle.db
    .insertInto('users')
    .values({
      id: userId,
      name: 'Peserta',
      email: 'p@example.go.id',
      nip: null,
      instansi: null,
      jabatan: null,
      password_hash: null,
      is_admin: 0,
      created_at: Date.now(),
    })
    .execute();
  // a session made the way the server makes them, valid for the whole run
  const { Sessions } = await import('../../src/server/auth/sessions.ts');
  cookie = `__Host-lentera=${await new Sessions({ db: handle.db }).create(userId)}`;
  await handle.close();
}, 60_000);

afterAll(() => {
  server?.kill('SIGKILL');
});

const batchOf = (client: number, n: number, size: number) =>
  Array.from({ length: size }, (_, i) => ({
    key: `client-${client}-batch-${n}-event-${i}`,
    event: {
      type: 'page-seen',
      material: 'pelayanan',
      page: 'standar-loket',
      dwellSeconds: 1,
      at: Date.now(),
    },
  }));

async function send(events: unknown[]): Promise<string[]> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/progress/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ courseId: 'contoh-pelayanan', events }),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { acknowledged: string[] }).acknowledged;
}

it('keeps every acknowledged event through kill -9, and stores resent events once', async () => {
  server = await startServer();
  const acknowledged = new Set<string>();
  const sent: unknown[][] = [];
  let stop = false;
  const clients = Array.from({ length: 8 }, async (_, client) => {
    for (let n = 0; !stop; n++) {
      const batch = batchOf(client, n, 20);
      sent.push(batch);
      try {
        for (const key of await send(batch)) acknowledged.add(key);
      } catch {
        return;
      }
    }
  });
  await new Promise((r) => setTimeout(r, 1500));
  server.kill('SIGKILL');
  stop = true;
  await Promise.all(clients);
  expect(acknowledged.size).toBeGreaterThan(100);
  console.log(
    `durability: ${acknowledged.size} events acknowledged before kill -9, ${sent.length} batches sent`,
  );

  server = await startServer();
  const handle = createDb({ url: dbFile });
  const rows = await handle.db.selectFrom('events').select('key').execute();
  const stored = new Set(rows.map((r) => r.key));
  const lost = [...acknowledged].filter((k) => !stored.has(k));
  expect(lost).toEqual([]);

  // clients resend everything they had not seen acknowledged (and some they had)
  const queue = [...sent];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let batch = queue.pop(); batch; batch = queue.pop()) await send(batch);
    }),
  );
  const after = await handle.db.selectFrom('events').select('key').execute();
  const sentKeys = new Set(sent.flat().map((e) => (e as { key: string }).key));
  expect(after.length).toBe(sentKeys.size);
  await handle.close();
  server.kill('SIGTERM');
}, 120_000);
