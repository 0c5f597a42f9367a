import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id } from '../../course/model.ts';
import { type CohortAccess, cohortAccess, requireManager } from '../access.ts';
import type { SessionUser } from '../context.ts';
import { ApiError } from '../errors.ts';
import { requireUser } from '../plugins/auth.ts';
import { RowId } from '../schemas.ts';
import { audit } from '../services/audit.ts';
import {
  type CaseAnswerWrite,
  type CaseKey,
  caseAnswers,
  caseOf,
  caseScore,
  checkCaseWrites,
  gradeCase,
  ownSubmissionView,
  participantCase,
  releasedScore,
  releaseGrades,
  returnCase,
  saveCaseAnswers,
  staffCase,
  staffSubmissionView,
  submissionRow,
  submitCase,
} from '../services/cases.ts';
import { assertNotFrozen, cohortParticipants, participantOf } from '../services/closure.ts';
import { evalDb, iso } from '../services/evaluation-db.ts';
import { cohortCourse } from '../services/test-bank.ts';

// Case studies (issue 7). A participant writes an answer per guiding question (autosaved, stale writes
// refused), submits, and sees the grade and feedback once the facilitator releases them. An admin or a
// fasilitator of the cohort lists the submissions, grades with the case's rubric, writes feedback,
// returns a case for revision and releases the grades. The model answer is only in staff responses.

export const MAX_ANSWER_CHARS = 20_000;

const AnswerText = z.string().max(MAX_ANSWER_CHARS);
const Seq = z.number().int().positive().max(2_147_483_647);
const AnswerWriteBody = z.object({ questionId: Id, text: AnswerText, seq: Seq });
const AnswerBatch = z.array(AnswerWriteBody).max(50);
const CaseParams = z.object({ id: RowId, caseId: Id });
const SubmissionParams = z.object({ id: RowId, caseId: Id, userId: RowId });

function requireParticipant(access: CohortAccess): void {
  if (!access.roles.has('peserta')) throw new ApiError('FORBIDDEN', 'Only participants write case studies');
}

const cases: FastifyPluginAsyncZod = async (app) => {
  const ctx = app.lentera;
  const db = evalDb(ctx.db);

  const open = async (user: SessionUser, cohortId: string, caseId?: string) => {
    const access = await cohortAccess(ctx.db, user, cohortId);
    const course = cohortCourse(ctx, access.cohort);
    return { access, course, caseStudy: caseId === undefined ? undefined : caseOf(course, caseId) };
  };

  const staleError = (write: CaseAnswerWrite, stored: { seq: number }, path: string) =>
    new ApiError(
      'ANSWER_STALE',
      `Question ${write.questionId} has answer seq ${stored.seq}; this write has seq ${write.seq}`,
      {
        issues: [{ path, code: 'stale', message: `stored seq ${stored.seq} is not older than ${write.seq}` }],
      },
    );

  const mineView = async (key: CaseKey, caseStudy: ReturnType<typeof caseOf>) =>
    ownSubmissionView(caseStudy, await submissionRow(db, key), await caseAnswers(db, key));

  app.get(
    '/cohorts/:id/cases',
    {
      schema: {
        summary:
          "The course's case studies: for a participant with their own status, for staff with the model answer and counts",
        params: z.object({ id: RowId }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { access, course } = await open(user, request.params.id);
      const rows = await db
        .selectFrom('case_submissions')
        .selectAll()
        .where('cohort_id', '=', access.cohort.id)
        .execute();
      if (access.manager) {
        const participants = (await cohortParticipants(db, access.cohort.id)).map((p) => p.id);
        const inCohort = new Set(participants);
        return {
          cases: course.cases.map((c) => {
            const of = rows.filter((r) => r.case_id === c.id && inCohort.has(r.user_id));
            return {
              ...staffCase(c),
              counts: {
                participants: participants.length,
                started: of.length,
                submitted: of.filter((r) => r.status === 'submitted').length,
                returned: of.filter((r) => r.status === 'returned').length,
                graded: of.filter((r) => r.status === 'submitted' && r.graded_at !== null).length,
                released: of.filter((r) => releasedScore(r) !== null).length,
              },
            };
          }),
        };
      }
      requireParticipant(access);
      return {
        cases: course.cases.map((c) => {
          const row = rows.find((r) => r.case_id === c.id && r.user_id === user.id);
          return {
            ...participantCase(c),
            mine: {
              status: row?.status ?? 'draft',
              submittedAt: iso(row?.submitted_at),
              score: releasedScore(row),
            },
          };
        }),
      };
    },
  );

  app.get(
    '/cohorts/:id/cases/:caseId/mine',
    {
      schema: {
        summary:
          'Your case study: story, questions, rubric, your saved answers; grade and feedback once released',
        params: CaseParams,
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { access, caseStudy } = await open(user, request.params.id, request.params.caseId);
      requireParticipant(access);
      const c = caseStudy as NonNullable<typeof caseStudy>;
      const key = { cohortId: access.cohort.id, userId: user.id, caseId: c.id };
      return { case: participantCase(c), submission: await mineView(key, c) };
    },
  );

  /** saves writes or refuses them: CASE_SUBMITTED once submitted, RESULTS_FROZEN once closed */
  const save = async (key: CaseKey, writes: CaseAnswerWrite[]) => {
    await assertNotFrozen(db, key.cohortId);
    const outcome = await saveCaseAnswers(db, { key, writes, now: ctx.now() });
    if (outcome.locked) throw new ApiError('CASE_SUBMITTED');
    return outcome;
  };

  app.put(
    '/cohorts/:id/cases/:caseId/mine/answers/:questionId',
    {
      schema: {
        summary: 'Autosave the answer to one guiding question; ANSWER_STALE when a newer one is stored',
        params: CaseParams.extend({ questionId: Id }),
        body: z.object({ text: AnswerText, seq: Seq }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { access, caseStudy } = await open(user, request.params.id, request.params.caseId);
      requireParticipant(access);
      const c = caseStudy as NonNullable<typeof caseStudy>;
      const write = { questionId: request.params.questionId, ...request.body };
      checkCaseWrites(c, [write], 'params');
      const outcome = await save({ cohortId: access.cohort.id, userId: user.id, caseId: c.id }, [write]);
      const stale = outcome.stale[0];
      if (stale) throw staleError(write, stale.stored, 'body.seq');
      const saved = outcome.saved[0] as NonNullable<(typeof outcome.saved)[0]>;
      return { answer: { questionId: saved.questionId, seq: saved.seq, savedAt: iso(saved.savedAt) } };
    },
  );

  app.post(
    '/cohorts/:id/cases/:caseId/mine/answers',
    {
      schema: {
        summary:
          'Autosave a batch of answers (an offline queue); reports which were saved and which were stale',
        params: CaseParams,
        body: z.object({ answers: AnswerBatch.min(1) }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { access, caseStudy } = await open(user, request.params.id, request.params.caseId);
      requireParticipant(access);
      const c = caseStudy as NonNullable<typeof caseStudy>;
      checkCaseWrites(c, request.body.answers, 'body.answers.#');
      const outcome = await save(
        { cohortId: access.cohort.id, userId: user.id, caseId: c.id },
        request.body.answers,
      );
      return {
        saved: outcome.saved.map((a) => ({ questionId: a.questionId, seq: a.seq, savedAt: iso(a.savedAt) })),
        stale: outcome.stale.map(({ write, stored }) => ({
          questionId: write.questionId,
          seq: write.seq,
          stored: { text: stored.text, seq: stored.seq, savedAt: iso(stored.savedAt) },
        })),
      };
    },
  );

  app.post(
    '/cohorts/:id/cases/:caseId/mine/submit',
    {
      schema: {
        summary:
          'Submit your case study for grading (queued answers first); every question needs an answer; submitting again changes nothing',
        params: CaseParams,
        body: z.object({ answers: AnswerBatch.optional() }).optional(),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { access, caseStudy } = await open(user, request.params.id, request.params.caseId);
      requireParticipant(access);
      const c = caseStudy as NonNullable<typeof caseStudy>;
      const key = { cohortId: access.cohort.id, userId: user.id, caseId: c.id };
      await assertNotFrozen(db, key.cohortId);
      const writes = request.body?.answers ?? [];
      const now = ctx.now();
      if (writes.length > 0) {
        checkCaseWrites(c, writes, 'body.answers.#');
        const current = await submissionRow(db, key);
        // an already submitted case keeps what it had; a retried submit is not an error
        if (current?.status !== 'submitted') await saveCaseAnswers(db, { key, writes, now });
      }
      await submitCase(db, { key, caseStudy: c, now });
      return { submission: await mineView(key, c) };
    },
  );

  // --- the facilitator's side ----------------------------------------------------------------------

  app.get(
    '/cohorts/:id/cases/:caseId/submissions',
    {
      schema: {
        summary:
          "Every participant's status, grade and release for a case, with the case and its model answer (staff)",
        params: CaseParams,
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { access, caseStudy } = await open(user, request.params.id, request.params.caseId);
      requireManager(access);
      const c = caseStudy as NonNullable<typeof caseStudy>;
      const people = await cohortParticipants(db, access.cohort.id);
      const rows = await db
        .selectFrom('case_submissions')
        .selectAll()
        .where('cohort_id', '=', access.cohort.id)
        .where('case_id', '=', c.id)
        .execute();
      return {
        case: staffCase(c),
        submissions: people.map((p) => {
          const row = rows.find((r) => r.user_id === p.id);
          return {
            userId: p.id,
            name: p.name,
            nip: p.nip,
            status: row?.status ?? 'not-started',
            savedAt: iso(row?.saved_at),
            submittedAt: iso(row?.submitted_at),
            score: row?.graded_at != null ? row.score : null,
            graded: row?.graded_at != null,
            released: row ? releasedScore(row) !== null : false,
          };
        }),
      };
    },
  );

  app.get(
    '/cohorts/:id/cases/:caseId/submissions/:userId',
    {
      schema: {
        summary:
          "One participant's answers beside the rubric and model answer, with the grade so far (staff)",
        params: SubmissionParams,
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { access, caseStudy } = await open(user, request.params.id, request.params.caseId);
      requireManager(access);
      const c = caseStudy as NonNullable<typeof caseStudy>;
      const person = await participantOf(db, access.cohort.id, request.params.userId);
      const key = { cohortId: access.cohort.id, userId: person.id, caseId: c.id };
      return {
        case: staffCase(c),
        participant: { id: person.id, name: person.name, nip: person.nip, instansi: person.instansi },
        submission: staffSubmissionView(c, await submissionRow(db, key), await caseAnswers(db, key)),
      };
    },
  );

  app.put(
    '/cohorts/:id/cases/:caseId/submissions/:userId/grade',
    {
      schema: {
        summary:
          'Grade a submitted case: a rubric level 1–4 per criterion (score 0–100 by the weights) and feedback (staff)',
        params: SubmissionParams,
        body: z.object({
          levels: z.record(Id, z.number().int().min(1).max(4)),
          feedback: z.string().trim().max(10_000).default(''),
        }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { access, caseStudy } = await open(user, request.params.id, request.params.caseId);
      requireManager(access);
      const c = caseStudy as NonNullable<typeof caseStudy>;
      const person = await participantOf(db, access.cohort.id, request.params.userId);
      await assertNotFrozen(db, access.cohort.id);
      const score = caseScore(c, request.body.levels, 'body.levels');
      const key = { cohortId: access.cohort.id, userId: person.id, caseId: c.id };
      const now = ctx.now();
      const row = await gradeCase(db, {
        key,
        levels: request.body.levels,
        score,
        feedback: request.body.feedback,
        graderId: user.id,
        now,
      });
      await audit(
        ctx.db,
        {
          actorId: user.id,
          action: 'case.grade',
          target: person.id,
          detail: { cohortId: access.cohort.id, caseId: c.id, score },
          ip: request.ip,
        },
        now,
      );
      return { submission: staffSubmissionView(c, row, await caseAnswers(db, key)) };
    },
  );

  app.post(
    '/cohorts/:id/cases/:caseId/submissions/:userId/return',
    {
      schema: {
        summary: 'Return a submitted case for revision with a note the participant sees at once (staff)',
        params: SubmissionParams,
        body: z.object({ note: z.string().trim().min(1).max(5_000) }),
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { access, caseStudy } = await open(user, request.params.id, request.params.caseId);
      requireManager(access);
      const c = caseStudy as NonNullable<typeof caseStudy>;
      const person = await participantOf(db, access.cohort.id, request.params.userId);
      await assertNotFrozen(db, access.cohort.id);
      const key = { cohortId: access.cohort.id, userId: person.id, caseId: c.id };
      const now = ctx.now();
      const row = await returnCase(db, { key, note: request.body.note, now });
      await audit(
        ctx.db,
        {
          actorId: user.id,
          action: 'case.return',
          target: person.id,
          detail: { cohortId: access.cohort.id, caseId: c.id },
          ip: request.ip,
        },
        now,
      );
      return { submission: staffSubmissionView(c, row, await caseAnswers(db, key)) };
    },
  );

  app.post(
    '/cohorts/:id/cases/:caseId/release',
    {
      schema: {
        summary: 'Release every graded submission of a case to its participant (staff); the number released',
        params: CaseParams,
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { access, caseStudy } = await open(user, request.params.id, request.params.caseId);
      requireManager(access);
      const c = caseStudy as NonNullable<typeof caseStudy>;
      await assertNotFrozen(db, access.cohort.id);
      const now = ctx.now();
      const released = await releaseGrades(db, { cohortId: access.cohort.id, caseId: c.id, now });
      await audit(
        ctx.db,
        {
          actorId: user.id,
          action: 'case.release',
          target: access.cohort.id,
          detail: { caseId: c.id, released },
          ip: request.ip,
        },
        now,
      );
      return { released };
    },
  );
};

export default cases;
