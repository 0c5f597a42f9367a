// The participant's final result: the server's answer (`GET /cohorts/:id/results/me`), and what the
// result screen and the home entry say about it. Before the cohort closes there is no final result;
// the screen then shows the components that are already known (the post-test score, the released
// case grades) and says what is still awaited.

import { type Fetch, TestsApi } from '../api.ts';

export interface ResultPolicyView {
  weights: Record<string, number>;
  predikat: { min: number; label: string }[];
  passingScore: number;
  posttestPassingScore: number | null;
}

export interface ComposedResult {
  ok: boolean;
  complete?: boolean;
  final?: number | null;
  predikat?: string | null;
  lulus?: boolean | null;
  /** the weighted components that never came in (posttest, cases, behaviour) */
  missing?: string[];
}

export interface MyOutcome {
  components: { posttest: number | null; cases: number | null; behaviour: number | null };
  cases: { caseId: string; title: string; score: number | null }[];
  result: ComposedResult;
}

export interface Certificate {
  id: string;
  number: string;
  code: string;
  verifyUrl: string;
  predikat: string | null;
  issuedOn: string;
  status: 'sah' | 'dicabut';
  revokedAt: string | null;
  revokeReason: string | null;
}

export interface MyResult {
  closed: { closedAt: string | null } | null;
  policy: ResultPolicyView;
  result: MyOutcome | null;
  certificate: Certificate | null;
}

export class OutcomeApi {
  readonly root: string;
  #http: TestsApi;

  constructor(root: string, fetch?: Fetch) {
    this.root = root;
    this.#http = new TestsApi(root, fetch);
  }

  mine(cohortId: string): Promise<MyResult> {
    return this.#http.call(`cohorts/${encodeURIComponent(cohortId)}/results/me`);
  }

  /** the address of the certificate's PDF (the server checks it is the participant's own) */
  pdfUrl(certificateId: string): string {
    return `${this.root}certificates/${encodeURIComponent(certificateId)}/pdf`;
  }
}

export type OutcomeState =
  /** the cohort is open: the final result comes when the facilitator closes it */
  | 'waiting'
  /** closed, but a weighted component never came in */
  | 'incomplete'
  | 'lulus'
  | 'tidak-lulus';

export type CertificateState = 'none' | 'pending' | 'issued' | 'revoked';

export interface OutcomeSummary {
  state: OutcomeState;
  final: number | null;
  predikat: string | null;
  certificate: CertificateState;
  /** the components that carry weight, highest weight first */
  components: { name: string; weight: number; score: number | null }[];
}

/**
 * What the result screen shows. `known` holds the components the participant can already see before
 * the cohort closes (post-test, case studies); once closed, the frozen result's components count.
 */
export function summarize(
  mine: MyResult,
  known: Partial<Record<string, number | null>> = {},
): OutcomeSummary {
  const weights = Object.entries(mine.policy.weights)
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1]);
  const frozen = mine.closed ? mine.result : null;
  const from: Partial<Record<string, number | null>> = frozen ? frozen.components : known;
  const components = weights.map(([name, weight]) => ({ name, weight, score: from[name] ?? null }));
  const result = frozen?.result;
  let state: OutcomeState = 'waiting';
  if (mine.closed) {
    if (!result?.ok || !result.complete || result.lulus === null || result.lulus === undefined)
      state = 'incomplete';
    else state = result.lulus ? 'lulus' : 'tidak-lulus';
  }
  let certificate: CertificateState = 'none';
  if (mine.certificate) certificate = mine.certificate.status === 'dicabut' ? 'revoked' : 'issued';
  else if (state === 'lulus') certificate = 'pending';
  return {
    state,
    final: state === 'lulus' || state === 'tidak-lulus' ? (result?.final ?? null) : null,
    predikat: state === 'lulus' || state === 'tidak-lulus' ? (result?.predikat ?? null) : null,
    certificate,
    components,
  };
}

/** the mean of the released case grades once every case has one; null before */
export function casesComponent(cases: readonly { mine: { score: number | null } }[]): number | null {
  if (cases.length === 0) return null;
  const scores = cases.map((c) => c.mine.score);
  if (scores.some((s) => s === null)) return null;
  const mean = (scores as number[]).reduce((a, b) => a + b, 0) / scores.length;
  return Math.round(mean * 100) / 100;
}
