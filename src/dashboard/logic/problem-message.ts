import type { ApiProblem } from '../api/client.ts';
import type { Messages } from '../i18n/index.ts';

// What a failed request means for the person at the screen, in their language, with what to do next.
// The server's `message` is for developers; the UI speaks from the stable `code`.

export function problemMessage(
  problem: Pick<ApiProblem, 'code' | 'status' | 'retryAfter'>,
  t: Messages,
): string {
  switch (problem.code) {
    case 'NETWORK':
      return t.networkError;
    case 'LOGIN_FAILED':
      return t.loginFailed;
    case 'LOGIN_THROTTLED':
      return t.loginThrottled(Math.max(1, Math.ceil((problem.retryAfter ?? 60) / 60)));
    case 'AUTH_REQUIRED':
      return t.sessionEnded;
    case 'FORBIDDEN':
      return t.forbidden;
    case 'CSRF_REJECTED':
      return t.csrfRejected;
    case 'NOT_FOUND':
      return t.notFoundError;
    case 'VALIDATION_FAILED':
    case 'MALFORMED_BODY':
      return t.validationFailed;
    case 'EMAIL_TAKEN':
      return t.emailTaken;
    case 'NIP_TAKEN':
      return t.nipTaken;
    case 'COURSE_UNKNOWN':
      return t.courseUnknown;
    case 'ROLE_CONFLICT':
      return t.roleConflict;
    case 'PAYLOAD_TOO_LARGE':
      return t.tooLarge;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return t.unsupportedType;
    case 'TOKEN_INVALID':
      return t.tokenInvalid;
    case 'SETUP_DONE':
      return t.setupAlreadyDone;
    default:
      if (Object.hasOwn(t.ev.errors, problem.code)) return t.ev.errors[problem.code] as string;
      return problem.status >= 500 || problem.status === 0 ? t.serverError : t.validationFailed;
  }
}

/**
 * Field errors from a 400's issues, keyed by the form field they name (`body.email` -> `email`), so a
 * form can show each next to its input.
 */
export function fieldProblems(issues: readonly { path: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.replace(/^body\.?/, '').split('.')[0] || '_';
    out[field] ??= issue.message;
  }
  return out;
}
