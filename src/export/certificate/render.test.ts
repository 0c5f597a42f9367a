import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { toBuffer } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { pdfStrings, sampleCertificate } from '../../../tests/fixtures/export/certificate.ts';
import { renderCertificate } from './render.ts';

function has(command: string): boolean {
  try {
    execFileSync(command, ['-v'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    return (error as { code?: string }).code !== 'ENOENT';
  }
}

// rendering and rasterising take seconds on a busy machine
describe('renderCertificate', { timeout: 30_000 }, () => {
  it('makes one A4 landscape page', async () => {
    const doc = await PDFDocument.load(await renderCertificate(sampleCertificate));
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(841.89, 1);
    expect(height).toBeCloseTo(595.28, 1);
    expect(doc.getTitle()).toBe('Sertifikat 0042/BERAKHLAK/PPSDMK/2026: Siti Aminah Rahmawati, S.E., M.M.');
    expect(doc.getSubject()).toBe(sampleCertificate.course.title);
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });

  it('prints everything an official certificate and a SIASN record need, in Indonesian', async () => {
    const text = (await pdfStrings(await renderCertificate(sampleCertificate))).join('\n');
    for (const expected of [
      'KEMENTERIAN KETENAGAKERJAAN REPUBLIK INDONESIA',
      'PPSDM KETENAGAKERJAAN',
      'SERTIFIKAT',
      'Nomor: 0042/BERAKHLAK/PPSDMK/2026',
      'diberikan kepada',
      'Siti Aminah Rahmawati, S.E., M.M.',
      'NIP 19850312 201001 1 004',
      'telah mengikuti',
      'Bangga Melayani Bangsa melalui Core Value BerAKHLAK',
      'Diklat Fungsional Ketenagakerjaan — Pengantar Kerja',
      'Angkatan I Tahun 2026',
      '3 s.d. 5 Desember 2026',
      '6 JP (270 menit)',
      'dengan predikat',
      'SANGAT BAIK',
      'Jakarta, 7 Desember 2026',
      'Dr. Budi Santoso, M.Si.',
      'NIP 19700101 199503 1 001',
      'https://lentera.example.go.id/verify/7KQ2M-X9D4R',
      'Kode verifikasi: 7KQ2M-X9D4R',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('is the same file for the same data', async () => {
    const a = await renderCertificate(sampleCertificate);
    const b = await renderCertificate(sampleCertificate);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('prints names outside WinAnsi without throwing: accents dropped, other scripts as ?', async () => {
    const pdf = await renderCertificate({
      ...sampleCertificate,
      participant: { name: 'Muḥammad Ṣāliḥ محمد 山田 😀', nip: null },
      signatory: { ...sampleCertificate.signatory, name: 'Łukasz Ğündoğdu' },
      predikat: 'Baik µ',
    });
    const text = (await pdfStrings(pdf)).join('\n');
    expect(text).toContain('Muhammad Salih ???? ?? ?');
    expect(text).toContain('Lukasz Gündogdu');
    expect(text).not.toContain('NIP 1985');
    // the metadata keeps the name as written
    expect((await PDFDocument.load(pdf)).getTitle()).toContain('Muḥammad Ṣāliḥ محمد');
  });

  it('wraps or shrinks long names and titles and cuts only what cannot fit', async () => {
    const name = `Prof. Dr. Ir. Raden ${'Wicaksono Kusumadiningrat '.repeat(3)}Mangkunegoro, S.H., M.Hum.`;
    const title = `Pelatihan Teknis ${'Penguatan Kapasitas Aparatur Sipil Negara dalam Pelayanan Publik '.repeat(3)}`;
    const strings = await pdfStrings(
      await renderCertificate({
        ...sampleCertificate,
        participant: { name, nip: null },
        course: { title, hours: 6 },
      }),
    );
    const joined = strings.join(' ').replace(/\s+/g, ' ');
    expect(joined).toContain(name);
    expect(joined).toContain(title.trim());
    const huge = 'Sangatpanjangsekali '.repeat(40);
    const cut = await pdfStrings(
      await renderCertificate({ ...sampleCertificate, participant: { name: huge, nip: null } }),
    );
    expect(cut.some((s) => s.endsWith('…'))).toBe(true);
  });

  it('keeps every line inside the frame', async () => {
    const long = 'Kusumadiningrat '.repeat(30);
    const pdf = await renderCertificate({
      ...sampleCertificate,
      participant: { name: long, nip: '198503122010011004' },
      course: { title: long, subtitle: long, hours: 37.5 },
      cohort: long,
      signatory: { name: long, nip: '197001011995031001', position: long },
      organiser: { name: long, parent: long },
      issued: { place: long, date: '2026-12-07' },
    });
    expect(await pdfStrings(pdf)).not.toHaveLength(0);
    if (!has('pdftotext')) return;
    const dir = mkdtempSync(join(tmpdir(), 'cert-'));
    try {
      writeFileSync(join(dir, 'c.pdf'), pdf);
      const bbox = execFileSync('pdftotext', ['-bbox', join(dir, 'c.pdf'), '-'], { encoding: 'utf8' });
      const words = [...bbox.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g)];
      expect(words.length).toBeGreaterThan(50);
      for (const [, xMin, yMin, xMax, yMax] of words) {
        expect(Number(xMin)).toBeGreaterThan(30);
        expect(Number(xMax)).toBeLessThan(841.89 - 30);
        expect(Number(yMin)).toBeGreaterThan(30);
        expect(Number(yMax)).toBeLessThan(595.28 - 30);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('embeds a PNG logo and refuses other images', async () => {
    const logo = await toBuffer('logo', { type: 'png', width: 96 });
    const doc = await PDFDocument.load(await renderCertificate({ ...sampleCertificate, logo }));
    expect(doc.getPageCount()).toBe(1);
    await expect(
      renderCertificate({ ...sampleCertificate, logo: new Uint8Array([1, 2, 3, 4]) }),
    ).rejects.toThrow(/PNG or JPEG/);
  });

  it('refuses bad dates, hours and codes with a message', async () => {
    await expect(
      renderCertificate({ ...sampleCertificate, dates: { start: '2026-12-05', end: '2026-12-03' } }),
    ).rejects.toThrow(/after it ends/);
    await expect(
      renderCertificate({ ...sampleCertificate, course: { title: 'X', hours: 0 } }),
    ).rejects.toThrow(/JP/);
    await expect(renderCertificate({ ...sampleCertificate, code: 'nope' })).rejects.toThrow(
      /verification code/,
    );
  });

  it.skipIf(!has('pdftoppm') || !has('zbarimg'))(
    'has a QR code that scans to the verification address',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cert-'));
      try {
        writeFileSync(join(dir, 'c.pdf'), await renderCertificate(sampleCertificate));
        execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', join(dir, 'c.pdf'), join(dir, 'c')]);
        const out = execFileSync('zbarimg', ['-q', '--raw', join(dir, 'c.png')], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        expect(out.trim()).toBe('https://lentera.example.go.id/verify/7KQ2M-X9D4R');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
