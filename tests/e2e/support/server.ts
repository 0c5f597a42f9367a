import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIRequestContext } from 'playwright-core';
import { compileFolder, writeBuild } from '../../../src/cli/compile-command.ts';
import type { Course } from '../../../src/course/model.ts';
import { exportStatic, type Renderer } from '../../../src/player/export/static-export.ts';
import { type RunningServer, startServer } from '../../../src/server/main.ts';
import { REPO } from './site.ts';

// The real Lentera server for the staff and participant e2e files: BerAKHLAK compiled into a fresh temp
// folder with its own SQLite file, on the port the system picks (port 0), and the API calls they share.

export const PASSWORD = 'Lentera-uji-2025!';

export interface TestServer extends RunningServer {
  course: Course;
  /** the fresh folder holding the course, the player export and the database; removed by close() */
  temp: string;
  /** what the server printed at start (the one-time setup link among it) */
  printed: string[];
}

export async function startTestServer(options: {
  /** the temp folder's name prefix */
  name: string;
  /** also export the player the way the server serves it (signed-in learners' progress reaches the API) */
  player: boolean;
}): Promise<TestServer> {
  const temp = mkdtempSync(join(tmpdir(), options.name));
  try {
    const compiled = await compileFolder(join(REPO, 'content/berakhlak'), { out: () => {}, err: () => {} });
    if (!compiled?.course) throw new Error('content/berakhlak does not compile');
    await writeBuild(compiled, join(temp, 'course'));
    if (options.player) {
      // the player as the global setup built it, exported for the server (accounts, API root)
      const renderer = (await import(
        pathToFileURL(join(REPO, 'dist/player/ssr/render.js')).href
      )) as Renderer;
      await exportStatic({
        course: compiled.course,
        media: compiled.media,
        clientDir: join(REPO, 'dist/player/client'),
        renderer,
        outDir: join(temp, 'site'),
        server: { api: '/api/v1/' },
      });
    }
    const printed: string[] = [];
    const server = await startServer(
      {
        port: 0,
        host: '127.0.0.1',
        databaseUrl: join(temp, 'lentera.db'),
        publicUrl: undefined,
        trustProxy: false,
        courseDirs: [join(temp, 'course')],
        playerDirs: options.player ? [join(temp, 'site')] : [],
        logLevel: 'warn',
      },
      (line) => printed.push(line),
    );
    return {
      ...server,
      course: compiled.course,
      temp,
      printed,
      close: async () => {
        await server.close();
        rmSync(temp, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}

/** the one-time setup link the server printed at start */
export function setupLink(printed: string[]): string | undefined {
  return printed.map((l) => l.trim()).find((l) => /\/setup#/.test(l));
}

/** a JSON call to the API that must succeed */
export type Call = <T>(api: APIRequestContext, method: string, path: string, body?: unknown) => Promise<T>;

/** `call` for a server whose address (`base`) is known only once it has started */
export function apiCall(base: () => string): Call {
  return async <T>(api: APIRequestContext, method: string, path: string, body?: unknown): Promise<T> => {
    const response = await api.fetch(`${base()}/api/v1${path}`, {
      method,
      ...(body === undefined ? {} : { data: body }),
    });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return (response.status() === 204 ? undefined : await response.json()) as T;
  };
}

/** first run: the printed one-time link makes the administrator, Dewi, signed in on `api` */
export async function createAdministrator(
  call: Call,
  api: APIRequestContext,
  printed: string[],
): Promise<{ id: string }> {
  const { user } = await call<{ user: { id: string } }>(api, 'POST', '/setup', {
    token: (setupLink(printed) ?? '').split('#')[1],
    name: 'Dewi Lestari',
    email: 'dewi@ppsdm.example.go.id',
    password: PASSWORD,
  });
  return user;
}

/** the administrator hands the user a reset link; setting the password signs the user in on `api` */
export async function signInWithResetLink(
  call: Call,
  admin: APIRequestContext,
  userId: string,
  api: APIRequestContext,
): Promise<void> {
  const { token } = await call<{ token: string }>(admin, 'POST', `/users/${userId}/reset-link`);
  await call(api, 'POST', '/auth/password-reset', { token, password: PASSWORD });
}

/** a day `offset` days from today, as the API's dates are written (YYYY-MM-DD) */
export function isoDay(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Cuts the browser off the API at the server: while cut, a request a browser sends to `/api/` has its
 * connection dropped unanswered. Chromium's offline emulation (and page routing) does not reach a
 * service worker restarted by a reload, and requests fall through it to the network; this does. The
 * tests' own API calls (no `sec-fetch-mode` header) still pass, so they can check what the server holds.
 */
export function browserApiSwitch(server: RunningServer): { cut(): void; restore(): void } {
  const http = server.app.server;
  const handlers = http.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  http.removeAllListeners('request');
  let cut = false;
  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (cut && req.url?.startsWith('/api/') && req.headers['sec-fetch-mode']) {
      req.socket.destroy();
      return;
    }
    for (const handler of handlers) handler.call(http, req, res);
  });
  return {
    cut: () => {
      cut = true;
    },
    restore: () => {
      cut = false;
    },
  };
}
