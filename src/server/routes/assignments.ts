import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cohortAccess, requireManager } from '../access.ts';
import { ApiError } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';
import { RaterRole, RowId } from '../schemas.ts';
import { audit } from '../services/audit.ts';

// Mentors and atasan rate the participants assigned to them, one of each per participant.

const assignments: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.lentera;

  app.get(
    '/cohorts/:id/assignments',
    {
      schema: {
        summary: 'Rater assignments (all for a manager, your own for a mentor or atasan)',
        params: z.object({ id: RowId }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      if (!access.manager && !access.roles.has('mentor') && !access.roles.has('atasan')) {
        throw new ApiError('FORBIDDEN', 'Participants have no assignments to see');
      }
      let query = ctx.db
        .selectFrom('assignments')
        .select(['participant_id', 'role', 'rater_id'])
        .where('cohort_id', '=', access.cohort.id);
      if (!access.manager) query = query.where('rater_id', '=', user.id);
      const rows = await query.execute();
      return {
        assignments: rows.map((r) => ({
          participantId: r.participant_id,
          role: r.role,
          raterId: r.rater_id,
        })),
      };
    },
  );

  app.put(
    '/cohorts/:id/assignments',
    {
      schema: {
        summary: 'Assign (or with raterId null, unassign) the mentor or atasan of a participant (manager)',
        params: z.object({ id: RowId }),
        body: z.object({ participantId: RowId, role: RaterRole, raterId: RowId.nullable() }),
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const access = await cohortAccess(ctx.db, actor, request.params.id);
      requireManager(access);
      const { participantId, role, raterId } = request.body;
      const cohortId = access.cohort.id;
      const holds = async (userId: string, r: string) =>
        (await ctx.db
          .selectFrom('memberships')
          .select('user_id')
          .where('cohort_id', '=', cohortId)
          .where('user_id', '=', userId)
          .where('role', '=', r as 'peserta')
          .executeTakeFirst()) !== undefined;
      if (!(await holds(participantId, 'peserta'))) {
        throw new ApiError('ROLE_CONFLICT', 'participantId is not a peserta of this cohort');
      }
      if (raterId === null) {
        await ctx.db
          .deleteFrom('assignments')
          .where('cohort_id', '=', cohortId)
          .where('participant_id', '=', participantId)
          .where('role', '=', role)
          .execute();
      } else {
        if (!(await holds(raterId, role)))
          throw new ApiError('ROLE_CONFLICT', `raterId is not a ${role} of this cohort`);
        await ctx.db
          .insertInto('assignments')
          .values({
            cohort_id: cohortId,
            participant_id: participantId,
            role,
            rater_id: raterId,
            created_at: ctx.now(),
          })
          .onConflict((oc) =>
            oc.columns(['cohort_id', 'participant_id', 'role']).doUpdateSet({ rater_id: raterId }),
          )
          .execute();
      }
      await audit(
        ctx.db,
        {
          actorId: actor.id,
          action: 'assignment.set',
          target: cohortId,
          detail: { participantId, role, raterId },
          ip: request.ip,
        },
        ctx.now(),
      );
      return { assignment: { participantId, role, raterId } };
    },
  );
};

export default assignments;
