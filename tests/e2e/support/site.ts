import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { readCourseFolder } from '../../../src/cli/course-folder.ts';
import { compileCourse, formatDiagnostic } from '../../../src/course/index.ts';
import { exportStatic, type Renderer } from '../../../src/player/export/static-export.ts';

// Builds the player (browser + server renderer) and exports a course as a static site, the way
// `npm run build:player` and `npm run export:player` do. Used by the e2e global setup and the benchmark.

export const REPO = resolve(import.meta.dirname, '../../..');

export async function buildPlayer(): Promise<void> {
  const configFile = join(REPO, 'vite.player.config.ts');
  await build({ configFile, root: REPO, logLevel: 'warn' });
  await build({
    configFile,
    root: REPO,
    logLevel: 'warn',
    build: { ssr: 'src/player/render.ts', outDir: 'dist/player/ssr', emptyOutDir: true },
  });
}

export async function exportCourse(options: { source: string; out: string }): Promise<void> {
  const result = compileCourse({ files: await readCourseFolder(resolve(REPO, options.source)) });
  if (!result.course) {
    throw new Error(
      `${options.source} does not compile:\n${result.diagnostics.map((d) => formatDiagnostic(d)).join('\n')}`,
    );
  }
  const ssr = join(REPO, 'dist/player/ssr/render.js');
  if (!existsSync(ssr)) throw new Error(`missing ${ssr}: build the player first`);
  const renderer = (await import(pathToFileURL(ssr).href)) as Renderer;
  await exportStatic({
    course: result.course,
    media: result.media,
    clientDir: join(REPO, 'dist/player/client'),
    renderer,
    outDir: resolve(REPO, options.out),
  });
}

/** where the e2e tests find the exported BerAKHLAK course */
export const E2E_SITE = join(REPO, 'dist/e2e/berakhlak');
