import type { FinalResult, Outcome } from '../api/types.ts';

// A participant's final result as the facilitator reads it: lulus, tidak lulus, or not complete yet
// (a missing component never counts as zero), and each component either a score, missing, or not
// part of this course's result (weight 0).

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
