import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cohortAccess, requireManager } from '../access.ts';
import { ApiError } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';
import { RowId } from '../schemas.ts';
import { audit } from '../services/audit.ts';
import {
  baseUrlOf,
  certificatePdf,
  certificateView,
  issueCertificates,
  parseRecord,
} from '../services/certificates.ts';
import { closureOf } from '../services/closure.ts';
import { evalDb } from '../services/evaluation-db.ts';
import { frozenOutcomes, isLulus } from '../services/outcomes.ts';
import { cohortCourse } from '../services/test-bank.ts';
import { CertificateOptions } from './results.ts';

// Certificates (issue 7): listed, issued and revoked by an admin or fasilitator of a closed cohort;
// downloaded as PDF by their participant (or the staff). A revoked certificate is no longer served and
// the public verify page says "dicabut".

const certificates: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.lentera;
  const db = evalDb(ctx.db);

  app.get(
    '/cohorts/:id/certificates',
    {
      schema: {
        summary: "The cohort's certificates with number, code and status (staff)",
        params: z.object({ id: RowId }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      requireManager(access);
      const rows = await db
        .selectFrom('certificates')
        .selectAll()
        .where('cohort_id', '=', access.cohort.id)
        .orderBy('sequence')
        .execute();
      const baseUrl = baseUrlOf(ctx.publicUrl, request);
      return { certificates: rows.map((r) => certificateView(r, baseUrl)) };
    },
  );

  app.post(
    '/cohorts/:id/certificates',
    {
      schema: {
        summary:
          'Issue certificates in a closed cohort to every lulus participant without one, or to the userIds given (staff)',
        params: z.object({ id: RowId }),
        body: CertificateOptions.extend({ userIds: z.array(RowId).min(1).max(1000).optional() }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      requireManager(access);
      const course = cohortCourse(ctx, access.cohort);
      if (!(await closureOf(db, access.cohort.id))) throw new ApiError('COHORT_NOT_CLOSED');
      const { userIds, place, signatory } = request.body;
      const outcomes = await frozenOutcomes(db, access.cohort.id, userIds);
      if (userIds) {
        const found = new Map(outcomes.map((o) => [o.userId, o]));
        const refused = userIds.filter((id) => {
          const o = found.get(id);
          return !o || !isLulus(o);
        });
        if (refused.length > 0) {
          throw new ApiError(
            'CERTIFICATE_NOT_ELIGIBLE',
            `Not lulus in the frozen results of this cohort: ${refused.join(', ')}`,
            {
              issues: refused.map((id) => ({
                path: `body.userIds.${userIds.indexOf(id)}`,
                code: 'not_lulus',
                message: `${id} has no lulus result in this cohort`,
              })),
            },
          );
        }
      }
      const now = ctx.now();
      const issued = await issueCertificates(db, {
        cohort: access.cohort,
        course,
        outcomes,
        place,
        signatory,
        actorId: user.id,
        now,
      });
      await audit(
        ctx.db,
        {
          actorId: user.id,
          action: 'certificate.issue',
          target: access.cohort.id,
          detail: { numbers: issued.map((r) => r.number) },
          ip: request.ip,
        },
        now,
      );
      const baseUrl = baseUrlOf(ctx.publicUrl, request);
      return reply.code(201).send({ certificates: issued.map((r) => certificateView(r, baseUrl)) });
    },
  );

  app.post(
    '/cohorts/:id/certificates/:certificateId/revoke',
    {
      schema: {
        summary: 'Revoke a certificate; its verify page then says dicabut (staff)',
        params: z.object({ id: RowId, certificateId: RowId }),
        body: z.strictObject({ reason: z.string().trim().min(1).max(1_000) }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      requireManager(access);
      const now = ctx.now();
      await db
        .updateTable('certificates')
        .set({ revoked_at: now, revoked_by: user.id, revoke_reason: request.body.reason })
        .where('id', '=', request.params.certificateId)
        .where('cohort_id', '=', access.cohort.id)
        .where('revoked_at', 'is', null)
        .execute();
      const row = await db
        .selectFrom('certificates')
        .selectAll()
        .where('id', '=', request.params.certificateId)
        .where('cohort_id', '=', access.cohort.id)
        .executeTakeFirst();
      if (!row) throw new ApiError('NOT_FOUND', 'No such certificate in this cohort');
      await audit(
        ctx.db,
        {
          actorId: user.id,
          action: 'certificate.revoke',
          target: row.user_id,
          detail: { cohortId: access.cohort.id, number: row.number, reason: request.body.reason },
          ip: request.ip,
        },
        now,
      );
      return { certificate: certificateView(row, baseUrlOf(ctx.publicUrl, request)) };
    },
  );

  app.get(
    '/certificates/:certificateId/pdf',
    {
      schema: {
        summary: 'The certificate as PDF (A4 landscape) for its participant or the staff of its cohort',
        params: z.object({ certificateId: RowId }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const row = await db
        .selectFrom('certificates')
        .selectAll()
        .where('id', '=', request.params.certificateId)
        .executeTakeFirst();
      if (!row) throw new ApiError('NOT_FOUND', 'No such certificate');
      if (row.user_id !== user.id) {
        // someone else's certificate does not exist for you unless you manage its cohort
        const access = await cohortAccess(ctx.db, user, row.cohort_id).catch(() => null);
        if (!access?.manager) throw new ApiError('NOT_FOUND', 'No such certificate');
      }
      if (row.revoked_at !== null) throw new ApiError('CERTIFICATE_REVOKED');
      const pdf = await certificatePdf(row, baseUrlOf(ctx.publicUrl, request));
      const name = parseRecord(row)
        .participant.name.normalize('NFKD')
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .toLowerCase();
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="sertifikat-${name || 'peserta'}.pdf"`)
        .send(Buffer.from(pdf));
    },
  );
};

export default certificates;
