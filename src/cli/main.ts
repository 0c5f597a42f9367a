import { parseArgs } from 'node:util';
import { compileFolder, type Output, writeBuild } from './compile-command.ts';

const USAGE: Record<string, string> = {
  main: `Usage: lentera <command> [options]

Commands:
  validate <course-dir>             check a course folder and list every problem
  build <course-dir> --out <dir>    compile a course into <dir>/course.json and <dir>/media/
  start                             build what is missing and run the server (PORT, default 3000)
  import questions <file> --course <dir>
                                    import GIFT or Aiken items into a course's item bank

Run \`lentera <command> --help\` for a command's options.`,
  validate: `Usage: lentera validate <course-dir>

Checks a course folder (course.yaml, Markdown materials, questions, cases, rubric, resources,
glossary, feedback, media) and prints every problem as path:line:col: severity: message [rule-id].
Exit status: 0 when there is no error (warnings allowed), 1 otherwise. Rules: docs/authoring.md.`,
  build: `Usage: lentera build <course-dir> --out <dir>

Compiles the course and writes <dir>/course.json and its media under content-hashed names in
<dir>/media/. Nothing is written when the course has an error. Exit status as for validate.`,
  start: `Usage: lentera start

Builds what is missing or out of date (the course content/berakhlak into dist/course, the player,
the course's static player in dist/site/<course-id>), migrates the database and serves the course
and the API. Environment: PORT (3000), HOST (localhost), DATABASE_URL (data/lentera.db or
postgres://…), PUBLIC_URL, TRUST_PROXY=1 behind a reverse proxy. See docs/deploy.md.`,
};

const console_: Output = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Runs one CLI command; returns the exit status. */
export async function main(argv: string[], io: Output = console_): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE.main ?? '');
    return command ? 0 : 2;
  }
  if (command === 'import') {
    const { importCommand } = await import('./import-command.ts');
    return importCommand(rest, io);
  }
  const usage = USAGE[command];
  if (!usage || command === 'main') {
    io.err(`lentera: unknown command \`${command}\`\n\n${USAGE.main}`);
    return 2;
  }
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rest);
  } catch (error) {
    io.err(`lentera ${command}: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(usage);
    return 0;
  }
  const [dir] = parsed.positionals;
  switch (command) {
    case 'validate': {
      if (!dir) return missing('a course folder', usage, io);
      const result = await compileFolder(dir, io);
      return result?.course ? 0 : 1;
    }
    case 'build': {
      if (!dir) return missing('a course folder', usage, io);
      if (!parsed.values.out) return missing('--out <dir>', usage, io);
      return build(dir, parsed.values.out, io);
    }
    case 'start': {
      const { runStart } = await import('../server/start.ts');
      return runStart(io);
    }
  }
  return 2;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
  });
}

async function build(dir: string, out: string, io: Output): Promise<number> {
  const result = await compileFolder(dir, io);
  if (!result?.course) return 1;
  const bytes = await writeBuild(result, out);
  io.out(
    `Built ${out}/course.json (${Math.ceil(bytes / 1024)} KiB) and ${result.media.size} media files in ${out}/media/`,
  );
  return 0;
}

function missing(what: string, usage: string, io: Output): number {
  io.err(`lentera: missing ${what}\n\n${usage}`);
  return 2;
}
