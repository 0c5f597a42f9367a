import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { consumeToken, issueToken, SETUP_TTL_MS, tokenUsable } from '../auth/one-time.ts';
import type { AppContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { setSessionCookie } from '../plugins/auth.ts';
import { Email, Name, Password } from '../schemas.ts';
import { audit } from '../services/audit.ts';
import { insertUser, userView } from '../services/users.ts';

// First run: with no administrator, `npm start` prints a one-time link; whoever opens it sets up the
// first admin. There is no default password anywhere.

export async function adminExists(ctx: Pick<AppContext, 'db'>): Promise<boolean> {
  const row = await ctx.db.selectFrom('users').select('id').where('is_admin', '=', 1).executeTakeFirst();
  return row !== undefined;
}

/** A fresh setup token when no admin exists (older unused ones stop working), else undefined. */
export async function issueSetupToken(
  ctx: Pick<AppContext, 'db' | 'now'>,
): Promise<{ token: string; expiresAt: number } | undefined> {
  if (await adminExists(ctx)) return undefined;
  await ctx.db.deleteFrom('tokens').where('kind', '=', 'setup').where('used_at', 'is', null).execute();
  return issueToken(ctx.db, { kind: 'setup', userId: null, ttlMs: SETUP_TTL_MS, now: ctx.now() });
}

const setup: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.lentera;

  app.get(
    '/setup',
    {
      schema: {
        summary: 'Whether first-run setup is needed, and whether a setup token is still usable',
        querystring: z.object({ token: z.string().max(100).optional() }),
      },
    },
    async (request) => {
      const needed = !(await adminExists(ctx));
      const { token } = request.query;
      const tokenValid =
        needed &&
        token !== undefined &&
        (await tokenUsable(ctx.db, { kind: 'setup', token, now: ctx.now() }));
      return { needed, tokenValid };
    },
  );

  app.post(
    '/setup',
    {
      schema: {
        summary: 'Create the first administrator with the one-time setup token',
        body: z.object({ token: z.string().min(1).max(100), name: Name, email: Email, password: Password }),
      },
    },
    async (request, reply) => {
      const { token, name, email, password } = request.body;
      if (await adminExists(ctx)) throw new ApiError('SETUP_DONE');
      const passwordHash = await ctx.hasher.hash(password);
      const claimed = await consumeToken(ctx.db, { kind: 'setup', token, now: ctx.now() });
      if (!claimed) throw new ApiError('TOKEN_INVALID');
      const id = await insertUser(ctx.db, { name, email, passwordHash, isAdmin: true }, ctx.now());
      await audit(ctx.db, { actorId: id, action: 'setup.admin', target: id, ip: request.ip }, ctx.now());
      setSessionCookie(request, reply, await ctx.sessions.create(id));
      const row = await ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return reply.code(201).send({ user: userView(row) });
    },
  );
};

export default setup;
