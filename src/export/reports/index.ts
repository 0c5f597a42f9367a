// the public surface of src/export/reports: the cohort recap (CSV, XLSX) and the participant summary

export type { CohortReportInput, ReportParticipant } from './cohort.ts';
export { cohortReportRows } from './cohort.ts';
export type { CsvOptions } from './csv.ts';
export { toCsv } from './csv.ts';
export { escapeHtml } from './html.ts';
export type { ParticipantSummaryInput } from './summary.ts';
export { participantSummaryHtml } from './summary.ts';
export type { Cell, ColumnKind, ReportColumn, ReportTable } from './table.ts';
export { looksLikeFormula } from './table.ts';
export type { XlsxOptions } from './xlsx.ts';
export { toXlsx } from './xlsx.ts';
