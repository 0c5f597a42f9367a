import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics.ts';
import { QuestionSource } from '../schema/questions.ts';
import { parseAiken } from './aiken.ts';
import type { ImportOptions } from './items.ts';

const defaults: ImportOptions = { file: 'bank.txt', page: 'gratifikasi', level: 'C1' };
const aiken = (text: string, options: Partial<ImportOptions> = {}) =>
  parseAiken(text, { ...defaults, ...options });
const errors = (text: string) =>
  aiken(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => formatDiagnostic(d));

describe('parseAiken', () => {
  it('reads the sample bank: `A.` and `A)` options, a question over two lines, ANSWER', () => {
    const result = aiken(readFileSync('tests/fixtures/import/bank-akuntabel.txt', 'utf8'));
    expect(result.format).toBe('aiken');
    expect(result.questions.map((q) => [q.id, q.options.findIndex((o) => o.correct)])).toEqual([
      ['imp-001', 2],
      ['imp-002', 1],
      ['imp-003', 1],
    ]);
    expect(result.questions[1]).toEqual({
      id: 'imp-002',
      page: 'gratifikasi',
      level: 'C1',
      formative: false,
      stem: 'Seorang petugas menerima parsel dari perusahaan setelah bursa kerja.\\\nTindakan yang paling tepat adalah …',
      options: [
        { text: 'Menerima parsel karena bursa kerja sudah selesai' },
        { text: 'Menolak parsel atau melaporkannya', correct: true },
        { text: 'Membagikan parsel kepada seluruh pegawai' },
        { text: 'Mencatat parsel di buku tamu' },
      ],
      explanation: 'Jawaban yang benar: Menolak parsel atau melaporkannya.',
    });
    expect(result.origins.map((o) => o.line)).toEqual([1, 8, 16]);
    for (const question of result.questions) expect(QuestionSource.parse(question)).toEqual(question);
    expect(result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'bank.txt:1:1: warning: 3 items have no feedback (lines 1, 8, 16): the explanation only names the correct answer [missing-explanation]\n' +
        '  hint: Aiken has no feedback: write why the answer is right in `explanation:` of each item in the written file',
    ]);
  });

  it('needs no blank line between items and accepts `answer: b`', () => {
    const result = aiken('Soal satu?\nA. a\nB. b\nC. c\nANSWER: A\nSoal dua?\nA) a\nB) b\nC) c\nanswer: b');
    expect(result.questions.map((q) => q.options.findIndex((o) => o.correct))).toEqual([0, 1]);
  });

  it('escapes Markdown in the plain text of an item', () => {
    const [question] = aiken('Nilai 2*3 adalah …\nA. <6>\nB. 1. lima\nC. _tujuh_\nANSWER: A').questions;
    expect(question?.stem).toBe('Nilai 2\\*3 adalah …');
    expect(question?.options.map((o) => o.text)).toEqual(['\\<6\\>', '1\\. lima', '\\_tujuh\\_']);
  });

  it('reports items without a page once', () => {
    const result = aiken('Soal?\nA. a\nB. b\nC. c\nANSWER: A', { page: undefined });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d))).toEqual([
      'bank.txt:1:1: error: This item has no page: every item names the page it tests [missing-page]\n' +
        '  hint: pass `--page <page-id>`; Aiken carries no page, so import one file per page or edit `page:` after the import',
    ]);
  });

  it.each([
    [
      'an option before any question',
      'A. 7 hari kerja\nB. 30 hari kerja\nC. 60 hari kerja\nANSWER: B',
      'bank.txt:1:1: error: Option `A` has no question before it [aiken-syntax]\n  hint: write the question on the line before the options',
    ],
    [
      'options out of order',
      'Soal?\nA. a\nC. c\nD. d\nANSWER: A',
      'bank.txt:3:1: error: Option `C` where `B` was expected [aiken-syntax]\n  hint: letter the options in order: A, B, C, …',
    ],
    [
      'an option without text',
      'Soal?\nA. a\nB.\nC. c\nANSWER: A',
      'bank.txt:3:1: error: Option `B` has no text [aiken-syntax]\n  hint: write the option after the letter, e.g. `A. Akuntabel`',
    ],
    [
      'an answer letter that names no option',
      'Soal?\nA. a\nB. b\nC. c\nANSWER: E',
      'bank.txt:5:9: error: `ANSWER: E` names no option of this item [aiken-syntax]\n  hint: the options are A–C',
    ],
    [
      'two answer letters',
      'Soal?\nA. a\nB. b\nC. c\nANSWER: A, C',
      'bank.txt:5:9: error: `ANSWER:` takes one option letter, found `A, C` [aiken-syntax]\n  hint: write the letter of the one correct option (A–C), e.g. `ANSWER: B`',
    ],
    [
      'an empty answer',
      'Soal?\nA. a\nB. b\nC. c\nANSWER:',
      'bank.txt:5:8: error: `ANSWER:` has no letter [aiken-syntax]\n  hint: write the letter of the one correct option (A–C), e.g. `ANSWER: B`',
    ],
    [
      'lowercase option letters',
      'Soal?\na. satu\nb. dua\nc. tiga\nANSWER: A',
      'bank.txt:5:1: error: The item has no options before `ANSWER:` [aiken-syntax]\n  hint: options start with a capital letter: write `A.` or `A)`, not `a.`',
    ],
    [
      'ANSWER with no question',
      'ANSWER: A',
      'bank.txt:1:1: error: `ANSWER:` without a question before it [aiken-syntax]\n  hint: write the question, then one option per line starting with `A.` or `A)`',
    ],
    [
      'a missing ANSWER before the next question',
      'Soal satu?\nA. a\nB. b\nC. c\n\nSoal dua?\nA. a\nB. b\nC. c\nANSWER: A',
      'bank.txt:6:1: error: Text after the options of the item at line 1: expected another option or `ANSWER:` [aiken-syntax]\n  hint: end each item with a line `ANSWER: <letter>`, e.g. `ANSWER: B`',
    ],
    [
      'a missing ANSWER at the end of the file',
      'Soal?\nA. a\nB. b\nC. c\n',
      'bank.txt:1:1: error: The item has no `ANSWER:` line [aiken-syntax]\n  hint: end each item with a line `ANSWER: <letter>`, e.g. `ANSWER: B`',
    ],
    [
      'two options',
      'Gratifikasi wajib dilaporkan?\nA. Ya\nB. Tidak\nANSWER: A',
      'bank.txt:2:1: error: The item has 2 options; a Lentera item has 3 to 5 [option-count]\n  hint: add a plausible wrong option (a common misconception), or leave the item out',
    ],
  ])('%s', (_, text, expected) => {
    expect(errors(text)).toEqual([expected]);
  });

  it('reports every malformed item of the file in one run', () => {
    expect(errors('Soal?\nA. a\nC. c\nANSWER: A\n\nSoal?\nA. a\nB. b\nC. c\nANSWER: Z')).toHaveLength(2);
  });
});
