import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cohortAccess, requireManager } from '../access.ts';
import { newId } from '../auth/tokens.ts';
import type { CohortRole } from '../db/types.ts';
import { ApiError, fieldError } from '../errors.ts';
import { requireAdmin, requireUser } from '../plugins/auth.ts';
import { IsoDate, Name, RowId } from '../schemas.ts';
import { audit } from '../services/audit.ts';
import { cohortView, newJoinCode } from '../services/cohorts.ts';

// Cohorts (angkatan): a course version run between two dates, joined with a code.

const CohortFields = z.object({
  name: Name,
  courseId: z.string().min(1).max(64),
  courseVersion: z.string().min(1).max(64),
  opensOn: IsoDate,
  closesOn: IsoDate,
});

const cohorts: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.lentera;

  const checkCourseAndDates = (c: {
    courseId?: string;
    courseVersion?: string;
    opensOn: string;
    closesOn: string;
  }) => {
    if (c.courseId !== undefined && !ctx.courses.get(c.courseId, c.courseVersion)) {
      throw new ApiError(
        'COURSE_UNKNOWN',
        `Course ${c.courseId} version ${c.courseVersion} is not installed`,
      );
    }
    if (c.closesOn < c.opensOn) throw fieldError('body.closesOn', 'too_small', 'closesOn is before opensOn');
  };

  app.get(
    '/cohorts',
    { schema: { summary: 'Cohorts you belong to (all of them for an admin)' } },
    async (request) => {
      const user = requireUser(request);
      const rows = await ctx.db
        .selectFrom('memberships')
        .select(['cohort_id', 'role'])
        .where('user_id', '=', user.id)
        .execute();
      const roles = new Map<string, CohortRole[]>();
      for (const r of rows) roles.set(r.cohort_id, [...(roles.get(r.cohort_id) ?? []), r.role]);
      let query = ctx.db.selectFrom('cohorts').selectAll().orderBy('opens_on', 'desc').orderBy('name');
      if (!user.isAdmin) {
        if (roles.size === 0) return { cohorts: [] };
        query = query.where('id', 'in', [...roles.keys()]);
      }
      const counts = await ctx.db
        .selectFrom('memberships')
        .select(['cohort_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('role', '=', 'peserta')
        .groupBy('cohort_id')
        .execute();
      const participants = new Map(counts.map((c) => [c.cohort_id, Number(c.n)]));
      return {
        cohorts: (await query.execute()).map((row) => {
          const mine = roles.get(row.id) ?? [];
          const manager = user.isAdmin || mine.includes('fasilitator');
          return {
            ...cohortView(row, mine, manager),
            ...(manager ? { participants: participants.get(row.id) ?? 0 } : {}),
          };
        }),
      };
    },
  );

  app.post(
    '/cohorts',
    { schema: { summary: 'Create a cohort (admin); a join code is generated', body: CohortFields } },
    async (request, reply) => {
      const actor = requireAdmin(request);
      const body = request.body;
      checkCourseAndDates(body);
      const id = newId();
      const row = {
        id,
        name: body.name,
        course_id: body.courseId,
        course_version: body.courseVersion,
        opens_on: body.opensOn,
        closes_on: body.closesOn,
        join_code: newJoinCode(),
        created_at: ctx.now(),
      };
      await ctx.db.insertInto('cohorts').values(row).execute();
      await audit(
        ctx.db,
        { actorId: actor.id, action: 'cohort.create', target: id, detail: body, ip: request.ip },
        ctx.now(),
      );
      return reply.code(201).send({ cohort: cohortView(row, [], true) });
    },
  );

  app.get(
    '/cohorts/:id',
    { schema: { summary: 'One cohort you belong to', params: z.object({ id: RowId }) } },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      return { cohort: cohortView(access.cohort, access.roles, access.manager) };
    },
  );

  app.patch(
    '/cohorts/:id',
    {
      schema: {
        summary: 'Change a cohort (admin); `newJoinCode: true` replaces the join code',
        params: z.object({ id: RowId }),
        body: CohortFields.partial().extend({ newJoinCode: z.boolean().optional() }),
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const access = await cohortAccess(ctx.db, actor, request.params.id);
      requireManager(access);
      requireAdmin(request);
      const { cohort } = access;
      const b = request.body;
      const next = {
        name: b.name ?? cohort.name,
        course_id: b.courseId ?? cohort.course_id,
        course_version: b.courseVersion ?? cohort.course_version,
        opens_on: b.opensOn ?? cohort.opens_on,
        closes_on: b.closesOn ?? cohort.closes_on,
        join_code: b.newJoinCode ? newJoinCode() : cohort.join_code,
      };
      checkCourseAndDates({
        ...(b.courseId || b.courseVersion
          ? { courseId: next.course_id, courseVersion: next.course_version }
          : {}),
        opensOn: next.opens_on,
        closesOn: next.closes_on,
      });
      await ctx.db.updateTable('cohorts').set(next).where('id', '=', cohort.id).execute();
      await audit(
        ctx.db,
        { actorId: actor.id, action: 'cohort.update', target: cohort.id, detail: b, ip: request.ip },
        ctx.now(),
      );
      return { cohort: cohortView({ ...cohort, ...next }, access.roles, true) };
    },
  );
};

export default cohorts;
