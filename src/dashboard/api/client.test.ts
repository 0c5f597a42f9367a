import { describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../testing/fake-fetch.ts';
import { Api, ApiProblem } from './client.ts';

describe('Api', () => {
  it('sends JSON and reads JSON', async () => {
    const server = fakeFetch({ 'POST /api/v1/auth/login': { body: { user: { id: 'u1' }, cohorts: [] } } });
    const api = new Api({ fetch: server.fetch });
    const me = await api.login('admin@example.go.id', 'rahasia-sekali');
    expect(me.user.id).toBe('u1');
    expect(server.calls[0]).toMatchObject({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { login: 'admin@example.go.id', password: 'rahasia-sekali' },
    });
  });

  it('turns an error body into an ApiProblem with its code, issues and Retry-After', async () => {
    const server = fakeFetch({
      'POST /api/v1/auth/login': {
        status: 429,
        headers: { 'retry-after': '540' },
        body: { statusCode: 429, code: 'LOGIN_THROTTLED', message: 'Too many failed logins' },
      },
    });
    const problem = await new Api({ fetch: server.fetch }).login('x', 'y').catch((e) => e);
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem).toMatchObject({ status: 429, code: 'LOGIN_THROTTLED', retryAfter: 540 });
  });

  it('reports NETWORK when no answer comes', async () => {
    const server = fakeFetch({ 'GET /api/v1/cohorts': new TypeError('Failed to fetch') });
    const problem = await new Api({ fetch: server.fetch }).cohorts().catch((e) => e);
    expect(problem).toMatchObject({ code: 'NETWORK', status: 0 });
  });

  it('tells the app when a session is gone, but not for the session check itself', async () => {
    const onUnauthorized = vi.fn();
    const gone = { status: 401, body: { code: 'AUTH_REQUIRED', message: 'Log in to continue' } };
    const server = fakeFetch({ 'GET /api/v1/cohorts': gone, 'GET /api/v1/auth/me': gone });
    const api = new Api({ fetch: server.fetch, onUnauthorized });
    await expect(api.me()).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
    expect(onUnauthorized).not.toHaveBeenCalled();
    await expect(api.cohorts()).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('keeps the status of a non-JSON error page', async () => {
    const fetch = async () =>
      new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });
    await expect(new Api({ fetch }).cohorts()).rejects.toMatchObject({ status: 502, code: 'INTERNAL' });
  });

  it('posts an import file raw, with its content type and the dry-run flag', async () => {
    const server = fakeFetch({ 'POST /api/v1/cohorts/c1/import': { body: { report: { rows: 1 } } } });
    await new Api({ fetch: server.fetch }).importParticipants(
      'c1',
      { data: 'NIP,Nama\n', type: 'text/csv' },
      true,
    );
    expect(server.calls[0]).toMatchObject({
      url: '/api/v1/cohorts/c1/import?dryRun=true',
      body: 'NIP,Nama\n',
      headers: { 'content-type': 'text/csv' },
    });
  });

  it('answers undefined for 204', async () => {
    const server = fakeFetch({ 'POST /api/v1/auth/logout': { status: 204 } });
    await expect(new Api({ fetch: server.fetch }).logout()).resolves.toBeUndefined();
  });
});
