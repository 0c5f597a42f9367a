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
