import { describe, expect, it } from 'vitest';
import { certificateNumber, normalizeVerificationCode, verificationCode, verifyUrl } from './codes.ts';

describe('verificationCode', () => {
  it('is two groups of five Crockford base32 characters', () => {
    for (let i = 0; i < 200; i++)
      expect(verificationCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it('does not repeat and uses the whole alphabet', () => {
    const codes = Array.from({ length: 2000 }, verificationCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(codes.join('').replace(/-/g, '')).size).toBe(32);
  });

  it('reads back unchanged', () => {
    const code = verificationCode();
    expect(normalizeVerificationCode(code)).toBe(code);
  });
});

describe('normalizeVerificationCode', () => {
  it.each([
    [' 7kq2m x9d4r ', '7KQ2M-X9D4R'],
    ['7KQ2MX9D4R', '7KQ2M-X9D4R'],
    ['oiL23-45678', '01123-45678'],
    ['7KQ2M--X9D4R', '7KQ2M-X9D4R'],
  ])('reads %j as %j', (input, expected) => {
    expect(normalizeVerificationCode(input)).toBe(expected);
  });

  it.each(['', '7KQ2M-X9D4', '7KQ2M-X9D4RR', '7KQ2M-X9D4U', '7KQ2M/X9D4R', '../../etc'])(
    'rejects %j',
    (input) => {
      expect(normalizeVerificationCode(input)).toBeNull();
    },
  );
});

describe('verifyUrl', () => {
  it('joins the base and the code, with or without a trailing slash or a path', () => {
    expect(verifyUrl({ baseUrl: 'https://lentera.example.go.id', code: '7kq2mx9d4r' })).toBe(
      'https://lentera.example.go.id/verify/7KQ2M-X9D4R',
    );
    expect(verifyUrl({ baseUrl: 'https://example.go.id/lentera/', code: '7KQ2M-X9D4R' })).toBe(
      'https://example.go.id/lentera/verify/7KQ2M-X9D4R',
    );
  });

  it('drops a query or fragment of the base', () => {
    expect(verifyUrl({ baseUrl: 'https://example.go.id/?a=1#x', code: '7KQ2M-X9D4R' })).toBe(
      'https://example.go.id/verify/7KQ2M-X9D4R',
    );
  });

  it('refuses a code that is not one, and a base that is not http(s)', () => {
    expect(() => verifyUrl({ baseUrl: 'https://example.go.id', code: '../admin' })).toThrow(
      /not a verification code/,
    );
    expect(() => verifyUrl({ baseUrl: 'javascript:alert(1)', code: '7KQ2M-X9D4R' })).toThrow(/http/);
  });
});

describe('certificateNumber', () => {
  it.each([
    [{ courseCode: 'berakhlak', cohortYear: 2026, sequence: 42 }, '0042/BERAKHLAK/PPSDMK/2026'],
    [{ courseCode: 'BERAKHLAK', cohortYear: 2026, sequence: 1 }, '0001/BERAKHLAK/PPSDMK/2026'],
    [{ courseCode: 'latsar-cpns', cohortYear: 2027, sequence: 12345 }, '12345/LATSAR-CPNS/PPSDMK/2027'],
    [
      { courseCode: 'berakhlak', cohortYear: 2026, sequence: 7, organiserCode: 'bblkp' },
      '0007/BERAKHLAK/BBLKP/2026',
    ],
  ])('%j → %s', (input, expected) => {
    expect(certificateNumber(input)).toBe(expected);
  });

  it.each([
    [{ courseCode: 'bad/code', cohortYear: 2026, sequence: 1 }, /courseCode/],
    [{ courseCode: '', cohortYear: 2026, sequence: 1 }, /courseCode/],
    [{ courseCode: 'berakhlak', cohortYear: 26, sequence: 1 }, /cohortYear/],
    [{ courseCode: 'berakhlak', cohortYear: 2026, sequence: 0 }, /sequence/],
    [{ courseCode: 'berakhlak', cohortYear: 2026, sequence: 1.5 }, /sequence/],
    [{ courseCode: 'berakhlak', cohortYear: 2026, sequence: 1, organiserCode: 'a b' }, /organiserCode/],
  ])('refuses %j', (input, message) => {
    expect(() => certificateNumber(input)).toThrow(message);
  });
});
