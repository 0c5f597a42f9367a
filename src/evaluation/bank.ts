// the structural shape of a test item as the evaluation rules read it; the compiled course's
// questions convert with toBankItem

/** Cognitive level (taksonomi Bloom): C1 ingatan, C2 pemahaman, C3 penerapan, C4 analisis. */
export type CognitiveLevel = 'C1' | 'C2' | 'C3' | 'C4';

export const COGNITIVE_LEVELS: readonly CognitiveLevel[] = ['C1', 'C2', 'C3', 'C4'];

/** C3 and C4 count as higher-order items for the blueprint's `minHigherOrder`. */
export const HIGHER_ORDER_LEVELS: readonly CognitiveLevel[] = ['C3', 'C4'];

/** An item of the question bank, reduced to what assembly, scoring and item analysis need. */
export interface BankItem {
  id: string;
  /** the material whose page the item tests */
  material: string;
  /** the core value the item tests (a value id from rubric.yaml) */
  value?: string;
  level: CognitiveLevel;
  /** option ids in authored order */
  optionIds: readonly string[];
  correctOptionId: string;
  /** formative items serve `::check` blocks and are never drawn into a test */
  formative?: boolean;
}

/** The part of a compiled course question that toBankItem reads. */
export interface QuestionStub {
  id: string;
  material: string;
  value?: string;
  level: CognitiveLevel;
  formative?: boolean;
  options: readonly { id: string; correct: boolean }[];
}

/**
 * Converts a compiled course question into a bank item.
 *
 * @example
 * toBankItem({ id: 'ak-01', material: 'akuntabel', level: 'C2', options: [
 *   { id: 'a', correct: false }, { id: 'b', correct: true } ] });
 * // { id: 'ak-01', material: 'akuntabel', level: 'C2', optionIds: ['a', 'b'], correctOptionId: 'b', formative: false }
 */
export function toBankItem(question: QuestionStub): BankItem {
  const correct = question.options.find((option) => option.correct);
  return {
    id: question.id,
    material: question.material,
    ...(question.value === undefined ? {} : { value: question.value }),
    level: question.level,
    optionIds: question.options.map((option) => option.id),
    correctOptionId: correct?.id ?? '',
    formative: question.formative === true,
  };
}

/**
 * Whether an item counts toward the blueprint's higher-order share (C3 or C4).
 *
 * @example
 * isHigherOrder({ level: 'C3' }); // true
 */
export function isHigherOrder(item: Pick<BankItem, 'level'>): boolean {
  return HIGHER_ORDER_LEVELS.includes(item.level);
}
