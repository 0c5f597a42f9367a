import { describe, expect, it } from 'vitest';
import { reportCourse, reportParticipants } from '../../../tests/fixtures/export/report.ts';
import { cohortReportRows } from './cohort.ts';

describe('cohortReportRows', () => {
  const table = cohortReportRows({ course: reportCourse, participants: reportParticipants });

  it('has the recap columns in order: identity, tests, gain, each case, each value, result, JP, certificate', () => {
    expect(table.columns.map((c) => c.header)).toEqual([
      'No',
      'NIP',
      'Nama',
      'Instansi',
      'Pre-test',
      'Post-test',
      'N-Gain (g)',
      'Kategori N-Gain',
      'Studi Kasus 1: Bingkisan "terima kasih" setelah bursa kerja',
      'Studi Kasus 2: Keluhan viral tentang layanan kartu AK/1',
      'Perilaku Berorientasi Pelayanan (BP)',
      'Perilaku Akuntabel (AK)',
      'Perilaku Kompeten (KM)',
      'Perilaku Harmonis (HA)',
      'Perilaku Loyal (LO)',
      'Perilaku Adaptif (AD)',
      'Perilaku Kolaboratif (KO)',
      'Nilai Akhir',
      'Predikat',
      'Status',
      'JP',
      'Nomor Sertifikat',
    ]);
    expect(table.columns.find((c) => c.key === 'nip')?.kind).toBe('text');
  });

  it('fills a passing participant completely, with JP credited', () => {
    expect(table.rows[0]).toMatchObject({
      no: 1,
      nip: '198503122010011004',
      nama: 'Siti Aminah, S.E.',
      pre: 40,
      post: 85,
      gain: 0.75,
      gainBand: 'Tinggi',
      'case:kasus-gratifikasi-bursa-kerja': 80,
      'value:KO': 70.83,
      final: 78.65,
      predikat: 'Cukup',
      status: 'Lulus',
      jp: 6,
      certificate: '0001/BERAKHLAK/PPSDMK/2026',
    });
  });

  it('credits no JP to a participant who did not pass', () => {
    expect(table.rows[1]).toMatchObject({
      final: 61,
      predikat: 'Kurang',
      status: 'Tidak Lulus',
      jp: null,
      certificate: null,
    });
  });

  it('leaves what is not in yet empty and says the result is incomplete', () => {
    expect(table.rows[2]).toMatchObject({
      instansi: null,
      gain: null,
      gainBand: null,
      'case:kasus-keluhan-media-sosial': null,
      'value:BP': null,
      final: null,
      predikat: null,
      status: 'Belum Lengkap',
      jp: null,
    });
  });

  it('rounds scores to 2 places and strips spaces from a NIP', () => {
    const [row] = cohortReportRows({
      course: reportCourse,
      participants: [
        { nip: '19850312 201001 1 004', name: 'A', pre: 33.333333, post: 66.6666, result: null },
      ],
    }).rows;
    expect(row).toMatchObject({
      nip: '198503122010011004',
      pre: 33.33,
      post: 66.67,
      status: 'Belum Lengkap',
    });
  });

  it('makes a table with only the fixed columns for a course without cases or rubric', () => {
    const bare = cohortReportRows({ course: { hours: 2, cases: [] }, participants: [] });
    expect(bare.columns).toHaveLength(13);
    expect(bare.rows).toEqual([]);
  });
});
