import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Course } from '../../course/model.ts';
import { cohortAccess, requireManager } from '../access.ts';
import type { CohortTable } from '../db/types.ts';
import { ApiError } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';
import { Name, Nip, RowId } from '../schemas.ts';
import { audit } from '../services/audit.ts';
import { baseUrlOf, certificateView, issueCertificates } from '../services/certificates.ts';
import { closureOf } from '../services/closure.ts';
import { type EvalDb, evalDb, iso } from '../services/evaluation-db.ts';
import {
  courseWeights,
  frozenOutcomes,
  isLulus,
  liveOutcomes,
  type Outcome,
  settleCohortAttempts,
} from '../services/outcomes.ts';
import { cohortCourse } from '../services/test-bank.ts';

// Final results (issue 7): per participant the post-test, case-study and behaviour scores put together
// by composeResult with the course's weights, the predikat and lulus / tidak lulus. Live for the staff
// until the facilitator closes the cohort; closing stores every result as it stands (later changes are
// refused with RESULTS_FROZEN) and issues the certificates of those who passed.

export const CertificateOptions = z.strictObject({
  /** where the certificate is signed, e.g. Jakarta */
  place: z.string().trim().min(1).max(100),
  signatory: z.strictObject({
    name: Name,
    nip: Nip.optional(),
    position: z.string().trim().min(1).max(200),
  }),
});

/** a cohort's outcomes: the frozen snapshot once closed, else computed now */
export async function cohortOutcomes(
  db: EvalDb,
  options: { cohort: CohortTable; course: Course; only?: readonly string[] },
): Promise<{ outcomes: Outcome[]; frozen: boolean }> {
  const closure = await closureOf(db, options.cohort.id);
  if (closure) return { outcomes: await frozenOutcomes(db, options.cohort.id, options.only), frozen: true };
  return {
    outcomes: await liveOutcomes(db, {
      cohortId: options.cohort.id,
      course: options.course,
      ...(options.only ? { only: options.only } : {}),
    }),
    frozen: false,
  };
}

function policyView(course: Course) {
  const { evaluation } = course;
  return {
    weights: courseWeights(course),
    predikat: evaluation.predikat,
    passingScore: evaluation.passingScore,
    posttestPassingScore: evaluation.posttest.passingScore,
    raterWeights: evaluation.behaviour.raterWeights,
  };
}

const results: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.lentera;
  const db = evalDb(ctx.db);

  app.get(
    '/cohorts/:id/results',
    {
      schema: {
        summary:
          "Every participant's components, final score, predikat and lulus; live until the cohort is closed, then frozen (staff)",
        params: z.object({ id: RowId }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      requireManager(access);
      const course = cohortCourse(ctx, access.cohort);
      const closure = await closureOf(db, access.cohort.id);
      const { outcomes } = await cohortOutcomes(db, { cohort: access.cohort, course });
      return {
        closed: closure ? { closedAt: iso(closure.closed_at), closedBy: closure.closed_by } : null,
        policy: policyView(course),
        participants: outcomes,
      };
    },
  );

  app.get(
    '/cohorts/:id/results/me',
    {
      schema: {
        summary: 'Your final result and certificate once the cohort is closed',
        params: z.object({ id: RowId }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      if (!access.roles.has('peserta')) throw new ApiError('FORBIDDEN', 'Only participants have a result');
      const course = cohortCourse(ctx, access.cohort);
      const closure = await closureOf(db, access.cohort.id);
      if (!closure) return { closed: null, policy: policyView(course), result: null, certificate: null };
      const [outcome] = await frozenOutcomes(db, access.cohort.id, [user.id]);
      const certificate = await db
        .selectFrom('certificates')
        .selectAll()
        .where('cohort_id', '=', access.cohort.id)
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      return {
        closed: { closedAt: iso(closure.closed_at) },
        policy: policyView(course),
        result: outcome ?? null,
        certificate: certificate ? certificateView(certificate, baseUrlOf(ctx.publicUrl, request)) : null,
      };
    },
  );

  app.post(
    '/cohorts/:id/close',
    {
      schema: {
        summary:
          'Close the cohort: freeze every result and, with certificate options, issue the certificates of those who passed (staff)',
        params: z.object({ id: RowId }),
        body: z.strictObject({ certificates: CertificateOptions.optional() }).optional(),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const access = await cohortAccess(ctx.db, user, request.params.id);
      requireManager(access);
      const course = cohortCourse(ctx, access.cohort);
      const cohortId = access.cohort.id;
      if (await closureOf(db, cohortId)) throw new ApiError('RESULTS_FROZEN', 'The cohort is already closed');
      const now = ctx.now();
      await settleCohortAttempts(db, cohortId, course, now);
      const outcomes = await liveOutcomes(db, { cohortId, course });
      const closed = await db.transaction().execute(async (trx) => {
        const taken = await trx
          .insertInto('cohort_closures')
          .values({
            cohort_id: cohortId,
            closed_at: now,
            closed_by: user.id,
            course_id: course.id,
            course_version: course.version,
          })
          .onConflict((oc) => oc.column('cohort_id').doNothing())
          .executeTakeFirst();
        if (Number(taken.numInsertedOrUpdatedRows ?? 0) === 0) return false;
        for (const o of outcomes) {
          const r = o.result;
          await trx
            .insertInto('final_results')
            .values({
              cohort_id: cohortId,
              user_id: o.userId,
              complete: r.ok && r.complete ? 1 : 0,
              final: r.ok ? r.final : null,
              predikat: r.ok ? r.predikat : null,
              lulus: r.ok && r.lulus !== null ? (r.lulus ? 1 : 0) : null,
              snapshot: JSON.stringify(o),
              created_at: now,
            })
            .execute();
        }
        return true;
      });
      // another request closed it between the check and here
      if (!closed) throw new ApiError('RESULTS_FROZEN', 'The cohort is already closed');
      const options = request.body?.certificates;
      const issued = options
        ? await issueCertificates(db, {
            cohort: access.cohort,
            course,
            outcomes,
            place: options.place,
            signatory: options.signatory,
            actorId: user.id,
            now,
          })
        : [];
      const summary = {
        participants: outcomes.length,
        lulus: outcomes.filter(isLulus).length,
        tidakLulus: outcomes.filter((o) => o.result.ok && o.result.complete && o.result.lulus === false)
          .length,
        incomplete: outcomes.filter((o) => !(o.result.ok && o.result.complete)).length,
      };
      await audit(
        ctx.db,
        {
          actorId: user.id,
          action: 'cohort.close',
          target: cohortId,
          detail: { ...summary, certificates: issued.length },
          ip: request.ip,
        },
        now,
      );
      const baseUrl = baseUrlOf(ctx.publicUrl, request);
      return {
        closed: { closedAt: iso(now), closedBy: user.id },
        summary,
        certificates: issued.map((row) => certificateView(row, baseUrl)),
      };
    },
  );
};

export default results;
