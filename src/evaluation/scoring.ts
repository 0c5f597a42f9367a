// scoring an attempt (issue 6): a score of 0–100 with the breakdown the result screen and the
// facilitator's table show — per material, per value and per cognitive level

import { type BankItem, COGNITIVE_LEVELS, type CognitiveLevel } from './bank.ts';
import { own, round } from './math.ts';

/** The participant's chosen option per item id; null or missing means unanswered. */
export type Answers = Readonly<Record<string, string | null | undefined>>;

/** Correct answers out of items in one group. */
export interface ScoreBreakdown {
  correct: number;
  total: number;
  /** correct / total as 0–100 with 2 decimals; null for a group with no items */
  percent: number | null;
}

export interface ItemOutcome {
  itemId: string;
  /** the chosen option, or null when unanswered or not one of the item's options */
  chosen: string | null;
  answered: boolean;
  correct: boolean;
}

export interface AttemptScore {
  /** 0–100, 2 decimals; unanswered items count as wrong */
  score: number;
  correct: number;
  total: number;
  answered: number;
  byMaterial: Record<string, ScoreBreakdown>;
  /** items without a value are left out of this breakdown */
  byValue: Record<string, ScoreBreakdown>;
  /** all four levels, with total 0 for a level the form lacks */
  byLevel: Record<CognitiveLevel, ScoreBreakdown>;
  /** in form order */
  items: ItemOutcome[];
}

function percent(correct: number, total: number): number | null {
  return total === 0 ? null : round((correct * 100) / total, 2);
}

function tally(groups: Record<string, ScoreBreakdown>, key: string, correct: boolean): void {
  const group = own(groups, key) ?? { correct: 0, total: 0, percent: null };
  group.total += 1;
  if (correct) group.correct += 1;
  groups[key] = group;
}

function finish<K extends string>(groups: Record<K, ScoreBreakdown>): Record<K, ScoreBreakdown> {
  for (const group of Object.values(groups) as ScoreBreakdown[])
    group.percent = percent(group.correct, group.total);
  return groups;
}

/**
 * Scores one attempt on its form's items: the score 0–100 (2 decimals, unanswered = wrong) and the
 * counts and percentages per material, per value and per cognitive level. Answers to items not on the
 * form are ignored; an answer that is not one of the item's options counts as unanswered.
 *
 * @example
 * scoreAttempt({ items: formItems, answers: { 'ak-01': 'b', 'ak-02': null } });
 * // { score: 50, correct: 1, total: 2, answered: 1, byValue: { akuntabel: { correct: 1, total: 2, percent: 50 } }, … }
 */
export function scoreAttempt(options: { items: readonly BankItem[]; answers: Answers }): AttemptScore {
  const { items, answers } = options;
  const byMaterial: Record<string, ScoreBreakdown> = {};
  const byValue: Record<string, ScoreBreakdown> = {};
  const byLevel = Object.fromEntries(
    COGNITIVE_LEVELS.map((level) => [level, { correct: 0, total: 0, percent: null }]),
  ) as Record<CognitiveLevel, ScoreBreakdown>;
  const outcomes: ItemOutcome[] = [];
  let correctCount = 0;
  let answeredCount = 0;

  for (const item of items) {
    const raw = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
    const chosen = typeof raw === 'string' && item.optionIds.includes(raw) ? raw : null;
    const correct = chosen !== null && chosen === item.correctOptionId;
    if (chosen !== null) answeredCount += 1;
    if (correct) correctCount += 1;
    outcomes.push({ itemId: item.id, chosen, answered: chosen !== null, correct });
    tally(byMaterial, item.material, correct);
    if (item.value !== undefined) tally(byValue, item.value, correct);
    tally(byLevel, item.level, correct);
  }

  return {
    score: percent(correctCount, items.length) ?? 0,
    correct: correctCount,
    total: items.length,
    answered: answeredCount,
    byMaterial: finish(byMaterial),
    byValue: finish(byValue),
    byLevel: finish(byLevel),
    items: outcomes,
  };
}
