// XLSX export of a report table: a styled, frozen header, column widths, numbers as numbers and
// every text (NIP included) as a text cell, so nothing is rounded or run as a formula

import ExcelJS from 'exceljs';
import type { ReportTable } from './table.ts';

export interface XlsxOptions {
  /** worksheet name (Excel allows 31 characters, without : \ / ? * [ ]) */
  sheetName?: string;
  /** workbook creation date written in its properties; now when not given */
  created?: Date;
}

const NAVY = 'FF17305C';

function sheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .trim()
    .slice(0, 31);
  return cleaned === '' ? 'Rekap Nilai' : cleaned;
}

/**
 * The table as an XLSX workbook with one sheet: a bold white-on-navy header that stays in view
 * (frozen first row) with filters, column widths from the table, number columns as numbers with
 * their decimals shown, and text columns as text cells. A text that looks like a formula
 * (= + - @ …) is stored as text, so Excel shows it and never computes it; the NIP is text, so all
 * 18 digits stay.
 *
 * @example
 * const bytes = await toXlsx(cohortReportRows({ course, participants }), { sheetName: 'Angkatan I 2026' });
 * // bytes: Uint8Array of a .xlsx file (a zip starting with 'PK')
 */
export async function toXlsx(table: ReportTable, options: XlsxOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lentera';
  workbook.created = options.created ?? new Date();
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(sheetName(options.sheetName ?? 'Rekap Nilai'), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
  });
  sheet.columns = table.columns.map((c) => ({
    key: c.key,
    width: c.width,
    style:
      c.kind === 'number'
        ? {
            numFmt: c.decimals === 0 ? '0' : `0.${'0'.repeat(c.decimals ?? 2)}`,
            alignment: { horizontal: 'right' },
          }
        : { numFmt: '@' },
  }));

  const header = sheet.getRow(1);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: NAVY } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.numFmt = '@';
  });
  header.height = 32;

  table.rows.forEach((row, r) => {
    const line = sheet.getRow(r + 2);
    table.columns.forEach((c, i) => {
      const value = Object.hasOwn(row, c.key) ? row[c.key] : null;
      if (value === null || value === undefined || value === '') return;
      const cell = line.getCell(i + 1);
      if (c.kind === 'number' && typeof value === 'number' && Number.isFinite(value)) cell.value = value;
      // a JS string is written as a shared string: exceljs never turns it into a formula or number
      else cell.value = String(value);
    });
  });
  if (table.columns.length > 0) {
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1 + table.rows.length, column: table.columns.length },
    };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
