import { z } from 'zod';
import type { Course, Question } from '../../course/model.ts';
import { type BankItem, toBankItem } from '../../evaluation/index.ts';
import type { AppContext } from '../context.ts';
import type { CohortTable } from '../db/types.ts';
import { ApiError } from '../errors.ts';

// What the test routes need of a compiled course, computed once per course: the test items as bank
// items (formative ones left out), the questions by id, where each page is, and names to show.

export type TestKind = 'pretest' | 'posttest';
export const TEST_KINDS: readonly TestKind[] = ['pretest', 'posttest'];
export const TestParam = z.enum(['pretest', 'posttest']);

/** the course a cohort runs: its exact version, else the newest installed */
export function cohortCourse(
  ctx: Pick<AppContext, 'courses'>,
  cohort: Pick<CohortTable, 'course_id' | 'course_version'>,
): Course {
  const course =
    ctx.courses.get(cohort.course_id, cohort.course_version) ?? ctx.courses.get(cohort.course_id);
  if (!course) throw new ApiError('COURSE_UNKNOWN', `Course ${cohort.course_id} is not installed`);
  return course;
}

export interface PageRef {
  material: string;
  page: string;
  title: string;
  /** the player's route path of the page, e.g. `akuntabel/tingkatan` */
  path: string;
}

export interface CourseBank {
  /** test items only: a formative item is never drawn into a test */
  bank: BankItem[];
  items: ReadonlyMap<string, BankItem>;
  questions: ReadonlyMap<string, Question>;
  pages: ReadonlyMap<string, PageRef>;
  materialTitles: ReadonlyMap<string, string>;
  valueNames: ReadonlyMap<string, string>;
}

const cache = new WeakMap<Course, CourseBank>();

export function courseBank(course: Course): CourseBank {
  const cached = cache.get(course);
  if (cached) return cached;
  const tested = course.questions.filter((q) => !q.formative);
  const bank = tested.map(toBankItem);
  const pages = new Map<string, PageRef>();
  for (const material of course.materials) {
    for (const page of material.pages) {
      pages.set(`${material.id}/${page.id}`, {
        material: material.id,
        page: page.id,
        title: page.title,
        path: `${material.id}/${page.id}`,
      });
    }
  }
  const made: CourseBank = {
    bank,
    items: new Map(bank.map((item) => [item.id, item])),
    questions: new Map(tested.map((q) => [q.id, q])),
    pages,
    materialTitles: new Map(course.materials.map((m) => [m.id, m.title])),
    valueNames: new Map((course.rubric?.values ?? []).map((v) => [v.id, v.name])),
  };
  cache.set(course, made);
  return made;
}

/** The policy of one test from course.yaml, as the API shows it. */
export function testPolicy(course: Course, test: TestKind) {
  const p = course.evaluation[test];
  return {
    items: p.items,
    timeLimitMinutes: p.timeLimitMinutes,
    attempts: p.attempts,
    // the pre-test never reveals answers: its items must stay unknown until the post-test is done
    reveal: test === 'pretest' ? ('never' as const) : p.reveal,
    passingScore: test === 'posttest' ? course.evaluation.posttest.passingScore : null,
  };
}
export type TestPolicyView = ReturnType<typeof testPolicy>;
