import type { RatingForm, RatingRole, RatingSummary } from '../api/types.ts';

// Reading the behaviour-rating summary for the facilitator: which behaviour a code is, the combined
// score per value with each role's mean beside it, and the disagreements of two or more levels.

export const ROLE_ORDER: readonly RatingRole[] = ['fasilitator', 'mentor', 'atasan'];

export interface BehaviourInfo {
  code: string;
  text: string;
  valueCode: string;
  valueName: string;
}

export function behaviourIndex(form: RatingForm): Map<string, BehaviourInfo> {
  const index = new Map<string, BehaviourInfo>();
  for (const value of form.values) {
    for (const b of value.behaviours) {
      index.set(b.code, { code: b.code, text: b.text, valueCode: value.code, valueName: value.name });
    }
  }
  return index;
}

export interface ValueRow {
  code: string;
  name: string;
  /** each role's mean level 1–4 over the behaviours it rated */
  byRole: Partial<Record<RatingRole, number>>;
  /** the weighted mean 1–4 and its score 0–100, or null before any rating */
  mean: number | null;
  score: number | null;
}

/** one row per value of the form, in the form's order, whether rated yet or not */
export function valueRows(
  form: Pick<RatingForm, 'values'>,
  summary: Pick<RatingSummary, 'values'> | null,
): ValueRow[] {
  return form.values.map((v) => {
    const combined = summary?.values[v.code];
    const byRole: Partial<Record<RatingRole, number>> = {};
    for (const role of ROLE_ORDER) {
      const m = combined?.byRole[role];
      if (m) byRole[role] = m.mean;
    }
    return {
      code: v.code,
      name: v.name,
      byRole,
      mean: combined?.mean ?? null,
      score: combined?.score ?? null,
    };
  });
}

/** value names by code, for a table whose columns are values */
export function valueNames(form: Pick<RatingForm, 'values'>): { code: string; name: string }[] {
  return form.values.map((v) => ({ code: v.code, name: v.name }));
}

export interface DisagreementRow {
  behaviourCode: string;
  behaviour: string;
  valueName: string;
  difference: number;
  low: { role: RatingRole; name: string; level: number };
  high: { role: RatingRole; name: string; level: number };
}

/** the flagged pairs with the behaviour's words, largest gap first */
export function disagreementRows(
  summary: Pick<RatingSummary, 'disagreements'> | null,
  index: Map<string, BehaviourInfo>,
): DisagreementRow[] {
  if (!summary) return [];
  return summary.disagreements
    .map((d) => {
      const info = index.get(d.behaviourCode);
      return {
        behaviourCode: d.behaviourCode,
        behaviour: info?.text ?? d.behaviourCode,
        valueName: info?.valueName ?? '',
        difference: d.difference,
        low: { role: d.low.role, name: d.low.name, level: d.low.level },
        high: { role: d.high.role, name: d.high.name, level: d.high.level },
      };
    })
    .sort((a, b) => b.difference - a.difference || a.behaviourCode.localeCompare(b.behaviourCode));
}

/** days left before a link expires (0 on its last day, negative after) */
export function daysLeft(expiresAt: string, now: Date = new Date()): number {
  return Math.ceil((new Date(expiresAt).getTime() - now.getTime()) / 86_400_000);
}
