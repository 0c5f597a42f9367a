import type { Kysely } from 'kysely';

// Row shapes of the tables created by ./migrations. Times are epoch milliseconds; flags are 0/1, so the
// same queries run on SQLite and PostgreSQL.

export type CohortRole = 'peserta' | 'fasilitator' | 'mentor' | 'atasan';
export type RaterRole = 'mentor' | 'atasan';

export interface UserTable {
  id: string;
  name: string;
  /** 18 digits, unique when present */
  nip: string | null;
  /** lowercased, unique when present */
  email: string | null;
  instansi: string | null;
  jabatan: string | null;
  password_hash: string | null;
  is_admin: number;
  created_at: number;
}

export interface SessionTable {
  /** sha-256 of the cookie value: a database leak yields no usable session */
  id_hash: string;
  user_id: string;
  created_at: number;
  last_seen_at: number;
  /** absolute end (created_at + 12 h) */
  expires_at: number;
}

export interface TokenTable {
  token_hash: string;
  kind: 'setup' | 'reset';
  user_id: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface CohortTable {
  id: string;
  name: string;
  course_id: string;
  course_version: string;
  /** yyyy-mm-dd */
  opens_on: string;
  closes_on: string;
  join_code: string;
  created_at: number;
}

export interface MembershipTable {
  cohort_id: string;
  user_id: string;
  role: CohortRole;
  created_at: number;
}

export interface AssignmentTable {
  cohort_id: string;
  participant_id: string;
  role: RaterRole;
  rater_id: string;
  created_at: number;
}

export interface EventTable {
  user_id: string;
  /** the client's idempotency key: one row per (user, key) */
  key: string;
  course_id: string;
  type: string;
  at: number;
  /** the event as JSON */
  body: string;
  received_at: number;
}

export interface AuditTable {
  id: string;
  at: number;
  actor_id: string | null;
  action: string;
  target: string | null;
  /** JSON */
  detail: string;
  ip: string | null;
}

export interface ThrottleTable {
  key: string;
  failures: number;
  window_start: number;
  locked_until: number;
}

export interface Database {
  users: UserTable;
  sessions: SessionTable;
  tokens: TokenTable;
  cohorts: CohortTable;
  memberships: MembershipTable;
  assignments: AssignmentTable;
  events: EventTable;
  audit_log: AuditTable;
  login_throttle: ThrottleTable;
}

export type Db = Kysely<Database>;
