import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';

// Load balancers and people ask here whether this instance can serve: it answers only after a query.

const health: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Whether this instance and its database answer',
        response: {
          200: z.object({
            status: z.literal('ok'),
            version: z.string(),
            database: z.enum(['sqlite', 'postgres']),
            courses: z.array(z.object({ id: z.string(), version: z.string() })),
          }),
        },
      },
    },
    async () => {
      const { db, dbKind, version, courses } = app.lentera;
      await sql`select 1`.execute(db);
      return {
        status: 'ok' as const,
        version,
        database: dbKind,
        courses: courses.list().map((c) => ({ id: c.id, version: c.version })),
      };
    },
  );
};

export default health;
