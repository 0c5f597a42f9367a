// CSV export of a report table: RFC 4180 with a UTF-8 BOM, safe to open in a spreadsheet

import { formatNip } from '../certificate/format.ts';
import { type Cell, looksLikeFormula, type ReportColumn, type ReportTable } from './table.ts';

export interface CsvOptions {
  /**
   * ',' (default): RFC 4180 with '.' decimals, for tools and for spreadsheets set to English;
   * ';': with ',' decimals, the form Excel set to Indonesian (id-ID) opens into columns directly.
   */
  delimiter?: ',' | ';';
}

function field(text: string, delimiter: string): string {
  // a leading quote mark makes Excel, LibreOffice and Sheets show the cell as text, not run it
  const safe = looksLikeFormula(text) ? `'${text}` : text;
  return safe.includes('"') || safe.includes(delimiter) || /[\r\n]/.test(safe) || safe !== safe.trim()
    ? `"${safe.replace(/"/g, '""')}"`
    : safe;
}

function cell(value: Cell, column: ReportColumn, delimiter: string): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const text =
      column.decimals === undefined ? String(value) : String(Number(value.toFixed(column.decimals)));
    return delimiter === ';' ? text.replace('.', ',') : text;
  }
  // an 18-digit NIP stays text in Excel only when grouped: as digits it becomes 1.98503E+17
  return field(column.key === 'nip' ? formatNip(value) : value, delimiter);
}

/**
 * The table as CSV text: a UTF-8 byte order mark (so Excel reads Indonesian text as UTF-8), a header
 * line, one line per row, CRLF line ends, fields quoted only when needed. A text cell that starts
 * with = + - @, a tab or a carriage return gets a leading ' so no spreadsheet runs it as a formula.
 * The NIP is written grouped (19850312 201001 1 004) so Excel keeps all 18 digits; remove the
 * spaces for the bare number. Numbers are numbers, never escaped.
 *
 * @example
 * toCsv({ columns: [{ key: 'nama', header: 'Nama', kind: 'text', width: 20 }], rows: [{ nama: '=1+1' }] });
 * // '\uFEFFNama\r\n\'=1+1\r\n'
 */
export function toCsv(table: ReportTable, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const lines = [
    table.columns.map((c) => field(c.header, delimiter)).join(delimiter),
    ...table.rows.map((row) =>
      table.columns
        .map((c) => cell(Object.hasOwn(row, c.key) ? (row[c.key] as Cell) : null, c, delimiter))
        .join(delimiter),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
