// Which content type a chosen participant file is sent as: the server reads CSV as text and XLSX as a
// workbook. Browsers report .csv inconsistently (text/csv, application/vnd.ms-excel, or nothing), so
// the extension decides.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const ACCEPT = `.csv,.xlsx,text/csv,${XLSX_TYPE}`;

export type ImportFileKind = { kind: 'csv'; type: 'text/csv' } | { kind: 'xlsx'; type: typeof XLSX_TYPE };

export function importFileKind(file: { name: string; type: string }): ImportFileKind | undefined {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx') || file.type === XLSX_TYPE) return { kind: 'xlsx', type: XLSX_TYPE };
  if (name.endsWith('.csv') || name.endsWith('.txt') || file.type === 'text/csv')
    return { kind: 'csv', type: 'text/csv' };
  return undefined;
}
