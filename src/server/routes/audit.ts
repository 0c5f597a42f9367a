import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAdmin } from '../plugins/auth.ts';

// Reading the append-only audit log, newest first, a page at a time.

const auditLog: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        summary: 'Staff actions, newest first (admin)',
        querystring: z.object({
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (request) => {
      requireAdmin(request);
      const { before, limit } = request.query;
      let query = app.lentera.db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.actor_id')
        .select([
          'audit_log.id',
          'audit_log.at',
          'audit_log.actor_id',
          'users.name as actor_name',
          'audit_log.action',
          'audit_log.target',
          'audit_log.detail',
          'audit_log.ip',
        ])
        .orderBy('audit_log.at', 'desc')
        .orderBy('audit_log.id')
        .limit(limit);
      if (before) query = query.where('audit_log.at', '<', before);
      const rows = await query.execute();
      return {
        entries: rows.map((r) => ({
          id: r.id,
          at: new Date(r.at).toISOString(),
          actor: r.actor_id ? { id: r.actor_id, name: r.actor_name } : null,
          action: r.action,
          target: r.target,
          detail: JSON.parse(r.detail) as unknown,
          ip: r.ip,
        })),
      };
    },
  );
};

export default auditLog;
