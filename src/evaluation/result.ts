// the final result (issue 7): a weighted final score from the course's weights, the predikat band and
// lulus / tidak lulus; a missing component makes the result incomplete instead of counting as zero

import { isScore, own, round } from './math.ts';

/** A predikat band: the lowest final score of the band and its label (e.g. `{ min: 80, label: 'Baik' }`). */
export interface PredikatBand {
  min: number;
  label: string;
}

/** Component scores 0–100 by name (posttest, cases, behaviour); null or missing when not in yet. */
export type ResultComponents = Readonly<Record<string, number | null | undefined>>;

export interface ResultPolicy {
  /** relative weight per component (`evaluation.weights`); a component with weight 0 is not needed */
  weights: Readonly<Record<string, number>>;
  /** highest band first (`evaluation.predikat`); matched from the highest `min` down whatever the order */
  predikat: readonly PredikatBand[];
  /** final score needed to pass (`evaluation.passingScore`) */
  passingScore: number;
  /** when set, the post-test score must also reach this (`evaluation.posttest.passingScore`) */
  posttestPassingScore?: number;
}

export interface ResultIssue {
  field: string;
  message: string;
}

/** Why a result is incomplete or tidak lulus, as data: each reader words it in their own language. */
export type ResultReason =
  /** a weighted component has no score yet; `weight` is its share of the final score, as in `weightsUsed` */
  | { kind: 'missing'; component: string; weight: number }
  /** the post-test carries no weight but has a passing mark, and has no score yet */
  | { kind: 'posttest-missing'; passing: number }
  /** the final score is below `evaluation.passingScore` */
  | { kind: 'final-below'; score: number; passing: number }
  /** the post-test score is below `evaluation.posttest.passingScore` */
  | { kind: 'posttest-below'; score: number; passing: number };

export type FinalResult =
  | {
      ok: true;
      /** every weighted component (and the post-test, when it has a passing mark) is in */
      complete: boolean;
      /** weighted final score 0–100, 2 decimals; null while incomplete */
      final: number | null;
      /** the weighted score of the components that are in, renormalised over their weights: for staff only */
      provisional: number | null;
      predikat: string | null;
      lulus: boolean | null;
      /** components still missing, in weight order */
      missing: string[];
      /** why the result is incomplete or tidak lulus, one reason each */
      reasons: ResultReason[];
      /** the weights applied, renormalised to sum to 1 */
      weightsUsed: Record<string, number>;
    }
  | { ok: false; errors: ResultIssue[] };

function policyErrors(components: ResultComponents, policy: ResultPolicy): ResultIssue[] {
  const errors: ResultIssue[] = [];
  const weights = Object.entries(policy.weights);
  for (const [name, weight] of weights) {
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      errors.push({
        field: `weights.${name}`,
        message: `The weight of ${name} is ${String(weight)}; expected a number of 0 or more: fix \`evaluation.weights.${name}\` in course.yaml.`,
      });
    }
  }
  if (errors.length === 0 && !weights.some(([, weight]) => weight > 0)) {
    errors.push({
      field: 'weights',
      message:
        'Every component weight is 0, so there is no final score: give at least one of `evaluation.weights` a weight above 0 in course.yaml.',
    });
  }
  for (const [name, value] of Object.entries(components)) {
    if (value !== null && value !== undefined && !isScore(value)) {
      errors.push({
        field: `components.${name}`,
        message: `The ${name} score is ${String(value)}; expected a number from 0 to 100.`,
      });
    }
  }
  const marks: [string, number | undefined][] = [
    ['passingScore', policy.passingScore],
    ['posttest.passingScore', policy.posttestPassingScore],
  ];
  for (const [field, mark] of marks) {
    if (mark !== undefined && !isScore(mark)) {
      errors.push({
        field,
        message: `\`evaluation.${field}\` is ${String(mark)}; expected a number from 0 to 100 in course.yaml.`,
      });
    }
  }
  for (const band of policy.predikat) {
    if (!isScore(band.min)) {
      errors.push({
        field: 'predikat',
        message: `The predikat band ${JSON.stringify(band.label)} starts at ${String(band.min)}; expected \`min\` from 0 to 100 in course.yaml.`,
      });
    }
  }
  return errors;
}

/**
 * The predikat of a final score: the label of the band with the highest `min` not above the score.
 *
 * @example
 * predikatFor(84.5, [{ min: 90, label: 'Sangat Baik' }, { min: 80, label: 'Baik' }, { min: 0, label: 'Kurang' }]);
 * // 'Baik'
 */
export function predikatFor(score: number, bands: readonly PredikatBand[]): string | null {
  const sorted = bands.slice().sort((a, b) => b.min - a.min);
  return sorted.find((band) => score >= band.min)?.label ?? null;
}

/**
 * Composes a participant's final result: the weighted mean of the components (weights relative, so
 * 40/30/30 and 0.4/0.3/0.3 agree), its predikat, and lulus when the final score reaches
 * `passingScore` (and the post-test reaches `posttestPassingScore` when set). A weighted component
 * that is missing makes the result incomplete: `final`, `predikat` and `lulus` stay null and
 * `missing` names it; it never counts as 0. Invalid weights or scores are returned as errors.
 *
 * @example
 * composeResult({
 *   components: { posttest: 85, cases: 78, behaviour: 70.83 },
 *   weights: { posttest: 40, cases: 30, behaviour: 30 },
 *   predikat: [{ min: 90, label: 'Sangat Baik' }, { min: 80, label: 'Baik' }, { min: 70, label: 'Cukup' }, { min: 0, label: 'Kurang' }],
 *   passingScore: 70,
 * });
 * // { ok: true, complete: true, final: 78.65, predikat: 'Cukup', lulus: true, missing: [], … }
 */
export function composeResult(options: { components: ResultComponents } & ResultPolicy): FinalResult {
  const { components, ...policy } = options;
  const errors = policyErrors(components, policy);
  if (errors.length > 0) return { ok: false, errors };

  const weighted = Object.entries(policy.weights)
    .filter(([, weight]) => weight > 0)
    .sort((a, b) => b[1] - a[1]);
  const totalWeight = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  const weightsUsed: Record<string, number> = {};
  for (const [name, weight] of weighted) weightsUsed[name] = round(weight / totalWeight, 4);

  const value = (name: string): number | null => {
    const v = own(components, name);
    return v === null || v === undefined ? null : v;
  };
  const missing = weighted.map(([name]) => name).filter((name) => value(name) === null);
  const needsPosttest = policy.posttestPassingScore !== undefined;
  if (needsPosttest && value('posttest') === null && !missing.includes('posttest')) missing.push('posttest');

  const present = weighted.filter(([name]) => value(name) !== null);
  const presentWeight = present.reduce((sum, [, weight]) => sum + weight, 0);
  const weightedScore = (parts: [string, number][], total: number): number =>
    Math.min(
      100,
      Math.max(0, round(parts.reduce((sum, [name, w]) => sum + w * (value(name) as number), 0) / total, 2)),
    );
  const provisional = presentWeight > 0 ? weightedScore(present, presentWeight) : null;

  if (missing.length > 0) {
    return {
      ok: true,
      complete: false,
      final: null,
      provisional,
      predikat: null,
      lulus: null,
      missing,
      reasons: missing.map(
        (name): ResultReason =>
          Object.hasOwn(weightsUsed, name)
            ? { kind: 'missing', component: name, weight: weightsUsed[name] as number }
            : { kind: 'posttest-missing', passing: policy.posttestPassingScore as number },
      ),
      weightsUsed,
    };
  }

  const final = weightedScore(weighted, totalWeight);
  const reasons: ResultReason[] = [];
  if (final < policy.passingScore) {
    reasons.push({ kind: 'final-below', score: final, passing: policy.passingScore });
  }
  const posttest = value('posttest');
  if (needsPosttest && posttest !== null && posttest < (policy.posttestPassingScore as number)) {
    reasons.push({ kind: 'posttest-below', score: posttest, passing: policy.posttestPassingScore as number });
  }
  return {
    ok: true,
    complete: true,
    final,
    provisional: final,
    predikat: predikatFor(final, policy.predikat),
    lulus: reasons.length === 0,
    missing: [],
    reasons,
    weightsUsed,
  };
}
