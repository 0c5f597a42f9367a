import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';

// every folder under tests/fixtures/courses is a course; a failing one holds the exact expected output
const root = 'tests/fixtures/courses';
const fixtures = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory());

async function validate(dir: string): Promise<{ status: number; lines: string[] }> {
  const lines: string[] = [];
  const status = await main(['validate', dir], {
    out: (line) => lines.push(...line.split('\n')),
    err: (line) => lines.push(line),
  });
  return { status, lines };
}

describe('course fixtures', () => {
  it('has a failing fixture for every rule documented in docs/authoring.md', () => {
    const documented = [
      ...readFileSync('docs/authoring.md', 'utf8').matchAll(/^\| `([a-z-]+)` \| (?:error|warning) \|/gm),
    ].map((m) => m[1]);
    const covered = fixtures.map((entry) => entry.name);
    expect(documented.length).toBeGreaterThan(30);
    expect(documented.filter((rule) => !covered.includes(rule ?? ''))).toEqual([]);
  });

  for (const fixture of fixtures) {
    const dir = join(root, fixture.name);
    const expectedFile = join(dir, 'expected-diagnostics.txt');
    const expected = (() => {
      try {
        return readFileSync(expectedFile, 'utf8').trimEnd().split('\n');
      } catch {
        return undefined;
      }
    })();
    if (!expected) {
      it(`${fixture.name} is valid and prints only a summary`, async () => {
        const { status, lines } = await validate(dir);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(
          /^tests\/fixtures\/courses\/[\w-]+: course "[\w-]+" — .*; 0 errors, 0 warnings$/,
        );
        expect(status).toBe(0);
      });
      continue;
    }
    it(`${fixture.name} reports exactly its expected diagnostics`, async () => {
      const { status, lines } = await validate(dir);
      expect(lines).toEqual(expected);
      const rule = fixture.name;
      expect(lines.some((line) => line.endsWith(`[${rule}]`))).toBe(true);
      expect(status).toBe(expected.some((line) => line.includes(': error: ')) ? 1 : 0);
    });
  }
});
