import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Course } from '../course/model.ts';
import { buildApp } from './app.ts';
import { createDb, type DbHandle, migrate } from './db/index.ts';
import type { PlayerSite } from './plugins/player.ts';
import { issueSetupToken } from './routes/setup.ts';

// Reads the environment, opens and migrates the database, listens, and says where to go. Building the
// course and the player is the CLI's job (src/cli/start.ts); this only serves what is built.
//
//   PORT (3000)  HOST (localhost)  DATABASE_URL (data/lentera.db, or postgres://…)
//   PUBLIC_URL (the address people use, for links)  TRUST_PROXY (1 behind nginx)
//   LENTERA_COURSES (build folders with course.json, comma-separated; default dist/course)
//   LENTERA_PLAYERS (player exports, comma-separated, same order; default none)

export interface ServerConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  publicUrl: string | undefined;
  trustProxy: boolean;
  courseDirs: string[];
  playerDirs: string[];
  logLevel: string;
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? 'localhost',
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    courseDirs: list(env.LENTERA_COURSES ?? 'dist/course'),
    playerDirs: list(env.LENTERA_PLAYERS),
    logLevel: env.LOG_LEVEL ?? 'warn',
  };
}

export interface RunningServer {
  app: FastifyInstance;
  db: DbHandle;
  url: string;
  setupUrl: string | undefined;
  close(): Promise<void>;
}

export async function startServer(
  config: ServerConfig,
  say: (line: string) => void = console.log,
): Promise<RunningServer> {
  const courses: Course[] = [];
  for (const dir of config.courseDirs) {
    courses.push(JSON.parse(await readFile(join(dir, 'course.json'), 'utf8')) as Course);
  }
  const players: PlayerSite[] = config.playerDirs.flatMap((root, i) => {
    const course = courses[i];
    return course ? [{ courseId: course.id, root: resolve(root), outline: course }] : [];
  });
  const db = createDb(config.databaseUrl ? { url: config.databaseUrl } : {});
  await migrate(db.db);
  const app = await buildApp({
    db: db.db,
    dbKind: db.kind,
    courses,
    players,
    trustProxy: config.trustProxy,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    logger: { level: config.logLevel },
  });
  await app.listen({ port: config.port, host: config.host });
  // PORT=0 lets the system choose; the address printed is the one actually bound
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = config.publicUrl ?? `http://${shown}:${port}`;
  const setup = await issueSetupToken({ db: db.db, now: Date.now });
  const setupUrl = setup ? `${url}/setup#${setup.token}` : undefined;
  say(`Lentera ${app.lentera.version} is running at ${url}/ (database: ${db.kind} ${db.location})`);
  for (const course of courses) say(`  course ${course.id} ${course.version}: ${url}/${course.id}/`);
  if (setupUrl) {
    say('');
    say('No administrator yet. Open this one-time link within 24 hours to create one:');
    say(`  ${setupUrl}`);
    say('');
  }
  const sweep = setInterval(() => app.lentera.sessions.sweep().catch(() => {}), 10 * 60_000);
  sweep.unref();
  return {
    app,
    db,
    url,
    setupUrl,
    close: async () => {
      clearInterval(sweep);
      await app.close();
      await db.close();
    },
  };
}

/** stops cleanly on SIGINT/SIGTERM: in-flight requests finish, the database closes */
export function closeOnSignals(server: RunningServer): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    server.app.log.info(`${signal}: closing`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await startServer(readConfig());
  closeOnSignals(server);
}
