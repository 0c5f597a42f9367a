import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type CompileResult, compileCourse, formatDiagnostic } from '../course/index.ts';
import { readCourseFolder } from './course-folder.ts';

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Compiles a folder and prints its diagnostics; the result is undefined when the folder is unreadable. */
export async function compileFolder(dir: string, io: Output): Promise<CompileResult | undefined> {
  const base = dir.replace(/\/+$/, '') || '.';
  try {
    if (!(await stat(base)).isDirectory()) throw new Error('not a folder');
  } catch {
    io.err(`${base}: error: not a course folder (it should contain course.yaml)`);
    return undefined;
  }
  const result = compileCourse({ files: await readCourseFolder(base) });
  for (const diagnostic of result.diagnostics) io.out(formatDiagnostic(diagnostic, base));
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  const { course } = result;
  if (!course) {
    io.out(`${base}: ${counts}`);
    return result;
  }
  const studied = course.materials.filter((m) => m.role === 'material').length;
  const pages = course.materials.reduce((sum, m) => sum + m.pages.length, 0);
  io.out(
    `${base}: course "${course.id}" — ${plural(studied, 'material')}, ${plural(pages, 'page')}, ${plural(course.questions.length, 'question')}, ${plural(course.cases.length, 'case study').replace('case studys', 'case studies')}; ${counts}`,
  );
  return result;
}

/** Writes course.json and the media of a successful compile into `out`. */
export async function writeBuild(result: CompileResult, out: string): Promise<number> {
  if (!result.course) throw new Error('writeBuild needs a course without errors');
  await rm(join(out, 'media'), { recursive: true, force: true });
  await mkdir(join(out, 'media'), { recursive: true });
  const json = JSON.stringify(result.course);
  await writeFile(join(out, 'course.json'), json);
  for (const [path, bytes] of result.media) {
    await mkdir(dirname(join(out, path)), { recursive: true });
    await writeFile(join(out, path), bytes);
  }
  return json.length;
}
