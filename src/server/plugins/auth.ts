import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { SESSION_ABSOLUTE_MS } from '../auth/sessions.ts';
import type { SessionUser } from '../context.ts';
import { ApiError } from '../errors.ts';
import { isHttps } from './security.ts';

// The session cookie. `__Host-` binds it to this exact host and path and requires Secure, which
// browsers honour over HTTPS and on http://localhost; on plain HTTP elsewhere (a LAN test) the cookie
// drops the prefix, because a browser would refuse it.

export const SESSION_COOKIE = '__Host-lentera';
export const PLAIN_COOKIE = 'lentera';

function cookieFor(request: FastifyRequest): { name: string; secure: boolean } {
  if (isHttps(request)) return { name: SESSION_COOKIE, secure: true };
  const host = request.hostname;
  if (host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host === '::1') {
    return { name: SESSION_COOKIE, secure: true };
  }
  return { name: PLAIN_COOKIE, secure: false };
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  const { name, secure } = cookieFor(request);
  reply.setCookie(name, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const { name, secure } = cookieFor(request);
  reply.clearCookie(name, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/** the signed-in user, or AUTH_REQUIRED */
export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new ApiError('AUTH_REQUIRED');
  return request.user;
}

/** the signed-in administrator; anyone else gets FORBIDDEN (the admin area is no secret) */
export function requireAdmin(request: FastifyRequest): SessionUser {
  const user = requireUser(request);
  if (!user.isAdmin) throw new ApiError('FORBIDDEN');
  return user;
}

async function authPlugin(app: FastifyInstance): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[cookieFor(request).name];
    if (!token || token.length > 100) return;
    const { sessions, db } = app.lentera;
    const session = await sessions.lookup(token);
    if (!session) return;
    const row = await db
      .selectFrom('users')
      .select(['id', 'name', 'email', 'nip', 'is_admin'])
      .where('id', '=', session.userId)
      .executeTakeFirst();
    if (!row) return;
    request.user = {
      id: row.id,
      name: row.name,
      email: row.email,
      nip: row.nip,
      isAdmin: row.is_admin === 1,
    };
    request.sessionToken = token;
  });
}

export default fp(authPlugin, { name: 'lentera-auth' });
