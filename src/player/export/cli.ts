import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readCourseFolder } from '../../cli/course-folder.ts';
import { compileCourse, formatDiagnostic } from '../../course/index.ts';
import type { Course } from '../../course/model.ts';
import { exportStatic, type Renderer } from './static-export.ts';

// npx tsx src/player/export/cli.ts <course folder | build folder with course.json> --out <dir>
// Needs the player built first: npm run build:player.

async function loadCourse(
  dir: string,
): Promise<{ course: Course; media: Map<string, Uint8Array> } | undefined> {
  if (existsSync(join(dir, 'course.json'))) {
    const course = JSON.parse(await readFile(join(dir, 'course.json'), 'utf8')) as Course;
    const media = new Map<string, Uint8Array>();
    for (const file of course.media) media.set(file.path, await readFile(join(dir, file.path)));
    return { course, media };
  }
  const result = compileCourse({ files: await readCourseFolder(dir) });
  for (const d of result.diagnostics) console.error(formatDiagnostic(d));
  return result.course ? { course: result.course, media: result.media } : undefined;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      client: { type: 'string', default: 'dist/player/client' },
      ssr: { type: 'string', default: 'dist/player/ssr/render.js' },
      // for the Lentera server, e.g. --server-api /api/v1/
      'server-api': { type: 'string' },
    },
  });
  const source = positionals[0];
  if (!source || !values.out) {
    console.error(
      'usage: tsx src/player/export/cli.ts <course-dir|build-dir> --out <dir> [--server-api /api/v1/]',
    );
    return 2;
  }
  const loaded = await loadCourse(resolve(source));
  if (!loaded) return 1;
  const renderer = (await import(pathToFileURL(resolve(values.ssr)).href)) as Renderer;
  const started = performance.now();
  const report = await exportStatic({
    ...loaded,
    clientDir: resolve(values.client),
    renderer,
    outDir: resolve(values.out),
    ...(values['server-api'] ? { server: { api: values['server-api'] } } : {}),
  });
  console.log(
    `Exported ${report.routes} routes, ${report.files.length} files to ${values.out} in ${Math.round(performance.now() - started)} ms`,
  );
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await run(process.argv.slice(2));
}
