import type { Kysely, Selectable } from 'kysely';
import type { Database, Db } from '../db/types.ts';
import type { TestTables } from './attempts.ts';

// Row shapes of the tables of migration 0003-evaluation (issue 7): case studies, behaviour ratings and
// rating links, feedback, closed cohorts with their frozen results, and certificates.

export type CaseStatus = 'draft' | 'submitted' | 'returned';
export type RatingRole = 'fasilitator' | 'mentor' | 'atasan';

export interface CaseSubmissionTable {
  cohort_id: string;
  user_id: string;
  case_id: string;
  status: CaseStatus;
  created_at: number;
  saved_at: number | null;
  submitted_at: number | null;
  returned_at: number | null;
  return_note: string | null;
  /** Record<criterion id, level 1–4> as JSON */
  levels: string | null;
  score: number | null;
  feedback: string | null;
  graded_by: string | null;
  graded_at: number | null;
  released_at: number | null;
}

export interface CaseAnswerTable {
  cohort_id: string;
  user_id: string;
  case_id: string;
  question_id: string;
  text: string;
  seq: number;
  saved_at: number;
}

export interface RatingLinkTable {
  id: string;
  cohort_id: string;
  participant_id: string;
  rater_role: 'mentor' | 'atasan';
  rater_name: string;
  token_hash: string;
  created_by: string | null;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  revoked_by: string | null;
  last_used_at: number | null;
}

export interface BehaviourRatingTable {
  cohort_id: string;
  participant_id: string;
  rater_role: RatingRole;
  /** the rater's user id, or `link:<link id>` */
  rater_key: string;
  rater_name: string;
  behaviour_code: string;
  level: number;
  note: string | null;
  rated_at: number;
}

export interface FeedbackResponseTable {
  cohort_id: string;
  user_id: string;
  /** Record<item id, 1–5 or text> as JSON */
  answers: string;
  submitted_at: number;
}

export interface CohortClosureTable {
  cohort_id: string;
  closed_at: number;
  closed_by: string | null;
  course_id: string;
  course_version: string;
}

export interface FinalResultTable {
  cohort_id: string;
  user_id: string;
  complete: number;
  final: number | null;
  predikat: string | null;
  lulus: number | null;
  /** the participant's Outcome as JSON */
  snapshot: string;
  created_at: number;
}

export interface CertificateTable {
  id: string;
  cohort_id: string;
  user_id: string;
  number: string;
  code: string;
  course_id: string;
  year: number;
  sequence: number;
  /** CertificateRecord as JSON */
  data: string;
  issued_on: string;
  issued_at: number;
  issued_by: string | null;
  revoked_at: number | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

// a type alias, not an interface: Kysely's withTables needs an index-compatible record
export type EvaluationTables = {
  case_submissions: CaseSubmissionTable;
  case_answers: CaseAnswerTable;
  rating_links: RatingLinkTable;
  behaviour_ratings: BehaviourRatingTable;
  feedback_responses: FeedbackResponseTable;
  cohort_closures: CohortClosureTable;
  final_results: FinalResultTable;
  certificates: CertificateTable;
};

export type EvalDb = Kysely<Database & TestTables & EvaluationTables>;
export type CaseSubmissionRow = Selectable<CaseSubmissionTable>;
export type RatingLinkRow = Selectable<RatingLinkTable>;
export type CertificateRow = Selectable<CertificateTable>;

/** the app's database with the tables of migrations 0002-tests and 0003-evaluation */
export function evalDb(db: Db): EvalDb {
  return db.withTables<TestTables & EvaluationTables>() as unknown as EvalDb;
}

export const iso = (ms: number | null | undefined): string | null =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();
