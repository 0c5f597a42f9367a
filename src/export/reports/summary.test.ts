import { describe, expect, it } from 'vitest';
import { components, reportCourse, reportParticipants } from '../../../tests/fixtures/export/report.ts';
import { escapeHtml } from './html.ts';
import { type ParticipantSummaryInput, participantSummaryHtml } from './summary.ts';

const [siti, budi, rina] = reportParticipants as [
  (typeof reportParticipants)[0],
  (typeof reportParticipants)[0],
  (typeof reportParticipants)[0],
];
const base: ParticipantSummaryInput = {
  course: reportCourse,
  cohort: 'Angkatan I Tahun 2026',
  dates: { start: '2026-12-03', end: '2026-12-05' },
  participant: siti,
  components: components.siti,
  verifyUrl: 'https://lentera.example.go.id/verify/7KQ2M-X9D4R',
  printedOn: '2026-12-07',
};
const visible = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('participantSummaryHtml', () => {
  it('is a whole Indonesian document with A4 portrait print CSS', () => {
    const html = participantSummaryHtml(base);
    expect(html.startsWith('<!doctype html>\n<html lang="id">')).toBe(true);
    expect(html).toContain('@page { size: A4 portrait;');
    expect(html).toContain('<meta charset="utf-8">');
  });

  it('shows identity, tests, gain, cases, behaviour per value and the result', () => {
    const text = visible(
      participantSummaryHtml({ ...base, participant: { ...siti, jabatan: 'Pengantar Kerja Ahli Muda' } }),
    );
    for (const expected of [
      'KEMENTERIAN KETENAGAKERJAAN REPUBLIK INDONESIA'.toLowerCase(),
      'ringkasan hasil pelatihan',
      'bangga melayani bangsa melalui core value berakhlak',
      'angkatan i tahun 2026 · 3 s.d. 5 desember 2026 · 6 jp (270 menit)',
      'nip 19850312 201001 1 004',
      'jabatan pengantar kerja ahli muda',
      'pre-test 40',
      'n-gain (g) 0,75 kategori tinggi',
      'bingkisan &quot;terima kasih&quot; setelah bursa kerja 80',
      'kolaboratif (ko) 70,83',
      'post-test 85 40%',
      'nilai akhir 78,65',
      'predikat cukup',
      'status lulus',
      'jam pelajaran 6 jp',
      'nomor sertifikat 0001/berakhlak/ppsdmk/2026',
      'https://lentera.example.go.id/verify/7kq2m-x9d4r',
      'dicetak dari lentera pada 7 desember 2026',
    ]) {
      expect(text.toLowerCase()).toContain(expected);
    }
  });

  it('credits no JP when not passed and names what is missing when incomplete', () => {
    expect(
      visible(participantSummaryHtml({ ...base, participant: budi, components: components.budi })),
    ).toContain('Status Tidak Lulus Jam pelajaran –');
    const incomplete = visible(
      participantSummaryHtml({ ...base, participant: rina, components: components.rina, verifyUrl: null }),
    );
    expect(incomplete).toContain('Status Belum Lengkap');
    expect(incomplete).toContain('Belum ada nilai: Studi kasus, Penilaian perilaku.');
    expect(incomplete).toContain('N-Gain (g) – tidak dihitung');
    expect(incomplete).not.toContain('Nomor sertifikat');
  });

  it('escapes every value that came from a person', () => {
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const html = participantSummaryHtml({
      ...base,
      cohort: payload,
      participant: {
        ...siti,
        name: payload,
        instansi: payload,
        jabatan: payload,
        certificateNumber: payload,
      },
      course: {
        ...reportCourse,
        title: payload,
        cases: reportCourse.cases.map((c) => ({ ...c, title: payload })),
      },
      verifyUrl: `javascript:alert(3)" onclick="alert(4)`,
      organiser: { name: payload, parent: payload },
    });
    expect(html).not.toMatch(/<script|<img|onclick="|href="javascript/i);
    expect(html).toContain(escapeHtml(payload));
    expect(html).toContain('<title>Ringkasan Hasil Pelatihan: &lt;script&gt;');
  });
});
