import type { Course } from '../../course/model.ts';
import {
  composeResult,
  type FinalResult,
  type Gain,
  normalizedGain,
  type ResultReason,
} from '../../evaluation/index.ts';
import { finishAttempt, isOverdue, type TestDb } from './attempts.ts';
import { releasedScore } from './cases.ts';
import { cohortParticipants, type ParticipantRow } from './closure.ts';
import type { EvalDb } from './evaluation-db.ts';
import { ratingRows, ratingSummary } from './ratings.ts';
import { summarizeScores } from './test-results.ts';

// The final result of each participant (issue 7): the post-test (best finished attempt, issue 6), the
// mean of the case-study grades released to them, and the combined behaviour score, put together by
// composeResult with the course's weights. Live until the cohort is closed; then the stored snapshot.

export interface Outcome {
  userId: string;
  name: string;
  nip: string | null;
  instansi: string | null;
  jabatan: string | null;
  pre: number | null;
  post: number | null;
  gain: Gain;
  cases: { caseId: string; title: string; score: number | null }[];
  /** mean of the released grades once every case has one; null before */
  casesMean: number | null;
  behaviour: {
    overall: { mean: number; score: number } | null;
    /** by value code */
    values: Record<string, { mean: number | null; score: number | null }>;
    rolesRated: string[];
    disagreements: number;
  };
  components: { posttest: number | null; cases: number | null; behaviour: number | null };
  result: FinalResult;
}

/** the weights that apply to a course: a component the course cannot produce counts 0 */
export function courseWeights(course: Course): Record<string, number> {
  const { weights } = course.evaluation;
  return {
    posttest: weights.posttest,
    cases: course.cases.length > 0 ? weights.cases : 0,
    behaviour: course.rubric && course.rubric.values.length > 0 ? weights.behaviour : 0,
  };
}

/** Finishes a cohort's attempts whose time is up, so their scores count (as the issue-6 routes do). */
export async function settleCohortAttempts(db: EvalDb, cohortId: string, course: Course, now: number) {
  const open = await db
    .selectFrom('test_attempts')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .where('finished_at', 'is', null)
    .execute();
  for (const row of open.filter((r) => isOverdue(r, now))) {
    // the same database seen with fewer tables
    await finishAttempt(db as unknown as TestDb, { attemptId: row.id, course, reason: 'deadline', now });
  }
}

/** Every participant's outcome as it stands now, in name order. */
export async function liveOutcomes(
  db: EvalDb,
  options: { cohortId: string; course: Course; only?: readonly string[] },
): Promise<Outcome[]> {
  const { cohortId, course } = options;
  let people: ParticipantRow[] = await cohortParticipants(db, cohortId);
  if (options.only) {
    const only = new Set(options.only);
    people = people.filter((p) => only.has(p.id));
  }
  if (people.length === 0) return [];
  const ids = people.map((p) => p.id);
  const attempts = await db
    .selectFrom('test_attempts')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .where('user_id', 'in', ids)
    .execute();
  const scores = summarizeScores(attempts, course, ids);
  const submissions = await db
    .selectFrom('case_submissions')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .where('user_id', 'in', ids)
    .execute();
  const ratings = await ratingRows(db, cohortId, ids);
  const weights = courseWeights(course);
  const { evaluation } = course;

  return people.map((p) => {
    const summary = scores.get(p.id);
    const cases = course.cases.map((c) => ({
      caseId: c.id,
      title: c.title,
      score: releasedScore(submissions.find((s) => s.user_id === p.id && s.case_id === c.id)),
    }));
    const released = cases.map((c) => c.score).filter((s): s is number => s !== null);
    const casesMean =
      course.cases.length > 0 && released.length === course.cases.length
        ? Math.round((released.reduce((a, b) => a + b, 0) / released.length) * 100) / 100
        : null;
    const mine = ratings.filter((r) => r.participant_id === p.id);
    const rated = mine.length > 0 ? ratingSummary(mine, course) : null;
    const values: Outcome['behaviour']['values'] = {};
    for (const [code, v] of Object.entries(rated?.values ?? {}))
      values[code] = { mean: v.mean, score: v.score };
    const components = {
      posttest: summary?.post?.score ?? null,
      cases: casesMean,
      behaviour: rated?.overall?.score ?? null,
    };
    const result = composeResult({
      components,
      weights,
      predikat: evaluation.predikat,
      passingScore: evaluation.passingScore,
      posttestPassingScore: evaluation.posttest.passingScore,
    });
    return {
      userId: p.id,
      name: p.name,
      nip: p.nip,
      instansi: p.instansi,
      jabatan: p.jabatan,
      pre: summary?.pre?.score ?? null,
      post: summary?.post?.score ?? null,
      gain: summary?.gain ?? normalizedGain({ pre: null, post: null }),
      cases,
      casesMean,
      behaviour: {
        overall: rated?.overall ?? null,
        values,
        rolesRated: rated?.rolesRated ?? [],
        disagreements: rated?.disagreements.length ?? 0,
      },
      components,
      result,
    };
  });
}

/** The outcomes stored when the cohort was closed, in name order. */
export async function frozenOutcomes(
  db: EvalDb,
  cohortId: string,
  only?: readonly string[],
): Promise<Outcome[]> {
  let query = db.selectFrom('final_results').select('snapshot').where('cohort_id', '=', cohortId);
  if (only) {
    if (only.length === 0) return [];
    query = query.where('user_id', 'in', [...only]);
  }
  const rows = await query.execute();
  return rows
    .map((r) => storedOutcome(JSON.parse(r.snapshot) as Outcome))
    .sort((a, b) => a.name.localeCompare(b.name, 'id') || a.userId.localeCompare(b.userId));
}

// Snapshots stored before the reasons became data hold them as the English sentences composeResult
// wrote then; they are read back into the same values, so every closed cohort answers alike.
const SENTENCES: [RegExp, (m: RegExpMatchArray) => ResultReason][] = [
  [
    /^No (\S+) score yet \(weight (\S+)%\)/,
    (m) => ({ kind: 'missing', component: m[1] as string, weight: Math.round(Number(m[2]) * 100) / 10000 }),
  ],
  [
    /^No posttest score yet: passing needs a post-test of at least (\S+)\.$/,
    (m) => ({ kind: 'posttest-missing', passing: Number(m[1]) }),
  ],
  [
    /^The final score (\S+) is below the passing score (\S+)\.$/,
    (m) => ({ kind: 'final-below', score: Number(m[1]), passing: Number(m[2]) }),
  ],
  [
    /^The post-test score (\S+) is below its passing mark (\S+)\.$/,
    (m) => ({ kind: 'posttest-below', score: Number(m[1]), passing: Number(m[2]) }),
  ],
];

function storedReason(reason: ResultReason | string): ResultReason[] {
  if (typeof reason !== 'string') return [reason];
  for (const [pattern, read] of SENTENCES) {
    const m = reason.match(pattern);
    if (m) return [read(m)];
  }
  return [];
}

/** a stored outcome as the API answers it now: reasons stored as sentences become values */
function storedOutcome(outcome: Outcome): Outcome {
  const { result } = outcome;
  if (!result.ok || result.reasons.every((r) => typeof r !== 'string')) return outcome;
  const reasons = (result.reasons as (ResultReason | string)[]).flatMap(storedReason);
  return { ...outcome, result: { ...result, reasons } };
}

export function isLulus(outcome: Pick<Outcome, 'result'>): boolean {
  return outcome.result.ok && outcome.result.complete && outcome.result.lulus === true;
}
