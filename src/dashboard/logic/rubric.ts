import type { RubricCriterion } from '../api/types.ts';

// The case-study grade as the server computes it (docs/api.md): each criterion's level 1–4 counts
// (level − 1) / 3 × 100, weighted by the criterion's weight. Shown while the facilitator chooses, so
// the score never surprises after saving.

/** the criteria still without a level, in rubric order */
export function missingCriteria(
  rubric: readonly RubricCriterion[],
  levels: Readonly<Record<string, number>>,
) {
  return rubric.filter((c) => !isLevel(levels[c.id]));
}

/** the weighted score 0–100 with 2 decimals, or null while a criterion has no level */
export function rubricScore(
  rubric: readonly RubricCriterion[],
  levels: Readonly<Record<string, number>>,
): number | null {
  if (rubric.length === 0 || missingCriteria(rubric, levels).length > 0) return null;
  let total = 0;
  let weights = 0;
  for (const c of rubric) {
    total += c.weight * (((levels[c.id] as number) - 1) / 3) * 100;
    weights += c.weight;
  }
  return weights === 0 ? 0 : Math.round((total / weights) * 100) / 100;
}

/** each criterion's share of the grade, as a whole percentage */
export function weightShares(rubric: readonly RubricCriterion[]): Record<string, number> {
  const sum = rubric.reduce((a, c) => a + c.weight, 0);
  return Object.fromEntries(rubric.map((c) => [c.id, sum === 0 ? 0 : Math.round((c.weight / sum) * 100)]));
}

function isLevel(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 4;
}
