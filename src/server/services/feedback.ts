import { randomInt } from 'node:crypto';
import type { Course, FeedbackSurvey } from '../../course/model.ts';
import { ApiError, type Issue } from '../errors.ts';
import type { EvalDb } from './evaluation-db.ts';

// Umpan balik (issue 7): each participant answers the course's feedback.yaml once; the staff see only
// aggregates, and only once enough people answered that no single answer can be told apart.

/** below this many respondents the staff see no aggregate at all */
export const MIN_RESPONDENTS = 3;
export const MAX_TEXT_ANSWER = 2000;

export type FeedbackAnswers = Record<string, number | string>;

export function surveyOf(course: Course): FeedbackSurvey {
  if (!course.feedback)
    throw new ApiError('FEEDBACK_UNAVAILABLE', `Course ${course.id} has no feedback.yaml`);
  return course.feedback;
}

/**
 * Checks a response against the survey and returns it cleaned (text trimmed, empty optional answers
 * left out). Every problem is reported at once: unknown items, a likert answer that is not a whole
 * number from 1 to 5, a text that is not text or too long, a required item left empty.
 */
export function checkFeedback(
  survey: FeedbackSurvey,
  answers: Readonly<Record<string, unknown>>,
): FeedbackAnswers {
  const issues: Issue[] = [];
  const items = survey.sections.flatMap((s) => s.items);
  const known = new Set(items.map((i) => i.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) {
      issues.push({
        path: `body.answers.${id}`,
        code: 'unknown_item',
        message: `${id} is not an item of the survey`,
      });
    }
  }
  const clean: FeedbackAnswers = {};
  for (const item of items) {
    const path = `body.answers.${item.id}`;
    const value = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
    const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
    if (empty) {
      if (item.required) issues.push({ path, code: 'required', message: `answer "${item.text}"` });
      continue;
    }
    if (item.kind === 'likert') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
        issues.push({ path, code: 'not_on_scale', message: 'expected a whole number from 1 to 5' });
      } else clean[item.id] = value;
    } else if (typeof value !== 'string') {
      issues.push({ path, code: 'invalid_type', message: 'expected text' });
    } else if (value.trim().length > MAX_TEXT_ANSWER) {
      issues.push({ path, code: 'too_big', message: `use at most ${MAX_TEXT_ANSWER} characters` });
    } else clean[item.id] = value.trim();
  }
  if (issues.length > 0) {
    throw new ApiError('VALIDATION_FAILED', issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
      issues,
    });
  }
  return clean;
}

/** Stores a participant's response; FEEDBACK_SUBMITTED when they answered before. */
export async function submitFeedback(
  db: EvalDb,
  options: { cohortId: string; userId: string; answers: FeedbackAnswers; now: number },
): Promise<void> {
  const result = await db
    .insertInto('feedback_responses')
    .values({
      cohort_id: options.cohortId,
      user_id: options.userId,
      answers: JSON.stringify(options.answers),
      submitted_at: options.now,
    })
    .onConflict((oc) => oc.columns(['cohort_id', 'user_id']).doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) throw new ApiError('FEEDBACK_SUBMITTED');
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The aggregate the staff see: per likert item the mean and how many chose each point of the scale,
 * per text item the answers without names in a random order. Nothing but the count while fewer than
 * MIN_RESPONDENTS have answered.
 */
export async function feedbackSummary(db: EvalDb, options: { cohortId: string; survey: FeedbackSurvey }) {
  const { cohortId, survey } = options;
  const rows = await db
    .selectFrom('feedback_responses')
    .select('answers')
    .where('cohort_id', '=', cohortId)
    .execute();
  const respondents = rows.length;
  const participants = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('cohort_id', '=', cohortId)
    .where('role', '=', 'peserta')
    .executeTakeFirstOrThrow();
  const base = {
    title: survey.title,
    respondents,
    participants: Number(participants.n),
    minimumRespondents: MIN_RESPONDENTS,
  };
  if (respondents < MIN_RESPONDENTS) {
    return {
      ...base,
      state: 'belum-cukup' as const,
      message: `Belum cukup: ringkasan umpan balik tampil setelah sedikitnya ${MIN_RESPONDENTS} peserta mengisi (saat ini ${respondents}).`,
      sections: null,
    };
  }
  const responses = rows.map((r) => JSON.parse(r.answers) as FeedbackAnswers);
  return {
    ...base,
    state: 'tersedia' as const,
    message: null,
    sections: survey.sections.map((section) => ({
      id: section.id,
      title: section.title,
      items: section.items.map((item) => {
        const given = responses
          .map((r) => (Object.hasOwn(r, item.id) ? r[item.id] : undefined))
          .filter((v) => v !== undefined);
        if (item.kind === 'likert') {
          const levels = given.filter((v): v is number => typeof v === 'number');
          const mean = levels.length ? levels.reduce((a, b) => a + b, 0) / levels.length : null;
          return {
            id: item.id,
            kind: 'likert' as const,
            text: item.text,
            answered: levels.length,
            mean: mean === null ? null : Math.round(mean * 100) / 100,
            distribution: survey.scale.map((label, i) => ({
              value: i + 1,
              label,
              count: levels.filter((v) => v === i + 1).length,
            })),
          };
        }
        const texts = given.filter((v): v is string => typeof v === 'string');
        return {
          id: item.id,
          kind: 'text' as const,
          text: item.text,
          answered: texts.length,
          answers: shuffled(texts),
        };
      }),
    })),
  };
}
