import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { id } from '../i18n/id.ts';
import { fieldProblems, problemMessage } from './problem-message.ts';

describe('problemMessage', () => {
  it('says how long to wait when logins are throttled, rounded up to whole minutes', () => {
    expect(problemMessage({ code: 'LOGIN_THROTTLED', status: 429, retryAfter: 61 }, id)).toContain(
      'tunggu 2 menit',
    );
    expect(problemMessage({ code: 'LOGIN_THROTTLED', status: 429, retryAfter: 30 }, en)).toContain(
      'wait 1 minute ',
    );
    expect(problemMessage({ code: 'LOGIN_THROTTLED', status: 429, retryAfter: undefined }, id)).toContain(
      '1 menit',
    );
  });

  it('speaks Indonesian for a wrong password and a lost connection', () => {
    expect(problemMessage({ code: 'LOGIN_FAILED', status: 401, retryAfter: undefined }, id)).toBe(
      id.loginFailed,
    );
    expect(problemMessage({ code: 'NETWORK', status: 0, retryAfter: undefined }, id)).toBe(id.networkError);
  });

  it('falls back by status for codes it does not know', () => {
    expect(problemMessage({ code: 'INTERNAL', status: 500, retryAfter: undefined }, en)).toBe(en.serverError);
    expect(problemMessage({ code: 'HTTP_502', status: 502, retryAfter: undefined }, en)).toBe(en.serverError);
    expect(problemMessage({ code: 'SOMETHING_NEW', status: 400, retryAfter: undefined }, en)).toBe(
      en.validationFailed,
    );
  });
});

describe('evaluation errors', () => {
  it('explains a frozen cohort and a revoked certificate in both languages', () => {
    expect(problemMessage({ code: 'RESULTS_FROZEN', status: 409, retryAfter: undefined }, id)).toContain(
      'Angkatan sudah ditutup',
    );
    expect(problemMessage({ code: 'CERTIFICATE_REVOKED', status: 410, retryAfter: undefined }, en)).toBe(
      en.ev.errors.CERTIFICATE_REVOKED,
    );
  });
});

describe('fieldProblems', () => {
  it('keys each issue by its body field, first message wins', () => {
    expect(
      fieldProblems([
        { path: 'body.email', message: 'Invalid email' },
        { path: 'body.email', message: 'second' },
        { path: 'body.closesOn', message: 'closesOn is before opensOn' },
        { path: 'body', message: 'whole body' },
      ]),
    ).toEqual({ email: 'Invalid email', closesOn: 'closesOn is before opensOn', _: 'whole body' });
  });
});
