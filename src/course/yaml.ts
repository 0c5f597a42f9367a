import { isMap, isPair, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type DiagnosticBag, didYouMean, type Point } from './diagnostics.ts';

export type YamlPath = ReadonlyArray<string | number>;

/** A parsed YAML source: its validated value and a way back from any path to its line and column. */
export interface YamlSource<T> {
  value: T | undefined;
  locate(path: YamlPath): Point;
}

interface ParseOptions<T> {
  file: string;
  text: string;
  schema: z.ZodType<T>;
  bag: DiagnosticBag;
  /** lines before the YAML text in its file (front matter starts on line 2) */
  lineOffset?: number;
}

/**
 * Parses YAML and validates it with a zod schema; every problem is reported at the YAML node it names.
 * @example parseYaml({ file: 'course.yaml', text, schema: CourseSource, bag }).value?.title
 */
export function parseYaml<T>({ file, text, schema, bag, lineOffset = 0 }: ParseOptions<T>): YamlSource<T> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const pointAt = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const locate = (path: YamlPath): Point => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) return pointAt(node.range[0]);
    }
    return { line: 1 + lineOffset, column: 1 };
  };

  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      bag.error(
        file,
        pointAt(error.pos[0]),
        'yaml-syntax',
        `YAML syntax error: ${firstLine(error.message)}`,
        'check indentation (spaces, not tabs), the colon after each key, and quotes around text containing ": " or "#"',
      );
    }
    return { value: undefined, locate };
  }

  const result = schema.safeParse(doc.toJS() ?? {});
  if (result.success) return { value: result.data, locate };
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyPoint = locateKey(doc.getIn(path, true), key, pointAt) ?? locate(path);
        const allowed = knownKeys(schema, path);
        const guess = didYouMean(key, allowed);
        bag.error(
          file,
          keyPoint,
          'unknown-field',
          `Unknown field \`${key}\`${path.length ? ` in ${describePath(path)}` : ''}; expected one of ${allowed.join(', ')}`,
          guess ? `did you mean \`${guess}\`?` : 'remove it or check the spelling against docs/authoring.md',
        );
      }
      continue;
    }
    const found = doc.getIn(path);
    if (issue.code === 'invalid_type' && found === undefined) {
      bag.error(
        file,
        locate(path),
        'missing-field',
        `Missing required field \`${describePath(path)}\``,
        `add \`${String(path[path.length - 1])}:\` (see docs/authoring.md)`,
      );
      continue;
    }
    const readAsMapping =
      issue.code === 'invalid_type' && issue.expected === 'string' && isMap(doc.getIn(path, true));
    bag.error(
      file,
      locate(path),
      'invalid-value',
      `Invalid value for \`${describePath(path)}\`: ${issue.message}${found === undefined || typeof found === 'object' ? '' : `, found ${JSON.stringify(found)}`}`,
      readAsMapping
        ? 'put the text in quotes: it contains ": ", so YAML read it as a key and a value'
        : undefined,
    );
  }
  return { value: undefined, locate };
}

function locateKey(node: unknown, key: string, pointAt: (offset: number) => Point): Point | undefined {
  if (!isMap(node)) return undefined;
  for (const pair of node.items) {
    if (isPair(pair) && isScalar(pair.key) && pair.key.value === key && pair.key.range) {
      return pointAt(pair.key.range[0]);
    }
  }
  return undefined;
}

/** field names an object schema accepts at a path, for "expected one of" messages */
function knownKeys(schema: z.ZodType, path: YamlPath): string[] {
  // biome-ignore lint/suspicious/noExplicitAny: walking zod's internal definition
  let current: any = schema;
  for (const segment of path) {
    current = unwrap(current);
    if (typeof segment === 'number') current = current?.def?.element;
    else current = current?.def?.shape?.[segment];
  }
  current = unwrap(current);
  const shape = current?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

// biome-ignore lint/suspicious/noExplicitAny: walking zod's internal definition
function unwrap(schema: any): any {
  let current = schema;
  while (current?.def?.innerType || current?.def?.type === 'pipe') {
    current = current.def.innerType ?? current.def.in;
  }
  return current;
}

/** `evaluation.pretest.items`, `questions[3].options` */
export function describePath(path: YamlPath): string {
  return path.reduce<string>(
    (text, segment) =>
      typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment,
    '',
  );
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
