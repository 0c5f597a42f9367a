import type { Course } from '../../course/model.ts';
import {
  type CertificateData,
  certificateNumber,
  normalizeVerificationCode,
  renderCertificate,
  verificationCode,
  verifyUrl,
} from '../../export/certificate/index.ts';
import { newId } from '../auth/tokens.ts';
import type { CohortTable } from '../db/types.ts';
import { today } from './cohorts.ts';
import { type CertificateRow, type EvalDb, iso } from './evaluation-db.ts';
import type { Outcome } from './outcomes.ts';

// Certificates (issue 7): issued to the participants whose frozen result is lulus, numbered per course
// and year (0001/COURSE/PPSDMK/2026), each with a random verification code for /verify/<code>. What is
// printed is stored with the certificate, so the PDF and the verify page never change afterwards.

export interface Signatory {
  name: string;
  nip?: string | null | undefined;
  position: string;
}

/** what a certificate prints, as stored in `certificates.data` */
export interface CertificateRecord {
  participant: { name: string; nip: string | null };
  course: { id: string; version: string; title: string; subtitle?: string; publisher: string; hours: number };
  cohort: string;
  dates: { start: string; end: string };
  predikat: string;
  issued: { place: string; date: string };
  signatory: { name: string; nip: string | null; position: string };
}

export function parseRecord(row: Pick<CertificateRow, 'data'>): CertificateRecord {
  return JSON.parse(row.data) as CertificateRecord;
}

/** the course part of a certificate number: the course id in capitals, or its initials when too long */
export function courseCode(courseId: string): string {
  const upper = courseId.toUpperCase();
  if (upper.length <= 32) return upper;
  return upper
    .split('-')
    .map((word) => word[0])
    .join('')
    .slice(0, 32);
}

/** the address certificates and their QR codes point to */
export function baseUrlOf(
  publicUrl: string | undefined,
  request: { protocol: string; host: string },
): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}

export function certificateView(row: CertificateRow, baseUrl: string) {
  const record = parseRecord(row);
  return {
    id: row.id,
    userId: row.user_id,
    name: record.participant.name,
    number: row.number,
    code: row.code,
    verifyUrl: verifyUrl({ baseUrl, code: row.code }),
    predikat: record.predikat,
    issuedOn: row.issued_on,
    issuedAt: iso(row.issued_at),
    status: row.revoked_at === null ? ('sah' as const) : ('dicabut' as const),
    revokedAt: iso(row.revoked_at),
    revokeReason: row.revoke_reason,
  };
}

/**
 * Issues a certificate to each given lulus participant who has none in the cohort yet. The number's
 * sequence is the next free one for the course and year; two servers issuing at once collide on the
 * unique constraint and the loser takes the next number.
 */
export async function issueCertificates(
  db: EvalDb,
  options: {
    cohort: CohortTable;
    course: Course;
    outcomes: readonly Outcome[];
    place: string;
    signatory: Signatory;
    actorId: string;
    now: number;
  },
): Promise<CertificateRow[]> {
  const { cohort, course, outcomes, now } = options;
  const year = Number(cohort.closes_on.slice(0, 4));
  const code = courseCode(course.id);
  const issuedOn = today(now);
  const issued: CertificateRow[] = [];
  for (const outcome of outcomes) {
    if (!(outcome.result.ok && outcome.result.complete && outcome.result.lulus)) continue;
    const existing = await db
      .selectFrom('certificates')
      .select('id')
      .where('cohort_id', '=', cohort.id)
      .where('user_id', '=', outcome.userId)
      .executeTakeFirst();
    if (existing) continue;
    const record: CertificateRecord = {
      participant: { name: outcome.name, nip: outcome.nip },
      course: {
        id: course.id,
        version: course.version,
        title: course.title,
        ...(course.subtitle ? { subtitle: course.subtitle } : {}),
        publisher: course.publisher,
        hours: course.hours,
      },
      cohort: cohort.name,
      dates: { start: cohort.opens_on, end: cohort.closes_on },
      predikat: outcome.result.predikat ?? '',
      issued: { place: options.place, date: issuedOn },
      signatory: {
        name: options.signatory.name,
        nip: options.signatory.nip ?? null,
        position: options.signatory.position,
      },
    };
    for (let attempt = 0; ; attempt++) {
      const last = await db
        .selectFrom('certificates')
        .select((eb) => eb.fn.max('sequence').as('max'))
        .where('course_id', '=', course.id)
        .where('year', '=', year)
        .executeTakeFirst();
      const sequence = Number(last?.max ?? 0) + 1;
      const row: CertificateRow = {
        id: newId(),
        cohort_id: cohort.id,
        user_id: outcome.userId,
        number: certificateNumber({ courseCode: code, cohortYear: year, sequence }),
        code: verificationCode(),
        course_id: course.id,
        year,
        sequence,
        data: JSON.stringify(record),
        issued_on: issuedOn,
        issued_at: now,
        issued_by: options.actorId,
        revoked_at: null,
        revoked_by: null,
        revoke_reason: null,
      };
      try {
        await db.insertInto('certificates').values(row).execute();
        issued.push(row);
        break;
      } catch (error) {
        const taken = await db
          .selectFrom('certificates')
          .select('id')
          .where('cohort_id', '=', cohort.id)
          .where('user_id', '=', outcome.userId)
          .executeTakeFirst();
        if (taken) break;
        if (attempt >= 5) throw error;
      }
    }
  }
  return issued;
}

export async function certificatePdf(row: CertificateRow, baseUrl: string): Promise<Uint8Array> {
  const record = parseRecord(row);
  const data: CertificateData = {
    number: row.number,
    code: row.code,
    baseUrl,
    participant: record.participant,
    course: {
      title: record.course.title,
      hours: record.course.hours,
      publisher: record.course.publisher,
      ...(record.course.subtitle ? { subtitle: record.course.subtitle } : {}),
    },
    cohort: record.cohort,
    dates: record.dates,
    predikat: record.predikat,
    issued: record.issued,
    signatory: record.signatory,
  };
  return renderCertificate(data);
}

/** The certificate a typed or scanned code names, or null. */
export async function certificateByCode(db: EvalDb, input: string): Promise<CertificateRow | null> {
  const code = normalizeVerificationCode(input);
  if (code === null) return null;
  return (
    (await db.selectFrom('certificates').selectAll().where('code', '=', code).executeTakeFirst()) ?? null
  );
}
