import type { Lang } from '../i18n/index.ts';

// The server reports each rejected import row with an English reason (src/server/services/import.ts
// and nip.ts). Staff read Indonesian, so the known reasons are rendered in Indonesian here; a reason
// this table does not know is shown as the server wrote it, so nothing is ever hidden.

const COLUMN_ID: Record<string, string> = {
  nip: 'NIP',
  nama: 'Nama',
  email: 'Email',
  instansi: 'Instansi',
  jabatan: 'Jabatan',
};

type Rule = [RegExp, (m: RegExpMatchArray) => string];

const ID_RULES: Rule[] = [
  [
    /^the header row has no `(\w+)` column/,
    (m) =>
      `Baris judul tidak memiliki kolom ${COLUMN_ID[m[1] ?? ''] ?? m[1]}. Kolom yang diharapkan: NIP, Nama, Email, Instansi, Jabatan.`,
  ],
  [
    /^the NIP is stored as a number/,
    () =>
      'NIP tersimpan sebagai angka sehingga hanya 15 digit yang tersisa. Format kolom NIP sebagai Teks lalu ketik ulang NIP-nya.',
  ],
  [/^the name is empty$/, () => 'Nama kosong. Isi nama lengkap peserta.'],
  [/^the name is longer than 200 characters$/, () => 'Nama lebih dari 200 karakter. Singkat namanya.'],
  [
    /^the same NIP is on row (\d+)$/,
    (m) => `NIP yang sama sudah ada di baris ${m[1]}. Hapus salah satu baris.`,
  ],
  [
    /^`(.*)` is not an email address$/s,
    (m) => `“${m[1]}” bukan alamat email yang benar. Periksa ketikannya.`,
  ],
  [
    /^the same email is on row (\d+)$/,
    (m) => `Email yang sama sudah ada di baris ${m[1]}. Setiap peserta memerlukan email sendiri.`,
  ],
  [
    /^a row needs a NIP or an email/,
    () => 'Baris ini memerlukan NIP atau email untuk mengenali pesertanya. Isi salah satunya.',
  ],
  [
    /^(instansi|jabatan) is longer than 200 characters$/,
    (m) => `${COLUMN_ID[m[1] ?? ''] ?? m[1]} lebih dari 200 karakter. Singkat isinya.`,
  ],
  [
    /^this email belongs to another account than this NIP$/,
    () => 'Email ini milik akun lain, bukan akun dengan NIP ini. Periksa kembali NIP dan emailnya.',
  ],
  [
    /^the account with this email has a different NIP$/,
    () => 'Akun dengan email ini tercatat dengan NIP lain. Periksa kembali NIP dan emailnya.',
  ],
  [
    /^a NIP has exactly 18 digits; got (\d+) digits?$/,
    (m) => `NIP harus 18 angka; yang tertulis ${m[1]} angka.`,
  ],
  [
    /^digits 1–8 should be a birth date yyyymmdd; (\d+) is not one$/,
    (m) =>
      `Angka ke-1 sampai 8 adalah tanggal lahir (tahun, bulan, tanggal); ${m[1]} bukan tanggal yang benar.`,
  ],
  [
    /^digits 9–14 should be the TMT month yyyymm; month (\d+) does not exist$/,
    (m) => `Angka ke-9 sampai 14 adalah bulan TMT (tahun dan bulan); bulan ${m[1]} tidak ada.`,
  ],
  [
    /^digits 9–12 should be the year service began \((\d+)–(\d+)\); got (\d+)$/,
    (m) => `Angka ke-9 sampai 12 adalah tahun mulai bertugas (${m[1]}–${m[2]}); yang tertulis ${m[3]}.`,
  ],
  [
    /^digit 15 should be 1 \(male\) or 2 \(female\); got (.*)$/,
    (m) => `Angka ke-15 adalah jenis kelamin: 1 (laki-laki) atau 2 (perempuan); yang tertulis ${m[1]}.`,
  ],
  [
    /^digits 16–18 are a serial from 001; got 000$/,
    () => 'Angka ke-16 sampai 18 adalah nomor urut mulai 001; yang tertulis 000.',
  ],
];

export function importReason(message: string, lang: Lang): string {
  if (lang === 'id') {
    for (const [pattern, render] of ID_RULES) {
      const match = message.match(pattern);
      if (match) return render(match);
    }
  }
  return message.charAt(0).toUpperCase() + message.slice(1);
}
