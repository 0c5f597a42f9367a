// The participant's calls for case studies (docs/api.md, "Case studies"). Errors are the test screens'
// `OfflineError` (no answer) and `ApiError` (the server's code), so one translation serves both.

import { type Fetch, TestsApi } from '../api.ts';

export interface CaseCriterion {
  id: string;
  criterion: string;
  weight: number;
  /** what levels 1 to 4 look like */
  levels: string[];
}

export interface CaseStudyView {
  id: string;
  title: string;
  values: string[];
  /** the story, HTML compiled and sanitised from the course */
  story: string;
  questions: { id: string; text: string }[];
  rubric: CaseCriterion[];
}

export type CaseStatus = 'draft' | 'submitted' | 'returned';

export interface CaseListEntry extends CaseStudyView {
  mine: { status: CaseStatus; submittedAt: string | null; score: number | null };
}

export interface CaseAnswer {
  questionId: string;
  question: string;
  text: string;
  words: number;
  seq: number;
  savedAt: string | null;
}

export interface CaseGrade {
  score: number;
  levels: Record<string, number>;
  feedback: string | null;
  releasedAt: string | null;
}

export interface OwnSubmission {
  status: CaseStatus;
  editable: boolean;
  submittedAt: string | null;
  returnedAt: string | null;
  returnNote: string | null;
  answers: CaseAnswer[];
  lastSeq: number;
  grade: CaseGrade | null;
}

export interface CaseWrite {
  questionId: string;
  text: string;
  seq: number;
}

export interface CaseSaveResult {
  saved: { questionId: string; seq: number; savedAt: string }[];
  stale: { questionId: string; seq: number; stored: { text: string; seq: number; savedAt: string | null } }[];
}

export class CasesApi {
  #http: TestsApi;

  constructor(root: string, fetch?: Fetch) {
    this.#http = new TestsApi(root, fetch);
  }

  #base(cohortId: string, caseId?: string): string {
    const cohort = `cohorts/${encodeURIComponent(cohortId)}/cases`;
    return caseId === undefined ? cohort : `${cohort}/${encodeURIComponent(caseId)}`;
  }

  async list(cohortId: string): Promise<CaseListEntry[]> {
    return (await this.#http.call<{ cases: CaseListEntry[] }>(this.#base(cohortId))).cases;
  }

  mine(cohortId: string, caseId: string): Promise<{ case: CaseStudyView; submission: OwnSubmission }> {
    return this.#http.call(`${this.#base(cohortId, caseId)}/mine`);
  }

  saveMany(cohortId: string, caseId: string, answers: CaseWrite[]): Promise<CaseSaveResult> {
    return this.#http.call(`${this.#base(cohortId, caseId)}/mine/answers`, 'POST', { answers });
  }

  async submit(cohortId: string, caseId: string, answers: CaseWrite[]): Promise<OwnSubmission> {
    const body = answers.length > 0 ? { answers } : {};
    return (
      await this.#http.call<{ submission: OwnSubmission }>(
        `${this.#base(cohortId, caseId)}/mine/submit`,
        'POST',
        body,
      )
    ).submission;
  }
}
