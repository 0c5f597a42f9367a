import { formatJp, formatLongDate } from '../../export/certificate/index.ts';
import { escapeHtml as e } from '../../export/reports/index.ts';
import { parseRecord } from './certificates.ts';
import type { CertificateRow } from './evaluation-db.ts';

// The public certificate check at /verify/<code> (issue 7): a page in Indonesian that works without
// JavaScript and under the app's CSP (no script; the stylesheet is inline, which style-src allows). It
// shows only the name, course, JP, date of issue and status; every value is escaped.

const STYLE = `
:root { color-scheme: light dark; --ink: #1e1f24; --muted: #555a66; --paper: #fff; --line: #d8d3c4; --navy: #17305c; --ok: #1d6b3a; --bad: #a32020; }
@media (prefers-color-scheme: dark) { :root { --ink: #ecebe6; --muted: #b4b7c0; --paper: #16181d; --line: #3a3d45; --navy: #9db8e8; --ok: #7fd09a; --bad: #ff9a9a; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 36rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
header p { margin: 0; color: var(--muted); font-size: .875rem; letter-spacing: .04em; text-transform: uppercase; }
h1 { font-size: 1.5rem; margin: .25rem 0 1.25rem; color: var(--navy); }
.status { display: inline-block; font-weight: 700; padding: .2rem .7rem; border-radius: 999px; border: 2px solid currentColor; }
.sah { color: var(--ok); }
.dicabut, .tidak-ditemukan { color: var(--bad); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .5rem 1rem; margin: 1.25rem 0; padding: 1rem 0; border-block: 1px solid var(--line); }
dt { color: var(--muted); }
dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
form { margin-top: 2rem; display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
label { display: block; width: 100%; font-size: .875rem; color: var(--muted); }
input { font: inherit; padding: .55rem .7rem; border: 1px solid var(--muted); border-radius: .4rem; min-width: 12rem; flex: 1; background: var(--paper); color: var(--ink); text-transform: uppercase; }
button { font: inherit; padding: .55rem 1rem; border: 0; border-radius: .4rem; background: var(--navy); color: var(--paper); cursor: pointer; min-height: 2.75rem; }
:focus-visible { outline: 3px solid var(--navy); outline-offset: 2px; }
p.note { color: var(--muted); font-size: .875rem; }
`;

function page(options: { title: string; body: string; code?: string | null }): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(options.title)} · Verifikasi Sertifikat</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header><p>Lentera · Verifikasi Sertifikat</p></header>
${options.body}
<form method="get" action="/verify">
<label for="code">Periksa kode lain (10 karakter, misalnya 7KQ2M-X9D4R)</label>
<input id="code" name="code" autocomplete="off" spellcheck="false" maxlength="20" value="${e(options.code ?? '')}" required>
<button type="submit">Periksa</button>
</form>
</main>
</body>
</html>
`;
}

/** the page for a certificate that exists: sah, or dicabut when revoked */
export function certificatePage(row: CertificateRow): string {
  const record = parseRecord(row);
  const revoked = row.revoked_at !== null;
  const status = revoked
    ? '<span class="status dicabut">Dicabut</span>'
    : '<span class="status sah">Sah</span>';
  const lead = revoked
    ? '<p>Sertifikat ini pernah diterbitkan, tetapi telah <strong>dicabut</strong> dan tidak berlaku lagi.</p>'
    : '<p>Sertifikat ini <strong>asli</strong> dan tercatat di Lentera.</p>';
  return page({
    title: revoked ? 'Sertifikat dicabut' : 'Sertifikat sah',
    code: row.code,
    body: `<h1>${revoked ? 'Sertifikat dicabut' : 'Sertifikat sah'}</h1>
${lead}
<dl>
<dt>Nama</dt><dd>${e(record.participant.name)}</dd>
<dt>Pelatihan</dt><dd>${e(record.course.title)}</dd>
<dt>Jumlah JP</dt><dd>${e(formatJp(record.course.hours))}</dd>
<dt>Tanggal terbit</dt><dd>${e(formatLongDate(row.issued_on))}</dd>
<dt>Status</dt><dd>${status}</dd>
</dl>`,
  });
}

/** the page for a code that names no certificate (or is not a code at all) */
export function notFoundPage(code: string | null): string {
  return page({
    title: 'Sertifikat tidak ditemukan',
    code,
    body: `<h1>Sertifikat tidak ditemukan</h1>
<p><span class="status tidak-ditemukan">Tidak ditemukan</span></p>
<p>Tidak ada sertifikat dengan kode ${code ? `<strong>${e(code)}</strong>` : 'ini'}. Periksa kembali kode pada sertifikat: 10 huruf dan angka, dua kelompok lima karakter. Huruf O dibaca angka 0, huruf I dan L dibaca angka 1.</p>
<p class="note">Jika kode sudah benar tetapi tetap tidak ditemukan, hubungi penyelenggara pelatihan yang tertulis pada sertifikat.</p>`,
  });
}

export function rateLimitedPage(seconds: number): string {
  return page({
    title: 'Terlalu banyak permintaan',
    body: `<h1>Terlalu banyak permintaan</h1>
<p>Terlalu banyak pemeriksaan dari alamat jaringan Anda dalam waktu singkat. Coba lagi dalam ${e(seconds)} detik.</p>`,
  });
}

/** /verify without a code: what the page is for, and the form */
export function askPage(): string {
  return page({
    title: 'Periksa sertifikat',
    body: `<h1>Periksa keaslian sertifikat</h1>
<p>Masukkan kode verifikasi yang tercetak di bawah kode QR pada sertifikat, atau pindai kode QR tersebut.</p>`,
  });
}
