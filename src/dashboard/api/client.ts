import type {
  CaseCounts,
  CaseStudy,
  Certificate,
  CertificateOptions,
  CloseSummary,
  Cohort,
  CohortProgress,
  CohortResults,
  CohortRole,
  CohortTests,
  CourseStub,
  FeedbackSummary,
  ImportReport,
  ItemAnalysis,
  LinkRatingPage,
  Me,
  Member,
  ParticipantRatings,
  RaterRole,
  RatingLink,
  RatingOverview,
  RatingWrite,
  ResetLink,
  StoredRating,
  Submission,
  SubmissionDetail,
  SubmissionStub,
  TestKind,
  TestResults,
  TestWindow,
  User,
} from './types.ts';

// The staff app's only door to the server: JSON in and out under /api/v1, errors turned into ApiProblem
// with the stable code the UI translates (docs/api.md). The session cookie travels by itself.

export interface Issue {
  path: string;
  code: string;
  message: string;
}

/** A failed request: a catalogued API error, or `NETWORK` when no answer came. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: Issue[];
  /** seconds, from Retry-After (login throttling) */
  readonly retryAfter: number | undefined;

  constructor(options: {
    status: number;
    code: string;
    message: string;
    issues?: Issue[];
    retryAfter?: number;
  }) {
    super(options.message);
    this.name = 'ApiProblem';
    this.status = options.status;
    this.code = options.code;
    this.issues = options.issues ?? [];
    this.retryAfter = options.retryAfter;
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiOptions {
  fetch?: Fetch;
  /** where the API lives (default /api/v1) */
  base?: string;
  /** told about every AUTH_REQUIRED answer, so the app can ask for a login again */
  onUnauthorized?: () => void;
}

async function problemFrom(response: Response): Promise<ApiProblem> {
  const retry = Number(response.headers.get('retry-after'));
  let body: { code?: unknown; message?: unknown; issues?: unknown } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // a proxy's HTML error page: keep the status
  }
  return new ApiProblem({
    status: response.status,
    code:
      typeof body.code === 'string'
        ? body.code
        : response.status >= 500
          ? 'INTERNAL'
          : `HTTP_${response.status}`,
    message: typeof body.message === 'string' ? body.message : response.statusText,
    issues: Array.isArray(body.issues) ? (body.issues as Issue[]) : [],
    ...(Number.isFinite(retry) && retry > 0 ? { retryAfter: retry } : {}),
  });
}

export class Api {
  #fetch: Fetch;
  #base: string;
  #onUnauthorized: (() => void) | undefined;

  constructor(options: ApiOptions = {}) {
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#base = options.base ?? '/api/v1';
    this.#onUnauthorized = options.onUnauthorized;
  }

  async request<T>(
    method: string,
    path: string,
    options: { body?: unknown; raw?: { data: Blob | string; type: string }; quietAuth?: boolean } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    let body: BodyInit | undefined;
    if (options.raw) {
      headers['content-type'] = options.raw.type;
      body = options.raw.data;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    let response: Response;
    try {
      response = await this.#fetch(`${this.#base}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body === undefined ? {} : { body }),
      });
    } catch (error) {
      throw new ApiProblem({
        status: 0,
        code: 'NETWORK',
        message: (error as Error).message ?? 'network error',
      });
    }
    if (!response.ok) {
      const problem = await problemFrom(response);
      if (problem.code === 'AUTH_REQUIRED' && !options.quietAuth) this.#onUnauthorized?.();
      throw problem;
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  // session
  me() {
    return this.request<Me>('GET', '/auth/me', { quietAuth: true });
  }
  login(login: string, password: string) {
    return this.request<Me>('POST', '/auth/login', { body: { login, password }, quietAuth: true });
  }
  logout() {
    return this.request<void>('POST', '/auth/logout', { quietAuth: true });
  }
  setupStatus(token: string | undefined) {
    const query = token ? `?token=${encodeURIComponent(token)}` : '';
    return this.request<{ needed: boolean; tokenValid: boolean }>('GET', `/setup${query}`, {
      quietAuth: true,
    });
  }
  setup(body: { token: string; name: string; email: string; password: string }) {
    return this.request<{ user: User }>('POST', '/setup', { body, quietAuth: true });
  }
  resetStatus(token: string) {
    return this.request<{ valid: boolean }>(
      'GET',
      `/auth/password-reset?token=${encodeURIComponent(token)}`,
      {
        quietAuth: true,
      },
    );
  }
  resetPassword(token: string, password: string) {
    return this.request<Me>('POST', '/auth/password-reset', { body: { token, password }, quietAuth: true });
  }

  // courses and cohorts
  courses() {
    return this.request<{ courses: CourseStub[] }>('GET', '/courses');
  }
  cohorts() {
    return this.request<{ cohorts: Cohort[] }>('GET', '/cohorts');
  }
  cohort(id: string) {
    return this.request<{ cohort: Cohort }>('GET', `/cohorts/${encodeURIComponent(id)}`);
  }
  createCohort(body: {
    name: string;
    courseId: string;
    courseVersion: string;
    opensOn: string;
    closesOn: string;
  }) {
    return this.request<{ cohort: Cohort }>('POST', '/cohorts', { body });
  }
  newJoinCode(id: string) {
    return this.request<{ cohort: Cohort }>('PATCH', `/cohorts/${encodeURIComponent(id)}`, {
      body: { newJoinCode: true },
    });
  }
  progress(id: string) {
    return this.request<CohortProgress>('GET', `/cohorts/${encodeURIComponent(id)}/progress`);
  }
  members(id: string) {
    return this.request<{ members: Member[] }>('GET', `/cohorts/${encodeURIComponent(id)}/members`);
  }
  addMember(id: string, body: { email?: string; nip?: string; userId?: string; role: CohortRole }) {
    return this.request<{ member: { id: string; name: string; role: CohortRole }; added: boolean }>(
      'POST',
      `/cohorts/${encodeURIComponent(id)}/members`,
      { body },
    );
  }
  assign(id: string, body: { participantId: string; role: RaterRole; raterId: string | null }) {
    return this.request<{ assignment: typeof body }>(
      'PUT',
      `/cohorts/${encodeURIComponent(id)}/assignments`,
      {
        body,
      },
    );
  }
  importParticipants(id: string, file: { data: Blob | string; type: string }, dryRun: boolean) {
    return this.request<{ report: ImportReport }>(
      'POST',
      `/cohorts/${encodeURIComponent(id)}/import?dryRun=${dryRun}`,
      { raw: file },
    );
  }

  // accounts (admin)
  users(q: string) {
    const query = q ? `?q=${encodeURIComponent(q)}` : '';
    return this.request<{ users: User[] }>('GET', `/users${query}`);
  }
  createUser(body: {
    name: string;
    email: string;
    nip?: string;
    instansi?: string;
    jabatan?: string;
    isAdmin: boolean;
  }) {
    return this.request<{ user: User }>('POST', '/users', { body });
  }
  resetLink(userId: string) {
    return this.request<ResetLink>('POST', `/users/${encodeURIComponent(userId)}/reset-link`);
  }

  // tests (issue 6)
  tests(id: string) {
    return this.request<CohortTests>('GET', `${cohortPath(id)}/tests`);
  }
  setTestWindow(id: string, test: TestKind, open: boolean) {
    return this.request<{ window: TestWindow & { test: TestKind } }>(
      'PUT',
      `${cohortPath(id)}/tests/${test}/window`,
      {
        body: { open },
      },
    );
  }
  extendTest(id: string, test: TestKind, userId: string, extraMinutes: number) {
    return this.request<{
      extension: {
        test: TestKind;
        userId: string;
        extraMinutes: number;
        attempt: { id: string; deadline: string } | null;
      };
    }>('PUT', `${cohortPath(id)}/tests/${test}/extensions/${encodeURIComponent(userId)}`, {
      body: { extraMinutes },
    });
  }
  testResults(id: string) {
    return this.request<TestResults>('GET', `${cohortPath(id)}/tests/results`);
  }
  itemAnalysis(id: string, test: TestKind) {
    return this.request<{ analysis: ItemAnalysis }>('GET', `${cohortPath(id)}/tests/${test}/item-analysis`);
  }

  // case studies (issue 7)
  cases(id: string) {
    return this.request<{ cases: (CaseStudy & { counts: CaseCounts })[] }>('GET', `${cohortPath(id)}/cases`);
  }
  submissions(id: string, caseId: string) {
    return this.request<{ case: CaseStudy; submissions: SubmissionStub[] }>(
      'GET',
      `${cohortPath(id)}/cases/${encodeURIComponent(caseId)}/submissions`,
    );
  }
  submission(id: string, caseId: string, userId: string) {
    return this.request<SubmissionDetail>('GET', submissionPath(id, caseId, userId));
  }
  grade(
    id: string,
    caseId: string,
    userId: string,
    body: { levels: Record<string, number>; feedback?: string },
  ) {
    return this.request<{ submission: Submission }>('PUT', `${submissionPath(id, caseId, userId)}/grade`, {
      body,
    });
  }
  returnCase(id: string, caseId: string, userId: string, note: string) {
    return this.request<{ submission: Submission }>('POST', `${submissionPath(id, caseId, userId)}/return`, {
      body: { note },
    });
  }
  releaseGrades(id: string, caseId: string) {
    return this.request<{ released: number }>(
      'POST',
      `${cohortPath(id)}/cases/${encodeURIComponent(caseId)}/release`,
      {
        body: {},
      },
    );
  }

  // behaviour ratings and rating links (issue 7)
  ratings(id: string) {
    return this.request<RatingOverview>('GET', `${cohortPath(id)}/ratings`);
  }
  participantRatings(id: string, participantId: string) {
    return this.request<ParticipantRatings>(
      'GET',
      `${cohortPath(id)}/ratings/${encodeURIComponent(participantId)}`,
    );
  }
  saveRatings(id: string, participantId: string, ratings: RatingWrite[]) {
    return this.request<{ rater: { role: string; name: string }; mine: StoredRating[] }>(
      'PUT',
      `${cohortPath(id)}/ratings/${encodeURIComponent(participantId)}`,
      { body: { ratings } },
    );
  }
  ratingLinks(id: string) {
    return this.request<{ links: RatingLink[] }>('GET', `${cohortPath(id)}/rating-links`);
  }
  createRatingLink(
    id: string,
    body: { participantId: string; raterRole: 'mentor' | 'atasan'; raterName: string; expiresInDays: number },
  ) {
    return this.request<{ link: RatingLink; token: string }>('POST', `${cohortPath(id)}/rating-links`, {
      body,
    });
  }
  revokeRatingLink(id: string, linkId: string) {
    return this.request<{ link: RatingLink }>(
      'POST',
      `${cohortPath(id)}/rating-links/${encodeURIComponent(linkId)}/revoke`,
      { body: {} },
    );
  }
  /** the rating form behind a personal link: no session, the token is the key */
  linkRatings(token: string) {
    return this.request<LinkRatingPage>('GET', `/rating-links/${encodeURIComponent(token)}`, {
      quietAuth: true,
    });
  }
  saveLinkRatings(token: string, ratings: RatingWrite[]) {
    return this.request<{ mine: StoredRating[] }>(
      'POST',
      `/rating-links/${encodeURIComponent(token)}/ratings`,
      {
        body: { ratings },
        quietAuth: true,
      },
    );
  }

  // feedback, results, certificates (issue 7)
  feedbackSummary(id: string) {
    return this.request<{ summary: FeedbackSummary }>('GET', `${cohortPath(id)}/feedback/summary`);
  }
  results(id: string) {
    return this.request<CohortResults>('GET', `${cohortPath(id)}/results`);
  }
  closeCohort(id: string, certificates: CertificateOptions | undefined) {
    return this.request<{ closed: { closedAt: string }; summary: CloseSummary; certificates: Certificate[] }>(
      'POST',
      `${cohortPath(id)}/close`,
      { body: certificates ? { certificates } : {} },
    );
  }
  certificates(id: string) {
    return this.request<{ certificates: Certificate[] }>('GET', `${cohortPath(id)}/certificates`);
  }
  issueCertificates(id: string, body: CertificateOptions) {
    return this.request<{ certificates: Certificate[] }>('POST', `${cohortPath(id)}/certificates`, { body });
  }
  revokeCertificate(id: string, certificateId: string, reason: string) {
    return this.request<{ certificate: Certificate }>(
      'POST',
      `${cohortPath(id)}/certificates/${encodeURIComponent(certificateId)}/revoke`,
      { body: { reason } },
    );
  }
  /** addresses the browser opens itself (downloads and printable pages) */
  reportUrl(id: string, kind: 'xlsx' | 'csv' | 'csv-semicolon') {
    const base = `${this.#base}${cohortPath(id)}/reports/results`;
    return kind === 'xlsx'
      ? `${base}.xlsx`
      : `${base}.csv?delimiter=${kind === 'csv' ? 'comma' : 'semicolon'}`;
  }
  summaryUrl(id: string, userId: string) {
    return `${this.#base}${cohortPath(id)}/reports/participants/${encodeURIComponent(userId)}`;
  }
  certificateUrl(certificateId: string) {
    return `${this.#base}/certificates/${encodeURIComponent(certificateId)}/pdf`;
  }
}

function cohortPath(id: string): string {
  return `/cohorts/${encodeURIComponent(id)}`;
}

function submissionPath(id: string, caseId: string, userId: string): string {
  return `${cohortPath(id)}/cases/${encodeURIComponent(caseId)}/submissions/${encodeURIComponent(userId)}`;
}

/** any failure as an ApiProblem, so a screen always has a code to explain */
export function toProblem(error: unknown): ApiProblem {
  return error instanceof ApiProblem
    ? error
    : new ApiProblem({ status: 0, code: 'INTERNAL', message: (error as Error)?.message ?? String(error) });
}
