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
