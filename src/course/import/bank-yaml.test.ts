import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { compileCourse } from '../index.ts';
import { QuestionBankSource } from '../schema/questions.ts';
import { bankYaml } from './bank-yaml.ts';
import { parseGift } from './gift.ts';

const course = 'tests/fixtures/courses/valid-all-blocks';

function courseFiles(): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  for (const entry of readdirSync(course, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name).slice(course.length + 1);
    const bytes = readFileSync(join(course, path));
    files.set(path, /\.(?:md|ya?ml)$/.test(path) ? bytes.toString('utf8') : new Uint8Array(bytes));
  }
  return files;
}

describe('bankYaml', () => {
  const result = parseGift(readFileSync('tests/fixtures/import/bank-pelayanan.gift', 'utf8'), {
    file: 'bank-pelayanan.gift',
    level: 'C3',
  });
  const text = bankYaml({ result, source: 'bank-pelayanan.gift' });

  it('writes a questions file that reads back as the imported items', () => {
    const bank = QuestionBankSource.parse(parseDocument(text).toJS());
    expect(bank.questions).toEqual(result.questions);
  });

  it('leaves formative out and names the source line of each item in a comment', () => {
    expect(text).not.toContain('formative');
    expect(text).toContain('  # bank-pelayanan.gift:6 ::Dasar hukum pelayanan publik::\n  - id: imp-001\n');
    expect(
      text.startsWith('# Imported by `lentera import questions` from bank-pelayanan.gift (GIFT).\n'),
    ).toBe(true);
  });

  it('quotes what YAML would misread', () => {
    const tricky = parseGift('Soal: "kutip" # bukan komentar?{=ya: benar ~- tidak ~@awal}', {
      file: 'x.gift',
      page: 'gratifikasi',
    });
    const bank = QuestionBankSource.parse(
      parseDocument(bankYaml({ result: tricky, source: 'x.gift' })).toJS(),
    );
    expect(bank.questions[0]?.stem).toBe('Soal: "kutip" # bukan komentar?');
    expect(bank.questions[0]?.options.map((o) => o.text)).toEqual(['ya: benar', '\\- tidak', '@awal']);
  });

  it('compiles into the example course without a diagnostic', () => {
    const files = courseFiles();
    files.set('questions/import-bank-pelayanan.yaml', text);
    const { course: built, diagnostics } = compileCourse({ files });
    expect(diagnostics).toEqual([]);
    const imported = built?.questions.filter((q) => q.id.startsWith('imp-')) ?? [];
    expect(imported.map((q) => [q.id, q.material, q.page])).toEqual([
      ['imp-001', 'pelayanan', 'pengertian-pelayanan'],
      ['imp-002', 'pelayanan', 'pengertian-pelayanan'],
      ['imp-004', 'pelayanan', 'standar-loket'],
      ['imp-005', 'pelayanan', 'standar-loket'],
      ['imp-006', 'pelayanan', 'standar-loket'],
      ['imp-007', 'pelayanan', 'standar-loket'],
      ['imp-008', 'akuntabel', 'gratifikasi'],
      ['imp-009', 'akuntabel', 'gratifikasi'],
      ['imp-016', 'akuntabel', 'rangkuman-akuntabel'],
      ['imp-017', 'akuntabel', 'rangkuman-akuntabel'],
    ]);
    const byId = new Map(imported.map((q) => [q.id, q]));
    expect(byId.get('imp-006')?.stem).toBe(
      '<p>Loket dibuka pukul 08:00 WIB. Seorang pencari kerja sudah antre sejak pukul 07:45.<br>\nPerkiraan waktu tunggu ~15 menit.<br>\nSikap petugas yang sesuai standar pelayanan adalah …</p>',
    );
    expect(byId.get('imp-007')?.stem).toContain('a.n. {nama} sudah dapat diambil');
    expect(byId.get('imp-017')?.stem).toBe(
      '<p>Perilaku berikut yang <strong>tidak</strong> mencerminkan nilai Akuntabel adalah …</p>',
    );
    expect(byId.get('imp-017')?.explanation).toBe(
      '<p>Panduan perilaku Akuntabel: <em>tidak menyalahgunakan kewenangan jabatan</em>.</p>',
    );
  }, 30_000);
});
