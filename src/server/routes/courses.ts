import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../plugins/auth.ts';

// The installed courses, as much as a cohort form and a progress table need.

const courses: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/courses',
    { schema: { summary: 'Installed courses with their materials and pages' } },
    async (request) => {
      requireUser(request);
      return {
        courses: app.lentera.courses.list().map((c) => ({
          id: c.id,
          version: c.version,
          title: c.title,
          hours: c.hours,
          materials: c.materials.map((m) => ({
            id: m.id,
            role: m.role,
            title: m.title,
            pages: m.pages.map((p) => ({ id: p.id, title: p.title })),
          })),
        })),
      };
    },
  );
};

export default courses;
