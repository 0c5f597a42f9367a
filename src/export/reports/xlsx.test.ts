import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { reportCourse, reportParticipants } from '../../../tests/fixtures/export/report.ts';
import { cohortReportRows } from './cohort.ts';
import type { ReportTable } from './table.ts';
import { toXlsx } from './xlsx.ts';

async function read(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

describe('toXlsx', () => {
  const table = cohortReportRows({ course: reportCourse, participants: reportParticipants });

  it('round-trips through exceljs: a styled, frozen, filtered header and every row', async () => {
    const workbook = await read(
      await toXlsx(table, { sheetName: 'Angkatan I/2026', created: new Date('2026-12-07') }),
    );
    const sheet = workbook.getWorksheet('Angkatan I 2026');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const header = sheet.getRow(1);
    expect(header.getCell(1).value).toBe('No');
    expect(header.getCell(3).font?.bold).toBe(true);
    expect(header.getCell(3).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(sheet.getColumn(3).width).toBe(32);
    expect(workbook.creator).toBe('Lentera');
  });

  it('keeps the NIP as text and scores as numbers', async () => {
    const sheet = (await read(await toXlsx(table))).worksheets[0];
    const row = sheet?.getRow(2);
    expect(row?.getCell(2).value).toBe('198503122010011004');
    expect(row?.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(row?.getCell(5).value).toBe(40);
    expect(row?.getCell(7).value).toBe(0.75);
    expect(row?.getCell(7).numFmt).toBe('0.00');
    expect(row?.getCell(18).value).toBe(78.65);
    expect(row?.getCell(21).value).toBe(6);
    expect(sheet?.getRow(4).getCell(18).value).toBeNull();
  });

  it('stores formula-like names as strings, never as formulas', async () => {
    const names = ['=HYPERLINK("http://evil.example","klik")', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '=1+1'];
    const malicious: ReportTable = {
      columns: [{ key: 'nama', header: '=header', kind: 'text', width: 20 }],
      rows: names.map((nama) => ({ nama })),
    };
    const bytes = await toXlsx(malicious);
    const sheet = (await read(bytes)).worksheets[0];
    expect(sheet?.getRow(1).getCell(1).type).toBe(ExcelJS.ValueType.String);
    names.forEach((name, i) => {
      const cell = sheet?.getRow(i + 2).getCell(1);
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(cell?.value).toBe(name);
    });
    const xml = new TextDecoder().decode(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(xml).not.toContain('<f>');
  });
});
