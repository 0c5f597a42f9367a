import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { consumeToken, tokenUsable } from '../auth/one-time.ts';
import { LoginThrottle } from '../auth/throttle.ts';
import type { AppContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { clearSessionCookie, requireUser, setSessionCookie } from '../plugins/auth.ts';
import { Password, Person } from '../schemas.ts';
import { audit } from '../services/audit.ts';
import { addMembership, cohortView, isOpen, normalizeJoinCode } from '../services/cohorts.ts';
import { assertUnique, findUser, insertUser, userView } from '../services/users.ts';

// Login, logout, who am I, self-registration with a cohort's join code, and the one-time
// password-reset link.

const JoinCode = z.string().trim().min(4).max(20);

async function openCohortByCode(ctx: AppContext, code: string, ip: string) {
  const keys = { account: `join:${ip}`, ip: `ip:${ip}` };
  await ctx.throttle.check(keys);
  const cohort = await ctx.db
    .selectFrom('cohorts')
    .selectAll()
    .where('join_code', '=', normalizeJoinCode(code))
    .executeTakeFirst();
  if (!cohort || !isOpen(cohort, ctx.now())) {
    // wrong codes count like failed logins, so codes cannot be enumerated
    await ctx.throttle.fail(keys);
    throw new ApiError('JOIN_CODE_INVALID');
  }
  return cohort;
}

async function me(ctx: AppContext, userId: string) {
  const row = await findUser(ctx.db, userId);
  if (!row) throw new ApiError('AUTH_REQUIRED');
  const memberships = await ctx.db
    .selectFrom('memberships')
    .innerJoin('cohorts', 'cohorts.id', 'memberships.cohort_id')
    .selectAll('cohorts')
    .select('memberships.role')
    .where('memberships.user_id', '=', userId)
    .orderBy('cohorts.opens_on', 'desc')
    .execute();
  const byCohort = new Map<string, { row: (typeof memberships)[number]; roles: string[] }>();
  for (const m of memberships) {
    const entry = byCohort.get(m.id) ?? { row: m, roles: [] };
    entry.roles.push(m.role);
    byCohort.set(m.id, entry);
  }
  return {
    user: userView(row),
    cohorts: [...byCohort.values()].map(({ row, roles }) => ({ ...cohortView(row), roles })),
  };
}

const auth: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.lentera;

  app.post(
    '/auth/login',
    {
      schema: {
        summary: 'Log in with email or NIP and password; sets the session cookie',
        body: z.object({ login: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) }),
      },
    },
    async (request, reply) => {
      const { login, password } = request.body;
      const keys = LoginThrottle.keys(login, request.ip);
      await ctx.throttle.check(keys);
      const field = /^\d{18}$/.test(login) ? 'nip' : 'email';
      const row = await ctx.db
        .selectFrom('users')
        .select(['id', 'password_hash'])
        .where(field, '=', login.toLowerCase())
        .executeTakeFirst();
      const ok = await ctx.hasher.verify(password, row?.password_hash);
      if (!row || !ok) {
        await ctx.throttle.fail(keys);
        throw new ApiError('LOGIN_FAILED');
      }
      await ctx.throttle.succeed(keys);
      // a new id at every login: a session id planted before login is worthless after it
      if (request.sessionToken) await ctx.sessions.destroy(request.sessionToken);
      setSessionCookie(request, reply, await ctx.sessions.create(row.id));
      return me(ctx, row.id);
    },
  );

  app.post('/auth/logout', { schema: { summary: 'End the session' } }, async (request, reply) => {
    if (request.sessionToken) await ctx.sessions.destroy(request.sessionToken);
    clearSessionCookie(request, reply);
    return reply.code(204).send();
  });

  app.get(
    '/auth/me',
    { schema: { summary: 'The signed-in user and their cohorts with roles' } },
    async (request) => me(ctx, requireUser(request).id),
  );

  app.post(
    '/auth/register',
    {
      schema: {
        summary: 'Create a participant account with a cohort join code, and log in',
        body: Person.extend({ joinCode: JoinCode, password: Password }),
      },
    },
    async (request, reply) => {
      const { joinCode, password, ...person } = request.body;
      const cohort = await openCohortByCode(ctx, joinCode, request.ip);
      await assertUnique(ctx.db, person);
      const passwordHash = await ctx.hasher.hash(password);
      const id = await ctx.db.transaction().execute(async (trx) => {
        const userId = await insertUser(trx, { ...person, passwordHash }, ctx.now());
        await addMembership(trx, { cohortId: cohort.id, userId, role: 'peserta', now: ctx.now() });
        return userId;
      });
      setSessionCookie(request, reply, await ctx.sessions.create(id));
      return reply.code(201).send(await me(ctx, id));
    },
  );

  app.post(
    '/auth/join',
    {
      schema: {
        summary: 'Join a cohort as a participant with its join code',
        body: z.object({ joinCode: JoinCode }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const cohort = await openCohortByCode(ctx, request.body.joinCode, request.ip);
      await addMembership(ctx.db, { cohortId: cohort.id, userId: user.id, role: 'peserta', now: ctx.now() });
      return me(ctx, user.id);
    },
  );

  app.get(
    '/auth/password-reset',
    {
      schema: {
        summary: 'Whether a password-reset token is still usable',
        querystring: z.object({ token: z.string().min(1).max(100) }),
      },
    },
    async (request) => ({
      valid: await tokenUsable(ctx.db, { kind: 'reset', token: request.query.token, now: ctx.now() }),
    }),
  );

  app.post(
    '/auth/password-reset',
    {
      schema: {
        summary: 'Set a new password with a one-time reset token; ends every other session',
        body: z.object({ token: z.string().min(1).max(100), password: Password }),
      },
    },
    async (request, reply) => {
      const passwordHash = await ctx.hasher.hash(request.body.password);
      const claimed = await consumeToken(ctx.db, {
        kind: 'reset',
        token: request.body.token,
        now: ctx.now(),
      });
      if (!claimed?.userId) throw new ApiError('TOKEN_INVALID');
      const userId = claimed.userId;
      await ctx.db
        .updateTable('users')
        .set({ password_hash: passwordHash })
        .where('id', '=', userId)
        .execute();
      await ctx.sessions.destroyForUser(userId);
      await audit(
        ctx.db,
        { actorId: userId, action: 'user.password-reset', target: userId, ip: request.ip },
        ctx.now(),
      );
      setSessionCookie(request, reply, await ctx.sessions.create(userId));
      return me(ctx, userId);
    },
  );
};

export default auth;
