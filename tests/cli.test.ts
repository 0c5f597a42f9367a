import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

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

describe('lentera CLI', () => {
  it('validates a failing course with its exact lines and status 1', async () => {
    const dir = 'tests/fixtures/courses/unknown-directive';
    const result = await lentera('validate', dir);
    expect(result.stdout).toBe(readFileSync(join(dir, 'expected-diagnostics.txt'), 'utf8'));
    expect(result.status).toBe(1);
  });

  it('builds course.json and content-hashed media', async () => {
    const out = mkdtempSync(join(tmpdir(), 'lentera-build-'));
    const result = await lentera('build', 'tests/fixtures/courses/valid-all-blocks', '--out', out);
    expect(result.status).toBe(0);
    const course = JSON.parse(readFileSync(join(out, 'course.json'), 'utf8'));
    expect(course.id).toBe('contoh-pelayanan');
    const media = readdirSync(join(out, 'media')).sort();
    expect(media).toEqual(
      course.media.map((file: { path: string }) => file.path.replace('media/', '')).sort(),
    );
    expect(media.every((name) => /^[\w-]+\.[0-9a-f]{10}\.\w+$/.test(name))).toBe(true);
  });

  it('refuses to build a course with errors and writes nothing', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lentera-build-')), 'out');
    const result = await lentera('build', 'tests/fixtures/courses/missing-alt', '--out', out);
    expect(result.status).toBe(1);
    expect(() => readdirSync(out)).toThrow();
  });

  it('explains each command with --help', async () => {
    for (const command of ['validate', 'build']) {
      const result = await lentera(command, '--help');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Usage: lentera ${command}`);
    }
  });

  it('says what is missing when a command lacks its folder', async () => {
    const result = await lentera('build', 'tests/fixtures/courses/valid-all-blocks');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('missing --out <dir>');
  });
});
