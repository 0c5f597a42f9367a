// The feedback survey (umpan balik) as the participant fills it: the server's calls, which required
// items are still empty, and the body that is sent. The form is answered once; the server refuses a
// second answer with FEEDBACK_SUBMITTED.

import { type Fetch, TestsApi } from '../api.ts';

export interface SurveyItem {
  id: string;
  kind: 'likert' | 'text';
  text: string;
  required: boolean;
}

export interface Survey {
  title: string;
  intro?: string;
  /** labels of 1 to 5 */
  scale: string[];
  sections: { id: string; title: string; items: SurveyItem[] }[];
}

export interface FeedbackState {
  survey: Survey;
  mine: { submitted: boolean; submittedAt: string | null } | null;
}

export type FeedbackAnswers = ReadonlyMap<string, number | string>;

/** the most characters an open answer may have (the server's limit) */
export const MAX_TEXT = 2000;

export class FeedbackApi {
  #http: TestsApi;

  constructor(root: string, fetch?: Fetch) {
    this.#http = new TestsApi(root, fetch);
  }

  get(cohortId: string): Promise<FeedbackState> {
    return this.#http.call(`cohorts/${encodeURIComponent(cohortId)}/feedback`);
  }

  async submit(
    cohortId: string,
    answers: Record<string, number | string>,
  ): Promise<{ submitted: boolean; submittedAt: string | null }> {
    const body = await this.#http.call<{ mine: { submitted: boolean; submittedAt: string | null } }>(
      `cohorts/${encodeURIComponent(cohortId)}/feedback`,
      'POST',
      { answers },
    );
    return body.mine;
  }
}

function answered(item: SurveyItem, value: number | string | undefined): boolean {
  if (item.kind === 'likert')
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
  return typeof value === 'string' && value.trim() !== '';
}

/** the required items still without an answer, in the survey's order */
export function missingRequired(survey: Survey, answers: FeedbackAnswers): string[] {
  return survey.sections.flatMap((s) =>
    s.items.filter((i) => i.required && !answered(i, answers.get(i.id))).map((i) => i.id),
  );
}

/** what is sent: scale answers as numbers, open answers trimmed, empty optional ones left out */
export function feedbackBody(survey: Survey, answers: FeedbackAnswers): Record<string, number | string> {
  const body: Record<string, number | string> = {};
  for (const section of survey.sections) {
    for (const item of section.items) {
      const value = answers.get(item.id);
      if (!answered(item, value)) continue;
      body[item.id] = typeof value === 'string' ? value.trim().slice(0, MAX_TEXT) : (value as number);
    }
  }
  return body;
}

/** the item ids the server's 400 names (`body.answers.<id>`) */
export function itemsInIssues(body: unknown): string[] {
  const issues = (body as { issues?: { path?: unknown }[] } | null)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((i) => {
    const match = typeof i.path === 'string' ? /^body\.answers\.(.+)$/.exec(i.path) : null;
    return match?.[1] ? [match[1]] : [];
  });
}
