import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYamlText } from 'yaml';
import { slug } from '../course/compile/markdown.ts';
import { type Diagnostic, formatDiagnostic } from '../course/diagnostics.ts';
import {
  bankYaml,
  type Category,
  type ImportFormat,
  type ImportResult,
  importQuestions,
  SKIPPED_LABEL,
} from '../course/import/index.ts';
import { CognitiveLevel, compileCourse, Id } from '../course/index.ts';
import type { Output } from './compile-command.ts';
import { readCourseFolder } from './course-folder.ts';

export const IMPORT_USAGE = `Usage: lentera import questions <file> --course <dir> [options]

Imports the multiple-choice items of a Moodle GIFT file (.gift, or .txt as Moodle exports it) or an
Aiken file (.txt) into the course's item bank as a new file, questions/import-<name>.yaml, then
compiles the course with it and prints every problem (for example a page that does not exist).

Options:
  --course <dir>        the course folder (required)
  --page <page-id>      the page the items test, unless a GIFT line \`$CATEGORY: <material-id>/<page-id>\`
                        names one for the items after it
  --level <C1|C2|C3|C4> the cognitive level of every item (default C2)
  --prefix <id>         ids are <prefix>-001, <prefix>-002 … by the item's position in the file
                        (default imp); an id already in the bank gets a suffix -2, -3 …
  --ids title           ids from the GIFT titles instead: <prefix>-<title as kebab-case>
  --name <name>         write questions/import-<name>.yaml (default: the input file's name)
  --format gift|aiken   do not detect the format
  --force               replace questions/import-<name>.yaml if it exists
  --dry-run             print the YAML and every problem; write nothing

Only multiple-choice items with one correct answer and 3 to 5 options are imported; true/false,
short answer, numeric, matching, essay, description and multiple-response items are listed as
skipped with their line. Exit status: 0 when the file is written and the course has no error; 1 when
the input has an error (nothing is written) or the course has one after the import; 2 on a usage
error. Details: docs/evaluation.md.`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function counts(diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return `${plural(errors, 'error')}, ${plural(diagnostics.length - errors, 'warning')}`;
}

/** `lentera import questions <file> --course <dir> …`; returns the exit status. */
export async function importCommand(args: string[], io: Output): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    return usage((error as Error).message, io);
  }
  const flags = parsed.values;
  if (flags.help) {
    io.out(IMPORT_USAGE);
    return 0;
  }
  const [what, input, ...extra] = parsed.positionals;
  if (what !== 'questions') {
    return usage(
      what ? `unknown import \`${what}\`; expected \`questions\`` : 'missing `questions <file>`',
      io,
    );
  }
  if (!input) return usage('missing the file to import (GIFT or Aiken)', io);
  if (extra.length > 0) return usage(`one file at a time; also given: ${extra.join(' ')}`, io);
  if (!flags.course) return usage('missing --course <dir>', io);
  const level = CognitiveLevel.safeParse(flags.level?.toUpperCase() ?? 'C2');
  if (!level.success) return usage(`--level must be C1, C2, C3 or C4, not \`${flags.level}\``, io);
  if (flags.page !== undefined && !Id.safeParse(flags.page).success) {
    return usage(`--page \`${flags.page}\` is not a page id (lowercase kebab-case, e.g. standar-loket)`, io);
  }
  const prefix = flags.prefix ?? 'imp';
  if (!Id.safeParse(prefix).success || prefix.length > 40) {
    return usage(`--prefix \`${prefix}\` must be lowercase kebab-case of at most 40 characters`, io);
  }
  if (flags.ids !== undefined && flags.ids !== 'title' && flags.ids !== 'number') {
    return usage(`--ids must be \`title\` or \`number\`, not \`${flags.ids}\``, io);
  }
  if (flags.format !== undefined && flags.format !== 'gift' && flags.format !== 'aiken') {
    return usage(`--format must be \`gift\` or \`aiken\`, not \`${flags.format}\``, io);
  }
  const name = slug(flags.name ?? basename(input).replace(/\.[^.]+$/, ''));
  if (!name) return usage('--name must contain letters or digits', io);

  let text: string;
  try {
    text = await readFile(input, 'utf8');
  } catch (error) {
    io.err(
      `${input}: error: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
    );
    return 1;
  }
  const base = flags.course.replace(/\/+$/, '') || '.';
  if (!(await isFile(join(base, 'course.yaml')))) {
    io.err(`${base}: error: not a course folder (it should contain course.yaml)`);
    return 1;
  }
  const target = `questions/import-${name}.yaml`;
  if ((await isFile(join(base, target))) && !flags.force) {
    io.err(
      `${base}/${target}: error: the file already exists; nothing imported\n  hint: pass --force to replace it, or --name <name> to write another file`,
    );
    return 1;
  }

  const files = await readCourseFolder(base);
  files.delete(target);
  const result = importQuestions({
    text,
    file: input,
    ...(flags.format ? { format: flags.format as ImportFormat } : {}),
    ...(flags.page ? { page: flags.page } : {}),
    level: level.data,
    prefix,
    ids: flags.ids === 'title' ? 'title' : 'number',
    takenIds: bankIds(files),
    language: courseLanguage(files.get('course.yaml')),
  });
  const inputErrors = result.diagnostics.filter((d) => d.severity === 'error').length;
  if (inputErrors > 0 || result.questions.length === 0) {
    for (const diagnostic of result.diagnostics) io.out(formatDiagnostic(diagnostic));
    io.out(
      inputErrors > 0
        ? `${input}: ${counts(result.diagnostics)}; nothing written`
        : `${input}: no multiple-choice item to import; nothing written`,
    );
    if (inputErrors === 0) printSkipped(result, io);
    return 1;
  }

  const yamlText = bankYaml({ result, source: basename(input) });
  files.set(target, yamlText);
  const compiled = compileCourse({ files });
  const diagnostics = [...result.diagnostics, ...categoryChecks(input, result, compiled.course)].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
  for (const diagnostic of diagnostics) io.out(formatDiagnostic(diagnostic));
  if (flags['dry-run']) io.out(`--- ${base}/${target} (dry run: not written)\n${yamlText}---`);
  for (const diagnostic of compiled.diagnostics) io.out(formatDiagnostic(diagnostic, base));

  if (!flags['dry-run']) {
    await mkdir(join(base, 'questions'), { recursive: true });
    await writeFile(join(base, target), yamlText, { flag: flags.force ? 'w' : 'wx' });
  }
  const pages = new Map<string, number>();
  for (const question of result.questions) pages.set(question.page, (pages.get(question.page) ?? 0) + 1);
  io.out(
    `${flags['dry-run'] ? 'Would import' : 'Imported'} ${plural(result.questions.length, 'question')} from ${basename(input)} (${result.format === 'gift' ? 'GIFT' : 'Aiken'}) into ${base}/${target}: level ${level.data}; ${[...pages].map(([page, n]) => `${page} (${n})`).join(', ')}`,
  );
  printSkipped(result, io);
  const courseErrors = compiled.diagnostics.filter((d) => d.severity === 'error').length;
  io.out(
    `${base}: ${counts(compiled.diagnostics)} with the imported items${courseErrors > 0 ? `; fix ${courseErrors === 1 ? 'it' : 'them'} before \`lentera build\`` : ''}`,
  );
  return courseErrors > 0 ? 1 : 0;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      course: { type: 'string', short: 'c' },
      page: { type: 'string' },
      level: { type: 'string' },
      prefix: { type: 'string' },
      ids: { type: 'string' },
      name: { type: 'string' },
      format: { type: 'string' },
      force: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function usage(message: string, io: Output): number {
  io.err(`lentera import: ${message}\n\n${IMPORT_USAGE}`);
  return 2;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function printSkipped(result: ImportResult, io: Output): void {
  if (result.skipped.length === 0) return;
  const list = result.skipped.map((item) => `${SKIPPED_LABEL[item.kind]} at line ${item.line}`).join(', ');
  io.out(`Skipped ${result.skipped.length} (not multiple choice with one correct answer): ${list}`);
}

/** ids of the bank's items, read leniently: a broken bank file is the compiler's to report */
function bankIds(files: Map<string, string | Uint8Array>): string[] {
  const ids: string[] = [];
  for (const [path, content] of files) {
    if (typeof content !== 'string') continue;
    if (path !== 'questions.yaml' && !/^questions\/[^/]+\.ya?ml$/.test(path)) continue;
    try {
      const bank = parseYamlText(content) as { questions?: { id?: unknown }[] } | null;
      for (const question of bank?.questions ?? []) {
        if (typeof question?.id === 'string') ids.push(question.id);
      }
    } catch {
      // the compile after the import reports the syntax error with its line
    }
  }
  return ids;
}

function courseLanguage(courseYaml: string | Uint8Array | undefined): 'id' | 'en' {
  if (typeof courseYaml !== 'string') return 'id';
  try {
    return (parseYamlText(courseYaml) as { language?: unknown } | null)?.language === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

/** a GIFT `$CATEGORY: <material>/<page>` whose page belongs to another material */
function categoryChecks(
  file: string,
  result: ImportResult,
  course: ReturnType<typeof compileCourse>['course'],
): Diagnostic[] {
  if (!course) return [];
  const materialOf = new Map<string, string>();
  for (const material of course.materials)
    for (const page of material.pages) materialOf.set(page.id, material.id);
  const reported = new Set<Category>();
  const out: Diagnostic[] = [];
  for (const origin of result.origins) {
    const category = origin.category;
    if (!category?.material || !category.page || reported.has(category)) continue;
    const actual = materialOf.get(category.page);
    if (!actual || actual === category.material) continue;
    reported.add(category);
    out.push({
      severity: 'warning',
      file,
      line: category.line,
      column: category.column,
      ruleId: 'category-material',
      message: `\`$CATEGORY: ${category.path}\`: page \`${category.page}\` is in material \`${actual}\`, not \`${category.material}\``,
      hint: `write \`$CATEGORY: ${actual}/${category.page}\`, or name the page of \`${category.material}\` the items test`,
    });
  }
  return out;
}
