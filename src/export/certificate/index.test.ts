import { expect, it } from 'vitest';

it('exposes the certificate surface and nothing else', async () => {
  expect(Object.keys(await import('./index.ts')).sort()).toEqual([
    'DEFAULT_ORGANISER',
    'MINUTES_PER_JP',
    'certificateNumber',
    'certificateTextIssues',
    'formatDateRange',
    'formatDecimal',
    'formatJp',
    'formatLongDate',
    'formatNip',
    'normalizeVerificationCode',
    'pdfSafeText',
    'renderCertificate',
    'verificationCode',
    'verifyUrl',
  ]);
});
