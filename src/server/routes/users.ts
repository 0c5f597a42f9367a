import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { issueToken, RESET_TTL_MS } from '../auth/one-time.ts';
import { ApiError } from '../errors.ts';
import { requireAdmin, requireUser } from '../plugins/auth.ts';
import { Email, Name, Nip, Person, RowId, Text } from '../schemas.ts';
import { audit } from '../services/audit.ts';
import { assertUnique, findUser, insertUser, userView } from '../services/users.ts';

// Accounts: the admin creates staff and participants, edits them and issues one-time password links.
// A user may read their own record; anyone else's is simply not there.

const users: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.lentera;

  app.get(
    '/users',
    {
      schema: {
        summary: 'Search accounts by name, email or NIP (admin)',
        querystring: z.object({
          q: z.string().trim().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (request) => {
      requireAdmin(request);
      const { q, limit } = request.query;
      let query = ctx.db.selectFrom('users').selectAll().orderBy('name').limit(limit);
      if (q) {
        const like = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        query = query.where((eb) =>
          eb.or([
            eb(eb.fn('lower', ['name']), 'like', eb.val(like)),
            eb('email', 'like', like),
            eb('nip', 'like', like),
          ]),
        );
      }
      return { users: (await query.execute()).map(userView) };
    },
  );

  app.post(
    '/users',
    {
      schema: {
        summary: 'Create an account (admin); it has no password until a reset link is used',
        body: Person.extend({ isAdmin: z.boolean().default(false) }),
      },
    },
    async (request, reply) => {
      const actor = requireAdmin(request);
      const body = request.body;
      await assertUnique(ctx.db, body);
      const id = await insertUser(ctx.db, body, ctx.now());
      await audit(
        ctx.db,
        {
          actorId: actor.id,
          action: 'user.create',
          target: id,
          detail: { isAdmin: body.isAdmin },
          ip: request.ip,
        },
        ctx.now(),
      );
      const row = await findUser(ctx.db, id);
      return reply.code(201).send({ user: row && userView(row) });
    },
  );

  app.get(
    '/users/:id',
    { schema: { summary: 'One account (admin, or yourself)', params: z.object({ id: RowId }) } },
    async (request) => {
      const user = requireUser(request);
      if (!user.isAdmin && user.id !== request.params.id) throw new ApiError('NOT_FOUND', 'No such user');
      const row = await findUser(ctx.db, request.params.id);
      if (!row) throw new ApiError('NOT_FOUND', 'No such user');
      return { user: userView(row) };
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        summary: 'Change an account (admin)',
        params: z.object({ id: RowId }),
        body: z
          .object({
            name: Name,
            email: Email,
            nip: Nip.nullable(),
            instansi: Text.nullable(),
            jabatan: Text.nullable(),
            isAdmin: z.boolean(),
          })
          .partial(),
      },
    },
    async (request) => {
      const actor = requireAdmin(request);
      const { id } = request.params;
      if (!(await findUser(ctx.db, id))) throw new ApiError('NOT_FOUND', 'No such user');
      const { isAdmin, ...fields } = request.body;
      if (isAdmin === false && id === actor.id) {
        throw new ApiError('FORBIDDEN', 'An administrator cannot remove their own admin role');
      }
      await assertUnique(ctx.db, fields, id);
      const set = { ...fields, ...(isAdmin === undefined ? {} : { is_admin: isAdmin ? 1 : 0 }) };
      if (Object.keys(set).length > 0)
        await ctx.db.updateTable('users').set(set).where('id', '=', id).execute();
      await audit(
        ctx.db,
        {
          actorId: actor.id,
          action: 'user.update',
          target: id,
          detail: { fields: Object.keys(set) },
          ip: request.ip,
        },
        ctx.now(),
      );
      const row = await findUser(ctx.db, id);
      return { user: row && userView(row) };
    },
  );

  app.post(
    '/users/:id/reset-link',
    {
      schema: {
        summary: 'Issue a one-time link to set a new password (admin); valid 24 h',
        params: z.object({ id: RowId }),
      },
    },
    async (request) => {
      const actor = requireAdmin(request);
      const { id } = request.params;
      if (!(await findUser(ctx.db, id))) throw new ApiError('NOT_FOUND', 'No such user');
      const { token, expiresAt } = await issueToken(ctx.db, {
        kind: 'reset',
        userId: id,
        ttlMs: RESET_TTL_MS,
        now: ctx.now(),
      });
      await audit(
        ctx.db,
        { actorId: actor.id, action: 'user.reset-link', target: id, ip: request.ip },
        ctx.now(),
      );
      const base = ctx.publicUrl ?? `${request.protocol}://${request.host}`;
      return { url: `${base}/reset#${token}`, token, expiresAt: new Date(expiresAt).toISOString() };
    },
  );
};

export default users;
