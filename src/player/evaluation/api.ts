// The participant's calls to the server for pre-test and post-test (docs/api.md, "Pre-test and
// post-test"). A network failure throws `OfflineError`; an error answer throws `ApiError` with the
// server's code, which the screens translate.

import type { Scores } from './gain.ts';

export type TestKind = 'pretest' | 'posttest';

export interface TestPolicy {
  items: number;
  timeLimitMinutes: number;
  attempts: number;
  reveal: string;
  passingScore: number | null;
}

export interface MyAttemptSummary {
  id: string;
  number: number;
  status: 'open' | 'finished';
  startedAt: string;
  deadline: string;
  finishedAt: string | null;
  finishReason: 'submitted' | 'deadline' | null;
  score: number | null;
}

export interface TestEntry {
  test: TestKind;
  policy: TestPolicy;
  window: { open: boolean; openedAt: string | null; closedAt: string | null };
  mine: {
    attempts: MyAttemptSummary[];
    attemptsLeft: number;
    openAttemptId: string | null;
    extraMinutes: number;
    canStart: boolean;
  } | null;
}

export interface TestsOverview {
  cohortId: string;
  tests: TestEntry[];
  scores: Scores | null;
}

export interface Question {
  number: number;
  itemId: string;
  stem: string;
  options: { id: string; html: string }[];
}

export interface SavedAnswer {
  itemId: string;
  optionId: string | null;
  seq: number;
  savedAt: string;
}

export interface Breakdown {
  correct: number;
  total: number;
  percent: number;
}

export interface ReviewItem {
  number: number;
  itemId: string;
  stem: string;
  options: { id: string; html: string; correct: boolean }[];
  chosen: string | null;
  correct: boolean;
  correctOptionId: string;
  explanation: string | null;
  value: string;
  level: string;
  page: { material: string; page: string; title: string; path: string } | null;
}

export interface AttemptResult {
  score: number;
  correct: number;
  total: number;
  answered: number;
  passingScore: number | null;
  passed: boolean | null;
  byValue: (Breakdown & { value: string; name: string })[];
  byLevel: (Breakdown & { level: string })[];
  review: { available: boolean; when: string; items: ReviewItem[] | null };
}

export interface Attempt {
  id: string;
  cohortId: string;
  test: TestKind;
  number: number;
  status: 'open' | 'finished';
  startedAt: string;
  deadline: string;
  serverNow: string;
  remainingSeconds: number;
  graceSeconds: number;
  finishedAt: string | null;
  finishReason: 'submitted' | 'deadline' | null;
  policy: TestPolicy;
  questions: Question[] | null;
  answers: SavedAnswer[];
  lastSeq: number;
  result: AttemptResult | null;
}

export class OfflineError extends Error {
  constructor() {
    super('the server did not answer');
  }
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly body: unknown;
  constructor(status: number, code: string, message: string, body: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export class TestsApi {
  readonly root: string;
  #fetch: Fetch;

  constructor(root: string, fetch?: Fetch) {
    this.root = root;
    this.#fetch = fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  async call<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await this.#fetch(`${this.root}${path}`, {
        method,
        credentials: 'same-origin',
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new OfflineError();
    }
    const parsed = await response.json().catch(() => null);
    if (!response.ok) {
      const b = parsed as { code?: string; message?: string } | null;
      throw new ApiError(response.status, b?.code ?? 'UNKNOWN', b?.message ?? response.statusText, parsed);
    }
    return parsed as T;
  }

  overview(cohortId: string): Promise<TestsOverview> {
    return this.call(`cohorts/${encodeURIComponent(cohortId)}/tests`);
  }

  async start(cohortId: string, test: TestKind): Promise<Attempt> {
    const body = await this.call<{ attempt: Attempt }>(
      `cohorts/${encodeURIComponent(cohortId)}/tests/${test}/attempts`,
      'POST',
      {},
    );
    return body.attempt;
  }

  async attempt(id: string): Promise<Attempt> {
    return (await this.call<{ attempt: Attempt }>(`attempts/${encodeURIComponent(id)}`)).attempt;
  }

  saveMany(
    id: string,
    answers: { itemId: string; optionId: string | null; seq: number }[],
  ): Promise<{ saved: SavedAnswer[]; stale: { itemId: string; seq: number; stored: SavedAnswer }[] }> {
    return this.call(`attempts/${encodeURIComponent(id)}/answers`, 'POST', { answers });
  }

  async submit(
    id: string,
    answers: { itemId: string; optionId: string | null; seq: number }[],
  ): Promise<Attempt> {
    const body = answers.length > 0 ? { answers } : {};
    return (await this.call<{ attempt: Attempt }>(`attempts/${encodeURIComponent(id)}/submit`, 'POST', body))
      .attempt;
  }
}
