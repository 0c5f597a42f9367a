// The learner's pre/post scores and normalized gain as the server reports them (`scores` of
// `GET /cohorts/:id/tests`), turned into what the home screen prints.

export interface Gain {
  g: number | null;
  band: 'tinggi' | 'sedang' | 'rendah' | null;
  change?: number | null;
  code?: 'pre-100' | 'missing-score';
  reason?: string;
}

export interface Scores {
  pre: number | null;
  post: number | null;
  passed: boolean | null;
  passingScore: number | null;
  gain: Gain | null;
}

/** two decimals with the Indonesian decimal comma, e.g. 0,67 */
export function formatGain(g: number, lang: 'id' | 'en'): string {
  return g.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}

export function formatScore(score: number, lang: 'id' | 'en'): string {
  return score.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 });
}
