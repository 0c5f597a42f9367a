// the shape every report export shares: typed columns and rows of plain values

/** text: written as text everywhere (NIP included); number: a numeric cell with `decimals` places shown. */
export type ColumnKind = 'text' | 'number';

export interface ReportColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  /** places shown for a number column (values are rounded to it) */
  decimals?: number;
  /** width in characters for spreadsheets */
  width: number;
}

export type Cell = string | number | null;

export interface ReportTable {
  columns: ReportColumn[];
  /** one record per row, keyed by column key; null or a missing key is an empty cell */
  rows: Record<string, Cell>[];
}

/** Characters that make a spreadsheet read a cell as a formula (or that hide one behind them). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Whether a text cell would be read as a formula by Excel, LibreOffice or Google Sheets (starts with
 * = + - @, a tab or a carriage return; OWASP's CSV injection list).
 *
 * @example
 * looksLikeFormula('=HYPERLINK("http://x")'); // true
 */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}
