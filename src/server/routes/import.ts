import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cohortAccess, requireManager } from '../access.ts';
import { fieldError } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';
import { RowId } from '../schemas.ts';
import { audit } from '../services/audit.ts';
import { parseCsv, type Table } from '../services/csv.ts';
import { importParticipants } from '../services/import.ts';
import { parseXlsx, XlsxError } from '../services/xlsx.ts';

// POST the file itself as the body: `text/csv` or the .xlsx type. `?dryRun=true` reports without
// writing, so the staff app can show the report before anything is saved.

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE_LIMIT = 5 * 1024 * 1024;

const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.lentera;
  app.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'string', bodyLimit: FILE_LIMIT },
    (_r, body, done) => done(null, body),
  );
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: FILE_LIMIT }, (_r, body, done) =>
    done(null, body),
  );

  app.post(
    '/cohorts/:id/import',
    {
      bodyLimit: FILE_LIMIT,
      schema: {
        summary:
          'Import participants from CSV or XLSX (NIP, Nama, Email, Instansi, Jabatan) with a report (manager)',
        params: z.object({ id: RowId }),
        querystring: z.object({ dryRun: z.stringbool().default(false) }),
        body: z.union([z.string(), z.instanceof(Buffer)]),
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const access = await cohortAccess(ctx.db, actor, request.params.id);
      requireManager(access);
      let table: Table;
      const body = request.body;
      if (typeof body === 'string') {
        table = parseCsv(body);
      } else {
        try {
          table = parseXlsx(body);
        } catch (error) {
          if (error instanceof XlsxError) throw fieldError('body', 'invalid_file', error.message);
          throw error;
        }
      }
      const report = await importParticipants(ctx.db, {
        cohortId: access.cohort.id,
        table,
        now: ctx.now(),
        dryRun: request.query.dryRun,
      });
      if (!report.dryRun) {
        await audit(
          ctx.db,
          {
            actorId: actor.id,
            action: 'import.participants',
            target: access.cohort.id,
            detail: {
              rows: report.rows,
              created: report.created,
              enrolled: report.enrolled,
              rejected: report.rejected.length,
            },
            ip: request.ip,
          },
          ctx.now(),
        );
      }
      return { report };
    },
  );
};

export default importRoutes;
