import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileFolder, type Output, writeBuild } from '../cli/compile-command.ts';
import type { Course } from '../course/model.ts';
import { exportStatic, type Renderer } from '../player/export/static-export.ts';
import { closeOnSignals, readConfig, startServer } from './main.ts';

// `lentera start`: build whatever is missing or older than its sources (the course, the player, the
// course's static player), then serve. After `npm install && npm start` nothing else is needed.

const COURSE_SOURCE = 'content/berakhlak';
const COURSE_BUILD = 'dist/course';
const PLAYER_CLIENT = 'dist/player/client';
const PLAYER_SSR = 'dist/player/ssr/render.js';
const SITES = 'dist/site';
const DASHBOARD = 'dist/dashboard/index.html';

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

/** the output is missing or older than any of its sources */
function stale(output: string, sources: string[]): boolean {
  const built = existsSync(output) ? statSync(output).mtimeMs : 0;
  return built === 0 || sources.some((s) => newest(s) > built);
}

export async function runStart(io: Output): Promise<number> {
  const courseJson = join(COURSE_BUILD, 'course.json');
  if (stale(courseJson, [COURSE_SOURCE, 'src/course'])) {
    io.out(`Building the course ${COURSE_SOURCE} …`);
    const result = await compileFolder(COURSE_SOURCE, io);
    if (!result?.course) return 1;
    await writeBuild(result, COURSE_BUILD);
  }
  const course = JSON.parse(await readFile(courseJson, 'utf8')) as Course;

  const manifest = join(PLAYER_CLIENT, '.vite/manifest.json');
  const playerSources = ['src/player', 'src/course', 'src/evaluation', 'vite.player.config.ts'];
  if (stale(manifest, playerSources) || stale(PLAYER_SSR, playerSources)) {
    io.out('Building the player (npm run build:player) …');
    const build = spawnSync('npm', ['run', 'build:player'], { stdio: 'inherit' });
    if (build.status !== 0) io.err('The player could not be built: the API runs, the course pages will not.');
  }

  const dashboardSources = ['src/dashboard', 'src/player/styles', 'vite.dashboard.config.ts'];
  if (stale(DASHBOARD, dashboardSources)) {
    io.out('Building the staff app (npm run build:dashboard) …');
    const build = spawnSync('npm', ['run', 'build:dashboard'], { stdio: 'inherit' });
    if (build.status !== 0) io.err('The staff app could not be built: /staff/ will say so.');
  }

  const site = join(SITES, course.id);
  const playerDirs: string[] = [];
  if (existsSync(manifest) && existsSync(PLAYER_SSR)) {
    if (stale(join(site, 'index.html'), [courseJson, manifest, PLAYER_SSR, 'src/server/start.ts'])) {
      io.out(`Exporting the player for ${course.id} into ${site} …`);
      const media = new Map<string, Uint8Array>();
      for (const file of course.media) media.set(file.path, await readFile(join(COURSE_BUILD, file.path)));
      const renderer = (await import(pathToFileURL(resolve(PLAYER_SSR)).href)) as Renderer;
      await exportStatic({
        course,
        media,
        clientDir: resolve(PLAYER_CLIENT),
        renderer,
        outDir: resolve(site),
        // served by this server: pages carry the API root, so learners can sign in and progress reaches it
        server: { api: '/api/v1/' },
      });
    }
    playerDirs.push(site);
  }

  const config = { ...readConfig(), courseDirs: [COURSE_BUILD], playerDirs };
  const server = await startServer(config, io.out);
  closeOnSignals(server);
  return 0;
}
