import { slug } from '../compile/markdown.ts';
import type { Diagnostic, DiagnosticBag, Point } from '../diagnostics.ts';
import { type CognitiveLevel, Id } from '../model.ts';
import type { QuestionSource } from '../schema/questions.ts';

export type ImportFormat = 'gift' | 'aiken';

export interface ImportOptions {
  /** the input's path as the author typed it, for diagnostics */
  file: string;
  /** the page of items whose GIFT `$CATEGORY` names none */
  page?: string;
  /** the cognitive level of every item (GIFT and Aiken carry none); C2 when not given */
  level?: CognitiveLevel;
  /** ids are `<prefix>-<number>` or `<prefix>-<title>`; `imp` when not given */
  prefix?: string;
  /** `number`: the item's position in the file (001, 002, …); `title`: a slug of the GIFT title */
  ids?: 'number' | 'title';
  /** ids already in the bank: a generated id never repeats one */
  takenIds?: Iterable<string>;
  /** language of the sentences the import writes into explanations (the course's language) */
  language?: 'id' | 'en';
}

/** a GIFT `$CATEGORY: <material-id>/<page-id>` line, in force for the items after it */
export interface Category {
  path: string;
  material?: string;
  page?: string;
  line: number;
  column: number;
}

export interface ItemOrigin {
  line: number;
  column: number;
  title?: string;
  category?: Category;
}

/** question types of the source that are not multiple choice with one correct answer */
export type SkippedKind =
  | 'true-false'
  | 'short-answer'
  | 'numeric'
  | 'matching'
  | 'essay'
  | 'description'
  | 'multiple-response';

export interface SkippedItem {
  line: number;
  column: number;
  kind: SkippedKind;
  title?: string;
}

export interface ImportResult {
  format: ImportFormat;
  /** the imported items, in the order of the source; empty when there is an error */
  questions: QuestionSource[];
  /** where each of `questions` comes from (same index) */
  origins: ItemOrigin[];
  skipped: SkippedItem[];
  /** sorted by position; any error means nothing may be written */
  diagnostics: Diagnostic[];
}

/** one multiple-choice item as a parser read it, its texts already Markdown */
export interface DraftItem {
  /** position among all items of the file, skipped ones included (1-based) */
  ordinal: number;
  at: Point;
  title?: string;
  category?: Category;
  stem: string;
  optionsAt: Point;
  options: { text: string; correct: boolean; feedback?: string }[];
  generalFeedback?: string;
}

export const SKIPPED_LABEL: Record<SkippedKind, string> = {
  'true-false': 'true/false',
  'short-answer': 'short answer',
  numeric: 'numeric',
  matching: 'matching',
  essay: 'essay',
  description: 'description',
  'multiple-response': 'multiple response',
};

const SKIPPED_HINT: Record<SkippedKind, string> = {
  'true-false':
    'Lentera tests use multiple choice with one correct answer; rewrite the statement as a question with 3 to 5 options to keep it',
  'short-answer':
    'Lentera tests use multiple choice; turn the expected answer into the correct option and add 2 to 4 plausible wrong ones',
  numeric: 'Lentera tests use multiple choice; give the number as the correct option among 3 to 5 values',
  matching:
    'Lentera tests use multiple choice; write one multiple-choice item per pair if they belong in the bank',
  essay: 'open answers belong in a case study (cases/*.md), not in the item bank',
  description: 'text without an answer block `{…}` is not a question; remove it or add the options',
  'multiple-response':
    'no option is worth 100%: this is a "choose all that apply" item; Lentera items have exactly one correct option',
};

const TEXT = {
  id: { correct: 'Jawaban yang benar', others: 'Pilihan lain:' },
  en: { correct: 'The correct answer is', others: 'The other options:' },
};

/** Turns the parsers' drafts into bank items: page, level, stable ids, explanation; reports what is missing. */
export function finishItems(input: {
  format: ImportFormat;
  drafts: DraftItem[];
  skipped: SkippedItem[];
  bag: DiagnosticBag;
  options: ImportOptions;
}): ImportResult {
  const { format, drafts, skipped, bag, options } = input;
  const file = options.file;
  const words = TEXT[options.language ?? 'id'];
  const level = options.level ?? 'C2';
  const prefix = options.prefix ?? 'imp';
  const taken = new Set(options.takenIds ?? []);

  for (const item of skipped) {
    bag.warn(
      file,
      item,
      'skipped-item',
      `Skipped ${/^[aeiou]/.test(SKIPPED_LABEL[item.kind]) ? 'an' : 'a'} ${SKIPPED_LABEL[item.kind]} item${item.title ? ` (::${item.title}::)` : ''}: only multiple-choice items with one correct answer are imported`,
      SKIPPED_HINT[item.kind],
    );
  }

  const usable: DraftItem[] = [];
  for (const draft of drafts) {
    const count = draft.options.length;
    if (count < 3 || count > 5) {
      bag.error(
        file,
        draft.optionsAt,
        'option-count',
        `The item has ${count} options; a Lentera item has 3 to 5`,
        count < 3
          ? 'add a plausible wrong option (a common misconception), or leave the item out'
          : 'keep the correct option and the four most plausible wrong ones',
      );
      continue;
    }
    usable.push(draft);
  }

  const pageless = usable.filter((draft) => !(draft.category?.page ?? options.page));
  const first = pageless[0];
  if (first) {
    bag.error(
      file,
      first.at,
      'missing-page',
      `${pageless.length === 1 ? 'This item has' : `${pageless.length} items have`} no page${pageless.length > 1 ? ` (lines ${lineList(pageless)})` : ''}: every item names the page it tests`,
      format === 'gift'
        ? 'pass `--page <page-id>`, or put `$CATEGORY: <material-id>/<page-id>` on a line of its own before the items'
        : 'pass `--page <page-id>`; Aiken carries no page, so import one file per page or edit `page:` after the import',
    );
  }

  const bare = usable.filter(
    (draft) => !draft.generalFeedback && !draft.options.some((option) => option.feedback),
  );
  const firstBare = bare[0];
  if (firstBare) {
    bag.warn(
      file,
      firstBare.at,
      'missing-explanation',
      `${bare.length === 1 ? 'This item has' : `${bare.length} items have`} no feedback${bare.length > 1 ? ` (lines ${lineList(bare)})` : ''}: the explanation only names the correct answer`,
      format === 'gift'
        ? 'write why the answer is right as general feedback after `####` in the answer block, or in `explanation:` of the written file'
        : 'Aiken has no feedback: write why the answer is right in `explanation:` of each item in the written file',
    );
  }

  const questions: QuestionSource[] = [];
  const origins: ItemOrigin[] = [];
  if (bag.errorCount > 0) return { format, questions, origins, skipped, diagnostics: bag.sorted() };

  for (const draft of usable) {
    const page = draft.category?.page ?? options.page;
    if (!page) continue; // reported above as missing-page, which stops the import
    const titleSlug = options.ids === 'title' && draft.title ? slug(draft.title) : '';
    const base = (
      titleSlug ? `${prefix}-${titleSlug}` : `${prefix}-${String(draft.ordinal).padStart(3, '0')}`
    )
      .slice(0, 60)
      .replace(/-+$/, '');
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    if (id !== base) {
      bag.warn(
        file,
        draft.at,
        'id-taken',
        `The id \`${base}\` is already used (in the bank or by an earlier item of this file); this item is \`${id}\``,
        'choose another `--prefix` for ids without a suffix',
      );
    }
    taken.add(id);
    const correct = draft.options.find((option) => option.correct);
    questions.push({
      id,
      page,
      level,
      formative: false,
      stem: draft.stem,
      options: draft.options.map((option) => ({
        text: option.text,
        ...(option.correct ? { correct: true } : {}),
      })),
      explanation: explanation(draft, correct?.text ?? '', words),
    });
    origins.push({
      line: draft.at.line,
      column: draft.at.column,
      ...(draft.title ? { title: draft.title } : {}),
      ...(draft.category ? { category: draft.category } : {}),
    });
  }
  return { format, questions, origins, skipped, diagnostics: bag.sorted() };
}

function explanation(draft: DraftItem, correctText: string, words: (typeof TEXT)['id']): string {
  const parts: string[] = [];
  const general = draft.generalFeedback?.trim();
  const right = draft.options.find((option) => option.correct)?.feedback?.trim();
  if (general) parts.push(general);
  if (right && right !== general) parts.push(right);
  if (parts.length === 0) {
    parts.push(`${words.correct}: ${correctText}${/[.!?…:]$/.test(correctText) ? '' : '.'}`);
  }
  const others = draft.options.filter((option) => !option.correct && option.feedback?.trim());
  if (others.length > 0) {
    const list = others.map(
      (option) => `- ${option.text}: ${(option.feedback ?? '').trim().split('\n').join('\n  ')}`,
    );
    parts.push(`${words.others}\n\n${list.join('\n')}`);
  }
  return parts.join('\n\n');
}

function lineList(drafts: DraftItem[]): string {
  const lines = drafts.map((draft) => draft.at.line);
  return lines.length > 8 ? `${lines.slice(0, 8).join(', ')}, …` : lines.join(', ');
}

/** true when the text is a valid Lentera id (lowercase kebab-case, at most 64 characters) */
export function isId(text: string): boolean {
  return Id.safeParse(text).success;
}
