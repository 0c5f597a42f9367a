// the public surface of src/export/certificate: the certificate PDF and the codes printed on it

export { certificateNumber, normalizeVerificationCode, verificationCode, verifyUrl } from './codes.ts';
export {
  formatDateRange,
  formatDecimal,
  formatJp,
  formatLongDate,
  formatNip,
  MINUTES_PER_JP,
} from './format.ts';
export type { CertificateData } from './render.ts';
export { DEFAULT_ORGANISER, renderCertificate } from './render.ts';
export type { CertificateTextIssue } from './text-issues.ts';
export { certificateTextIssues } from './text-issues.ts';
export type { SafeText } from './win-ansi.ts';
export { pdfSafeText } from './win-ansi.ts';
