import type { CaseStudy, Course } from '../../course/model.ts';
import { levelToScore } from '../../evaluation/index.ts';
import { ApiError, fieldError } from '../errors.ts';
import { type CaseSubmissionRow, type EvalDb, iso } from './evaluation-db.ts';

// Case studies (studi kasus, issue 7). A participant's answers are saved per guiding question with the
// same rule as test answers: each write carries the client's sequence number and replaces the stored
// text only when newer, in one conditional upsert, in the transaction that first takes the submission
// row and checks that it is still editable (a draft, or returned for revision). Submitting flips the
// row in one guarded update, so a save racing a submit either lands before it or is refused.

export interface CaseKey {
  cohortId: string;
  userId: string;
  caseId: string;
}

export interface CaseAnswerWrite {
  questionId: string;
  text: string;
  seq: number;
}

export interface StoredCaseAnswer {
  questionId: string;
  text: string;
  seq: number;
  savedAt: number;
}

export function caseOf(course: Course, caseId: string): CaseStudy {
  const found = course.cases.find((c) => c.id === caseId);
  if (!found) throw new ApiError('NOT_FOUND', `Course ${course.id} has no case study ${caseId}`);
  return found;
}

export function wordCount(text: string): number {
  return text.trim() === '' ? 0 : text.trim().split(/\s+/u).length;
}

/** The case as a participant sees it: story, guiding questions and rubric, never the model answer. */
export function participantCase(c: CaseStudy) {
  return {
    id: c.id,
    title: c.title,
    values: c.values,
    story: c.story,
    questions: c.questions,
    rubric: c.rubric.map((r) => ({ id: r.id, criterion: r.criterion, weight: r.weight, levels: r.levels })),
  };
}

/** The case as the staff see it: with the model answer. */
export function staffCase(c: CaseStudy) {
  return { ...participantCase(c), modelAnswer: c.modelAnswer };
}

/**
 * The grade of a case from a rubric level (1–4) per criterion: each level as (level − 1) / 3 × 100,
 * weighted by the criteria's weights. Every criterion needs a level; unknown criteria are refused.
 */
export function caseScore(c: CaseStudy, levels: Readonly<Record<string, number>>, path: string): number {
  const known = new Set(c.rubric.map((r) => r.id));
  for (const id of Object.keys(levels)) {
    if (!known.has(id)) {
      throw fieldError(
        `${path}.${id}`,
        'unknown_criterion',
        `${id} is not a criterion of ${c.id}; expected one of ${[...known].join(', ')}`,
      );
    }
  }
  let total = 0;
  let weights = 0;
  for (const criterion of c.rubric) {
    const level = Object.hasOwn(levels, criterion.id) ? levels[criterion.id] : undefined;
    if (level === undefined) {
      throw fieldError(`${path}.${criterion.id}`, 'missing', `give ${criterion.id} a level from 1 to 4`);
    }
    total += criterion.weight * levelToScore(level);
    weights += criterion.weight;
  }
  return weights === 0 ? 0 : Math.round((total / weights) * 100) / 100;
}

const where = (key: CaseKey) => ({
  cohort_id: key.cohortId,
  user_id: key.userId,
  case_id: key.caseId,
});

export async function submissionRow(db: EvalDb, key: CaseKey): Promise<CaseSubmissionRow | undefined> {
  const w = where(key);
  return db
    .selectFrom('case_submissions')
    .selectAll()
    .where('cohort_id', '=', w.cohort_id)
    .where('user_id', '=', w.user_id)
    .where('case_id', '=', w.case_id)
    .executeTakeFirst();
}

export async function caseAnswers(db: EvalDb, key: CaseKey): Promise<StoredCaseAnswer[]> {
  const rows = await db
    .selectFrom('case_answers')
    .selectAll()
    .where('cohort_id', '=', key.cohortId)
    .where('user_id', '=', key.userId)
    .where('case_id', '=', key.caseId)
    .execute();
  return rows.map((r) => ({ questionId: r.question_id, text: r.text, seq: r.seq, savedAt: r.saved_at }));
}

/** refuses a question that is not one of the case's */
export function checkCaseWrites(c: CaseStudy, writes: readonly CaseAnswerWrite[], path: string): void {
  const ids = new Set(c.questions.map((q) => q.id));
  writes.forEach((write, i) => {
    if (!ids.has(write.questionId)) {
      const at = path.includes('#') ? path.replace('#', String(i)) : path;
      throw fieldError(
        `${at}.questionId`,
        'unknown_question',
        `${write.questionId} is not a question of ${c.id}; expected one of ${[...ids].join(', ')}`,
      );
    }
  });
}

export type CaseSaveOutcome =
  | {
      locked: false;
      saved: StoredCaseAnswer[];
      stale: { write: CaseAnswerWrite; stored: StoredCaseAnswer }[];
    }
  | { locked: true };

/**
 * Saves answers while the case is editable, each only when newer than the stored one. A write equal
 * to the stored answer (a retry) counts as saved; an older one is stale and changes nothing. `locked`
 * when the case is submitted: then nothing is written.
 */
export async function saveCaseAnswers(
  db: EvalDb,
  options: { key: CaseKey; writes: readonly CaseAnswerWrite[]; now: number },
): Promise<CaseSaveOutcome> {
  const { key, writes, now } = options;
  const w = where(key);
  return db.transaction().execute(async (trx): Promise<CaseSaveOutcome> => {
    await trx
      .insertInto('case_submissions')
      .values({
        ...w,
        status: 'draft',
        created_at: now,
        saved_at: null,
        submitted_at: null,
        returned_at: null,
        return_note: null,
        levels: null,
        score: null,
        feedback: null,
        graded_by: null,
        graded_at: null,
        released_at: null,
      })
      .onConflict((oc) => oc.columns(['cohort_id', 'user_id', 'case_id']).doNothing())
      .execute();
    // takes the submission row (PostgreSQL row lock), the row a submit takes too
    const touched = await trx
      .updateTable('case_submissions')
      .set({ saved_at: now })
      .where('cohort_id', '=', w.cohort_id)
      .where('user_id', '=', w.user_id)
      .where('case_id', '=', w.case_id)
      .where('status', 'in', ['draft', 'returned'])
      .executeTakeFirst();
    if (Number(touched.numUpdatedRows) === 0) return { locked: true };
    const saved: StoredCaseAnswer[] = [];
    const stale: { write: CaseAnswerWrite; stored: StoredCaseAnswer }[] = [];
    for (const write of writes) {
      const result = await trx
        .insertInto('case_answers')
        .values({ ...w, question_id: write.questionId, text: write.text, seq: write.seq, saved_at: now })
        .onConflict((oc) =>
          oc
            .columns(['cohort_id', 'user_id', 'case_id', 'question_id'])
            .doUpdateSet((eb) => ({
              text: eb.ref('excluded.text'),
              seq: eb.ref('excluded.seq'),
              saved_at: eb.ref('excluded.saved_at'),
            }))
            .where((eb) => eb('case_answers.seq', '<', eb.ref('excluded.seq'))),
        )
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) {
        saved.push({ questionId: write.questionId, text: write.text, seq: write.seq, savedAt: now });
        continue;
      }
      const current = await trx
        .selectFrom('case_answers')
        .selectAll()
        .where('cohort_id', '=', w.cohort_id)
        .where('user_id', '=', w.user_id)
        .where('case_id', '=', w.case_id)
        .where('question_id', '=', write.questionId)
        .executeTakeFirstOrThrow();
      const stored = {
        questionId: current.question_id,
        text: current.text,
        seq: current.seq,
        savedAt: current.saved_at,
      };
      if (current.seq === write.seq && current.text === write.text) saved.push(stored);
      else stale.push({ write, stored });
    }
    return { locked: false, saved, stale };
  });
}

/**
 * Submits the case for grading once every guiding question has an answer. Submitting a case that is
 * already submitted returns it unchanged.
 */
export async function submitCase(
  db: EvalDb,
  options: { key: CaseKey; caseStudy: CaseStudy; now: number },
): Promise<CaseSubmissionRow> {
  const { key, caseStudy, now } = options;
  const w = where(key);
  return db.transaction().execute(async (trx) => {
    // take the row first (PostgreSQL row lock), so no save lands between the check and the flip
    const touched = await trx
      .updateTable('case_submissions')
      .set({ saved_at: now })
      .where('cohort_id', '=', w.cohort_id)
      .where('user_id', '=', w.user_id)
      .where('case_id', '=', w.case_id)
      .where('status', 'in', ['draft', 'returned'])
      .executeTakeFirst();
    if (Number(touched.numUpdatedRows) === 0) {
      const row = await submissionRow(trx, key);
      if (row?.status === 'submitted') return row;
    }
    const answers = new Map((await caseAnswers(trx, key)).map((a) => [a.questionId, a.text]));
    const empty = caseStudy.questions.filter((q) => (answers.get(q.id) ?? '').trim() === '');
    if (empty.length > 0) {
      const issues = empty.map((q) => ({
        path: `answers.${q.id}`,
        code: 'missing',
        message: `answer "${q.text}" before submitting`,
      }));
      throw new ApiError('VALIDATION_FAILED', `Unanswered: ${issues.map((i) => i.path).join(', ')}`, {
        issues,
      });
    }
    await trx
      .updateTable('case_submissions')
      .set({ status: 'submitted', submitted_at: now })
      .where('cohort_id', '=', w.cohort_id)
      .where('user_id', '=', w.user_id)
      .where('case_id', '=', w.case_id)
      .execute();
    return (await submissionRow(trx, key)) as CaseSubmissionRow;
  });
}

export async function gradeCase(
  db: EvalDb,
  options: {
    key: CaseKey;
    levels: Record<string, number>;
    score: number;
    feedback: string;
    graderId: string;
    now: number;
  },
): Promise<CaseSubmissionRow> {
  const { key, now } = options;
  const w = where(key);
  const result = await db
    .updateTable('case_submissions')
    .set({
      levels: JSON.stringify(options.levels),
      score: options.score,
      feedback: options.feedback,
      graded_by: options.graderId,
      graded_at: now,
    })
    .where('cohort_id', '=', w.cohort_id)
    .where('user_id', '=', w.user_id)
    .where('case_id', '=', w.case_id)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new ApiError('CASE_NOT_SUBMITTED');
  return (await submissionRow(db, key)) as CaseSubmissionRow;
}

/** Returns a submitted case for revision: editable again, its grade hidden until it is released anew. */
export async function returnCase(
  db: EvalDb,
  options: { key: CaseKey; note: string; now: number },
): Promise<CaseSubmissionRow> {
  const { key, note, now } = options;
  const w = where(key);
  const result = await db
    .updateTable('case_submissions')
    .set({ status: 'returned', returned_at: now, return_note: note, released_at: null })
    .where('cohort_id', '=', w.cohort_id)
    .where('user_id', '=', w.user_id)
    .where('case_id', '=', w.case_id)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new ApiError('CASE_NOT_SUBMITTED');
  return (await submissionRow(db, key)) as CaseSubmissionRow;
}

/** Releases every graded, submitted case of a cohort not yet released; the number released. */
export async function releaseGrades(
  db: EvalDb,
  options: { cohortId: string; caseId: string; now: number },
): Promise<number> {
  const result = await db
    .updateTable('case_submissions')
    .set({ released_at: options.now })
    .where('cohort_id', '=', options.cohortId)
    .where('case_id', '=', options.caseId)
    .where('status', '=', 'submitted')
    .where('graded_at', 'is not', null)
    .where('released_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function parseLevels(row: Pick<CaseSubmissionRow, 'levels'>): Record<string, number> | null {
  return row.levels === null ? null : (JSON.parse(row.levels) as Record<string, number>);
}

/** A participant's released grade of a case, or null while it is not released. */
export function releasedScore(row: CaseSubmissionRow | undefined): number | null {
  return row && row.status === 'submitted' && row.released_at !== null && row.score !== null
    ? row.score
    : null;
}

function answersView(c: CaseStudy, answers: readonly StoredCaseAnswer[]) {
  const byId = new Map(answers.map((a) => [a.questionId, a]));
  return c.questions.map((q) => {
    const a = byId.get(q.id);
    return {
      questionId: q.id,
      question: q.text,
      text: a?.text ?? '',
      words: wordCount(a?.text ?? ''),
      seq: a?.seq ?? 0,
      savedAt: iso(a?.savedAt),
    };
  });
}

/** What the participant sees of their own work: the grade and feedback only once released. */
export function ownSubmissionView(
  c: CaseStudy,
  row: CaseSubmissionRow | undefined,
  answers: StoredCaseAnswer[],
) {
  const released = row !== undefined && releasedScore(row) !== null;
  return {
    status: row?.status ?? ('draft' as const),
    editable: row === undefined || row.status !== 'submitted',
    submittedAt: iso(row?.submitted_at),
    returnedAt: iso(row?.returned_at),
    returnNote: row?.status === 'returned' ? row.return_note : null,
    answers: answersView(c, answers),
    lastSeq: answers.reduce((max, a) => Math.max(max, a.seq), 0),
    grade:
      released && row
        ? {
            score: row.score,
            levels: parseLevels(row),
            feedback: row.feedback,
            releasedAt: iso(row.released_at),
          }
        : null,
  };
}

/** What the staff see of one participant's work. */
export function staffSubmissionView(
  c: CaseStudy,
  row: CaseSubmissionRow | undefined,
  answers: StoredCaseAnswer[],
) {
  return {
    status: row?.status ?? ('not-started' as const),
    submittedAt: iso(row?.submitted_at),
    returnedAt: iso(row?.returned_at),
    returnNote: row?.return_note ?? null,
    answers: answersView(c, answers),
    grade:
      row?.graded_at != null
        ? {
            score: row.score,
            levels: parseLevels(row),
            feedback: row.feedback,
            gradedAt: iso(row.graded_at),
            released: row.released_at !== null,
            releasedAt: iso(row.released_at),
          }
        : null,
  };
}
