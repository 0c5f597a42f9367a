import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cohortAccess, requireManager, visibleParticipants } from '../access.ts';
import type { CohortRole } from '../db/types.ts';
import { ApiError } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';
import { Email, Nip, CohortRole as Role, RowId } from '../schemas.ts';
import { audit } from '../services/audit.ts';
import { addMembership } from '../services/cohorts.ts';

// Who is in a cohort and in which role. Managers see everyone; a mentor or atasan sees the
// participants assigned to them.

const Params = z.object({ id: RowId });

const members: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.lentera;

  app.get(
    '/cohorts/:id/members',
    { schema: { summary: 'Members with roles and assigned raters', params: Params } },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      const visible = access.manager ? undefined : new Set(await visibleParticipants(ctx.db, user, access));
      const rows = await ctx.db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id', 'users.name', 'users.nip', 'users.email', 'users.instansi', 'users.jabatan'])
        .select(['memberships.role'])
        .where('memberships.cohort_id', '=', access.cohort.id)
        .orderBy('users.name')
        .execute();
      const assignments = await ctx.db
        .selectFrom('assignments')
        .select(['participant_id', 'role', 'rater_id'])
        .where('cohort_id', '=', access.cohort.id)
        .execute();
      const people = new Map<string, { roles: CohortRole[]; row: (typeof rows)[number] }>();
      for (const r of rows) {
        if (visible && !(visible.has(r.id) && r.role === 'peserta')) continue;
        const entry = people.get(r.id) ?? { roles: [], row: r };
        entry.roles.push(r.role);
        people.set(r.id, entry);
      }
      return {
        members: [...people.values()].map(({ roles, row }) => ({
          id: row.id,
          name: row.name,
          nip: row.nip,
          email: row.email,
          instansi: row.instansi,
          jabatan: row.jabatan,
          roles,
          mentorId:
            assignments.find((a) => a.participant_id === row.id && a.role === 'mentor')?.rater_id ?? null,
          atasanId:
            assignments.find((a) => a.participant_id === row.id && a.role === 'atasan')?.rater_id ?? null,
        })),
      };
    },
  );

  app.post(
    '/cohorts/:id/members',
    {
      schema: {
        summary: 'Give an existing account a role in the cohort, found by id, email or NIP (manager)',
        params: Params,
        body: z
          .object({ userId: RowId.optional(), email: Email.optional(), nip: Nip.optional(), role: Role })
          .refine((b) => b.userId || b.email || b.nip, {
            message: 'give userId, email or nip',
            path: ['userId'],
          }),
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const access = await cohortAccess(ctx.db, actor, request.params.id);
      requireManager(access);
      const { userId, email, nip, role } = request.body;
      if (role === 'fasilitator' && !access.admin) {
        throw new ApiError('FORBIDDEN', 'Only an administrator appoints a fasilitator');
      }
      let query = ctx.db.selectFrom('users').select(['id', 'name']);
      if (userId) query = query.where('id', '=', userId);
      else if (email) query = query.where('email', '=', email);
      else if (nip) query = query.where('nip', '=', nip);
      const person = await query.executeTakeFirst();
      if (!person) throw new ApiError('NOT_FOUND', 'No account matches');
      const added = await addMembership(ctx.db, {
        cohortId: access.cohort.id,
        userId: person.id,
        role,
        now: ctx.now(),
      });
      if (added) {
        await audit(
          ctx.db,
          {
            actorId: actor.id,
            action: 'member.add',
            target: access.cohort.id,
            detail: { userId: person.id, role },
            ip: request.ip,
          },
          ctx.now(),
        );
      }
      return reply
        .code(added ? 201 : 200)
        .send({ member: { id: person.id, name: person.name, role }, added });
    },
  );

  app.delete(
    '/cohorts/:id/members/:userId/:role',
    {
      schema: {
        summary: 'Remove a role from a member, with the assignments it carried (manager)',
        params: z.object({ id: RowId, userId: RowId, role: Role }),
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const access = await cohortAccess(ctx.db, actor, request.params.id);
      requireManager(access);
      const { userId, role } = request.params;
      if (role === 'fasilitator' && !access.admin) {
        throw new ApiError('FORBIDDEN', 'Only an administrator removes a fasilitator');
      }
      const cohortId = access.cohort.id;
      const removed = await ctx.db.transaction().execute(async (trx) => {
        const result = await trx
          .deleteFrom('memberships')
          .where('cohort_id', '=', cohortId)
          .where('user_id', '=', userId)
          .where('role', '=', role)
          .executeTakeFirst();
        if (role === 'peserta') {
          await trx
            .deleteFrom('assignments')
            .where('cohort_id', '=', cohortId)
            .where('participant_id', '=', userId)
            .execute();
        } else if (role === 'mentor' || role === 'atasan') {
          await trx
            .deleteFrom('assignments')
            .where('cohort_id', '=', cohortId)
            .where('rater_id', '=', userId)
            .where('role', '=', role)
            .execute();
        }
        return Number(result.numDeletedRows) > 0;
      });
      if (!removed) throw new ApiError('NOT_FOUND', 'No such member');
      await audit(
        ctx.db,
        {
          actorId: actor.id,
          action: 'member.remove',
          target: cohortId,
          detail: { userId, role },
          ip: request.ip,
        },
        ctx.now(),
      );
      return reply.code(204).send();
    },
  );
};

export default members;
