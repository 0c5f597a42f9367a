import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const TEXT = /\.(?:md|ya?ml)$/i;

/** Reads a course folder into the file map the compiler takes: text for sources, bytes for media. */
export async function readCourseFolder(dir: string): Promise<Map<string, string | Uint8Array>> {
  const files = new Map<string, string | Uint8Array>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const path = relative(dir, full).split(sep).join('/');
    if (path.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) continue;
    files.set(path, TEXT.test(path) ? await readFile(full, 'utf8') : new Uint8Array(await readFile(full)));
  }
  return files;
}
