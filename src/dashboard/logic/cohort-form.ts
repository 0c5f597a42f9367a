import type { CourseStub } from '../api/types.ts';
import type { Messages } from '../i18n/index.ts';
import { addDays, isIsoDate } from './dates.ts';

// The create-cohort form: its fields, their first values, and the checks done before sending (the
// server checks again; these only spare a round trip and name the field).

export interface CohortDraft {
  /** `<courseId>@<version>` from the course select */
  course: string;
  name: string;
  opensOn: string;
  closesOn: string;
}

export type CohortField = keyof CohortDraft;

export function courseKey(course: Pick<CourseStub, 'id' | 'version'>): string {
  return `${course.id}@${course.version}`;
}

export function emptyDraft(courses: readonly CourseStub[], today: string): CohortDraft {
  // the newest version of the only course is the usual choice; with several, make people choose
  const only = new Set(courses.map((c) => c.id)).size === 1 ? courses.at(-1) : undefined;
  return { course: only ? courseKey(only) : '', name: '', opensOn: today, closesOn: addDays(today, 13) };
}

export function checkDraft(
  draft: CohortDraft,
  courses: readonly CourseStub[],
  t: Messages,
): { errors: Partial<Record<CohortField, string>>; body?: CohortBody } {
  const errors: Partial<Record<CohortField, string>> = {};
  const course = courses.find((c) => courseKey(c) === draft.course);
  if (!course) errors.course = t.courseRequired;
  const name = draft.name.trim();
  if (!name) errors.name = t.nameRequired;
  if (!isIsoDate(draft.opensOn)) errors.opensOn = t.dateRequired;
  if (!isIsoDate(draft.closesOn)) errors.closesOn = t.dateRequired;
  else if (isIsoDate(draft.opensOn) && draft.closesOn < draft.opensOn) errors.closesOn = t.closesBeforeOpens;
  if (Object.keys(errors).length > 0 || !course) return { errors };
  return {
    errors,
    body: {
      name,
      courseId: course.id,
      courseVersion: course.version,
      opensOn: draft.opensOn,
      closesOn: draft.closesOn,
    },
  };
}

export interface CohortBody {
  name: string;
  courseId: string;
  courseVersion: string;
  opensOn: string;
  closesOn: string;
}
