import { describe, expect, it } from 'vitest';
import { reportCourse, reportParticipants } from '../../../tests/fixtures/export/report.ts';
import { cohortReportRows } from './cohort.ts';
import { toCsv } from './csv.ts';
import type { ReportTable } from './table.ts';

const text = (key: string, header = key) => ({ key, header, kind: 'text' as const, width: 10 });

// a minimal RFC 4180 reader to check what a spreadsheet would see
function parse(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted && c === '"' && csv[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) field += c;
    else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('toCsv', () => {
  const table = cohortReportRows({ course: reportCourse, participants: reportParticipants });

  it('starts with a UTF-8 BOM and ends every line with CRLF', () => {
    const csv = toCsv(table);
    expect(csv.startsWith('\uFEFFNo,NIP,Nama,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('reads back as the header and one line per participant, with the NIP grouped so Excel keeps it', () => {
    const rows = parse(toCsv(table).slice(1));
    expect(rows).toHaveLength(4);
    expect(rows[0]?.[8]).toBe('Studi Kasus 1: Bingkisan "terima kasih" setelah bursa kerja');
    expect(rows[1]?.slice(0, 8)).toEqual([
      '1',
      '19850312 201001 1 004',
      'Siti Aminah, S.E.',
      'Dinas Tenaga Kerja Kota Bandung',
      '40',
      '85',
      '0.75',
      'Tinggi',
    ]);
    expect(rows[1]?.slice(-5)).toEqual(['78.65', 'Cukup', 'Lulus', '6', '0001/BERAKHLAK/PPSDMK/2026']);
    expect(rows[3]?.slice(-5)).toEqual(['', '', 'Belum Lengkap', '', '']);
  });

  it('writes decimal commas with the ; delimiter', () => {
    const rows = parse(toCsv(table, { delimiter: ';' }).slice(1), ';');
    expect(rows[1]?.[6]).toBe('0,75');
    expect(rows[1]?.[2]).toBe('Siti Aminah, S.E.');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","klik")', `'=HYPERLINK("http://evil.example","klik")`],
    ['+62 812 3456', "'+62 812 3456"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(1+1)*cmd', "'@SUM(1+1)*cmd"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['Budi = baik', 'Budi = baik'],
  ])('escapes a cell %j as %j', (name, expected) => {
    const malicious: ReportTable = { columns: [text('nama', '=cmd|header')], rows: [{ nama: name }] };
    const rows = parse(toCsv(malicious).slice(1));
    expect(rows[0]).toEqual(["'=cmd|header"]);
    expect(rows[1]).toEqual([expected]);
  });

  it('never escapes numbers, negative ones included', () => {
    const csv = toCsv({
      columns: [{ key: 'g', header: 'g', kind: 'number', decimals: 2, width: 5 }],
      rows: [{ g: -0.25 }],
    });
    expect(parse(csv.slice(1))[1]).toEqual(['-0.25']);
  });

  it('quotes fields with the delimiter, quotes, line breaks or edge spaces', () => {
    const csv = toCsv({
      columns: [text('a'), text('b'), text('c'), text('d')],
      rows: [{ a: 'x,y', b: 'say "hi"', c: 'a\nb', d: ' pad ' }],
    });
    expect(csv.split('\r\n')[1]).toBe('"x,y","say ""hi""","a\nb"," pad "');
  });
});
