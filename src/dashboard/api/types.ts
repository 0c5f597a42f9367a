// The shapes the Lentera API answers with (docs/api.md), as far as the staff app reads them.

export type CohortRole = 'peserta' | 'fasilitator' | 'mentor' | 'atasan';
export type RaterRole = 'mentor' | 'atasan';

export interface User {
  id: string;
  name: string;
  email: string | null;
  nip: string | null;
  instansi: string | null;
  jabatan: string | null;
  isAdmin: boolean;
}

export interface Cohort {
  id: string;
  name: string;
  courseId: string;
  courseVersion: string;
  /** yyyy-mm-dd */
  opensOn: string;
  closesOn: string;
  /** shown to admins and fasilitators */
  joinCode?: string;
  roles?: CohortRole[];
  /** shown to admins and fasilitators */
  participants?: number;
}

export interface Me {
  user: User;
  cohorts: (Cohort & { roles: CohortRole[] })[];
}

export interface CourseStub {
  id: string;
  version: string;
  title: string;
  hours: number;
  materials: { id: string; role: string; title: string; pages: { id: string; title: string }[] }[];
}

export interface Member {
  id: string;
  name: string;
  nip: string | null;
  email: string | null;
  instansi: string | null;
  jabatan: string | null;
  roles: CohortRole[];
  mentorId: string | null;
  atasanId: string | null;
}

export interface ProgressMaterial {
  id: string;
  title: string;
  role: string;
  pages: number;
}

export interface ParticipantProgress {
  id: string;
  name: string;
  nip: string | null;
  instansi: string | null;
  percent: number;
  complete: boolean;
  /** ISO time, or null before the first event */
  lastActivity: string | null;
  materials: { id: string; done: number; total: number; percent: number; complete: boolean }[];
}

export interface CohortProgress {
  course: { id: string; version: string; materials: ProgressMaterial[] };
  participants: ParticipantProgress[];
}

export type ImportColumn = 'nip' | 'nama' | 'email' | 'instansi' | 'jabatan' | 'file';

export interface Rejection {
  row: number;
  column: ImportColumn;
  message: string;
}

export interface ImportReport {
  rows: number;
  created: number;
  enrolled: number;
  unchanged: number;
  rejected: Rejection[];
  dryRun: boolean;
}

export interface ResetLink {
  url: string;
  token: string;
  /** ISO time */
  expiresAt: string;
}

// --- evaluation (issues 6 and 7) --------------------------------------------------------------------

export type TestKind = 'pretest' | 'posttest';
export type GainBand = 'tinggi' | 'sedang' | 'rendah';

export interface TestWindow {
  open: boolean;
  openedAt: string | null;
  closedAt: string | null;
}

export interface TestPolicy {
  items: number;
  timeLimitMinutes: number;
  attempts: number;
  reveal: string;
  passingScore: number | null;
}

export interface CohortTests {
  cohortId: string;
  tests: { test: TestKind; policy: TestPolicy; window: TestWindow }[];
}

export type Gain =
  | { g: number; band: GainBand; change: number }
  | { g: null; band: null; change: number | null; code: string; reason: string };

export interface TestScore {
  attemptId: string;
  number: number;
  score: number;
  finishedAt: string | null;
  passed?: boolean | null;
}

export interface AttemptStub {
  id: string;
  number: number;
  status: 'open' | 'finished';
  startedAt: string | null;
  deadline: string | null;
  finishedAt: string | null;
  finishReason: 'submitted' | 'deadline' | null;
  score: number | null;
}

export interface TestResultRow {
  id: string;
  name: string;
  nip: string | null;
  instansi: string | null;
  pre: TestScore | null;
  post: TestScore | null;
  gain: Gain | null;
  attempts: { pretest: AttemptStub[]; posttest: AttemptStub[] };
  /** the extra time set for each test: 0 and nulls when none was ever set */
  extensions: Record<TestKind, TestExtension>;
}

/** a participant's extra time on one test: the total set last, and who set it and when */
export interface TestExtension {
  extraMinutes: number;
  grantedBy: { id: string; name: string } | null;
  grantedAt: string | null;
}

export interface ClassGain {
  participants: number;
  paired: number;
  preMean: number | null;
  postMean: number | null;
  gainOfMeans: Gain | null;
  meanOfIndividual: { g: number; band: GainBand; n: number } | null;
  bands: Record<GainBand, number>;
  excluded: { id: string; code: string; reason: string }[];
}

export interface TestResults {
  passingScore: number | null;
  gainThresholds: { bands: { tinggi: number; sedang: number }; formula: string };
  participants: TestResultRow[];
  classGain: ClassGain;
}

export interface ItemAnalysisThresholds {
  difficulty: { sukarMax: number; sedangMax: number };
  discrimination: { jelekMax: number; cukupMax: number; baikMax: number };
  groupShare: number;
  halvesBelow: number;
  distractorMinShare: number;
  pointBiserialMin: number;
  reliableKr20: number;
}

export type DifficultyCategory = 'sukar' | 'sedang' | 'mudah';
export type DiscriminationCategory = 'negatif' | 'jelek' | 'cukup' | 'baik' | 'baik-sekali';

export interface AnalysedItem {
  itemId: string;
  takers: number;
  correct: number;
  omitted: number;
  p: number | null;
  difficulty: DifficultyCategory | null;
  d: number | null;
  discrimination: DiscriminationCategory | null;
  groups: { method: 'kelley-27' | 'halves'; size: number; upperCorrect: number; lowerCorrect: number };
  pointBiserial: number | null;
  options: {
    optionId: string;
    correct: boolean;
    count: number;
    upper: number;
    lower: number;
    share: number;
    functioning: boolean;
  }[];
  weakDistractors: string[];
  material: string | null;
  value: string | null;
  level: string | null;
  /** course HTML from the compiled bank (sanitised by the compiler), never participant text */
  stem: string;
  page: { title?: string; path?: string } | null;
}

export interface ItemAnalysis {
  test: TestKind;
  basis: string;
  thresholds: ItemAnalysisThresholds;
  participants: number;
  meanScore: number | null;
  reliability: {
    kr20: number | null;
    reliable: boolean | null;
    method: 'single-form' | 'random-forms' | null;
    k: number | null;
    variance: number | null;
    reason?: string;
    code?: string;
  };
  items: AnalysedItem[];
}

export interface RubricCriterion {
  id: string;
  criterion: string;
  weight: number;
  /** descriptors of levels 1 to 4 */
  levels: string[];
}

export interface CaseStudy {
  id: string;
  title: string;
  values: string[];
  /** course HTML (compiled and sanitised from the course source) */
  story: string;
  questions: { id: string; text: string }[];
  rubric: RubricCriterion[];
  /** course HTML, for staff only */
  modelAnswer: string;
}

export interface CaseCounts {
  participants: number;
  started: number;
  submitted: number;
  returned: number;
  graded: number;
  released: number;
}

export type SubmissionStatus = 'not-started' | 'draft' | 'submitted' | 'returned';

export interface SubmissionStub {
  userId: string;
  name: string;
  nip: string | null;
  status: SubmissionStatus;
  savedAt: string | null;
  submittedAt: string | null;
  score: number | null;
  graded: boolean;
  released: boolean;
}

export interface CaseAnswer {
  questionId: string;
  question: string;
  /** exactly as the participant typed it: shown as text, never as HTML */
  text: string;
  words: number;
  seq: number;
  savedAt: string | null;
}

export interface CaseGrade {
  score: number;
  levels: Record<string, number>;
  feedback: string | null;
  gradedAt: string | null;
  released: boolean;
  releasedAt: string | null;
}

export interface Submission {
  status: SubmissionStatus;
  submittedAt: string | null;
  returnedAt: string | null;
  returnNote: string | null;
  answers: CaseAnswer[];
  grade: CaseGrade | null;
}

export interface SubmissionDetail {
  case: CaseStudy;
  participant: { id: string; name: string; nip: string | null; instansi: string | null };
  submission: Submission;
}

export type RatingRole = 'fasilitator' | 'mentor' | 'atasan';

export interface RatingScaleLevel {
  level: number;
  label: string;
  descriptor: string;
}

export interface RatingForm {
  scale: RatingScaleLevel[];
  values: {
    code: string;
    name: string;
    definition: string;
    behaviours: { code: string; text: string; indicators: string[] }[];
  }[];
  behaviourCount: number;
}

export interface RatingWrite {
  behaviourCode: string;
  level: number;
  note?: string | null;
}

export interface StoredRating {
  behaviourCode: string;
  level: number;
  note: string | null;
  ratedAt: string | null;
}

export interface CombinedScore {
  byRole: Partial<Record<RatingRole, { mean: number; n: number }>>;
  mean: number | null;
  score: number | null;
  weightsUsed: Partial<Record<RatingRole, number>>;
}

export interface RaterRef {
  role: RatingRole;
  name: string;
  via: 'account' | 'link';
  level: number;
}

export interface RatingSummary {
  overall: { mean: number; score: number } | null;
  values: Record<string, CombinedScore>;
  behaviours: Record<string, CombinedScore & { valueCode: string }>;
  weightsUsed: Partial<Record<RatingRole, number>>;
  rolesRated: RatingRole[];
  disagreements: { behaviourCode: string; difference: number; low: RaterRef; high: RaterRef }[];
  warnings: string[];
}

export type LinkState = 'active' | 'expired' | 'revoked';

export interface RatingLink {
  id: string;
  participantId: string;
  participantName?: string;
  raterRole: RaterRole;
  raterName: string;
  state: LinkState;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface RatingOverviewRow {
  id: string;
  name: string;
  nip: string | null;
  raters: {
    role: RatingRole;
    name: string;
    via: 'account' | 'link';
    userId?: string;
    linkId?: string;
    rated: number;
    total: number;
    complete: boolean;
    lastRatedAt: string | null;
  }[];
  awaiting: { role: RatingRole; userId: string; name: string }[];
  links: RatingLink[];
  summary: RatingSummary | null;
}

export interface RatingOverview {
  frozen: boolean;
  behaviourCount: number;
  participants: RatingOverviewRow[];
}

export interface ParticipantRatings {
  participant: { id: string; name: string };
  frozen: boolean;
  form: RatingForm;
  rater: { role: RatingRole; name: string } | null;
  mine: StoredRating[];
  all?: (StoredRating & { raterRole: RatingRole; raterName: string; via: 'account' | 'link' })[];
  summary?: RatingSummary | null;
}

export interface LinkRatingPage {
  participant: { name: string };
  rater: { role: RaterRole; name: string };
  cohort: { name: string };
  course: { title: string };
  expiresAt: string;
  frozen: boolean;
  form: RatingForm;
  mine: StoredRating[];
}

export interface FeedbackLikert {
  id: string;
  kind: 'likert';
  text: string;
  answered: number;
  mean: number | null;
  distribution: { value: number; label: string; count: number }[];
}

export interface FeedbackText {
  id: string;
  kind: 'text';
  text: string;
  answered: number;
  /** open answers, without names: shown as text */
  answers: string[];
}

export interface FeedbackSummary {
  title: string;
  respondents: number;
  participants: number;
  minimumRespondents: number;
  state: 'belum-cukup' | 'tersedia';
  message: string | null;
  sections: { id: string; title: string; items: (FeedbackLikert | FeedbackText)[] }[] | null;
}

/** Why a result is incomplete or tidak lulus, as the server states it (composeResult); worded by the reader */
export type ResultReason =
  /** `weight` is the component's share of the final score, as in `weightsUsed` */
  | { kind: 'missing'; component: string; weight: number }
  | { kind: 'posttest-missing'; passing: number }
  | { kind: 'final-below'; score: number; passing: number }
  | { kind: 'posttest-below'; score: number; passing: number };

export interface FinalResult {
  ok: boolean;
  complete?: boolean;
  final?: number | null;
  provisional?: number | null;
  predikat?: string | null;
  lulus?: boolean | null;
  missing?: string[];
  reasons?: ResultReason[];
  weightsUsed?: Record<string, number>;
  errors?: { field: string; message: string }[];
}

export interface Outcome {
  userId: string;
  name: string;
  nip: string | null;
  instansi: string | null;
  jabatan: string | null;
  pre: number | null;
  post: number | null;
  gain: Gain;
  cases: { caseId: string; title: string; score: number | null }[];
  casesMean: number | null;
  behaviour: {
    overall: { mean: number; score: number } | null;
    values: Record<string, { mean: number | null; score: number | null }>;
    rolesRated: string[];
    disagreements: number;
  };
  components: { posttest: number | null; cases: number | null; behaviour: number | null };
  result: FinalResult;
}

export interface ResultsPolicy {
  weights: Record<string, number>;
  predikat: { min: number; label: string }[];
  passingScore: number;
  posttestPassingScore?: number | null;
  raterWeights?: Partial<Record<RatingRole, number>>;
}

export interface CohortResults {
  closed: { closedAt: string; closedBy: string | null } | null;
  policy: ResultsPolicy;
  participants: Outcome[];
}

export interface Certificate {
  id: string;
  userId: string;
  name: string;
  number: string;
  code: string;
  verifyUrl: string;
  predikat: string | null;
  issuedOn: string;
  issuedAt: string;
  status: 'sah' | 'dicabut';
  revokedAt: string | null;
  revokeReason: string | null;
}

export interface CertificateOptions {
  place: string;
  signatory: { name: string; nip?: string; position: string };
}

export interface CloseSummary {
  participants: number;
  lulus: number;
  tidakLulus: number;
  incomplete: number;
}
