// Import of multiple-choice items from Moodle's GIFT and Aiken formats into a course's item bank.
import { parseAiken } from './aiken.ts';
import { detectFormat } from './detect.ts';
import { parseGift } from './gift.ts';
import type { ImportFormat, ImportOptions, ImportResult } from './items.ts';

export { parseAiken } from './aiken.ts';
export { bankYaml } from './bank-yaml.ts';
export { type Detected, detectFormat } from './detect.ts';
export { parseGift } from './gift.ts';
export type {
  Category,
  ImportFormat,
  ImportOptions,
  ImportResult,
  ItemOrigin,
  SkippedItem,
  SkippedKind,
} from './items.ts';
export { SKIPPED_LABEL } from './items.ts';
export { type TextFormat, toMarkdown } from './text.ts';

/**
 * Detects the format (unless given) and parses; an undetectable file is one error diagnostic.
 * @example importQuestions({ text, file: 'bank.gift', page: 'gratifikasi', level: 'C2' }).questions
 */
export function importQuestions(
  input: ImportOptions & { text: string; format?: ImportFormat },
): ImportResult {
  const { text, format, ...options } = input;
  const detected = format ? { format } : detectFormat({ fileName: options.file, text });
  if ('problem' in detected) {
    return {
      format: 'gift',
      questions: [],
      origins: [],
      skipped: [],
      diagnostics: [
        {
          severity: 'error',
          file: options.file,
          line: 1,
          column: 1,
          ruleId: 'unknown-format',
          message: detected.problem.message,
          hint: detected.problem.hint,
        },
      ],
    };
  }
  return detected.format === 'gift' ? parseGift(text, options) : parseAiken(text, options);
}
