// behaviour assessment (issue 7): the facilitator, mentors and the supervisor rate each participant
// on the key behaviours (1–4); ratings combine per behaviour and per value, weighted by rater role

import { mean, round } from './math.ts';

export type RaterRole = 'fasilitator' | 'mentor' | 'atasan';
export const RATER_ROLES: readonly RaterRole[] = ['fasilitator', 'mentor', 'atasan'];

/** Two ratings of one behaviour this many levels apart or more are flagged for the facilitator. */
export const DISAGREEMENT_LEVELS = 2;

/** One rater's rating of one key behaviour of one participant. */
export interface Rating {
  raterRole: RaterRole;
  raterId: string;
  /** e.g. AK-2: the value code (AK), a hyphen and the behaviour's number */
  behaviourCode: string;
  /** 1 (Kurang) to 4 (Sangat Baik) */
  level: number;
}

/** Relative weight per role (`evaluation.behaviour.raterWeights` in course.yaml). */
export type RaterWeights = Readonly<Partial<Record<RaterRole, number>>>;

export interface RoleMean {
  /** mean level 1–4, 2 decimals */
  mean: number;
  /** ratings (per behaviour) or behaviours (per value) the mean is over */
  n: number;
}

export interface CombinedScore {
  byRole: Partial<Record<RaterRole, RoleMean>>;
  /** weighted mean of the role means, 1–4, 2 decimals; null when no role with weight rated */
  mean: number | null;
  /** (mean − 1) / 3 × 100, 0–100, 2 decimals */
  score: number | null;
  /** the weights applied, renormalised to sum to 1 over the roles that rated */
  weightsUsed: Partial<Record<RaterRole, number>>;
}

export interface Disagreement {
  behaviourCode: string;
  low: { raterRole: RaterRole; raterId: string; level: number };
  high: { raterRole: RaterRole; raterId: string; level: number };
  difference: number;
  message: string;
}

export interface RatingSummary {
  /** by behaviour code */
  behaviours: Record<string, CombinedScore & { valueCode: string }>;
  /** by value code: each role's mean over the behaviours it rated, then weighted across roles */
  values: Record<string, CombinedScore>;
  /** the mean of the value means (each value counts equally) */
  overall: { mean: number; score: number } | null;
  rolesRated: RaterRole[];
  /** the weights over the roles that rated anything, renormalised */
  weightsUsed: Partial<Record<RaterRole, number>>;
  disagreements: Disagreement[];
  /** ratings left out, with the reason */
  rejected: { rating: Rating; message: string }[];
  warnings: string[];
}

const CODE = /^([A-Z]{2,})-(\d+)$/;

/**
 * Converts a mean level on the 1–4 scale to a score of 0–100: (mean − 1) / 3 × 100.
 *
 * @example
 * levelToScore(3.25); // 75
 */
export function levelToScore(level: number): number {
  return round(((level - 1) / 3) * 100, 2);
}

function validWeight(weight: number | undefined): number {
  return typeof weight === 'number' && Number.isFinite(weight) && weight > 0 ? weight : 0;
}

function combine(
  byRoleExact: Map<RaterRole, { sum: number; n: number }>,
  weights: RaterWeights,
): CombinedScore {
  const byRole: Partial<Record<RaterRole, RoleMean>> = {};
  const rated: RaterRole[] = [];
  for (const role of RATER_ROLES) {
    const entry = byRoleExact.get(role);
    if (!entry || entry.n === 0) continue;
    byRole[role] = { mean: round(entry.sum / entry.n, 2), n: entry.n };
    rated.push(role);
  }
  const total = rated.reduce((sum, role) => sum + validWeight(weights[role]), 0);
  const weightsUsed: Partial<Record<RaterRole, number>> = {};
  if (total === 0) return { byRole, mean: null, score: null, weightsUsed };
  let weighted = 0;
  for (const role of rated) {
    const share = validWeight(weights[role]) / total;
    const entry = byRoleExact.get(role) as { sum: number; n: number };
    weightsUsed[role] = round(share, 4);
    weighted += share * (entry.sum / entry.n);
  }
  return { byRole, mean: round(weighted, 2), score: levelToScore(weighted), weightsUsed };
}

/**
 * Combines one participant's behaviour ratings. Per behaviour: the mean level per rater role, then
 * the roles weighted by `raterWeights`, renormalised over the roles that actually rated (the weights
 * applied are reported). Per value (the behaviour code's prefix, AK for AK-2): each role's mean over
 * the behaviours it rated, weighted across roles the same way. Scores are (mean − 1) / 3 × 100.
 * Ratings of one behaviour 2 or more levels apart are flagged; invalid ratings are returned in
 * `rejected` with the reason, and a rater's later rating of a behaviour replaces their earlier one.
 *
 * @example
 * combineRatings({
 *   ratings: [
 *     { raterRole: 'fasilitator', raterId: 'f1', behaviourCode: 'AK-1', level: 4 },
 *     { raterRole: 'atasan', raterId: 's1', behaviourCode: 'AK-1', level: 3 },
 *   ],
 *   raterWeights: { fasilitator: 0.5, mentor: 0.25, atasan: 0.25 },
 * }).values.AK;
 * // { byRole: { fasilitator: { mean: 4, n: 1 }, atasan: { mean: 3, n: 1 } }, mean: 3.67, score: 88.89,
 * //   weightsUsed: { fasilitator: 0.6667, atasan: 0.3333 } }
 */
export function combineRatings(options: {
  ratings: readonly Rating[];
  raterWeights: RaterWeights;
}): RatingSummary {
  const { raterWeights } = options;
  const rejected: RatingSummary['rejected'] = [];
  const warnings: string[] = [];
  for (const role of RATER_ROLES) {
    const w = raterWeights[role];
    if (w !== undefined && !(typeof w === 'number' && Number.isFinite(w) && w >= 0)) {
      warnings.push(
        `The weight of ${role} is ${String(w)}; weights are numbers of 0 or more, so ${role} counts as 0: fix \`raterWeights.${role}\` in course.yaml.`,
      );
    }
  }

  // keep each rater's last rating of each behaviour
  const latest = new Map<string, Rating>();
  for (const rating of options.ratings) {
    if (!RATER_ROLES.includes(rating.raterRole)) {
      rejected.push({
        rating,
        message: `Unknown rater role ${String(rating.raterRole)}; expected one of ${RATER_ROLES.join(', ')}.`,
      });
      continue;
    }
    if (!CODE.test(rating.behaviourCode)) {
      rejected.push({
        rating,
        message: `Behaviour code ${JSON.stringify(rating.behaviourCode)} is not of the form AK-2 (value code, hyphen, number).`,
      });
      continue;
    }
    if (!Number.isInteger(rating.level) || rating.level < 1 || rating.level > 4) {
      rejected.push({
        rating,
        message: `Level ${String(rating.level)} of ${rating.behaviourCode} is not on the scale; expected a whole number from 1 to 4.`,
      });
      continue;
    }
    const key = `${rating.raterRole}\u0000${rating.raterId}\u0000${rating.behaviourCode}`;
    const earlier = latest.get(key);
    if (earlier) {
      rejected.push({
        rating: earlier,
        message: `Replaced by a later rating of ${rating.behaviourCode} by the same ${rating.raterRole} (${rating.raterId}).`,
      });
      latest.delete(key);
    }
    latest.set(key, rating);
  }
  const valid = [...latest.values()];

  // per behaviour and role
  const perBehaviour = new Map<string, Map<RaterRole, { sum: number; n: number }>>();
  for (const rating of valid) {
    const roles = perBehaviour.get(rating.behaviourCode) ?? new Map<RaterRole, { sum: number; n: number }>();
    const entry = roles.get(rating.raterRole) ?? { sum: 0, n: 0 };
    entry.sum += rating.level;
    entry.n += 1;
    roles.set(rating.raterRole, entry);
    perBehaviour.set(rating.behaviourCode, roles);
  }
  const codes = [...perBehaviour.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const behaviours: RatingSummary['behaviours'] = {};
  const perValue = new Map<string, Map<RaterRole, { sum: number; n: number }>>();
  for (const code of codes) {
    const roles = perBehaviour.get(code) as Map<RaterRole, { sum: number; n: number }>;
    const valueCode = (CODE.exec(code) as RegExpExecArray)[1] as string;
    behaviours[code] = { valueCode, ...combine(roles, raterWeights) };
    // a value's role mean is the mean of that role's behaviour means
    const valueRoles = perValue.get(valueCode) ?? new Map<RaterRole, { sum: number; n: number }>();
    for (const [role, entry] of roles) {
      const acc = valueRoles.get(role) ?? { sum: 0, n: 0 };
      acc.sum += entry.sum / entry.n;
      acc.n += 1;
      valueRoles.set(role, acc);
    }
    perValue.set(valueCode, valueRoles);
  }
  const values: RatingSummary['values'] = {};
  const exactValueMeans: number[] = [];
  for (const [valueCode, roles] of perValue) {
    values[valueCode] = combine(roles, raterWeights);
    const total = [...roles.keys()].reduce((sum, role) => sum + validWeight(raterWeights[role]), 0);
    if (total > 0) {
      exactValueMeans.push(
        [...roles].reduce(
          (sum, [role, e]) => sum + (validWeight(raterWeights[role]) / total) * (e.sum / e.n),
          0,
        ),
      );
    } else {
      warnings.push(
        `Value ${valueCode} was rated only by roles with weight 0 (${[...roles.keys()].join(', ')}), so it has no score: give one of them a weight in \`raterWeights\` in course.yaml.`,
      );
    }
  }
  const overallMean = mean(exactValueMeans);

  const rolesRated = RATER_ROLES.filter((role) => valid.some((r) => r.raterRole === role));
  const totalWeight = rolesRated.reduce((sum, role) => sum + validWeight(raterWeights[role]), 0);
  const weightsUsed: Partial<Record<RaterRole, number>> = {};
  if (totalWeight > 0) {
    for (const role of rolesRated)
      weightsUsed[role] = round(validWeight(raterWeights[role]) / totalWeight, 4);
  }

  const disagreements: Disagreement[] = [];
  for (const code of codes) {
    const of = valid.filter((r) => r.behaviourCode === code);
    const low = of.reduce((a, b) => (b.level < a.level ? b : a));
    const high = of.reduce((a, b) => (b.level > a.level ? b : a));
    const difference = high.level - low.level;
    if (difference >= DISAGREEMENT_LEVELS) {
      disagreements.push({
        behaviourCode: code,
        low: { raterRole: low.raterRole, raterId: low.raterId, level: low.level },
        high: { raterRole: high.raterRole, raterId: high.raterId, level: high.level },
        difference,
        message: `${code}: ${low.raterRole} ${low.raterId} rated ${low.level} and ${high.raterRole} ${high.raterId} rated ${high.level}, ${difference} levels apart: compare their evidence notes and talk with the raters before the results are closed.`,
      });
    }
  }

  return {
    behaviours,
    values,
    overall: overallMean === null ? null : { mean: round(overallMean, 2), score: levelToScore(overallMean) },
    rolesRated,
    weightsUsed,
    disagreements,
    rejected,
    warnings,
  };
}
