import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyUrl } from '../../export/certificate/index.ts';
import {
  cohortReportRows,
  participantSummaryHtml,
  type ReportParticipant,
  toCsv,
  toXlsx,
} from '../../export/reports/index.ts';
import { cohortAccess, requireManager } from '../access.ts';
import { ApiError } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';
import { RowId } from '../schemas.ts';
import { baseUrlOf } from '../services/certificates.ts';
import { today } from '../services/cohorts.ts';
import { evalDb } from '../services/evaluation-db.ts';
import type { Outcome } from '../services/outcomes.ts';
import { cohortCourse } from '../services/test-bank.ts';
import { cohortOutcomes } from './results.ts';

// Reports (issue 7), for an admin or fasilitator of the cohort: the recap of every participant as XLSX
// and CSV (text that looks like a formula is escaped by src/export/reports) and a printable one-page
// summary per participant (HTML, every value escaped).

function reportParticipant(o: Outcome, certificateNumber: string | null): ReportParticipant {
  return {
    nip: o.nip,
    name: o.name,
    instansi: o.instansi,
    pre: o.pre,
    post: o.post,
    cases: Object.fromEntries(o.cases.map((c) => [c.caseId, c.score])),
    behaviour: o.behaviour.values,
    result: o.result,
    certificateNumber,
  };
}

/** a file name people can read: the cohort's name in ASCII words */
function fileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return stem || 'angkatan';
}

const reports: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.lentera;
  const db = evalDb(ctx.db);

  const recap = async (user: ReturnType<typeof requireUser>, cohortId: string) => {
    const access = await cohortAccess(ctx.db, user, cohortId);
    requireManager(access);
    const course = cohortCourse(ctx, access.cohort);
    const { outcomes } = await cohortOutcomes(db, { cohort: access.cohort, course });
    const numbers = new Map(
      (
        await db
          .selectFrom('certificates')
          .select(['user_id', 'number'])
          .where('cohort_id', '=', access.cohort.id)
          .where('revoked_at', 'is', null)
          .execute()
      ).map((r) => [r.user_id, r.number]),
    );
    const table = cohortReportRows({
      course,
      participants: outcomes.map((o) => reportParticipant(o, numbers.get(o.userId) ?? null)),
    });
    return { access, table, stem: `rekap-nilai-${fileStem(access.cohort.name)}` };
  };

  app.get(
    '/cohorts/:id/reports/results.xlsx',
    {
      schema: {
        summary:
          "The cohort's recap as XLSX: pre, post, gain, case studies, behaviour per value, final, predikat, JP, certificate (staff)",
        params: z.object({ id: RowId }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { access, table, stem } = await recap(user, request.params.id);
      const bytes = await toXlsx(table, { sheetName: access.cohort.name, created: new Date(ctx.now()) });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${stem}.xlsx"`)
        .send(Buffer.from(bytes));
    },
  );

  app.get(
    '/cohorts/:id/reports/results.csv',
    {
      schema: {
        summary:
          "The cohort's recap as CSV (UTF-8 with BOM; delimiter=semicolon for Excel set to Indonesian) (staff)",
        params: z.object({ id: RowId }),
        querystring: z.object({ delimiter: z.enum(['comma', 'semicolon']).default('comma') }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { table, stem } = await recap(user, request.params.id);
      const csv = toCsv(table, { delimiter: request.query.delimiter === 'semicolon' ? ';' : ',' });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${stem}.csv"`)
        .send(csv);
    },
  );

  app.get(
    '/cohorts/:id/reports/participants/:userId',
    {
      schema: {
        summary: "A participant's printable one-page summary (HTML, A4 portrait) (staff)",
        params: z.object({ id: RowId, userId: RowId }),
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      requireManager(access);
      const course = cohortCourse(ctx, access.cohort);
      const { outcomes } = await cohortOutcomes(db, {
        cohort: access.cohort,
        course,
        only: [request.params.userId],
      });
      const outcome = outcomes[0];
      if (!outcome) throw new ApiError('NOT_FOUND', 'No such participant in this cohort');
      const certificate = await db
        .selectFrom('certificates')
        .select(['number', 'code'])
        .where('cohort_id', '=', access.cohort.id)
        .where('user_id', '=', outcome.userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      const html = participantSummaryHtml({
        course,
        cohort: access.cohort.name,
        dates: { start: access.cohort.opens_on, end: access.cohort.closes_on },
        participant: { ...reportParticipant(outcome, certificate?.number ?? null), jabatan: outcome.jabatan },
        components: outcome.components,
        verifyUrl: certificate
          ? verifyUrl({ baseUrl: baseUrlOf(ctx.publicUrl, request), code: certificate.code })
          : null,
        printedOn: today(ctx.now()),
      });
      return reply.type('text/html; charset=utf-8').header('referrer-policy', 'no-referrer').send(html);
    },
  );
};

export default reports;
