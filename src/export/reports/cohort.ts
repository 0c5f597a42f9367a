// the cohort recap (rekap nilai, issue 7): one row per participant with every score the training
// produced, ready for CSV and XLSX

import type { Course } from '../../course/model.ts';
import { type FinalResult, type GainBand, normalizedGain } from '../../evaluation/index.ts';
import type { Cell, ReportColumn, ReportTable } from './table.ts';

/** One participant's outcomes, as the server gathers them. */
export interface ReportParticipant {
  /** 18-digit NIP; null for a participant without one */
  nip: string | null;
  name: string;
  instansi?: string | null;
  /** pre-test and post-test scores 0–100 */
  pre: number | null;
  post: number | null;
  /** case-study grade 0–100 by case id */
  cases?: Readonly<Record<string, number | null | undefined>>;
  /** behaviour per value code: `combineRatings(…).values`, whose `score` (0–100) is reported */
  behaviour?: Readonly<Record<string, { score: number | null } | null | undefined>>;
  /** `composeResult(…)`; null while nothing is in */
  result: FinalResult | null;
  certificateNumber?: string | null;
}

export interface CohortReportInput {
  /** the compiled course: its JP, cases (columns in course order) and rubric values */
  course: Pick<Course, 'hours' | 'cases' | 'rubric'>;
  participants: readonly ReportParticipant[];
}

const BAND: Record<GainBand, string> = { tinggi: 'Tinggi', sedang: 'Sedang', rendah: 'Rendah' };

function score(value: number | null | undefined, places = 2): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** places;
  return Math.round((value + Math.sign(value) * Number.EPSILON) * factor) / factor;
}

function status(result: FinalResult | null): {
  final: number | null;
  predikat: string | null;
  status: string;
  lulus: boolean;
} {
  if (!result?.ok || !result.complete) {
    return { final: null, predikat: null, status: 'Belum Lengkap', lulus: false };
  }
  return {
    final: result.final,
    predikat: result.predikat,
    status: result.lulus ? 'Lulus' : 'Tidak Lulus',
    lulus: result.lulus === true,
  };
}

/**
 * The columns and rows of a cohort's recap, one row per participant in the order given: No, NIP,
 * nama, instansi, pre-test, post-test, gain g and its band, each case study's grade, the behaviour
 * score (0–100) per core value, final score, predikat, status (Lulus, Tidak Lulus or Belum Lengkap),
 * the JP credited (the course's JP when lulus, else empty) and the certificate number. Scores are
 * rounded to 2 places; anything not in yet is an empty cell.
 *
 * @example
 * const table = cohortReportRows({ course, participants: [{ nip: '198503122010011004', name: 'Siti Aminah',
 *   pre: 40, post: 85, result: composeResult({ … }), certificateNumber: '0042/BERAKHLAK/PPSDMK/2026' }] });
 * table.rows[0]; // { no: 1, nip: '198503122010011004', nama: 'Siti Aminah', pre: 40, post: 85, gain: 0.75,
 * //                  gainBand: 'Tinggi', …, status: 'Lulus', jp: 6, certificate: '0042/BERAKHLAK/PPSDMK/2026' }
 */
export function cohortReportRows(input: CohortReportInput): ReportTable {
  const { course } = input;
  const values = course.rubric?.values ?? [];
  const columns: ReportColumn[] = [
    { key: 'no', header: 'No', kind: 'number', decimals: 0, width: 5 },
    { key: 'nip', header: 'NIP', kind: 'text', width: 21 },
    { key: 'nama', header: 'Nama', kind: 'text', width: 32 },
    { key: 'instansi', header: 'Instansi', kind: 'text', width: 28 },
    { key: 'pre', header: 'Pre-test', kind: 'number', decimals: 2, width: 10 },
    { key: 'post', header: 'Post-test', kind: 'number', decimals: 2, width: 10 },
    { key: 'gain', header: 'N-Gain (g)', kind: 'number', decimals: 2, width: 11 },
    { key: 'gainBand', header: 'Kategori N-Gain', kind: 'text', width: 15 },
    ...course.cases.map(
      (c, i): ReportColumn => ({
        key: `case:${c.id}`,
        header: `Studi Kasus ${i + 1}: ${c.title}`,
        kind: 'number',
        decimals: 2,
        width: 14,
      }),
    ),
    ...values.map(
      (v): ReportColumn => ({
        key: `value:${v.code}`,
        header: `Perilaku ${v.name} (${v.code})`,
        kind: 'number',
        decimals: 2,
        width: 14,
      }),
    ),
    { key: 'final', header: 'Nilai Akhir', kind: 'number', decimals: 2, width: 11 },
    { key: 'predikat', header: 'Predikat', kind: 'text', width: 13 },
    { key: 'status', header: 'Status', kind: 'text', width: 14 },
    { key: 'jp', header: 'JP', kind: 'number', decimals: 2, width: 6 },
    { key: 'certificate', header: 'Nomor Sertifikat', kind: 'text', width: 30 },
  ];
  const rows = input.participants.map((p, i) => {
    const gain = normalizedGain({ pre: p.pre, post: p.post });
    const outcome = status(p.result);
    const row: Record<string, Cell> = {
      no: i + 1,
      nip: p.nip?.replace(/\s+/g, '') || null,
      nama: p.name,
      instansi: p.instansi ?? null,
      pre: score(p.pre),
      post: score(p.post),
      gain: gain.g,
      gainBand: gain.band ? BAND[gain.band] : null,
      final: score(outcome.final),
      predikat: outcome.predikat,
      status: outcome.status,
      jp: outcome.lulus ? course.hours : null,
      certificate: p.certificateNumber ?? null,
    };
    for (const c of course.cases)
      row[`case:${c.id}`] = score(p.cases && Object.hasOwn(p.cases, c.id) ? p.cases[c.id] : null);
    for (const v of values) {
      const b = p.behaviour && Object.hasOwn(p.behaviour, v.code) ? p.behaviour[v.code] : null;
      row[`value:${v.code}`] = score(b?.score);
    }
    return row;
  });
  return { columns, rows };
}
