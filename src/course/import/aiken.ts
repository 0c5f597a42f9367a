import { DiagnosticBag, type Point } from '../diagnostics.ts';
import { type DraftItem, finishItems, type ImportOptions, type ImportResult } from './items.ts';
import { plainToMarkdown } from './text.ts';

// Moodle's Aiken format (docs.moodle.org/en/Aiken_format): the question, then one option per line
// (`A.` or `A)`, a space, the text), then `ANSWER: <letter>`. Plain text, one correct option, no feedback.

const OPTION = /^([A-Z])[.)][ \t]+(.*)$/;
const ANSWER = /^ANSWER\s*:(.*)$/i;
const ANSWER_HINT = 'end each item with a line `ANSWER: <letter>`, e.g. `ANSWER: B`';

interface Pending {
  ordinal: number;
  at: Point;
  stem: string[];
  options: { letter: string; text: string; at: Point }[];
  broken: boolean;
}

/**
 * Reads Aiken text into bank items; every malformed item is a diagnostic with its line and column.
 * @example parseAiken('Batas lapor gratifikasi adalah …\nA. 7 hari\nB. 30 hari kerja\nC. 60 hari\nANSWER: B', { file: 'bank.txt', page: 'gratifikasi' })
 */
export function parseAiken(text: string, options: ImportOptions): ImportResult {
  const bag = new DiagnosticBag();
  const file = options.file;
  const drafts: DraftItem[] = [];
  let item: Pending | undefined;
  let ordinal = 0;

  const fail = (at: Point, message: string, hint: string) => {
    bag.error(file, at, 'aiken-syntax', message, hint);
    if (item) item.broken = true;
  };

  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const content = raw.trim();
    if (content === '') return;
    const at = { line: index + 1, column: raw.length - raw.trimStart().length + 1 };
    const answer = ANSWER.exec(content);
    const option = OPTION.exec(content);

    if (answer && item && item.options.length > 0) {
      const value = (answer[1] ?? '').trim();
      const valueAt = {
        line: at.line,
        column: at.column + content.indexOf(':') + 1 + leadingSpace(answer[1] ?? ''),
      };
      const letters = `${item.options[0]?.letter}–${item.options.at(-1)?.letter}`;
      if (!/^[A-Za-z]$/.test(value)) {
        fail(
          valueAt,
          value ? `\`ANSWER:\` takes one option letter, found \`${value}\`` : '`ANSWER:` has no letter',
          `write the letter of the one correct option (${letters}), e.g. \`ANSWER: B\``,
        );
      } else {
        const correct = item.options.findIndex((o) => o.letter === value.toUpperCase());
        if (correct < 0) {
          fail(valueAt, `\`ANSWER: ${value}\` names no option of this item`, `the options are ${letters}`);
        }
      }
      finish(item, value.toUpperCase());
      item = undefined;
      return;
    }
    if (answer) {
      const lowercase = item?.stem.some((line) => /^[a-z][.)]\s/.test(line));
      if (item) item.broken = true;
      fail(
        at,
        item ? 'The item has no options before `ANSWER:`' : '`ANSWER:` without a question before it',
        lowercase
          ? 'options start with a capital letter: write `A.` or `A)`, not `a.`'
          : 'write the question, then one option per line starting with `A.` or `A)`',
      );
      item = undefined;
      return;
    }
    if (/^[A-Z][.)]$/.test(content) && item && item.stem.length > 0) {
      fail(
        at,
        `Option \`${content[0]}\` has no text`,
        'write the option after the letter, e.g. `A. Akuntabel`',
      );
      item.options.push({ letter: content[0] as string, text: '', at });
      return;
    }
    if (option) {
      if (!item) {
        item = { ordinal: ++ordinal, at, stem: [], options: [], broken: false };
        fail(
          at,
          `Option \`${option[1]}\` has no question before it`,
          'write the question on the line before the options',
        );
      }
      // compared with the letter before it, so one gap is one error
      const previous = item.options.at(-1)?.letter;
      const expected = previous ? String.fromCharCode(previous.charCodeAt(0) + 1) : 'A';
      if (option[1] !== expected) {
        fail(
          at,
          `Option \`${option[1]}\` where \`${expected}\` was expected`,
          'letter the options in order: A, B, C, …',
        );
      }
      item.options.push({ letter: option[1] as string, text: option[2] ?? '', at });
      return;
    }
    if (item && item.options.length > 0) {
      fail(
        at,
        `Text after the options of the item at line ${item.at.line}: expected another option or \`ANSWER:\``,
        ANSWER_HINT,
      );
      item = undefined;
    }
    if (!item) item = { ordinal: ++ordinal, at, stem: [], options: [], broken: false };
    item.stem.push(content);
  });
  if (item) fail(item.at, 'The item has no `ANSWER:` line', ANSWER_HINT);

  return finishItems({ format: 'aiken', drafts, skipped: [], bag, options });

  function finish(pending: Pending, letter: string): void {
    if (pending.broken) return;
    drafts.push({
      ordinal: pending.ordinal,
      at: pending.at,
      stem: plainToMarkdown(pending.stem.join('\n'), 'block'),
      optionsAt: pending.options[0]?.at ?? pending.at,
      options: pending.options.map((o) => ({
        text: plainToMarkdown(o.text, 'inline'),
        correct: o.letter === letter,
      })),
    });
  }
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}
