import { expect, it } from 'vitest';

it('exposes the reports surface and nothing else', async () => {
  expect(Object.keys(await import('./index.ts')).sort()).toEqual([
    'cohortReportRows',
    'escapeHtml',
    'looksLikeFormula',
    'participantSummaryHtml',
    'toCsv',
    'toXlsx',
  ]);
});
