import { describe, expect, it } from 'vitest';
import { applyEvent, emptyLearnerState } from '../../evaluation/learner-state.ts';
import { serverApi } from '../account/server-api.ts';
import type { MaterialStub } from '../data/public-course.ts';
import { HttpTracker } from '../tracker/http-tracker.ts';
import { type KeyValueStore, LocalTracker } from '../tracker/local-tracker.ts';
import type { LearnerState, LearningEvent } from '../tracker/tracker.ts';
import { Account } from './account.svelte.ts';
import { Progress } from './progress.svelte.ts';
import { ServerLink } from './server-link.svelte.ts';
import { Sync } from './sync.svelte.ts';

function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const materials: MaterialStub[] = [
  {
    id: 'akuntabel',
    role: 'material',
    title: 'Akuntabel',
    file: 'data/akuntabel.json',
    pages: [
      { id: 'pengertian', title: 'Pengertian', words: 100, completion: ['read'] },
      { id: 'tingkatan', title: 'Tingkatan', words: 100, completion: ['read'] },
    ],
  },
];

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** the Lentera server's auth and progress API, in memory */
function fakeServer() {
  const server = {
    online: true,
    session: undefined as string | undefined,
    events: [] as { key: string; event: LearningEvent }[],
    fetch: async (input: string, init?: RequestInit): Promise<Response> => {
      if (!server.online) throw new TypeError('Failed to fetch');
      const path = input.replace(/^\/api\/v1\//, '');
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      if (path === 'auth/login') {
        if (body.password !== 'rahasia') return json(401, { code: 'LOGIN_FAILED' });
        server.session = body.login;
        return json(200, {
          user: { id: 'u1', name: 'Sari Dewi' },
          cohorts: [{ id: 'c1', name: 'Angkatan I', roles: ['peserta'] }],
        });
      }
      if (!server.session) return json(401, { code: 'AUTH_REQUIRED' });
      if (path === 'auth/me') return json(200, { user: { id: 'u1', name: 'Sari Dewi' }, cohorts: [] });
      if (path === 'auth/logout') {
        server.session = undefined;
        return new Response(null, { status: 204 });
      }
      if (path === 'progress/events') {
        const fresh = (body.events as { key: string; event: LearningEvent }[]).filter(
          (e) => !server.events.some((s) => s.key === e.key),
        );
        server.events.push(...fresh);
        return json(200, { acknowledged: body.events.map((e: { key: string }) => e.key), rejected: [] });
      }
      if (path.startsWith('progress/state')) {
        const state = [...server.events]
          .sort((a, b) => a.event.at - b.event.at)
          .reduce<LearnerState>((s, e) => applyEvent(s, e.event), emptyLearnerState());
        return json(200, { state });
      }
      return json(404, { code: 'NOT_FOUND' });
    },
  };
  return server;
}

function learner(server: ReturnType<typeof fakeServer>, store = memoryStore()) {
  const device = new LocalTracker({ courseId: 'berakhlak', store, defer: (w) => w() });
  // a clock that stands still: time on a page is recorded only where a test says so
  const progress = new Progress({ tracker: device, materials, now: () => 1_800_000_000_000 });
  const sync = new Sync();
  const link = new ServerLink({
    account: new Account({ api: '/api/v1/', fetch: server.fetch }),
    sync,
    progress,
    device,
    materials,
    serverTracker: async (userId, onAuthRequired) =>
      new HttpTracker({
        courseId: 'berakhlak',
        userId,
        store,
        fetch: server.fetch as typeof fetch,
        onAuthRequired,
        delayMs: 60_000,
      }),
  });
  return { link, progress, sync, store };
}

describe('ServerLink', () => {
  it('reads the server API root from the page, and none from a static page', () => {
    const page = (content?: string) => ({
      baseURI: 'https://lentera.example/berakhlak/akuntabel/pengertian/',
      querySelector: () =>
        content === undefined ? null : ({ getAttribute: () => content } as unknown as Element),
    });
    expect(serverApi(page('/api/v1/'))).toBe('/api/v1/');
    expect(serverApi(page('/api/v1'))).toBe('/api/v1/');
    expect(serverApi(page())).toBeUndefined();
  });

  it('moves progress made before logging in into the account, and sends it', async () => {
    const server = fakeServer();
    const { link, progress } = learner(server);
    await link.start();
    expect(link.account.status).toBe('signed-out');
    progress.enterPage('akuntabel', 'pengertian');
    progress.tick({ scrolledToEnd: true });

    expect(await link.login('sari@kemnaker.go.id', 'rahasia')).toBeUndefined();
    expect(link.account.user?.name).toBe('Sari Dewi');
    expect(server.events.some((e) => e.event.type === 'page-seen' && e.event.page === 'pengertian')).toBe(
      true,
    );
    expect(progress.page('akuntabel', 'pengertian')?.complete).toBe(true);
    expect(link.sync.unsent).toBe(0);
  });

  it('counts what is not sent yet while offline, and sends it when back', async () => {
    const server = fakeServer();
    const { link, progress, sync } = learner(server);
    await link.login('sari@kemnaker.go.id', 'rahasia');
    server.online = false;
    progress.enterPage('akuntabel', 'pengertian');
    progress.enterPage('akuntabel', 'tingkatan');
    await progress.flush();
    sync.refresh();
    expect(sync.unsent).toBe(2);
    expect(sync.status).toBe('offline');
    server.online = true;
    await progress.flush();
    sync.refresh();
    expect(sync.unsent).toBe(0);
    expect(server.events.filter((e) => e.event.type === 'page-seen')).toHaveLength(2);
  });

  it('says why a login failed, and stays signed out', async () => {
    const server = fakeServer();
    const { link } = learner(server);
    expect(await link.login('sari@kemnaker.go.id', 'salah')).toBe('LOGIN_FAILED');
    server.online = false;
    expect(await link.login('sari@kemnaker.go.id', 'rahasia')).toBe('OFFLINE');
    expect(link.account.status).not.toBe('signed-in');
  });

  it('keeps progress waiting when the session ends, and sends it after logging in again', async () => {
    const server = fakeServer();
    const { link, progress, sync } = learner(server);
    await link.login('sari@kemnaker.go.id', 'rahasia');
    server.session = undefined;
    progress.enterPage('akuntabel', 'tingkatan');
    await progress.flush();
    expect(link.account.sessionEnded).toBe(true);
    expect(sync.unsent).toBe(1);
    await link.login('sari@kemnaker.go.id', 'rahasia');
    expect(sync.unsent).toBe(0);
    expect(server.events.some((e) => e.event.type === 'page-seen' && e.event.page === 'tingkatan')).toBe(
      true,
    );
  });

  it('after logging out, this device shows no one’s progress', async () => {
    const server = fakeServer();
    const { link, progress } = learner(server);
    await link.login('sari@kemnaker.go.id', 'rahasia');
    progress.enterPage('akuntabel', 'pengertian');
    progress.tick({ scrolledToEnd: true });
    expect(await link.logout()).toBe(true);
    expect(link.account.status).toBe('signed-out');
    expect(progress.page('akuntabel', 'pengertian')?.complete).toBe(false);
    // signed in again, the account has it all
    await link.login('sari@kemnaker.go.id', 'rahasia');
    expect(progress.page('akuntabel', 'pengertian')?.complete).toBe(true);
  });

  it('cannot log out while the server is unreachable, and says so', async () => {
    const server = fakeServer();
    const { link } = learner(server);
    await link.login('sari@kemnaker.go.id', 'rahasia');
    server.online = false;
    expect(await link.logout()).toBe(false);
    expect(link.account.status).toBe('signed-in');
  });

  it('has no accounts without a server', async () => {
    const account = new Account({ api: undefined });
    expect(account.enabled).toBe(false);
    expect(await account.check()).toBe('none');
  });
});
