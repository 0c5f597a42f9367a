import { describe, expect, it } from 'vitest';
import { Api } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { fakeFetch } from '../testing/fake-fetch.ts';
import { Session } from './session.svelte.ts';

const user = {
  id: 'u1',
  name: 'Rina',
  email: 'rina@example.go.id',
  nip: null,
  instansi: null,
  jabatan: null,
};
const cohort = {
  id: 'c1',
  name: 'A',
  courseId: 'berakhlak',
  courseVersion: '1',
  opensOn: '2025-01-01',
  closesOn: '2025-12-31',
};
const me = (isAdmin: boolean, roles: Me['cohorts'][number]['roles'] = []): Me => ({
  user: { ...user, isAdmin },
  cohorts: roles.length ? [{ ...cohort, roles }] : [],
});

describe('Session', () => {
  it('is signed in when /auth/me answers, and knows an admin', async () => {
    const session = new Session({
      api: new Api({ fetch: fakeFetch({ 'GET /api/v1/auth/me': { body: me(true) } }).fetch }),
    });
    await session.load();
    expect(session.status).toBe('signed-in');
    expect(session.isAdmin).toBe(true);
    expect(session.isStaff).toBe(true);
  });

  it('tells a participant-only account from staff', async () => {
    const session = new Session({ api: new Api() });
    session.signedIn(me(false, ['peserta']));
    expect(session.isStaff).toBe(false);
    session.signedIn(me(false, ['peserta', 'mentor']));
    expect(session.isStaff).toBe(true);
  });

  it('is signed out without a problem when there is no session, with one when the server is down', async () => {
    const none = fakeFetch({ 'GET /api/v1/auth/me': { status: 401, body: { code: 'AUTH_REQUIRED' } } });
    const a = new Session({ api: new Api({ fetch: none.fetch }) });
    await a.load();
    expect(a.status).toBe('signed-out');
    expect(a.problem).toBeUndefined();
    const down = fakeFetch({ 'GET /api/v1/auth/me': new TypeError('Failed to fetch') });
    const b = new Session({ api: new Api({ fetch: down.fetch }) });
    await b.load();
    expect(b.problem?.code).toBe('NETWORK');
  });

  it('marks the session expired when a signed-in user loses it, not when nobody was signed in', () => {
    const session = new Session({ api: new Api() });
    session.lost();
    expect(session.expired).toBe(false);
    session.signedIn(me(true));
    session.lost();
    expect(session.expired).toBe(true);
    expect(session.status).toBe('signed-out');
  });

  it('forgets the user on logout even when the request fails', async () => {
    const session = new Session({
      api: new Api({ fetch: fakeFetch({ 'POST /api/v1/auth/logout': new TypeError('offline') }).fetch }),
    });
    session.signedIn(me(true));
    await expect(session.logout()).rejects.toMatchObject({ code: 'NETWORK' });
    expect(session.status).toBe('signed-out');
    expect(session.me).toBeUndefined();
  });
});
