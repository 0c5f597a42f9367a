import type { Course } from '../../course/model.ts';
import {
  COGNITIVE_LEVELS,
  GAIN_BANDS,
  type Gain,
  ITEM_ANALYSIS_THRESHOLDS,
  itemAnalysis,
  normalizedGain,
} from '../../evaluation/index.ts';
import { type AttemptRow, parseForm, parseResult, type TestDb } from './attempts.ts';
import { courseBank, type TestKind, testPolicy } from './test-bank.ts';

// What a finished attempt shows, the pre/post/gain of a participant and of a cohort, and the item
// analysis of a test, all computed by src/evaluation from the stored attempts.

/** When a finished attempt's review (answers, keys, explanations) is shown. */
export type ReviewWhen = 'after-submit' | 'after-close' | 'never';

/** The result of a finished attempt; `review` only when the policy allows it now. */
export function resultView(row: AttemptRow, course: Course, review: { available: boolean }) {
  const score = parseResult(row);
  if (score === null) return null;
  const policy = testPolicy(course, row.test);
  const bank = courseBank(course);
  const form = parseForm(row);
  return {
    score: score.score,
    correct: score.correct,
    total: score.total,
    answered: score.answered,
    passingScore: policy.passingScore,
    passed: policy.passingScore === null ? null : score.score >= policy.passingScore,
    byValue: Object.entries(score.byValue).map(([value, b]) => ({
      value,
      name: bank.valueNames.get(value) ?? value,
      ...b,
    })),
    byLevel: COGNITIVE_LEVELS.filter((level) => score.byLevel[level].total > 0).map((level) => ({
      level,
      ...score.byLevel[level],
    })),
    byMaterial: Object.entries(score.byMaterial).map(([material, b]) => ({
      material,
      title: bank.materialTitles.get(material) ?? material,
      ...b,
    })),
    review: {
      available: review.available,
      when: policy.reveal as ReviewWhen,
      items: review.available
        ? score.items.map((outcome, index) => {
            const question = bank.questions.get(outcome.itemId);
            const item = bank.items.get(outcome.itemId);
            const order = form.optionOrder[outcome.itemId] ?? item?.optionIds ?? [];
            return {
              number: index + 1,
              itemId: outcome.itemId,
              stem: question?.stem ?? '',
              options: order.map((id) => ({
                id,
                html: question?.options.find((o) => o.id === id)?.html ?? '',
                correct: id === item?.correctOptionId,
              })),
              chosen: outcome.chosen,
              correct: outcome.correct,
              correctOptionId: item?.correctOptionId ?? null,
              explanation: question?.explanation ?? '',
              value: question?.value ?? null,
              level: question?.level ?? null,
              page: question ? (bank.pages.get(`${question.material}/${question.page}`) ?? null) : null,
            };
          })
        : null,
    },
  };
}
export type ResultView = NonNullable<ReturnType<typeof resultView>>;

export interface TestScore {
  attemptId: string;
  number: number;
  score: number;
  finishedAt: number;
}

export interface ScoreSummary {
  /** the first finished pre-test: where the participant started */
  pre: TestScore | null;
  /** the best finished post-test, the one the passing mark is read on */
  post: (TestScore & { passed: boolean }) | null;
  postAttempts: number;
  gain: Gain;
}

/** Pre, post and gain per participant from their attempts (open and finished, any order). */
export function summarizeScores(
  rows: readonly AttemptRow[],
  course: Course,
  participantIds: readonly string[],
): Map<string, ScoreSummary> {
  const passing = course.evaluation.posttest.passingScore;
  const byUser = new Map<string, AttemptRow[]>();
  for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
  const out = new Map<string, ScoreSummary>();
  for (const id of participantIds) {
    const mine = (byUser.get(id) ?? []).filter((r) => r.finished_at !== null && r.score !== null);
    const scoreOf = (r: AttemptRow): TestScore => ({
      attemptId: r.id,
      number: r.number,
      score: r.score as number,
      finishedAt: r.finished_at as number,
    });
    const pres = mine.filter((r) => r.test === 'pretest').sort((a, b) => a.number - b.number);
    const posts = mine
      .filter((r) => r.test === 'posttest')
      .sort((a, b) => (b.score as number) - (a.score as number) || a.number - b.number);
    const pre = pres[0] ? scoreOf(pres[0]) : null;
    const post = posts[0] ? { ...scoreOf(posts[0]), passed: (posts[0].score as number) >= passing } : null;
    out.set(id, {
      pre,
      post,
      postAttempts: (byUser.get(id) ?? []).filter((r) => r.test === 'posttest').length,
      gain: normalizedGain({ pre: pre?.score ?? null, post: post?.score ?? null }),
    });
  }
  return out;
}

export const GAIN_THRESHOLDS = {
  bands: GAIN_BANDS,
  formula: 'g = (post − pre) / (100 − pre); undefined when pre = 100',
} as const;

/**
 * Item analysis of one test over a cohort: the first finished attempt of each participant (a retake
 * is not an independent response), every item that was on at least one of their forms.
 */
export async function testItemAnalysis(
  db: TestDb,
  options: { cohortId: string; test: TestKind; course: Course },
) {
  const { cohortId, test, course } = options;
  const rows = await db
    .selectFrom('test_attempts')
    .selectAll()
    .where('cohort_id', '=', cohortId)
    .where('test', '=', test)
    .where('finished_at', 'is not', null)
    .orderBy('number')
    .execute();
  const first = new Map<string, AttemptRow>();
  for (const row of rows) if (!first.has(row.user_id)) first.set(row.user_id, row);
  const attempts = [...first.values()];
  const answerRows = attempts.length
    ? await db
        .selectFrom('test_answers')
        .select(['attempt_id', 'item_id', 'option_id'])
        .where(
          'attempt_id',
          'in',
          attempts.map((a) => a.id),
        )
        .execute()
    : [];
  const answers = new Map<string, Record<string, string | null>>();
  for (const a of answerRows) {
    const map = answers.get(a.attempt_id) ?? {};
    map[a.item_id] = a.option_id;
    answers.set(a.attempt_id, map);
  }
  const bank = courseBank(course);
  const used = new Set(attempts.flatMap((a) => parseForm(a).itemIds));
  const items = bank.bank.filter((item) => used.has(item.id));
  const report = itemAnalysis({
    items,
    responses: attempts.map((a) => ({
      participantId: a.user_id,
      itemIds: parseForm(a).itemIds,
      answers: answers.get(a.id) ?? {},
    })),
  });
  return {
    test,
    basis: 'first-finished-attempt' as const,
    thresholds: ITEM_ANALYSIS_THRESHOLDS,
    participants: report.participants,
    meanScore: report.meanScore,
    reliability: report.reliability,
    items: report.items.map((stats) => {
      const question = bank.questions.get(stats.itemId);
      return {
        ...stats,
        material: question?.material ?? null,
        value: question?.value ?? null,
        level: question?.level ?? null,
        stem: question?.stem ?? '',
        page: question ? (bank.pages.get(`${question.material}/${question.page}`) ?? null) : null,
      };
    }),
  };
}
