import type { FeedbackLikert } from '../api/types.ts';

// The distribution of a likert item as bars whose length and text say the same thing: how many chose
// each point and what share of those who answered that is.

export interface DistributionRow {
  value: number;
  label: string;
  count: number;
  /** whole percentage of those who answered the item */
  percent: number;
}

export function distributionRows(item: Pick<FeedbackLikert, 'distribution' | 'answered'>): DistributionRow[] {
  return item.distribution.map((d) => ({
    ...d,
    percent: item.answered > 0 ? Math.round((d.count / item.answered) * 100) : 0,
  }));
}

/** the mean's place on the scale as a share of the bar, 1 → 0 %, 5 → 100 % */
export function meanPosition(mean: number | null, points: number): number {
  if (mean === null || points < 2) return 0;
  return Math.min(100, Math.max(0, ((mean - 1) / (points - 1)) * 100));
}
