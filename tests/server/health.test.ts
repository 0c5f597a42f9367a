import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase, makeApp, type TestApp } from './helpers.ts';

describeEachDatabase('health, errors and headers', (database) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await makeApp(database);
  });
  afterEach(async () => {
    await t.close();
  });

  it('reports version, database and courses', async () => {
    const response = await t.app.inject({ url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      database: database.name,
      courses: [{ id: 'contoh-pelayanan', version: '2026.1' }],
    });
  });

  it('answers unknown API routes with the one error shape', async () => {
    const response = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      error: 'Not Found',
      message: 'No route GET /api/v1/nothing-here',
    });
  });

  it('names the field of an invalid body in a 400', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'a@b.id', password: 5 },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toContain('body.password');
    expect(body.issues).toEqual([expect.objectContaining({ path: 'body.password' })]);
  });

  it('refuses malformed JSON with 400 and no stack trace', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"login": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('MALFORMED_BODY');
    expect(response.body).not.toMatch(/at .*\.ts:\d+|stack/i);
  });

  it('refuses an oversize body with 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ login: 'x'.repeat(2 * 1024 * 1024), password: 'y' }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unexpected failure with a bare 500', async () => {
    await t.handle.close();
    const response = await t.app.inject({ url: '/api/health' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      statusCode: 500,
      code: 'INTERNAL',
      error: 'Internal Server Error',
      message: 'Something went wrong on the server',
    });
    t.handle.close = async () => {};
  });

  it('sends the security headers on every response', async () => {
    for (const url of ['/api/health', '/api/v1/nothing']) {
      const response = await t.app.inject({ url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain('frame-ancestors');
      expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
      expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('adds HSTS when the request came over HTTPS through a trusted proxy', async () => {
    await t.app.close();
    t = {
      ...t,
      app: await (await import('../../src/server/app.ts')).buildApp({
        db: t.handle.db,
        trustProxy: true,
      }),
    };
    const response = await t.app.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('describes the API as OpenAPI at /api/docs', async () => {
    const response = await t.app.inject({ url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/progress/events'].post.requestBody).toBeDefined();
    expect(doc.paths['/api/v1/cohorts/{id}/members'].get.parameters[0]).toMatchObject({
      name: 'id',
      in: 'path',
    });
  });
});
