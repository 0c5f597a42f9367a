import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createUser,
  databases,
  makeApp,
  type TestApp,
  type TestUser,
  testCourse,
} from '../../../tests/server/helpers.ts';
import { HttpTracker, type HttpTrackerOptions } from './http-tracker.ts';
import { LocalTracker } from './local-tracker.ts';
import type { LearningEvent } from './tracker.ts';

// HttpTracker against the real server (buildApp + inject behind a fetch), with a browser's storage
// stood in by a Map and the network made to fail on demand.

class MemoryStore {
  map = new Map<string, string>();
  getItem = (key: string) => this.map.get(key) ?? null;
  setItem = (key: string, value: string) => void this.map.set(key, value);
}

const seen = (page: string, at: number, material = 'pelayanan'): LearningEvent => ({
  type: 'page-seen',
  material,
  page,
  dwellSeconds: 6,
  at,
});

describe('HttpTracker', () => {
  let t: TestApp;
  let user: TestUser;
  let cookie: string;
  let network: 'up' | 'down' | 'lose-answers';
  let timers: { fn: () => void; ms: number }[];
  const store = new MemoryStore();

  const fetchViaApp: typeof fetch = async (input, init) => {
    if (network === 'down') throw new TypeError('Failed to fetch');
    const response = await t.app.inject({
      method: (init?.method ?? 'GET') as 'GET',
      url: String(input),
      headers: { cookie, ...(init?.headers as Record<string, string>) },
      ...(init?.body ? { payload: String(init.body) } : {}),
    });
    if (network === 'lose-answers') throw new TypeError('connection reset');
    return new Response(response.body, {
      status: response.statusCode,
      headers: { 'content-type': 'application/json' },
    });
  };

  const tracker = (extra: Partial<HttpTrackerOptions> = {}) =>
    new HttpTracker({
      courseId: 'contoh-pelayanan',
      userId: user.id,
      store,
      fetch: fetchViaApp,
      setTimer: (fn, ms) => {
        timers.push({ fn, ms });
        return 0 as unknown as ReturnType<typeof setTimeout>;
      },
      clearTimer: () => {},
      random: () => 1,
      ...extra,
    });

  const stored = () =>
    t.handle.db.selectFrom('events').select(['key', 'type']).where('user_id', '=', user.id).execute();

  beforeEach(async () => {
    const sqlite = databases[0];
    if (!sqlite) throw new Error('no database');
    t = await makeApp(sqlite);
    user = await createUser(t);
    cookie = user.cookie;
    network = 'up';
    timers = [];
    store.map.clear();
  });
  afterEach(async () => {
    await t.close();
  });

  it('sends recorded events in batches and empties the outbox', async () => {
    const a = tracker({ batchSize: 2 });
    for (let i = 0; i < 5; i++) a.record(seen('pengertian-pelayanan', 1000 + i));
    expect(timers[0]?.ms).toBe(2000);
    await a.flush();
    expect(a.pending).toEqual([]);
    expect(await stored()).toHaveLength(5);
    expect(a.status).toBe('idle');
  });

  it('keeps events through a reload while offline, then delivers each once', async () => {
    network = 'down';
    const before = tracker();
    before.record(seen('pengertian-pelayanan', 1000));
    before.record(seen('standar-loket', 2000));
    await before.flush();
    expect(before.status).toBe('offline');
    // the page is reloaded: a new tracker over the same storage
    const after = tracker();
    expect(after.pending).toHaveLength(2);
    network = 'up';
    await after.flush();
    expect(await stored()).toHaveLength(2);
    expect(after.pending).toEqual([]);
  });

  it('stores a batch once when the answer was lost and the batch is sent again', async () => {
    const a = tracker();
    a.record(seen('pengertian-pelayanan', 1000));
    network = 'lose-answers';
    await a.flush();
    expect(a.pending).toHaveLength(1);
    network = 'up';
    await a.retry();
    expect(await stored()).toHaveLength(1);
  });

  it('backs off with growing waits while the server is unreachable', async () => {
    network = 'down';
    const a = tracker();
    a.record(seen('pengertian-pelayanan', 1000));
    timers = [];
    for (let i = 0; i < 8; i++) {
      await a.flush();
    }
    expect(timers.map((x) => x.ms)).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
  });

  it('waits through an expired session and resends after the next login', async () => {
    let asked = 0;
    const a = tracker({ onAuthRequired: () => asked++ });
    cookie = '__Host-lentera=expired';
    a.record(seen('pengertian-pelayanan', 1000));
    await a.flush();
    expect(a.status).toBe('auth-required');
    expect(asked).toBe(1);
    a.record(seen('standar-loket', 2000));
    expect(a.pending).toHaveLength(2);
    // the learner logs in again
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: user.email, password: 'kata-sandi-rahasia-1' },
    });
    cookie = `__Host-lentera=${login.cookies.find((c) => c.name === '__Host-lentera')?.value}`;
    await a.retry();
    expect(a.pending).toEqual([]);
    expect(await stored()).toHaveLength(2);
  });

  it('resumes from the server merged over devices, with unsent events on top', async () => {
    const phone = tracker();
    phone.record(seen('pengertian-pelayanan', 1000));
    await phone.flush();
    const laptopStore = new MemoryStore();
    const laptop = tracker({ store: laptopStore });
    laptop.record(seen('gratifikasi', 3000, 'akuntabel'));
    await laptop.flush();
    network = 'down';
    laptop.record(seen('rangkuman-akuntabel', 4000, 'akuntabel'));
    network = 'up';
    const state = await tracker({
      store: laptopStore,
      fetch: async (i, init) => (network === 'up' ? fetchViaApp(i, init) : Promise.reject()),
    }).resume();
    expect(Object.keys(state.pages).sort()).toEqual([
      'gratifikasi',
      'pengertian-pelayanan',
      'rangkuman-akuntabel',
    ]);
    expect(state.last).toEqual({ material: 'akuntabel', page: 'rangkuman-akuntabel', at: 4000 });
    network = 'down';
    const offline = await tracker({ store: laptopStore }).resume();
    expect(Object.keys(offline.pages)).toContain('gratifikasi');
  });

  it('brings anonymous browser progress into the account once', async () => {
    const local = new LocalTracker({ courseId: 'contoh-pelayanan', store: new MemoryStore() });
    local.record(seen('pengertian-pelayanan', 1000));
    local.record({
      type: 'popup-opened',
      material: 'pelayanan',
      page: 'pengertian-pelayanan',
      block: 'asas',
      at: 1100,
    });
    local.record({
      type: 'reflection-saved',
      material: 'akuntabel',
      page: 'gratifikasi',
      block: 'catatan',
      text: 'Tolak.',
      at: 1200,
    });
    local.record({
      type: 'check-answered',
      material: 'akuntabel',
      page: 'gratifikasi',
      block: 'cek-1',
      question: 'q-1',
      option: 'b',
      correct: true,
      at: 1300,
    });
    local.record(seen('standar-loket', 1400));
    const anonymous = await local.resume();
    const a = tracker();
    const course = await testCourse();
    const materialOf = (page: string) => course.materials.find((m) => m.pages.some((p) => p.id === page))?.id;
    a.adopt(anonymous, { materialOf });
    await a.flush();
    a.adopt(anonymous, { materialOf });
    await a.flush();
    const state = await a.resume();
    expect(state.pages['pengertian-pelayanan']).toMatchObject({
      seen: true,
      dwellSeconds: 6,
      popups: ['asas'],
    });
    expect(state.reflections.catatan?.text).toBe('Tolak.');
    expect(state.checks['cek-1']).toMatchObject({ option: 'b', correct: true });
    expect(state.last).toMatchObject({ page: 'standar-loket' });
    const rows = await stored();
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    expect(rows.length).toBe(6);
  });
});
