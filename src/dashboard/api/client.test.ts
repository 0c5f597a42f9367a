import { describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../testing/fake-fetch.ts';
import { Api, ApiProblem, toProblem } from './client.ts';

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

  it('opens a rating link by its token alone and never asks for a login when it is refused', async () => {
    const lost = vi.fn();
    const server = fakeFetch({
      'GET /api/v1/rating-links/tok_en-1': { status: 410, body: { code: 'TOKEN_INVALID', message: 'gone' } },
      'POST /api/v1/rating-links/tok_en-1/ratings': { body: { mine: [] } },
    });
    const api = new Api({ fetch: server.fetch, onUnauthorized: lost });
    const problem = await api.linkRatings('tok_en-1').catch((e) => e);
    expect(problem).toMatchObject({ status: 410, code: 'TOKEN_INVALID' });
    await api.saveLinkRatings('tok_en-1', [{ behaviourCode: 'AK-1', level: 3, note: null }]);
    expect(server.calls[1]?.body).toEqual({ ratings: [{ behaviourCode: 'AK-1', level: 3, note: null }] });
    expect(lost).not.toHaveBeenCalled();
  });

  it('builds the report, summary and certificate addresses the browser downloads', () => {
    const api = new Api({ fetch: fakeFetch({}).fetch });
    expect(api.reportUrl('c1', 'xlsx')).toBe('/api/v1/cohorts/c1/reports/results.xlsx');
    expect(api.reportUrl('c1', 'csv')).toBe('/api/v1/cohorts/c1/reports/results.csv?delimiter=comma');
    expect(api.reportUrl('c1', 'csv-semicolon')).toBe(
      '/api/v1/cohorts/c1/reports/results.csv?delimiter=semicolon',
    );
    expect(api.summaryUrl('c1', 'u 1')).toBe('/api/v1/cohorts/c1/reports/participants/u%201');
    expect(api.certificateUrl('k1')).toBe('/api/v1/certificates/k1/pdf');
  });

  it('sends a close without certificate options as an empty body', async () => {
    const server = fakeFetch({
      'POST /api/v1/cohorts/c1/close': {
        body: {
          closed: { closedAt: 'x' },
          summary: { participants: 0, lulus: 0, tidakLulus: 0, incomplete: 0 },
          certificates: [],
        },
      },
    });
    await new Api({ fetch: server.fetch }).closeCohort('c1', undefined);
    expect(server.calls[0]?.body).toEqual({});
  });

  it('turns any failure into an ApiProblem', () => {
    expect(toProblem(new Error('boom'))).toMatchObject({ code: 'INTERNAL', message: 'boom' });
    const known = new ApiProblem({ status: 409, code: 'RESULTS_FROZEN', message: 'closed' });
    expect(toProblem(known)).toBe(known);
  });
});
