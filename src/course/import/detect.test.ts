import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.ts';
import { importQuestions } from './index.ts';

const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, 'utf8');

describe('detectFormat', () => {
  it.each([
    ['a .gift file', 'bank.gift', 'Soal tanpa tanda apa pun', 'gift'],
    ['an .aiken file', 'bank.aiken', 'Soal?', 'aiken'],
    ['GIFT exported by Moodle as .txt', 'moodle-export.txt', fixture('moodle-export.txt'), 'gift'],
    ['an Aiken .txt', 'bank-akuntabel.txt', fixture('bank-akuntabel.txt'), 'aiken'],
    ['GIFT with only a true/false item', 'soal.txt', 'Gratifikasi wajib dilaporkan.{T}', 'gift'],
    ['GIFT with a title and no braces', 'soal.txt', '::Judul:: Teks pengantar', 'gift'],
  ])('recognises %s', (_, fileName, text, format) => {
    expect(detectFormat({ fileName, text })).toEqual({ format });
  });

  it.each([
    ['plain prose', 'Catatan rapat.\nTidak ada soal di sini.', 'neither'],
    ['a file with both', 'Soal?{=a ~b ~c}\nA. a\nB. b\nANSWER: A', 'both'],
  ])('asks for --format on %s', (_, text, kind) => {
    const detected = detectFormat({ fileName: 'soal.txt', text });
    expect(detected).toMatchObject({
      problem: { hint: 'name the format with `--format gift` or `--format aiken`' },
    });
    expect('problem' in detected && detected.problem.message).toContain(kind === 'both' ? 'both' : 'neither');
  });

  it('makes an undetectable file one error at its first line', () => {
    const result = importQuestions({ text: 'Catatan rapat.', file: 'catatan.txt', page: 'a' });
    expect(result.diagnostics).toMatchObject([
      { line: 1, column: 1, ruleId: 'unknown-format', severity: 'error' },
    ]);
  });

  it('parses with the format it is given', () => {
    const result = importQuestions({
      text: 'Soal?\nA. a\nB. b\nC. c\nANSWER: A',
      file: 'soal.gift',
      format: 'aiken',
      page: 'a',
    });
    expect(result.format).toBe('aiken');
    expect(result.questions).toHaveLength(1);
  });
});
