import { DiagnosticBag, type Point } from '../diagnostics.ts';
import {
  type Category,
  type DraftItem,
  finishItems,
  type ImportOptions,
  type ImportResult,
  isId,
  type SkippedItem,
} from './items.ts';
import { type TextFormat, type TextMode, toMarkdown } from './text.ts';

// Moodle's GIFT format (docs.moodle.org/en/GIFT_format), read the way Moodle's importer reads it
// (question/format/gift/format.php): items are separated by blank lines, `//` lines are comments,
// the first `{` and `}` delimit the answers, and `\` escapes ~ = # { } : and writes a line break as \n.

/** one character of the source with its place; `escaped` characters never act as GIFT syntax */
interface Char {
  c: string;
  escaped: boolean;
  line: number;
  column: number;
}

const ESCAPABLE = ':#={}~';
const FORMATS = new Set<TextFormat>(['html', 'moodle', 'plain', 'markdown']);
const BRACE_HINT = 'write a brace that is part of the text as `\\{` or `\\}`';

/**
 * Reads GIFT text into bank items; every problem is a diagnostic with its line and column, and every
 * item that is not multiple choice is reported as skipped.
 * @example parseGift('::AK-01:: Batas lapor gratifikasi? {=30 hari kerja ~7 hari ~14 hari}', { file: 'bank.gift', page: 'gratifikasi' })
 */
export function parseGift(text: string, options: ImportOptions): ImportResult {
  const bag = new DiagnosticBag();
  const file = options.file;
  const drafts: DraftItem[] = [];
  const skipped: SkippedItem[] = [];
  let category: Category | undefined;
  let ordinal = 0;

  const error = (at: Point, message: string, hint: string, ruleId = 'gift-syntax') =>
    bag.error(file, at, ruleId, message, hint);

  for (const block of blocks(text)) {
    let chars = block;
    if (str(chars).startsWith('$CATEGORY:')) {
      const end = chars.findIndex((ch) => ch.c === '\n' && !ch.escaped);
      const head = end < 0 ? chars : chars.slice(0, end);
      category = readCategory(str(head).slice('$CATEGORY:'.length).trim(), point(head[0]));
      if (!category.page) {
        bag.warn(
          file,
          category,
          'category-not-a-page',
          `\`$CATEGORY: ${category.path}\` does not name a page; the items after it ${options.page ? `take --page ${options.page}` : 'have no page'}`,
          'write `$CATEGORY: <material-id>/<page-id>` with the ids of the course, e.g. `$CATEGORY: akuntabel/gratifikasi`',
        );
      }
      if (end < 0) continue;
      chars = trim(chars.slice(end + 1));
      bag.warn(
        file,
        point(chars[0]),
        'category-line',
        'An item starts on the line after `$CATEGORY:`; Moodle would read it as part of the category name',
        'leave a blank line after the `$CATEGORY:` line',
      );
      if (chars.length === 0) continue;
    }
    ordinal++;
    const draft = readItem(chars, ordinal);
    if (draft && 'kind' in draft) skipped.push(draft);
    else if (draft) drafts.push(draft);
  }

  return finishItems({ format: 'gift', drafts, skipped, bag, options });

  function readItem(item: Char[], number: number): DraftItem | SkippedItem | undefined {
    const at = point(item[0]);
    let chars = item;
    let title: string | undefined;
    if (isSyntax(chars[0], ':') && isSyntax(chars[1], ':')) {
      const close = findPair(chars, 2, ':');
      if (close < 0) {
        error(
          at,
          'The title opened with `::` is not closed',
          'end the title with `::` (e.g. `::AK-01::`), or write colons that are part of the text as `\\:`',
        );
        return undefined;
      }
      title = str(chars.slice(2, close)).trim() || undefined;
      chars = trim(chars.slice(close + 2));
    }
    const opens = indexes(chars, '{');
    const closes = indexes(chars, '}');
    const [open, secondOpen] = opens;
    const [close, secondClose] = closes;
    if (open === undefined && close === undefined) {
      return { ...at, kind: 'description', ...(title ? { title } : {}) };
    }
    if (close === undefined) {
      error(point(chars[open as number]), 'The answer block `{` is not closed with `}`', BRACE_HINT);
      return undefined;
    }
    if (open === undefined || close < open) {
      error(point(chars[close]), '`}` has no `{` before it', BRACE_HINT);
      return undefined;
    }
    if (secondOpen !== undefined && secondOpen < close) {
      error(
        point(chars[secondOpen]),
        '`{` inside an answer block',
        `close the block with \`}\` first; ${BRACE_HINT}`,
      );
      return undefined;
    }
    const extra = Math.min(secondOpen ?? Number.POSITIVE_INFINITY, secondClose ?? Number.POSITIVE_INFINITY);
    if (Number.isFinite(extra)) {
      error(
        point(chars[extra]),
        'A second answer block: an item has one `{…}`',
        `start the next item after a blank line; ${BRACE_HINT}`,
      );
      return undefined;
    }

    // text after the answers makes a missing-word item: the blank is shown as "…"
    const after = chars.slice(close + 1);
    const blank: Char = { c: '…', escaped: true, ...point(chars[open]) };
    const stemChars = trim(
      trim(after).length > 0 ? [...chars.slice(0, open), blank, ...after] : chars.slice(0, open),
    );
    const marked = withFormat(stemChars, 'moodle');
    const format = marked.format;

    let answer = chars.slice(open + 1, close);
    let general: Char[] | undefined;
    for (let i = answer.length - 4; i >= 0; i--) {
      if ([0, 1, 2, 3].every((k) => isSyntax(answer[i + k], '#'))) {
        general = answer.slice(i + 4);
        answer = answer.slice(0, i);
        break;
      }
    }
    answer = trim(answer);
    const kind = questionType(answer);
    const skip = (type: SkippedItem['kind']): SkippedItem => ({
      ...at,
      kind: type,
      ...(title ? { title } : {}),
    });
    if (kind !== 'multiple-choice') return skip(kind);

    let broken = false;
    const fail = (where: Point, message: string, hint: string, ruleId?: string) => {
      error(where, message, hint, ruleId);
      broken = true;
    };

    const markers = answer.flatMap((ch, i) => (isSyntax(ch, '~') || isSyntax(ch, '=') ? [i] : []));
    const lead = trim(answer.slice(0, markers[0]));
    if (lead.length > 0) {
      fail(
        point(lead[0]),
        `Option text \`${str(lead).split('\n')[0]}\` does not start with \`=\` or \`~\``,
        'start each option with `=` (the correct one) or `~` (a wrong one)',
      );
    }
    const options: { text: Char[]; feedback?: Char[]; weight: number; at: Point }[] = [];
    markers.forEach((start, index) => {
      const marker = answer[start] as Char;
      let body = trim(answer.slice(start + 1, markers[index + 1] ?? answer.length));
      let weight = marker.c === '=' ? 100 : 0;
      if (isSyntax(body[0], '%')) {
        const match = /^%(-?\d+(?:[.,]\d+)?)%/.exec(str(body));
        if (!match) {
          fail(
            point(body[0]),
            'An option starts with `%` but has no weight such as `%50%`',
            'write the weight between two `%` signs (`~%50%Teks`), or start the text with a word',
          );
          return;
        }
        weight = Number((match[1] ?? '0').replace(',', '.'));
        if (weight > 100) {
          fail(
            point(body[0]),
            `The weight ${match[1]}% is above 100%`,
            'the correct option is worth 100% (`=`)',
          );
        }
        body = trim(body.slice(match[0].length));
      }
      const hash = body.findIndex((ch) => isSyntax(ch, '#'));
      const textChars = trim(hash < 0 ? body : body.slice(0, hash));
      const feedbackChars = hash < 0 ? [] : trim(body.slice(hash + 1));
      if (textChars.length === 0) {
        fail(
          point(marker),
          `The option after \`${marker.c}\` has no text`,
          `write the option's text, or remove the \`${marker.c}\``,
        );
        return;
      }
      options.push({
        text: textChars,
        ...(feedbackChars.length > 0 ? { feedback: feedbackChars } : {}),
        weight,
        at: point(marker),
      });
    });
    if (broken) return undefined;

    const full = options.filter((option) => option.weight === 100);
    const partial = options.filter((option) => option.weight > 0 && option.weight < 100);
    const penalties = options.filter((option) => option.weight < 0);
    if (full.length === 0 && partial.length > 0) return skip('multiple-response');
    if (full.length === 0) {
      fail(
        point(chars[open]),
        'No option is marked correct',
        'mark the right option with `=` instead of `~`',
        'no-correct-option',
      );
    } else if (full.length > 1) {
      fail(
        (full[1] as (typeof full)[number]).at,
        `${full.length} options are marked correct`,
        'keep `=` on the one right option and write the others with `~`: a Lentera item has one correct answer',
        'several-correct-options',
      );
    }
    const scored = [...partial, ...penalties][0];
    if (scored && !broken) {
      bag.warn(
        file,
        scored.at,
        'weight-ignored',
        `Partial credit and penalties (\`%${scored.weight}%\`) are not imported: in Lentera a wrong option scores 0`,
        'remove the weight, or leave it: the option is imported as a wrong one',
      );
    }

    const convert = (piece: Char[], mode: TextMode, fallback: TextFormat): string | undefined => {
      const { format: pieceFormat, chars: pieceChars } = withFormat(piece, fallback);
      const result = toMarkdown(str(pieceChars), pieceFormat, mode);
      if ('markdown' in result) return result.markdown;
      const { problem } = result;
      fail(point(pieceChars[problem.offset] ?? pieceChars[0]), problem.message, problem.hint, problem.ruleId);
      return undefined;
    };

    if (marked.chars.length === 0) {
      fail(at, 'The item has no question text', 'write the question before the answer block `{…}`');
    }
    const stem = convert(marked.chars, 'block', format);
    const converted = options.map((option) => ({
      text: convert(option.text, 'inline', format) ?? '',
      correct: option.weight === 100,
      ...(option.feedback ? { feedback: convert(option.feedback, 'block', format) ?? '' } : {}),
    }));
    const generalChars = general ? trim(general) : [];
    const generalFeedback = generalChars.length > 0 ? convert(generalChars, 'block', format) : undefined;
    if (broken || stem === undefined) return undefined;
    return {
      ordinal: number,
      at,
      ...(title ? { title } : {}),
      ...(category ? { category } : {}),
      stem,
      optionsAt: point(chars[open]),
      options: converted,
      ...(generalFeedback ? { generalFeedback } : {}),
    };
  }
}

type QuestionType = SkippedItem['kind'] | 'multiple-choice';

/** Moodle's rules, in Moodle's order (format.php, "Determine question type") */
function questionType(answer: Char[]): QuestionType {
  if (answer.length === 0) return 'essay';
  if (isSyntax(answer[0], '#')) return 'numeric';
  if (answer.some((ch) => isSyntax(ch, '~'))) return 'multiple-choice';
  const text = str(answer);
  if (answer.some((ch) => isSyntax(ch, '=')) && text.includes('->')) return 'matching';
  const hash = answer.findIndex((ch) => isSyntax(ch, '#'));
  const key = str(hash < 0 ? answer : answer.slice(0, hash)).trim();
  if (['T', 'TRUE', 'F', 'FALSE'].includes(key)) return 'true-false';
  // `{=a}` alone is a short answer in Moodle; several `=` with no `~` too
  return 'short-answer';
}

/** the `[html]`, `[moodle]`, `[plain]` or `[markdown]` marker at the start of a text, if any */
function withFormat(chars: Char[], fallback: TextFormat): { format: TextFormat; chars: Char[] } {
  const match = /^\[([a-z]+)\]/.exec(str(chars.slice(0, 12)));
  const name = match?.[1] as TextFormat | undefined;
  if (!match || !name || !FORMATS.has(name) || !isSyntax(chars[0], '[')) return { format: fallback, chars };
  return { format: name, chars: trim(chars.slice(match[0].length)) };
}

function readCategory(path: string, at: Point): Category {
  // Moodle writes a "/" inside a category name as "//"
  const segments = path
    .split(/(?<!\/)\/(?!\/)/)
    .map((segment) => segment.replace(/\/\//g, '/').trim())
    .filter((segment) => segment !== '' && !/^\$\w+\$$/.test(segment) && segment !== 'top');
  const last = segments.at(-1);
  const before = segments.at(-2);
  const page = last && isId(last) ? last : undefined;
  const material = page && before && isId(before) ? before : undefined;
  return { path, ...at, ...(page ? { page } : {}), ...(material ? { material } : {}) };
}

/** the file's items as character runs: blank lines separate them, `//` comment lines are left out */
function blocks(text: string): Char[][] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const out: Char[][] = [];
  let current: Char[] = [];
  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '') {
      if (current.length > 0) out.push(current);
      current = [];
      return;
    }
    if (content.startsWith('//')) return;
    const indent = raw.length - raw.trimStart().length;
    if (current.length > 0) current.push({ c: '\n', escaped: false, line, column: indent + 1 });
    for (let i = 0; i < content.length; i++) {
      const column = indent + i + 1;
      const c = content[i] as string;
      const next = content[i + 1];
      if (c === '\\' && next !== undefined && (next === '\\' || next === 'n' || ESCAPABLE.includes(next))) {
        current.push({ c: next === 'n' ? '\n' : next, escaped: true, line, column });
        i++;
      } else {
        current.push({ c, escaped: false, line, column });
      }
    }
  });
  if (current.length > 0) out.push(current);
  return out;
}

function isSyntax(ch: Char | undefined, c: string): boolean {
  return ch !== undefined && !ch.escaped && ch.c === c;
}

function indexes(chars: Char[], c: string): number[] {
  return chars.flatMap((ch, i) => (isSyntax(ch, c) ? [i] : []));
}

/** index of the next `cc` (two unescaped c) from `from`, or -1 */
function findPair(chars: Char[], from: number, c: string): number {
  for (let i = from; i < chars.length - 1; i++)
    if (isSyntax(chars[i], c) && isSyntax(chars[i + 1], c)) return i;
  return -1;
}

function str(chars: Char[]): string {
  return chars.map((ch) => ch.c).join('');
}

function trim(chars: Char[]): Char[] {
  let start = 0;
  let end = chars.length;
  while (start < end && /\s/.test(chars[start]?.c ?? '') && !chars[start]?.escaped) start++;
  while (end > start && /\s/.test(chars[end - 1]?.c ?? '') && !chars[end - 1]?.escaped) end--;
  return chars.slice(start, end);
}

function point(ch: Char | undefined): Point {
  return ch ? { line: ch.line, column: ch.column } : { line: 1, column: 1 };
}
