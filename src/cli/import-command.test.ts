import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importCommand } from './import-command.ts';

const run = promisify(execFile);
const FIXTURES = 'tests/fixtures/import';
const SLOW = 120_000;

// the real command an author types, through bin/lentera.js
async function lentera(...args: string[]) {
  try {
    const { stdout, stderr } = await run('node', ['bin/lentera.js', ...args]);
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** a fresh copy of the example course, so every test writes into its own folder */
function courseCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'lentera-import-')), 'kursus');
  cpSync('tests/fixtures/courses/valid-all-blocks', dir, { recursive: true });
  return dir;
}

const ids = (file: string) =>
  (parse(readFileSync(file, 'utf8')).questions as { id: string }[]).map((q) => q.id);

describe('lentera import questions', () => {
  it(
    'imports a GIFT bank with $CATEGORY pages into a new file the course compiles with',
    async () => {
      const course = courseCopy();
      const result = await lentera(
        'import',
        'questions',
        `${FIXTURES}/bank-pelayanan.gift`,
        '--course',
        course,
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const written = join(course, 'questions/import-bank-pelayanan.yaml');
      expect(ids(written)).toEqual([
        'imp-001',
        'imp-002',
        'imp-004',
        'imp-005',
        'imp-006',
        'imp-007',
        'imp-008',
        'imp-009',
        'imp-016',
        'imp-017',
      ]);
      const lines = result.stdout.trim().split('\n');
      expect(lines.slice(-3)).toEqual([
        `Imported 10 questions from bank-pelayanan.gift (GIFT) into ${course}/questions/import-bank-pelayanan.yaml: level C2; pengertian-pelayanan (2), standar-loket (4), gratifikasi (2), rangkuman-akuntabel (2)`,
        'Skipped 7 (not multiple choice with one correct answer): description at line 28, true/false at line 86, short answer at line 88, numeric at line 90, matching at line 92, essay at line 98, multiple response at line 100',
        `${course}: 0 errors, 0 warnings with the imported items`,
      ]);
      expect(result.stdout).toContain(
        `${FIXTURES}/bank-pelayanan.gift:86:1: warning: Skipped a true/false item (::Gratifikasi B/S::)`,
      );
      const validated = await lentera('validate', course);
      expect(validated.status).toBe(0);
      expect(validated.stdout).toContain('18 questions');
    },
    SLOW,
  );

  it(
    'imports an Aiken .txt with --page, --level and --prefix',
    async () => {
      const course = courseCopy();
      const result = await lentera(
        'import',
        'questions',
        `${FIXTURES}/bank-akuntabel.txt`,
        '--course',
        course,
        '--page',
        'gratifikasi',
        '--level',
        'C1',
        '--prefix',
        'ak-imp',
      );
      expect(result.status).toBe(0);
      const bank = parse(readFileSync(join(course, 'questions/import-bank-akuntabel.yaml'), 'utf8'));
      expect(
        bank.questions.map((q: { id: string; page: string; level: string }) => [q.id, q.page, q.level]),
      ).toEqual([
        ['ak-imp-001', 'gratifikasi', 'C1'],
        ['ak-imp-002', 'gratifikasi', 'C1'],
        ['ak-imp-003', 'gratifikasi', 'C1'],
      ]);
      expect(result.stdout).toContain('Imported 3 questions from bank-akuntabel.txt (Aiken)');
    },
    SLOW,
  );

  it(
    'reads GIFT exported by Moodle as .txt, with the page from --page for a category that names none',
    async () => {
      const course = courseCopy();
      const result = await lentera(
        'import',
        'questions',
        `${FIXTURES}/moodle-export.txt`,
        '--course',
        course,
        '--page',
        'standar-loket',
        '--ids',
        'title',
      );
      expect(result.status).toBe(0);
      expect(ids(join(course, 'questions/import-moodle-export.yaml'))).toEqual([
        'imp-kelompok-rentan',
        'imp-standar-pelayanan',
      ]);
      expect(result.stdout).toContain('[category-not-a-page]');
    },
    SLOW,
  );

  it(
    'prints the YAML with --dry-run and writes nothing',
    async () => {
      const course = courseCopy();
      const result = await lentera(
        'import',
        'questions',
        `${FIXTURES}/bank-akuntabel.txt`,
        '--course',
        course,
        '--page',
        'gratifikasi',
        '--dry-run',
      );
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(
        `--- ${course}/questions/import-bank-akuntabel.yaml (dry run: not written)\n`,
      );
      expect(result.stdout).toContain('  - id: imp-001\n    page: gratifikasi\n    level: C2\n');
      expect(result.stdout).toContain('Would import 3 questions');
      expect(existsSync(join(course, 'questions/import-bank-akuntabel.yaml'))).toBe(false);
    },
    SLOW,
  );

  it(
    'never rewrites an existing file unless --force is given',
    async () => {
      const course = courseCopy();
      const target = join(course, 'questions/import-bank-akuntabel.yaml');
      writeFileSync(target, 'questions: []\n');
      const args = [
        'import',
        'questions',
        `${FIXTURES}/bank-akuntabel.txt`,
        '--course',
        course,
        '--page',
        'gratifikasi',
      ];
      const refused = await lentera(...args);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toBe(
        `${course}/questions/import-bank-akuntabel.yaml: error: the file already exists; nothing imported\n  hint: pass --force to replace it, or --name <name> to write another file\n`,
      );
      expect(readFileSync(target, 'utf8')).toBe('questions: []\n');
      const forced = await lentera(...args, '--force');
      expect(forced.status).toBe(0);
      expect(ids(target)).toEqual(['imp-001', 'imp-002', 'imp-003']);
      // a re-import with --force keeps the ids: the replaced file's own ids are not "taken"
      const again = await lentera(...args, '--force');
      expect(again.status).toBe(0);
      expect(ids(target)).toEqual(['imp-001', 'imp-002', 'imp-003']);
    },
    SLOW,
  );

  it(
    'gives ids that collide with the bank a suffix, so the course keeps compiling',
    async () => {
      const course = courseCopy();
      const args = [
        'import',
        'questions',
        `${FIXTURES}/bank-akuntabel.txt`,
        '--course',
        course,
        '--page',
        'gratifikasi',
      ];
      expect((await lentera(...args)).status).toBe(0);
      const second = await lentera(...args, '--name', 'kedua');
      expect(second.status).toBe(0);
      expect(ids(join(course, 'questions/import-kedua.yaml'))).toEqual([
        'imp-001-2',
        'imp-002-2',
        'imp-003-2',
      ]);
      expect(second.stdout).toContain(
        `${FIXTURES}/bank-akuntabel.txt:1:1: warning: The id \`imp-001\` is already used (in the bank or by an earlier item of this file); this item is \`imp-001-2\` [id-taken]`,
      );
      expect((await lentera('validate', course)).status).toBe(0);
    },
    SLOW,
  );

  it.each([
    ['rusak.gift', []],
    ['rusak-aiken.txt', ['--page', 'gratifikasi']],
  ])(
    'reports every error of %s at its line and column and writes nothing',
    async (file, extra) => {
      const course = courseCopy();
      const result = await lentera(
        'import',
        'questions',
        `${FIXTURES}/${file}`,
        '--course',
        course,
        ...extra,
      );
      const expected = readFileSync(`${FIXTURES}/${file.replace(/\.\w+$/, '')}.expected.txt`, 'utf8');
      expect(result.stdout).toBe(expected);
      expect(result.status).toBe(1);
      expect(existsSync(join(course, `questions/import-${file.replace(/\.\w+$/, '')}.yaml`))).toBe(false);
    },
    SLOW,
  );

  it(
    'writes the file, then shows the compiler errors it causes, such as an unknown page',
    async () => {
      const course = courseCopy();
      const result = await lentera(
        'import',
        'questions',
        `${FIXTURES}/bank-akuntabel.txt`,
        '--course',
        course,
        '--page',
        'gratifkasi',
      );
      expect(result.status).toBe(1);
      expect(result.stdout).toContain(
        `${course}/questions/import-bank-akuntabel.yaml:8:11: error: Unknown page \`gratifkasi\``,
      );
      expect(result.stdout).toContain(
        `${course}: 3 errors, 0 warnings with the imported items; fix them before \`lentera build\``,
      );
      expect(existsSync(join(course, 'questions/import-bank-akuntabel.yaml'))).toBe(true);
    },
    SLOW,
  );

  it(
    'warns when a $CATEGORY names a page of another material',
    async () => {
      const course = courseCopy();
      const gift = join(course, '..', 'kategori.gift');
      writeFileSync(
        gift,
        '$CATEGORY: akuntabel/standar-loket\n\nWaktu layanan?{=15 menit ~1 jam ~1 hari#Terlalu lama.}\n',
      );
      const result = await lentera('import', 'questions', gift, '--course', course);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(
        `${gift}:1:1: warning: \`$CATEGORY: akuntabel/standar-loket\`: page \`standar-loket\` is in material \`pelayanan\`, not \`akuntabel\` [category-material]`,
      );
    },
    SLOW,
  );

  it(
    'explains itself and refuses bad arguments with status 2',
    async () => {
      const help = await lentera('import', '--help');
      expect(help.status).toBe(0);
      expect(help.stdout).toContain('Usage: lentera import questions <file> --course <dir> [options]');
      expect((await lentera('--help')).stdout).toContain('import questions <file> --course <dir>');
      const missing = await lentera('import', 'questions', `${FIXTURES}/bank-akuntabel.txt`);
      expect(missing.status).toBe(2);
      expect(missing.stderr.split('\n')[0]).toBe('lentera import: missing --course <dir>');
    },
    SLOW,
  );

  // the same command in-process: one spawn per case would only repeat the argument checks slowly
  it.each([
    [['soal', 'x.gift', '--course', 'c'], 'lentera import: unknown import `soal`; expected `questions`'],
    [['questions', '--course', 'c'], 'lentera import: missing the file to import (GIFT or Aiken)'],
    [
      ['questions', 'a.gift', 'b.gift', '--course', 'c'],
      'lentera import: one file at a time; also given: b.gift',
    ],
    [
      ['questions', 'x.gift', '--course', 'c', '--level', 'C5'],
      'lentera import: --level must be C1, C2, C3 or C4, not `C5`',
    ],
    [
      ['questions', 'x.gift', '--course', 'c', '--page', 'Standar Loket'],
      'lentera import: --page `Standar Loket` is not a page id (lowercase kebab-case, e.g. standar-loket)',
    ],
    [
      ['questions', 'x.gift', '--course', 'c', '--prefix', 'Imp_'],
      'lentera import: --prefix `Imp_` must be lowercase kebab-case of at most 40 characters',
    ],
    [
      ['questions', 'x.gift', '--course', 'c', '--ids', 'judul'],
      'lentera import: --ids must be `title` or `number`, not `judul`',
    ],
    [
      ['questions', 'x.gift', '--course', 'c', '--format', 'xml'],
      'lentera import: --format must be `gift` or `aiken`, not `xml`',
    ],
    [
      ['questions', 'x.gift', '--kursus', 'c'],
      "lentera import: Unknown option '--kursus'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--kursus\"",
    ],
  ])('refuses %j', async (args, message) => {
    const err: string[] = [];
    const status = await importCommand(args, { out: () => {}, err: (line) => err.push(line) });
    expect(status).toBe(2);
    expect(err.join('\n').split('\n')[0]).toBe(message);
  });

  it('writes nothing when every item is skipped, and says which', async () => {
    const course = courseCopy();
    const gift = join(course, '..', 'benar-salah.gift');
    writeFileSync(gift, 'Gratifikasi wajib dilaporkan.{T}\n\nJelaskan gratifikasi.{}\n');
    const out: string[] = [];
    const status = await importCommand(['questions', gift, '--course', course, '--page', 'gratifikasi'], {
      out: (line) => out.push(line),
      err: (line) => out.push(line),
    });
    expect(status).toBe(1);
    expect(out.slice(-2)).toEqual([
      `${gift}: no multiple-choice item to import; nothing written`,
      'Skipped 2 (not multiple choice with one correct answer): true/false at line 1, essay at line 3',
    ]);
    expect(existsSync(join(course, 'questions/import-benar-salah.yaml'))).toBe(false);
  });

  it('says when the input cannot be read or the folder is not a course', async () => {
    const err: string[] = [];
    const io = { out: () => {}, err: (line: string) => err.push(line) };
    const course = 'tests/fixtures/courses/valid-all-blocks';
    expect(await importCommand(['questions', `${FIXTURES}/tidak-ada.gift`, '--course', course], io)).toBe(1);
    expect(
      await importCommand(['questions', `${FIXTURES}/bank-akuntabel.txt`, '--course', FIXTURES], io),
    ).toBe(1);
    expect(err).toEqual([
      `${FIXTURES}/tidak-ada.gift: error: cannot read the file (ENOENT)`,
      `${FIXTURES}: error: not a course folder (it should contain course.yaml)`,
    ]);
  });
});
