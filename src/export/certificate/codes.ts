// certificate numbers and verification codes: what is printed on the certificate and typed at /verify

/** Crockford's base32: digits and capitals without I, L, O and U, so codes read back unambiguously. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10;

/**
 * A fresh verification code: 10 Crockford base32 characters (50 random bits from the platform's
 * cryptographic generator) shown as two groups of five. Store it as returned; read typed input back
 * with `normalizeVerificationCode`.
 *
 * @example
 * verificationCode(); // e.g. '7KQ2M-X9D4R'
 */
export function verificationCode(): string {
  const bytes = new Uint8Array(CODE_LENGTH);
  crypto.getRandomValues(bytes);
  // 32 divides 256, so the low five bits of a uniform byte are uniform
  const chars = Array.from(bytes, (byte) => CROCKFORD[byte & 31]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/**
 * Reads a verification code as a person may type it: any case, with or without the hyphen or
 * spaces, I and L read as 1 and O as 0 (Crockford's decoding). Returns the canonical form
 * (five characters, a hyphen, five characters), or null when it cannot be a code.
 *
 * @example
 * normalizeVerificationCode(' 7kq2m x9d4r '); // '7KQ2M-X9D4R'
 */
export function normalizeVerificationCode(input: string): string | null {
  const chars = input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (chars.length !== CODE_LENGTH || [...chars].some((c) => !CROCKFORD.includes(c))) return null;
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/**
 * The public verification address a certificate's QR code points to: `<baseUrl>/verify/<code>`.
 *
 * @example
 * verifyUrl({ baseUrl: 'https://lentera.example.go.id/', code: '7KQ2M-X9D4R' });
 * // 'https://lentera.example.go.id/verify/7KQ2M-X9D4R'
 */
export function verifyUrl(options: { baseUrl: string; code: string }): string {
  const code = normalizeVerificationCode(options.code);
  if (code === null) {
    throw new RangeError(
      `${JSON.stringify(options.code)} is not a verification code (five letters or digits, a hyphen, five more, e.g. 7KQ2M-X9D4R).`,
    );
  }
  const base = new URL(options.baseUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new RangeError(`The base URL must be http(s); found ${JSON.stringify(options.baseUrl)}.`);
  }
  return `${base.origin}${base.pathname.replace(/\/+$/, '')}/verify/${code}`;
}

const COURSE_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/**
 * A certificate number in the form of an Indonesian letter number: `NNNN/COURSE/ORGANISER/YYYY`,
 * where NNNN is the sequence within the course and year, zero-padded to four digits (longer when it
 * passes 9999), COURSE the course code in capitals (the course id upper-cased suits) and ORGANISER
 * the issuing unit's code (PPSDMK by default). The same inputs always give the same number.
 *
 * @example
 * certificateNumber({ courseCode: 'berakhlak', cohortYear: 2026, sequence: 42 });
 * // '0042/BERAKHLAK/PPSDMK/2026'
 */
export function certificateNumber(options: {
  courseCode: string;
  cohortYear: number;
  sequence: number;
  organiserCode?: string;
}): string {
  const { cohortYear, sequence } = options;
  const course = options.courseCode.trim().toUpperCase();
  const organiser = (options.organiserCode ?? 'PPSDMK').trim().toUpperCase();
  for (const [field, code] of [
    ['courseCode', course],
    ['organiserCode', organiser],
  ] as const) {
    if (!COURSE_CODE.test(code) || code.length > 32) {
      throw new RangeError(
        `${field} ${JSON.stringify(code)} must be 1–32 letters or digits, words joined by single hyphens.`,
      );
    }
  }
  if (!Number.isInteger(cohortYear) || cohortYear < 2000 || cohortYear > 2999) {
    throw new RangeError(`cohortYear must be a four-digit year; found ${String(cohortYear)}.`);
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`sequence must be a whole number from 1; found ${String(sequence)}.`);
  }
  return `${String(sequence).padStart(4, '0')}/${course}/${organiser}/${cohortYear}`;
}
