// the certificate PDF (issue 7): one A4 landscape page that reads like an official Indonesian
// training certificate, with a QR code to the public verification page

import { PageSizes, PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { Course } from '../../course/model.ts';
import { verifyUrl } from './codes.ts';
import { formatDateRange, formatJp, formatLongDate, formatNip, parseDate } from './format.ts';
import { drawFrame, type Palette } from './frame.ts';
import { type Block, run, stack, textBlock } from './layout.ts';
import { drawQr } from './qr.ts';
import { fitRuns } from './text-fit.ts';

export interface CertificateData {
  /** the certificate number, as `certificateNumber` makes it */
  number: string;
  /** the verification code, as `verificationCode` makes it */
  code: string;
  /** public address of the Lentera server; the QR code opens `<baseUrl>/verify/<code>` */
  baseUrl: string;
  participant: { name: string; nip?: string | null };
  /** the compiled course or the fields it needs */
  course: Pick<Course, 'title' | 'hours'> & { subtitle?: string; publisher?: string };
  /** the cohort's name, e.g. 'Angkatan I Tahun 2026' ('I' alone is printed 'Angkatan I') */
  cohort: string;
  /** first and last day of training, YYYY-MM-DD */
  dates: { start: string; end: string };
  predikat: string;
  /** place and date (YYYY-MM-DD) of issue, e.g. Jakarta */
  issued: { place: string; date: string };
  signatory: { name: string; nip?: string | null; position: string };
  /** defaults: the course's publisher (or PPSDM Ketenagakerjaan) and its ministry */
  organiser?: { name?: string; parent?: string };
  /** PNG or JPEG logo printed at the top centre, about 48 points high */
  logo?: Uint8Array;
}

export const DEFAULT_ORGANISER = {
  name: 'PPSDM Ketenagakerjaan',
  parent: 'Kementerian Ketenagakerjaan Republik Indonesia',
} as const;

const PALETTE: Palette = {
  navy: rgb(0.09, 0.19, 0.36),
  gold: rgb(0.69, 0.55, 0.26),
  ink: rgb(0.12, 0.12, 0.14),
  muted: rgb(0.35, 0.36, 0.4),
  wash: rgb(0.93, 0.9, 0.82),
};

interface Fonts {
  roman: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  sans: PDFFont;
  sansBold: PDFFont;
}

function cohortLabel(cohort: string): string {
  const trimmed = cohort.trim();
  return /^angkatan\b/i.test(trimmed) ? trimmed : `Angkatan ${trimmed}`;
}

async function embedLogo(doc: PDFDocument, bytes: Uint8Array) {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return doc.embedPng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return doc.embedJpg(bytes);
  throw new RangeError('The logo must be a PNG or JPEG image.');
}

/** The signature block at the lower right: its top edge, and how to draw it (after the body, for reading order). */
function signature(
  page: PDFPage,
  fonts: Fonts,
  data: CertificateData,
  cx: number,
): { top: number; draw(): void } {
  const width = 250;
  const opts = { cx, maxWidth: width, color: PALETTE.ink };
  const place = textBlock(
    page,
    [run(`${data.issued.place}, ${formatLongDate(data.issued.date)}`, fonts.roman)],
    {
      ...opts,
      size: 12,
      minSize: 9,
      gap: 0,
    },
  );
  const position = textBlock(page, [run(data.signatory.position, fonts.roman)], {
    ...opts,
    size: 12,
    minSize: 9,
    maxLines: 3,
    gap: 3,
    leading: 1.18,
  });
  const name = textBlock(page, [run(data.signatory.name, fonts.bold)], {
    ...opts,
    size: 12,
    minSize: 10,
    maxLines: 2,
    gap: 52,
    leading: 1.3,
    underline: true,
  });
  const nip = data.signatory.nip
    ? textBlock(page, [run(`NIP ${formatNip(data.signatory.nip)}`, fonts.roman)], {
        ...opts,
        size: 11,
        gap: 4,
      })
    : null;
  const blocks = [place, position, name, ...(nip ? [nip] : [])];
  const height = blocks.reduce((sum, b, i) => sum + b.height + (i > 0 ? b.gap : 0), 0);
  const bottom = 50;
  const top = bottom + height;
  const draw = () => {
    let y = top;
    for (const [i, block] of blocks.entries()) {
      if (i > 0) y -= block.gap;
      block.draw(y);
      y -= block.height;
    }
  };
  return { top, draw };
}

/** Where the QR code sits: lower left, inside the frame. */
const QR = { x: 58, y: 62, width: 84 } as const;

/** The QR code with the address and code beneath it, at the lower left. */
function drawVerification(page: PDFPage, fonts: Fonts, url: string, code: string): void {
  const { x, y, width: qr } = QR;
  drawQr(page, { text: url, x, y, width: qr, color: PALETTE.ink });
  const small = (text: string, font: PDFFont, size: number, dy: number, color = PALETTE.muted) => {
    const fit = fitRuns([run(text, font)], { maxWidth: 300, maxLines: 1, size, minSize: 5 });
    const line = fit.lines[0];
    if (line)
      page.drawText(line.runs.map((r) => r.text).join(''), {
        x: x + 6,
        y: y - dy,
        size: fit.size,
        font,
        color,
      });
  };
  small(url, fonts.sans, 7, 4, PALETTE.ink);
  small(`Kode verifikasi: ${code}`, fonts.sansBold, 7, 13, PALETTE.ink);
  const note = [
    'Dokumen ini diterbitkan secara elektronik.',
    'Pindai kode QR atau buka alamat di bawahnya',
    'untuk memeriksa keaslian sertifikat.',
  ];
  note.forEach((text, i) => {
    page.drawText(text, {
      x: x + qr + 4,
      y: y + 50 - i * 9.5,
      size: 7,
      font: fonts.sans,
      color: PALETTE.muted,
    });
  });
}

/**
 * Renders a participant's certificate (SERTIFIKAT) as a one-page A4 landscape PDF: organiser, number,
 * name and NIP, course, cohort, dates, JP with minutes, predikat, place and date of issue, signatory,
 * and a QR code to `<baseUrl>/verify/<code>` with the address printed beneath it. Only the standard
 * PDF fonts are embedded; text outside their character set is transliterated or shown as '?' (see
 * `certificateTextIssues`), and long names and titles wrap or shrink to fit.
 *
 * @example
 * const pdf = await renderCertificate({
 *   number: '0042/BERAKHLAK/PPSDMK/2026',
 *   code: '7KQ2M-X9D4R',
 *   baseUrl: 'https://lentera.example.go.id',
 *   participant: { name: 'Siti Aminah, S.E.', nip: '198503122010011004' },
 *   course: { title: 'Bangga Melayani Bangsa melalui Core Value BerAKHLAK', hours: 6 },
 *   cohort: 'Angkatan I Tahun 2026',
 *   dates: { start: '2026-12-03', end: '2026-12-05' },
 *   predikat: 'Sangat Baik',
 *   issued: { place: 'Jakarta', date: '2026-12-07' },
 *   signatory: { name: 'Budi Santoso', nip: '197001011995031001', position: 'Kepala PPSDM Ketenagakerjaan' },
 * });
 * // pdf: Uint8Array starting with '%PDF-'
 */
export async function renderCertificate(data: CertificateData): Promise<Uint8Array> {
  const url = verifyUrl({ baseUrl: data.baseUrl, code: data.code });
  const range = formatDateRange(data.dates);
  const jp = formatJp(data.course.hours);
  const issued = parseDate(data.issued.date);
  const organiser = {
    name: data.organiser?.name ?? data.course.publisher ?? DEFAULT_ORGANISER.name,
    parent: data.organiser?.parent ?? DEFAULT_ORGANISER.parent,
  };

  const doc = await PDFDocument.create();
  const when = new Date(Date.UTC(issued.year, issued.month - 1, issued.day));
  doc.setTitle(`Sertifikat ${data.number}: ${data.participant.name}`);
  doc.setSubject(data.course.title);
  doc.setAuthor(organiser.name);
  doc.setKeywords([data.number, data.code, 'sertifikat', 'pelatihan']);
  doc.setLanguage('id-ID');
  doc.setCreator('Lentera');
  doc.setProducer('Lentera');
  doc.setCreationDate(when);
  doc.setModificationDate(when);

  const [landscapeHeight, landscapeWidth] = PageSizes.A4;
  const page = doc.addPage([landscapeWidth, landscapeHeight]);
  const fonts: Fonts = {
    roman: await doc.embedFont(StandardFonts.TimesRoman),
    bold: await doc.embedFont(StandardFonts.TimesRomanBold),
    italic: await doc.embedFont(StandardFonts.TimesRomanItalic),
    sans: await doc.embedFont(StandardFonts.Helvetica),
    sansBold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const { width, height } = page.getSize();
  const cx = width / 2;
  drawFrame(page, PALETTE);

  let top = height - 50;
  if (data.logo) {
    const image = await embedLogo(doc, data.logo);
    const scaled = image.scaleToFit(120, 48);
    page.drawImage(image, { x: cx - scaled.width / 2, y: top - scaled.height, ...scaled });
    top -= scaled.height + 8;
  }
  const column = { cx, maxWidth: 620 };
  const header = [
    textBlock(page, [run(organiser.parent.toUpperCase(), fonts.bold)], {
      ...column,
      size: 14,
      minSize: 10,
      gap: 0,
      color: PALETTE.navy,
      spacing: 0.6,
    }),
    textBlock(page, [run(organiser.name.toUpperCase(), fonts.bold)], {
      ...column,
      size: 12.5,
      minSize: 9,
      gap: 4,
      color: PALETTE.navy,
      spacing: 0.6,
    }),
  ];
  for (const [i, block] of header.entries()) {
    if (i > 0) top -= block.gap;
    block.draw(top);
    top -= block.height;
  }
  top -= 9;
  page.drawLine({
    start: { x: cx - 150, y: top },
    end: { x: cx + 150, y: top },
    thickness: 0.8,
    color: PALETTE.gold,
  });
  page.drawLine({
    start: { x: cx - 110, y: top - 3 },
    end: { x: cx + 110, y: top - 3 },
    thickness: 0.4,
    color: PALETTE.gold,
  });

  const signatureBlock = signature(page, fonts, data, width - 200);
  const bottomOfBody = Math.max(signatureBlock.top, QR.y + QR.width) + 10;

  const body = { ...column, color: PALETTE.ink };
  const blocks: Block[] = [
    textBlock(page, [run('SERTIFIKAT', fonts.bold)], {
      ...body,
      size: 40,
      gap: 0,
      color: PALETTE.navy,
      spacing: 7,
    }),
    textBlock(page, [run(`Nomor: ${data.number}`, fonts.roman)], { ...body, size: 12, minSize: 9, gap: 6 }),
    textBlock(page, [run('diberikan kepada', fonts.italic)], { ...body, size: 14, gap: 16 }),
    textBlock(page, [run(data.participant.name, fonts.bold)], {
      ...body,
      size: 26,
      minSize: 15,
      maxLines: 2,
      gap: 6,
      color: PALETTE.navy,
      leading: 1.12,
    }),
  ];
  if (data.participant.nip) {
    blocks.push(
      textBlock(page, [run(`NIP ${formatNip(data.participant.nip)}`, fonts.roman)], {
        ...body,
        size: 13,
        gap: 5,
      }),
    );
  }
  blocks.push(
    textBlock(page, [run('telah mengikuti', fonts.italic)], { ...body, size: 14, gap: 14 }),
    textBlock(page, [run(data.course.title, fonts.bold)], {
      ...body,
      size: 19,
      minSize: 12,
      maxLines: 3,
      gap: 6,
      color: PALETTE.navy,
      leading: 1.15,
    }),
  );
  if (data.course.subtitle) {
    blocks.push(
      textBlock(page, [run(data.course.subtitle, fonts.italic)], {
        ...body,
        size: 13,
        minSize: 10,
        maxLines: 2,
        gap: 3,
      }),
    );
  }
  blocks.push(
    textBlock(
      page,
      [
        run(`${cohortLabel(data.cohort)} `, fonts.bold),
        run('yang diselenggarakan oleh ', fonts.roman),
        run(`${organiser.name} `, fonts.roman),
        // 'pada tanggal' stays with the date, and neither the date nor the JP is ever split
        run('pada tanggal ', fonts.roman, true),
        run(range, fonts.bold, true),
        run(' selama ', fonts.roman),
        run(jp, fonts.bold, true),
      ],
      { ...body, size: 13, minSize: 10, maxLines: 2, gap: 10, leading: 1.35 },
    ),
    textBlock(page, [run('dengan predikat ', fonts.roman), run(data.predikat.toUpperCase(), fonts.bold)], {
      ...body,
      size: 14,
      minSize: 10,
      gap: 8,
    }),
  );
  stack(blocks, top - 14, bottomOfBody);
  signatureBlock.draw();
  drawVerification(page, fonts, url, data.code);
  return doc.save();
}
