import { describe, expect, it } from 'vitest';
import { importReason } from './import-reasons.ts';

describe('importReason', () => {
  it.each([
    ['the name is empty', 'Nama kosong. Isi nama lengkap peserta.'],
    ['the same NIP is on row 3', 'NIP yang sama sudah ada di baris 3. Hapus salah satu baris.'],
    ['`budi@` is not an email address', '“budi@” bukan alamat email yang benar. Periksa ketikannya.'],
    ['a NIP has exactly 18 digits; got 17 digits', 'NIP harus 18 angka; yang tertulis 17 angka.'],
    [
      'digits 1–8 should be a birth date yyyymmdd; 19901301 is not one',
      'Angka ke-1 sampai 8 adalah tanggal lahir (tahun, bulan, tanggal); 19901301 bukan tanggal yang benar.',
    ],
    [
      'the header row has no `nama` column; expected columns: NIP, Nama, Email, Instansi, Jabatan',
      'Baris judul tidak memiliki kolom Nama. Kolom yang diharapkan: NIP, Nama, Email, Instansi, Jabatan.',
    ],
    ['jabatan is longer than 200 characters', 'Jabatan lebih dari 200 karakter. Singkat isinya.'],
  ])('renders “%s” in Indonesian', (message, expected) => {
    expect(importReason(message, 'id')).toBe(expected);
  });

  it('shows a reason it does not know as the server wrote it, capitalised', () => {
    expect(importReason('something new happened', 'id')).toBe('Something new happened');
  });

  it('keeps the server English in English', () => {
    expect(importReason('the name is empty', 'en')).toBe('The name is empty');
  });
});

describe('importReason against the server import check', () => {
  it('has Indonesian for every reason the server gives today', async () => {
    // the server writes these reasons (src/server/services/import.ts, nip.ts); a new one fails here
    const { checkRows } = await import('../../server/services/import.ts');
    const long = 'x'.repeat(201);
    const { rejected } = checkRows(
      {
        header: ['NIP', 'Nama', 'Email', 'Instansi', 'Jabatan'],
        rows: [
          { row: 2, cells: ['199001012015031001', 'Ani', 'ani@example.go.id', '', ''] },
          { row: 3, cells: ['199001012015031001', '', 'bukan-email', long, long] },
          { row: 4, cells: ['', 'Budi', 'ani@example.go.id', '', ''] },
          { row: 5, cells: ['', 'Citra', '', '', ''] },
          { row: 6, cells: ['1990010120150310', 'Dodi', '', '', ''] },
          { row: 7, cells: ['199013012015031001', 'Eka', '', '', ''] },
          { row: 8, cells: ['199001012015131001', 'Fajar', '', '', ''] },
          { row: 9, cells: ['199001011990031001', 'Gita', '', '', ''] },
          { row: 10, cells: ['199001012015033001', 'Hadi', '', '', ''] },
          { row: 11, cells: ['199001012015031000', 'Indah', '', '', ''] },
          { row: 12, cells: [long.slice(0, 2), long, '', '', ''] },
        ],
      },
      new Date('2025-06-01T00:00:00Z'),
    );
    const header = checkRows({ header: ['Email'], rows: [] }).rejected;
    const all = [...rejected, ...header];
    expect(all.length).toBeGreaterThan(10);
    for (const r of all) {
      const shown = importReason(r.message, 'id');
      expect(shown, r.message).not.toBe(r.message.charAt(0).toUpperCase() + r.message.slice(1));
    }
  });
});
