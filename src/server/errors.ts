import { STATUS_CODES } from 'node:http';

// Every error the API answers with, by stable code. Clients translate the code; `message` is for
// developers. docs/api.md lists them all.
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid' },
  MALFORMED_BODY: { status: 400, message: 'The request body could not be read' },
  AUTH_REQUIRED: { status: 401, message: 'Log in to continue' },
  LOGIN_FAILED: { status: 401, message: 'Unknown account or wrong password' },
  FORBIDDEN: { status: 403, message: 'Your role does not allow this' },
  CSRF_REJECTED: { status: 403, message: 'Cross-site request refused' },
  NOT_FOUND: { status: 404, message: 'Not found' },
  JOIN_CODE_INVALID: { status: 404, message: 'No open cohort has this join code' },
  TOKEN_INVALID: { status: 410, message: 'This link is invalid, already used or expired' },
  SETUP_DONE: { status: 409, message: 'An administrator already exists' },
  EMAIL_TAKEN: { status: 409, message: 'An account with this email already exists' },
  NIP_TAKEN: { status: 409, message: 'An account with this NIP already exists' },
  COURSE_UNKNOWN: { status: 409, message: 'No such course version is installed' },
  ROLE_CONFLICT: { status: 409, message: 'The person does not hold the role this needs in the cohort' },
  TEST_WINDOW_CLOSED: { status: 409, message: 'This test is not open for your cohort' },
  ATTEMPTS_EXHAUSTED: { status: 409, message: 'No attempts at this test are left' },
  ATTEMPT_FINISHED: { status: 409, message: 'This attempt is finished; its answers can no longer change' },
  ANSWER_STALE: { status: 409, message: 'A newer answer to this question is already saved' },
  TEST_UNAVAILABLE: { status: 409, message: 'The question bank cannot make a form for this test' },
  CASE_SUBMITTED: {
    status: 409,
    message: 'This case study is submitted; it can change again only if the facilitator returns it',
  },
  CASE_NOT_SUBMITTED: { status: 409, message: 'This case study has not been submitted for grading' },
  RUBRIC_MISSING: { status: 409, message: 'The course has no behaviour rubric to rate against' },
  FEEDBACK_UNAVAILABLE: { status: 409, message: 'The course has no feedback survey' },
  FEEDBACK_SUBMITTED: { status: 409, message: 'You have already given your feedback for this cohort' },
  RESULTS_FROZEN: { status: 409, message: 'The cohort is closed; its results are frozen' },
  COHORT_NOT_CLOSED: { status: 409, message: 'Close the cohort first: certificates follow frozen results' },
  CERTIFICATE_NOT_ELIGIBLE: {
    status: 409,
    message: 'Only a participant whose frozen result is lulus gets a certificate',
  },
  CERTIFICATE_REVOKED: { status: 410, message: 'This certificate has been revoked' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This content type is not accepted here' },
  LOGIN_THROTTLED: { status: 429, message: 'Too many failed logins; wait before trying again' },
  RATE_LIMITED: { status: 429, message: 'Too many requests; wait a minute and try again' },
  INTERNAL: { status: 500, message: 'Something went wrong on the server' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface Issue {
  /** dotted path of the field, e.g. `body.email` or `body.events.3.at` */
  path: string;
  code: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  error: string;
  message: string;
  issues?: Issue[];
}

/** An expected outcome: a catalogued error the client can act on. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly issues: Issue[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message?: string,
    extra: { issues?: Issue[]; headers?: Record<string, string> } = {},
  ) {
    super(message ?? ERRORS[code].message);
    this.code = code;
    this.statusCode = ERRORS[code].status;
    this.issues = extra.issues;
    this.headers = extra.headers ?? {};
  }

  toBody(): ErrorBody {
    return errorBody(this.code, this.message, this.issues);
  }
}

export function errorBody(code: ErrorCode, message?: string, issues?: Issue[]): ErrorBody {
  const statusCode = ERRORS[code].status;
  return {
    statusCode,
    code,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message: message ?? ERRORS[code].message,
    ...(issues ? { issues } : {}),
  };
}

/** A 400 naming one field, for checks zod cannot express (e.g. a NIP whose date is impossible). */
export function fieldError(path: string, code: string, message: string): ApiError {
  return new ApiError('VALIDATION_FAILED', `${path}: ${message}`, { issues: [{ path, code, message }] });
}
