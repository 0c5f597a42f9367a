import { describe, expect, it } from 'vitest';
import { importFileKind, XLSX_TYPE } from './import-file.ts';

describe('importFileKind', () => {
  it('sends .csv as text/csv whatever the browser calls it', () => {
    expect(importFileKind({ name: 'Peserta.CSV', type: 'application/vnd.ms-excel' })).toEqual({
      kind: 'csv',
      type: 'text/csv',
    });
    expect(importFileKind({ name: 'peserta.csv', type: '' })?.kind).toBe('csv');
  });

  it('sends .xlsx as a workbook', () => {
    expect(importFileKind({ name: 'peserta.xlsx', type: '' })).toEqual({ kind: 'xlsx', type: XLSX_TYPE });
  });

  it('refuses other files, including the old .xls format', () => {
    expect(importFileKind({ name: 'peserta.xls', type: 'application/vnd.ms-excel' })).toBeUndefined();
    expect(importFileKind({ name: 'foto.jpg', type: 'image/jpeg' })).toBeUndefined();
  });
});
