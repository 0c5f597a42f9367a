import type { FinalResult, Outcome, ResultReason } from '../api/types.ts';
import type { EvalMessages } from '../i18n/eval-id.ts';
import type { Lang } from '../i18n/index.ts';
import { formatPercent, formatScore } from './numbers.ts';

// A participant's final result as the facilitator reads it: lulus, tidak lulus, or not complete yet
// (a missing component never counts as zero), and each component either a score, missing, or not
// part of this course's result (weight 0). The server states why a result is incomplete or tidak lulus
// as values; they are worded here in the reader's language.

export type ResultState = 'lulus' | 'tidak-lulus' | 'incomplete' | 'invalid';

export function resultState(result: FinalResult): ResultState {
  if (!result.ok) return 'invalid';
  if (!result.complete || result.lulus === null || result.lulus === undefined) return 'incomplete';
  return result.lulus ? 'lulus' : 'tidak-lulus';
}

export type ComponentKey = 'posttest' | 'cases' | 'behaviour';
export const COMPONENTS: readonly ComponentKey[] = ['posttest', 'cases', 'behaviour'];

export type ComponentCell =
  | { state: 'score'; score: number }
  | { state: 'missing' }
  | { state: 'unweighted' };

export function componentCell(
  outcome: Pick<Outcome, 'components'>,
  key: ComponentKey,
  weights: Readonly<Record<string, number>>,
): ComponentCell {
  if (!((weights[key] ?? 0) > 0)) return { state: 'unweighted' };
  const score = outcome.components[key];
  return score === null || score === undefined ? { state: 'missing' } : { state: 'score', score };
}

export interface ResultCounts {
  participants: number;
  lulus: number;
  tidakLulus: number;
  incomplete: number;
}

/** what closing now would freeze: the same four counts the server reports after closing */
export function resultCounts(outcomes: readonly Pick<Outcome, 'result'>[]): ResultCounts {
  const counts = { participants: outcomes.length, lulus: 0, tidakLulus: 0, incomplete: 0 };
  for (const o of outcomes) {
    const state = resultState(o.result);
    if (state === 'lulus') counts.lulus++;
    else if (state === 'tidak-lulus') counts.tidakLulus++;
    else counts.incomplete++;
  }
  return counts;
}

/** the weights as whole percentages of the final score */
export function weightPercents(weights: Readonly<Record<string, number>>): Record<string, number> {
  const sum = Object.values(weights).reduce((a, w) => a + Math.max(w, 0), 0);
  return Object.fromEntries(
    Object.entries(weights).map(([k, w]) => [k, sum > 0 && w > 0 ? Math.round((w / sum) * 100) : 0]),
  );
}

/** one reason a result is incomplete or tidak lulus, in the reader's language, scores as the table writes them */
export function reasonText(reason: ResultReason, ev: EvalMessages, lang: Lang): string {
  const score = (n: number) => formatScore(n, lang);
  switch (reason.kind) {
    case 'missing':
      return ev.reasonMissing(
        ev.components[reason.component] ?? reason.component,
        formatPercent(reason.weight, lang),
      );
    case 'posttest-missing':
      return ev.reasonPosttestMissing(score(reason.passing));
    case 'final-below':
      return ev.reasonFinalBelow(score(reason.score), score(reason.passing));
    case 'posttest-below':
      return ev.reasonPosttestBelow(score(reason.score), score(reason.passing));
  }
}

/** every reason of a result, one sentence each */
export function reasonsText(result: Pick<FinalResult, 'reasons'>, ev: EvalMessages, lang: Lang): string {
  return (result.reasons ?? []).map((reason) => reasonText(reason, ev, lang)).join(' ');
}
