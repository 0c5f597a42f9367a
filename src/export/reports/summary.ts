// the printable one-page summary of one participant's results (issue 7): HTML with print CSS for A4
// portrait, every value from a person escaped

import type { Course } from '../../course/model.ts';
import { type FinalResult, normalizedGain, type ResultComponents } from '../../evaluation/index.ts';
import {
  formatDateRange,
  formatDecimal,
  formatJp,
  formatLongDate,
  formatNip,
} from '../certificate/format.ts';
import { DEFAULT_ORGANISER } from '../certificate/render.ts';
import type { ReportParticipant } from './cohort.ts';
import { escapeHtml as e } from './html.ts';

export interface ParticipantSummaryInput {
  course: Pick<Course, 'title' | 'hours' | 'cases' | 'rubric'> & { subtitle?: string; publisher?: string };
  /** the cohort's name, e.g. 'Angkatan I Tahun 2026' */
  cohort: string;
  /** first and last day of training, YYYY-MM-DD */
  dates: { start: string; end: string };
  participant: ReportParticipant & { jabatan?: string | null };
  /** the component scores given to `composeResult` (posttest, cases, behaviour) */
  components?: ResultComponents;
  /** the certificate's verification address, when one was issued */
  verifyUrl?: string | null;
  /** date printed in the footer, YYYY-MM-DD */
  printedOn: string;
  organiser?: { name?: string; parent?: string };
}

const COMPONENT_LABELS: Record<string, string> = {
  posttest: 'Post-test',
  cases: 'Studi kasus',
  behaviour: 'Penilaian perilaku',
};
const BANDS = { tinggi: 'tinggi', sedang: 'sedang', rendah: 'rendah' } as const;

function num(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : formatDecimal(value);
}

function bar(value: number | null | undefined): string {
  const width = value === null || value === undefined ? 0 : Math.max(0, Math.min(100, value));
  return `<span class="bar" aria-hidden="true"><span style="width:${width.toFixed(1)}%"></span></span>`;
}

const STYLE = `
@page { size: A4 portrait; margin: 13mm 15mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 180mm; font: 9.5pt/1.35 "Liberation Serif", "Times New Roman", Times, serif; color: #1e1f24; }
header { text-align: center; border-bottom: 2px solid #17305c; padding-bottom: 2.5mm; margin-bottom: 3mm; }
header p { margin: 0; font-weight: bold; letter-spacing: .04em; color: #17305c; text-transform: uppercase; }
header .unit { font-size: 8.5pt; }
h1 { font-size: 14pt; margin: 1.5mm 0 0; color: #17305c; }
h2 { font: bold 8.5pt/1.3 Arial, Helvetica, sans-serif; text-transform: uppercase; letter-spacing: .05em; color: #17305c; margin: 3.5mm 0 1.2mm; border-bottom: .5pt solid #b08c42; padding-bottom: .7mm; }
.course { margin: 0; text-align: center; }
.course strong { font-size: 11pt; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 0 7mm; align-items: start; }
section { break-inside: avoid; }
table { width: 100%; border-collapse: collapse; }
th, td { padding: .7mm 1mm; text-align: left; vertical-align: top; }
thead th { font: bold 7.5pt Arial, Helvetica, sans-serif; color: #555a66; border-bottom: .5pt solid #999; }
tbody tr + tr > * { border-top: .3pt solid #ddd; }
.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; width: 13mm; }
.b { width: 21mm; }
.ident th { width: 24mm; font-weight: normal; color: #555a66; }
.bar { display: inline-block; width: 20mm; height: 2mm; background: #ece6d6; vertical-align: middle; }
.bar > span { display: block; height: 100%; background: #17305c; }
.boxes { display: grid; grid-template-columns: repeat(var(--n), 1fr); gap: 2.5mm; }
.boxes div { border: .6pt solid #17305c; padding: 1.5mm; text-align: center; }
.boxes b { display: block; font-size: 13pt; color: #17305c; }
.boxes small { font: 7pt Arial, Helvetica, sans-serif; color: #555a66; text-transform: uppercase; letter-spacing: .05em; }
.boxes .sub { display: block; font-size: 8pt; color: #555a66; }
.note { font-size: 8pt; color: #555a66; margin: 1mm 0 0; }
footer { margin-top: 4mm; font: 7pt Arial, Helvetica, sans-serif; color: #555a66; border-top: .3pt solid #ccc; padding-top: 1.2mm; }
footer a { color: inherit; word-break: break-all; }
@media screen { body { padding: 10mm; } }
`;

/**
 * A printable one-page summary (ringkasan hasil) of one participant: identity, pre-test, post-test
 * and N-gain, each case study, the behaviour score per core value, the weighted components, final
 * score, predikat and status, JP and the certificate number with its verification address. Returns
 * a complete HTML document with print CSS for A4 portrait; every value is escaped.
 *
 * @example
 * participantSummaryHtml({ course, cohort: 'Angkatan I Tahun 2026', dates: { start: '2026-12-03', end: '2026-12-05' },
 *   participant: { nip: '198503122010011004', name: 'Siti Aminah', pre: 40, post: 85, result }, printedOn: '2026-12-07' });
 * // '<!doctype html><html lang="id">…<h1>Ringkasan Hasil Pelatihan</h1>…'
 */
export function participantSummaryHtml(input: ParticipantSummaryInput): string {
  const { course, participant: p } = input;
  const organiser = {
    name: input.organiser?.name ?? course.publisher ?? DEFAULT_ORGANISER.name,
    parent: input.organiser?.parent ?? DEFAULT_ORGANISER.parent,
  };
  const result: FinalResult | null = p.result;
  const gain = normalizedGain({ pre: p.pre, post: p.post });
  const done = result?.ok === true && result.complete;

  const identity = [
    ['Nama', p.name],
    ['NIP', p.nip ? formatNip(p.nip) : '–'],
    ...(p.jabatan ? [['Jabatan', p.jabatan]] : []),
    ['Instansi', p.instansi || '–'],
  ]
    .map(([label, value]) => `<tr><th scope="row">${e(label)}</th><td>${e(value)}</td></tr>`)
    .join('');

  const box = (label: string, value: string, sub = '') =>
    `<div><small>${e(label)}</small><b>${value}</b>${sub ? `<span class="sub">${sub}</span>` : ''}</div>`;
  const tests = [
    box('Pre-test', num(p.pre)),
    box('Post-test', num(p.post)),
    box('N-Gain (g)', num(gain.g), gain.band ? `kategori ${BANDS[gain.band]}` : 'tidak dihitung'),
  ].join('');

  const cases = course.cases
    .map((c, i) => {
      const value = p.cases && Object.hasOwn(p.cases, c.id) ? p.cases[c.id] : null;
      return `<tr><td>${i + 1}. ${e(c.title)}</td><td class="n">${num(value)}</td><td class="b">${bar(value)}</td></tr>`;
    })
    .join('');

  const behaviour = (course.rubric?.values ?? [])
    .map((v) => {
      const value = p.behaviour && Object.hasOwn(p.behaviour, v.code) ? p.behaviour[v.code]?.score : null;
      return `<tr><td>${e(v.name)} (${e(v.code)})</td><td class="n">${num(value)}</td><td class="b">${bar(value)}</td></tr>`;
    })
    .join('');

  const weights = result?.ok ? result.weightsUsed : {};
  const components = Object.entries(weights)
    .map(([name, weight]) => {
      const value = input.components && Object.hasOwn(input.components, name) ? input.components[name] : null;
      return `<tr><td>${e(COMPONENT_LABELS[name] ?? name)}</td><td class="n">${num(value)}</td><td class="n">${e(formatDecimal(weight * 100))}%</td></tr>`;
    })
    .join('');

  const status = !done ? 'Belum Lengkap' : result.lulus ? 'Lulus' : 'Tidak Lulus';
  const missing =
    result?.ok && !result.complete && result.missing.length > 0
      ? `<p class="note">Belum ada nilai: ${e(result.missing.map((m) => COMPONENT_LABELS[m] ?? m).join(', '))}.</p>`
      : '';
  // only an http(s) address becomes a link: a javascript: URL must never be clickable
  const url = input.verifyUrl ?? '';
  const link = /^https?:\/\//i.test(url) ? `<a href="${e(url)}">${e(url)}</a>` : e(url);
  const certificate = p.certificateNumber
    ? `Nomor sertifikat ${e(p.certificateNumber)}${url ? `; periksa keasliannya di ${link}` : ''}. `
    : '';

  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ringkasan Hasil Pelatihan: ${e(p.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p>${e(organiser.parent)}</p>
<p class="unit">${e(organiser.name)}</p>
<h1>Ringkasan Hasil Pelatihan</h1>
</header>
<p class="course"><strong>${e(course.title)}</strong>${course.subtitle ? `<br>${e(course.subtitle)}` : ''}<br>
${e(input.cohort)} · ${e(formatDateRange(input.dates))} · ${e(formatJp(course.hours))}</p>
<h2>Identitas Peserta</h2>
<table class="ident"><tbody>${identity}</tbody></table>
<section><h2>Pre-test dan Post-test</h2><div class="boxes" style="--n:3">${tests}</div></section>
<div class="cols">
${cases ? `<section><h2>Studi Kasus</h2><table><thead><tr><th>Kasus</th><th class="n">Nilai</th><th class="b"></th></tr></thead><tbody>${cases}</tbody></table></section>` : ''}
${behaviour ? `<section><h2>Perilaku per Nilai Dasar</h2><table><thead><tr><th>Nilai dasar</th><th class="n">Skor</th><th class="b"></th></tr></thead><tbody>${behaviour}</tbody></table><p class="note">Skor 0–100 dari penilaian fasilitator, mentor, dan atasan langsung pada skala 1–4.</p></section>` : ''}
</div>
<section><h2>Hasil Akhir</h2>
<div class="cols">
${components ? `<table><thead><tr><th>Komponen</th><th class="n">Nilai</th><th class="n">Bobot</th></tr></thead><tbody>${components}</tbody></table>` : '<p class="note">Belum ada komponen nilai.</p>'}
<div class="boxes" style="--n:2">
${box('Nilai akhir', done ? num(result.final) : '–')}
${box('Predikat', done ? e(result.predikat ?? '–') : '–')}
${box('Status', e(status))}
${box('Jam pelajaran', done && result.lulus ? `${e(formatDecimal(course.hours))} JP` : '–')}
</div>
</div>
${missing}</section>
<footer>${certificate}Dicetak dari Lentera pada ${e(formatLongDate(input.printedOn))}. 1 JP = 45 menit.</footer>
</body>
</html>
`;
}
