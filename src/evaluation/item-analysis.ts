// classical item analysis for the facilitator (issue 6; shared/reference/indonesia-context.md §4):
// difficulty p, discrimination D from upper and lower groups, distractors, point-biserial and KR-20.
// Conventions fixed here and shown to staff through ITEM_ANALYSIS_THRESHOLDS:
// - p, D and shares are rounded to 2 decimals and the category is read from the rounded value, so the
//   bands apply exactly as Arikunto writes them (sukar 0.00–0.30, sedang 0.31–0.70, mudah 0.71–1.00);
// - groups: the upper and lower 27% of the takers (Kelley), rounded to the nearest person, or halves
//   when fewer than 20 took the item (an odd middle taker is in neither group); takers are ranked by
//   their score on their own form, ties broken by participant id so the split is reproducible;
// - an item drawn into only some forms is analysed over the participants whose form had it.

import { atLeast, atMost, mean, round } from './math.ts';
import type { Answers } from './scoring.ts';

/** The thresholds of the analysis, for the dashboard and docs/evaluation.md to state. */
export const ITEM_ANALYSIS_THRESHOLDS = {
  /** p <= 0.30 sukar, 0.31–0.70 sedang, >= 0.71 mudah (on p rounded to 2 decimals) */
  difficulty: { sukarMax: 0.3, sedangMax: 0.7 },
  /** D < 0 negatif (buang), 0.00–0.20 jelek, 0.21–0.40 cukup, 0.41–0.70 baik, >= 0.71 baik sekali */
  discrimination: { jelekMax: 0.2, cukupMax: 0.4, baikMax: 0.7 },
  /** share of takers in each of the upper and lower groups (Kelley 1939) */
  groupShare: 0.27,
  /** below this many takers the groups are halves */
  halvesBelow: 20,
  /** a distractor works when at least this share of takers chose it */
  distractorMinShare: 0.05,
  /** a point-biserial correlation at or above this is acceptable */
  pointBiserialMin: 0.2,
  /** KR-20 at or above this counts as reliable (Sudijono) */
  reliableKr20: 0.7,
  /** with drawn forms each item's p comes from its own takers; fewer than this and Σpq is noise (KR-20 can pass 1) */
  kr20MinTakersPerItem: 5,
} as const;

export type DifficultyCategory = 'sukar' | 'sedang' | 'mudah';
export type DiscriminationCategory = 'negatif' | 'jelek' | 'cukup' | 'baik' | 'baik-sekali';

/**
 * The difficulty category of p (Arikunto), read on p rounded to 2 decimals.
 *
 * @example
 * difficultyCategory(0.3); // 'sukar'
 * difficultyCategory(0.31); // 'sedang'
 */
export function difficultyCategory(p: number): DifficultyCategory {
  const shown = round(p, 2);
  const { sukarMax, sedangMax } = ITEM_ANALYSIS_THRESHOLDS.difficulty;
  if (atMost(shown, sukarMax)) return 'sukar';
  if (atMost(shown, sedangMax)) return 'sedang';
  return 'mudah';
}

/**
 * The discrimination category of D (Arikunto), read on D rounded to 2 decimals; a negative D means
 * the item should be discarded (buang).
 *
 * @example
 * discriminationCategory(0.4); // 'cukup'
 * discriminationCategory(-0.1); // 'negatif'
 */
export function discriminationCategory(d: number): DiscriminationCategory {
  const shown = round(d, 2);
  const { jelekMax, cukupMax, baikMax } = ITEM_ANALYSIS_THRESHOLDS.discrimination;
  if (shown < 0) return 'negatif';
  if (atMost(shown, jelekMax)) return 'jelek';
  if (atMost(shown, cukupMax)) return 'cukup';
  if (atMost(shown, baikMax)) return 'baik';
  return 'baik-sekali';
}

/** The part of an item the analysis reads (a BankItem fits). */
export interface AnalysedItem {
  id: string;
  optionIds: readonly string[];
  correctOptionId: string;
}

/** One finished attempt. */
export interface AttemptResponse {
  participantId: string;
  /** the items on this participant's form; every analysed item when left out */
  itemIds?: readonly string[];
  /** chosen option per item id; null or missing means unanswered */
  answers: Answers;
}

export interface OptionAnalysis {
  optionId: string;
  correct: boolean;
  /** takers who chose it, overall and in the upper and lower groups */
  count: number;
  upper: number;
  lower: number;
  /** count / takers, 2 decimals */
  share: number;
  /** for a distractor: chosen by at least 5% of takers; always true for the key */
  functioning: boolean;
}

export interface ItemStatistics {
  itemId: string;
  /** participants whose form had the item */
  takers: number;
  correct: number;
  omitted: number;
  /** difficulty index p = correct / takers, 2 decimals; null with no takers */
  p: number | null;
  difficulty: DifficultyCategory | null;
  /** discrimination index D = P_A − P_B, 2 decimals; null with fewer than 2 takers */
  d: number | null;
  discrimination: DiscriminationCategory | null;
  groups: { method: 'kelley-27' | 'halves'; size: number; upperCorrect: number; lowerCorrect: number };
  /** point-biserial correlation of the item with the score, 3 decimals; null when p is 0 or 1 or scores do not vary */
  pointBiserial: number | null;
  options: OptionAnalysis[];
  /** distractors chosen by fewer than 5% of takers */
  weakDistractors: string[];
}

export interface Reliability {
  /** KR-20, 3 decimals; null with the reason when it cannot be computed */
  kr20: number | null;
  reliable: boolean | null;
  /** `single-form`: everybody had the same items (classical KR-20); `random-forms`: drawn forms of one length, Σpq averaged over the forms */
  method: 'single-form' | 'random-forms' | null;
  /** items per form */
  k: number | null;
  /** variance of the number-correct scores (population variance, as in Arikunto's formula) */
  variance: number | null;
  reason?: string;
  /** why KR-20 is missing, for a translated message: the numbers are in `reason` */
  code?: ReliabilityGap;
}

export type ReliabilityGap =
  | 'too-few-takers'
  | 'mixed-form-lengths'
  | 'too-few-items'
  | 'no-variance'
  | 'too-few-takers-per-item'
  | 'unstable-estimate';

export interface ItemAnalysisReport {
  participants: number;
  /** mean score 0–100, 2 decimals */
  meanScore: number | null;
  items: ItemStatistics[];
  reliability: Reliability;
}

interface Taker {
  participantId: string;
  /** number correct on the participant's own form */
  correct: number;
  /** items of the participant's form that are analysed */
  k: number;
  /** correct / k as 0–100 */
  score: number;
  answers: Answers;
  itemIds: ReadonlySet<string>;
}

function chosenOption(item: AnalysedItem, answers: Answers): string | null {
  const raw = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
  return typeof raw === 'string' && item.optionIds.includes(raw) ? raw : null;
}

function groupSize(n: number): { method: 'kelley-27' | 'halves'; size: number } {
  const { halvesBelow, groupShare } = ITEM_ANALYSIS_THRESHOLDS;
  if (n < halvesBelow) return { method: 'halves', size: Math.floor(n / 2) };
  return { method: 'kelley-27', size: Math.round(n * groupShare) };
}

function populationVariance(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null) return null;
  return values.reduce((sum, v) => sum + (v - m) ** 2, 0) / values.length;
}

function analyseItem(item: AnalysedItem, all: readonly Taker[]): ItemStatistics & { exactP: number | null } {
  const takers = all
    .filter((t) => t.itemIds.has(item.id))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0),
    );
  const n = takers.length;
  const { method, size } = groupSize(n);
  const upper = takers.slice(0, size);
  const lower = size === 0 ? [] : takers.slice(n - size);
  const chosen = (t: Taker) => chosenOption(item, t.answers);
  const isCorrect = (t: Taker) => chosen(t) === item.correctOptionId;

  const correct = takers.filter(isCorrect).length;
  const omitted = takers.filter((t) => chosen(t) === null).length;
  const upperCorrect = upper.filter(isCorrect).length;
  const lowerCorrect = lower.filter(isCorrect).length;
  const exactP = n === 0 ? null : correct / n;
  const exactD = size === 0 ? null : upperCorrect / size - lowerCorrect / size;

  // r_pbis = (Mp − Mt) / St · √(p / q), on the participants' scores
  let pointBiserial: number | null = null;
  if (exactP !== null && exactP > 0 && exactP < 1) {
    const scores = takers.map((t) => t.score);
    const sd = Math.sqrt(populationVariance(scores) ?? 0);
    const mp = mean(takers.filter(isCorrect).map((t) => t.score)) ?? 0;
    const mt = mean(scores) ?? 0;
    if (sd > 0) pointBiserial = round(((mp - mt) / sd) * Math.sqrt(exactP / (1 - exactP)), 3);
  }

  const { distractorMinShare } = ITEM_ANALYSIS_THRESHOLDS;
  const options = item.optionIds.map((optionId): OptionAnalysis => {
    const count = takers.filter((t) => chosen(t) === optionId).length;
    const share = n === 0 ? 0 : count / n;
    const isKey = optionId === item.correctOptionId;
    return {
      optionId,
      correct: isKey,
      count,
      upper: upper.filter((t) => chosen(t) === optionId).length,
      lower: lower.filter((t) => chosen(t) === optionId).length,
      share: round(share, 2),
      functioning: isKey || (n > 0 && atLeast(share, distractorMinShare)),
    };
  });

  return {
    itemId: item.id,
    takers: n,
    correct,
    omitted,
    p: exactP === null ? null : round(exactP, 2),
    difficulty: exactP === null ? null : difficultyCategory(exactP),
    d: exactD === null ? null : round(exactD, 2),
    discrimination: exactD === null ? null : discriminationCategory(exactD),
    groups: { method, size, upperCorrect, lowerCorrect },
    pointBiserial,
    options,
    weakDistractors: options.filter((o) => !o.functioning).map((o) => o.optionId),
    exactP,
  };
}

function reliability(takers: readonly Taker[], pByItem: ReadonlyMap<string, number | null>): Reliability {
  const none = (code: ReliabilityGap, reason: string, k: number | null = null): Reliability => ({
    kr20: null,
    reliable: null,
    method: null,
    k,
    variance: null,
    reason,
    code,
  });
  if (takers.length < 2) return none('too-few-takers', 'KR-20 needs at least 2 participants.');
  const lengths = new Set(takers.map((t) => t.k));
  if (lengths.size > 1) {
    const found = [...lengths].sort((a, b) => a - b).join(', ');
    return none('mixed-form-lengths', `KR-20 needs forms of one length; found forms of ${found} items.`);
  }
  const k = takers[0]?.k ?? 0;
  if (k < 2) return none('too-few-items', 'KR-20 needs at least 2 items per form.', k);
  const variance = populationVariance(takers.map((t) => t.correct)) ?? 0;
  if (variance === 0) {
    const reason = 'Every participant has the same score, so KR-20 is undefined.';
    return { ...none('no-variance', reason, k), variance: 0 };
  }
  const forms = new Set(takers.map((t) => [...t.itemIds].sort().join('\n')));
  if (forms.size > 1) {
    const takersPerItem = new Map<string, number>();
    for (const t of takers)
      for (const id of t.itemIds) takersPerItem.set(id, (takersPerItem.get(id) ?? 0) + 1);
    const fewest = Math.min(...takersPerItem.values());
    const min = ITEM_ANALYSIS_THRESHOLDS.kr20MinTakersPerItem;
    if (fewest < min) {
      const reason = `KR-20 over drawn forms needs at least ${min} takers per item; the least-drawn item has ${fewest}.`;
      return none('too-few-takers-per-item', reason, k);
    }
  }

  const sumPq = takers.map((t) =>
    [...t.itemIds].reduce((sum, id) => {
      const p = pByItem.get(id) ?? 0;
      return sum + p * (1 - p);
    }, 0),
  );
  const meanSumPq = mean(sumPq) ?? 0;
  const kr20 = round((k / (k - 1)) * (1 - meanSumPq / variance), 3);
  // on one form KR-20 <= 1 always; over drawn forms the differences between forms can push it past 1
  if (kr20 > 1) {
    const reason = `KR-20 over drawn forms came out at ${kr20}, above 1: the forms differ too much in difficulty for this many takers.`;
    return none('unstable-estimate', reason, k);
  }
  return {
    kr20,
    reliable: atLeast(kr20, ITEM_ANALYSIS_THRESHOLDS.reliableKr20),
    method: forms.size === 1 ? 'single-form' : 'random-forms',
    k,
    variance: round(variance, 4),
  };
}

/**
 * Classical item analysis of one test over a cohort's finished attempts: per item the difficulty p,
 * the discrimination D (upper and lower 27%, or halves under 20 takers), each option's choices with
 * distractors chosen by fewer than 5% flagged, and the point-biserial correlation; for the test,
 * KR-20 with "reliable" at 0.70 or more. Thresholds: ITEM_ANALYSIS_THRESHOLDS.
 *
 * @example
 * const report = itemAnalysis({ items: bank, responses: attempts.map((a) => ({
 *   participantId: a.participantId, itemIds: a.form.itemIds, answers: a.answers })) });
 * report.items[0]; // { itemId: 'ak-01', p: 0.4, difficulty: 'sedang', d: 0.8, discrimination: 'baik-sekali', … }
 * report.reliability; // { kr20: 0.71, reliable: true, method: 'random-forms', … }
 */
export function itemAnalysis(options: {
  items: readonly AnalysedItem[];
  responses: readonly AttemptResponse[];
}): ItemAnalysisReport {
  const itemsById = new Map(options.items.map((item) => [item.id, item]));
  const takers: Taker[] = options.responses.map((response) => {
    const ids = (response.itemIds ?? options.items.map((item) => item.id)).filter((id) => itemsById.has(id));
    const itemIds = new Set(ids);
    let correct = 0;
    for (const id of itemIds) {
      const item = itemsById.get(id) as AnalysedItem;
      if (chosenOption(item, response.answers) === item.correctOptionId) correct += 1;
    }
    const k = itemIds.size;
    return {
      participantId: response.participantId,
      correct,
      k,
      score: k === 0 ? 0 : (correct * 100) / k,
      answers: response.answers,
      itemIds,
    };
  });

  const analysed = options.items.map((item) => analyseItem(item, takers));
  const pByItem = new Map(analysed.map((a) => [a.itemId, a.exactP]));
  // a response whose form has none of the analysed items says nothing about this test
  const tested = takers.filter((t) => t.k > 0);
  const meanScore = mean(tested.map((t) => t.score));
  return {
    participants: takers.length,
    meanScore: meanScore === null ? null : round(meanScore, 2),
    items: analysed.map(({ exactP: _exactP, ...stats }) => stats),
    reliability: reliability(tested, pByItem),
  };
}
