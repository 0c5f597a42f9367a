// normalized gain (Hake 1998), as the participant's home and the facilitator's cohort table show it
// (issue 6; shared/reference/indonesia-context.md §3)

import { atLeast, isScore, mean, round } from './math.ts';

export type GainBand = 'tinggi' | 'sedang' | 'rendah';

/**
 * Band thresholds, as Indonesian reports write them: tinggi g >= 0.7, sedang 0.3 <= g < 0.7,
 * rendah g < 0.3 (negative g included). Hake wrote strict inequalities (> 0.7, 0.3–0.7, < 0.3); the
 * two differ only at exactly 0.7 and 0.3, which fall in the higher band here.
 */
export const GAIN_BANDS = { tinggi: 0.7, sedang: 0.3 } as const;

export type GainExclusion = 'pre-100' | 'missing-score' | 'invalid-score';

export type Gain =
  | {
      /** (post − pre) / (100 − pre), 2 decimals; negative when the post-test is lower */
      g: number;
      band: GainBand;
      /** post − pre in points, 2 decimals */
      change: number;
    }
  | { g: null; band: null; change: number | null; code: GainExclusion; reason: string };

/**
 * The band of a gain value. The value is compared as shown (2 decimals), so a g displayed as 0.70 is
 * tinggi.
 *
 * @example
 * gainBand(0.45); // 'sedang'
 */
export function gainBand(g: number): GainBand {
  const shown = round(g, 2);
  if (atLeast(shown, GAIN_BANDS.tinggi)) return 'tinggi';
  if (atLeast(shown, GAIN_BANDS.sedang)) return 'sedang';
  return 'rendah';
}

function exactGain(pre: number, post: number): number {
  return (post - pre) / (100 - pre);
}

/**
 * Normalized gain of one participant, g = (post − pre) / (100 − pre), with its band. Undefined (null,
 * with the reason) when the pre-test score is 100, when a score is missing, or when a score is not a
 * number from 0 to 100. A negative g is kept negative (band rendah).
 *
 * @example
 * normalizedGain({ pre: 40, post: 70 }); // { g: 0.5, band: 'sedang', change: 30 }
 * normalizedGain({ pre: 100, post: 90 }); // { g: null, band: null, change: -10, code: 'pre-100', reason: … }
 */
export function normalizedGain(scores: {
  pre: number | null | undefined;
  post: number | null | undefined;
}): Gain {
  const { pre, post } = scores;
  if (pre === null || pre === undefined || post === null || post === undefined) {
    const missing = pre === null || pre === undefined ? 'pre-test' : 'post-test';
    return {
      g: null,
      band: null,
      change: null,
      code: 'missing-score',
      reason: `No ${missing} score yet: the gain needs both the pre-test and the post-test.`,
    };
  }
  if (!isScore(pre) || !isScore(post)) {
    return {
      g: null,
      band: null,
      change: null,
      code: 'invalid-score',
      reason: `Scores must be numbers from 0 to 100; found pre ${String(pre)}, post ${String(post)}.`,
    };
  }
  const change = round(post - pre, 2);
  if (pre === 100) {
    return {
      g: null,
      band: null,
      change,
      code: 'pre-100',
      reason:
        'The pre-test score is 100, so there was nothing left to gain: g is undefined and left out of the class mean.',
    };
  }
  const g = exactGain(pre, post);
  return { g: round(g, 2), band: gainBand(g), change };
}

export interface ParticipantScores {
  id: string;
  pre: number | null | undefined;
  post: number | null | undefined;
}

export interface ClassGain {
  participants: number;
  /** participants with both scores valid; the class means are over them */
  paired: number;
  preMean: number | null;
  postMean: number | null;
  /** Hake's ⟨g⟩: the gain of the class averages */
  gainOfMeans: Gain | null;
  /** the mean of the individual g values, over the participants whose g is defined */
  meanOfIndividual: { g: number; band: GainBand; n: number } | null;
  /** participants per band of their individual g */
  bands: Record<GainBand, number>;
  /** participants left out of the mean of individual g, with the reason */
  excluded: { id: string; code: GainExclusion; reason: string }[];
  individuals: ({ id: string } & Gain)[];
}

/**
 * The class summary of the gain: both the gain of the class averages (Hake's ⟨g⟩) and the mean of the
 * individual g values, the count per band, and the participants left out with the reason. A
 * participant with a pre-test of 100 counts in the class averages but not in the mean of individual g;
 * a participant missing a score counts in neither.
 *
 * @example
 * classGain([{ id: 'p1', pre: 40, post: 70 }, { id: 'p2', pre: 60, post: 90 }]);
 * // { preMean: 50, postMean: 80, gainOfMeans: { g: 0.6, band: 'sedang', change: 30 },
 * //   meanOfIndividual: { g: 0.63, band: 'sedang', n: 2 }, … }
 */
export function classGain(participants: readonly ParticipantScores[]): ClassGain {
  const individuals = participants.map((p) => ({ id: p.id, ...normalizedGain(p) }));
  const paired = participants.filter((p) => isScore(p.pre) && isScore(p.post)) as {
    id: string;
    pre: number;
    post: number;
  }[];
  const preMean = mean(paired.map((p) => p.pre));
  const postMean = mean(paired.map((p) => p.post));
  const exact = paired.filter((p) => p.pre !== 100).map((p) => exactGain(p.pre, p.post));
  const meanG = mean(exact);
  const bands: Record<GainBand, number> = { tinggi: 0, sedang: 0, rendah: 0 };
  const excluded: ClassGain['excluded'] = [];
  for (const individual of individuals) {
    if (individual.band !== null) bands[individual.band] += 1;
    else excluded.push({ id: individual.id, code: individual.code, reason: individual.reason });
  }
  return {
    participants: participants.length,
    paired: paired.length,
    preMean: preMean === null ? null : round(preMean, 2),
    postMean: postMean === null ? null : round(postMean, 2),
    gainOfMeans:
      preMean === null || postMean === null ? null : normalizedGain({ pre: preMean, post: postMean }),
    meanOfIndividual: meanG === null ? null : { g: round(meanG, 2), band: gainBand(meanG), n: exact.length },
    bands,
    excluded,
    individuals,
  };
}
