import { afterEach, beforeEach, expect, it } from 'vitest';
import { consumeToken, issueToken } from '../../src/server/auth/one-time.ts';
import { DEFAULT_SCRYPT, PasswordHasher } from '../../src/server/auth/passwords.ts';
import { hashToken } from '../../src/server/auth/tokens.ts';
import { issueSetupToken } from '../../src/server/routes/setup.ts';
import {
  createUser,
  describeEachDatabase,
  makeApp,
  PASSWORD,
  sessionCookie,
  type TestApp,
} from './helpers.ts';

describeEachDatabase('accounts and sessions', (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await makeApp(database);
  });
  afterEach(async () => {
    await t.close();
  });

  const me = (cookie?: string) =>
    t.app.inject({ url: '/api/v1/auth/me', ...(cookie ? { headers: { cookie } } : {}) });
  const login = (loginName: string, password: string, remoteAddress = '10.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: loginName, password },
      remoteAddress,
    });

  it('sets up the first admin once with the printed one-time token', async () => {
    expect((await t.app.inject({ url: '/api/v1/setup' })).json()).toEqual({
      needed: true,
      tokenValid: false,
    });
    const issued = await issueSetupToken(t.app.lentera);
    if (!issued) throw new Error('no token');
    const body = {
      token: issued.token,
      name: 'Admin PPSDM',
      email: 'Admin@Kemnaker.go.id',
      password: PASSWORD,
    };
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { ...body, token: 'x'.repeat(43) },
    });
    expect(wrong.statusCode).toBe(410);
    expect(wrong.json().code).toBe('TOKEN_INVALID');
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json().user).toMatchObject({ email: 'admin@kemnaker.go.id', isAdmin: true });
    expect((await me(sessionCookie(created))).json().user.isAdmin).toBe(true);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/setup', payload: body });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SETUP_DONE');
    expect(await issueSetupToken(t.app.lentera)).toBeUndefined();
    const log = await t.handle.db.selectFrom('audit_log').select('action').execute();
    expect(log.map((r) => r.action)).toContain('setup.admin');
  });

  it('uses a one-time token only once and never after it expires', async () => {
    const { db } = t.handle;
    const now = t.clock.now;
    const a = await issueToken(db, { kind: 'reset', userId: null, ttlMs: 1000, now });
    expect(await consumeToken(db, { kind: 'reset', token: a.token, now })).toBeDefined();
    expect(await consumeToken(db, { kind: 'reset', token: a.token, now })).toBeUndefined();
    const b = await issueToken(db, { kind: 'reset', userId: null, ttlMs: 1000, now });
    expect(await consumeToken(db, { kind: 'setup', token: b.token, now })).toBeUndefined();
    expect(await consumeToken(db, { kind: 'reset', token: b.token, now: now + 1000 })).toBeUndefined();
  });

  it('logs in by email or NIP and sets a __Host- cookie that is HttpOnly, Secure and SameSite=Lax', async () => {
    const user = await createUser(t, { nip: '198503142010011002' });
    for (const name of [user.email.toUpperCase(), '198503142010011002']) {
      const response = await login(name, PASSWORD);
      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((c) => c.name === '__Host-lentera');
      expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
      expect(cookie?.domain).toBeUndefined();
      // 32 random bytes: 256 bits
      expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const stored = await t.handle.db.selectFrom('sessions').select('id_hash').execute();
      expect(stored.map((s) => s.id_hash)).toContain(hashToken(cookie?.value ?? ''));
      expect(stored.map((s) => s.id_hash)).not.toContain(cookie?.value);
    }
  });

  it('answers a wrong password and an unknown account alike', async () => {
    await createUser(t, { email: 'ada@example.go.id' });
    const wrong = await login('ada@example.go.id', 'salah-sekali-123');
    const unknown = await login('tidak-ada@example.go.id', 'salah-sekali-123');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().code).toBe('LOGIN_FAILED');
  });

  it('rotates the session id at login and ends it server-side at logout', async () => {
    const user = await createUser(t);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: user.cookie },
      payload: { login: user.email, password: PASSWORD },
    });
    const fresh = sessionCookie(response);
    expect(fresh).not.toBe(user.cookie);
    expect((await me(user.cookie)).statusCode).toBe(401);
    expect((await me(fresh)).statusCode).toBe(200);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: fresh },
    });
    expect(out.statusCode).toBe(204);
    // the browser forgets it, and a copy kept elsewhere is worthless
    expect(out.cookies.find((c) => c.name === '__Host-lentera')?.value).toBe('');
    expect((await me(fresh)).json().code).toBe('AUTH_REQUIRED');
  });

  it('ends a session idle for 30 minutes, and any session after 12 hours', async () => {
    const idle = await createUser(t);
    t.clock.now += 29 * 60_000;
    expect((await me(idle.cookie)).statusCode).toBe(200);
    t.clock.now += 29 * 60_000;
    expect((await me(idle.cookie)).statusCode).toBe(200);
    t.clock.now += 31 * 60_000;
    expect((await me(idle.cookie)).statusCode).toBe(401);

    const busy = await createUser(t);
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      t.clock.now += 20 * 60_000;
      expect((await me(busy.cookie)).statusCode).toBe(200);
    }
    t.clock.now += 20 * 60_000;
    expect((await me(busy.cookie)).statusCode).toBe(401);
  });

  it('throttles failed logins per account with a clear message', async () => {
    const user = await createUser(t);
    for (let i = 0; i < 5; i++) expect((await login(user.email, 'salah-salah-1')).statusCode).toBe(401);
    const locked = await login(user.email, PASSWORD, '10.9.9.9');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('LOGIN_THROTTLED');
    expect(locked.json().message).toMatch(/this account; try again in 15 minutes/);
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60);
    t.clock.now += 15 * 60_000 + 1;
    expect((await login(user.email, PASSWORD)).statusCode).toBe(200);
  });

  it('throttles failed logins per IP across accounts', async () => {
    const user = await createUser(t);
    for (let i = 0; i < 30; i++) await login(`orang${i}@example.go.id`, 'salah-salah-1', '10.6.6.6');
    const blocked = await login(user.email, PASSWORD, '10.6.6.6');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().message).toMatch(/this network address/);
    expect((await login(user.email, PASSWORD, '10.7.7.7')).statusCode).toBe(200);
  });

  it('refuses state-changing requests from another site', async () => {
    const user = await createUser(t);
    const post = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { cookie: user.cookie, ...headers },
      });
    const refused: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example' },
      { origin: 'http://localhost:8080' },
    ];
    for (const headers of refused) {
      const response = await post(headers);
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('CSRF_REJECTED');
    }
    expect((await me(user.cookie)).statusCode).toBe(200);
    expect((await post({ 'sec-fetch-site': 'same-origin', origin: 'http://localhost:80' })).statusCode).toBe(
      204,
    );
  });

  it('uses a prefix-less, non-Secure cookie on plain HTTP away from localhost', async () => {
    await createUser(t, { email: 'lan@example.go.id' });
    const lan = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: '192.168.1.10:3000' },
      payload: { login: 'lan@example.go.id', password: PASSWORD },
    });
    expect(lan.cookies.map((c) => [c.name, c.secure ?? false])).toEqual([['lentera', false]]);
  });

  it('resets a password with a one-time link and ends the old sessions', async () => {
    const admin = await createUser(t, { admin: true });
    const user = await createUser(t);
    const link = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${user.id}/reset-link`,
      headers: { cookie: admin.cookie },
    });
    expect(link.statusCode).toBe(200);
    const { url, token } = link.json();
    expect(url).toBe(`http://localhost:80/reset#${token}`);
    expect((await t.app.inject({ url: `/api/v1/auth/password-reset?token=${token}` })).json()).toEqual({
      valid: true,
    });
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { token, password: 'kata-sandi-baru-22' },
    });
    expect(reset.statusCode).toBe(200);
    expect((await me(user.cookie)).statusCode).toBe(401);
    expect((await login(user.email, 'kata-sandi-baru-22')).statusCode).toBe(200);
    const reuse = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { token, password: 'kata-sandi-lain-333' },
    });
    expect(reuse.statusCode).toBe(410);
  });

  it('registers a participant with an open cohort join code', async () => {
    const admin = await createUser(t, { admin: true });
    const cohort = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cohorts',
      headers: { cookie: admin.cookie },
      payload: {
        name: 'Angkatan I',
        courseId: 'contoh-pelayanan',
        courseVersion: '2026.1',
        opensOn: '2026-03-01',
        closesOn: '2026-03-31',
      },
    });
    const { joinCode, id } = cohort.json().cohort;
    const person = {
      name: 'Siti Aminah',
      nip: '199001012015032001',
      email: 'siti@kemnaker.go.id',
      instansi: 'Disnaker Kota Bekasi',
      jabatan: 'Pengantar Kerja Ahli Pertama',
      password: PASSWORD,
    };
    const badNip = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { ...person, nip: '199013012015032001', joinCode },
    });
    expect(badNip.statusCode).toBe(400);
    expect(badNip.json().issues[0]).toMatchObject({
      path: 'body.nip',
      message: expect.stringMatching(/birth date/),
    });
    const registered = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { ...person, joinCode: joinCode.toLowerCase() },
    });
    expect(registered.statusCode).toBe(201);
    expect(registered.json().cohorts).toEqual([expect.objectContaining({ id, roles: ['peserta'] })]);
    expect(registered.json().cohorts[0].joinCode).toBeUndefined();
    const closed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { ...person, email: 'lain@kemnaker.go.id', nip: undefined, joinCode: 'ZZZZZZZZ' },
    });
    expect(closed.json().code).toBe('JOIN_CODE_INVALID');
  });
});

it('hashes with scrypt N=2^17, r=8, p=1 by default and verifies', async () => {
  expect(DEFAULT_SCRYPT).toEqual({ logN: 17, r: 8, p: 1 });
  const hasher = new PasswordHasher();
  const hash = await hasher.hash('kata-sandi-rahasia-1');
  expect(hash).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  expect(await hasher.verify('kata-sandi-rahasia-1', hash)).toBe(true);
  expect(await hasher.verify('kata-sandi-rahasia-2', hash)).toBe(false);
}, 20_000);

it('computes at most `concurrency` hashes at once, so a login storm stays within memory', async () => {
  const hasher = new PasswordHasher({ params: { logN: 12, r: 8, p: 1 }, concurrency: 2 });
  let peak = 0;
  const watch = setInterval(() => {
    peak = Math.max(peak, hasher.running);
  }, 1);
  const hashes = await Promise.all(Array.from({ length: 12 }, (_, i) => hasher.hash(`pw-${i}`)));
  clearInterval(watch);
  expect(new Set(hashes).size).toBe(12);
  expect(peak).toBeGreaterThan(0);
  expect(peak).toBeLessThanOrEqual(2);
});
