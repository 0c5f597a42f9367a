import { describe, expect, it } from 'vitest';
import type { CourseStub } from '../api/types.ts';
import { id as t } from '../i18n/id.ts';
import { checkDraft, courseKey, emptyDraft } from './cohort-form.ts';

const course = (id: string, version: string): CourseStub => ({
  id,
  version,
  title: id,
  hours: 10,
  materials: [],
});

describe('cohort form', () => {
  it('preselects the newest version when only one course is installed, and a two-week period', () => {
    const courses = [course('berakhlak', '1.0.0'), course('berakhlak', '1.1.0')];
    expect(emptyDraft(courses, '2025-03-01')).toEqual({
      course: 'berakhlak@1.1.0',
      name: '',
      opensOn: '2025-03-01',
      closesOn: '2025-03-14',
    });
    expect(emptyDraft([course('a', '1'), course('b', '1')], '2025-03-01').course).toBe('');
  });

  it('names every missing field in Indonesian', () => {
    const { errors, body } = checkDraft(
      { course: '', name: '  ', opensOn: '', closesOn: '2025-02-30' },
      [],
      t,
    );
    expect(body).toBeUndefined();
    expect(errors).toEqual({
      course: t.courseRequired,
      name: t.nameRequired,
      opensOn: t.dateRequired,
      closesOn: t.dateRequired,
    });
  });

  it('refuses a closing date before the opening date', () => {
    const courses = [course('berakhlak', '1.0.0')];
    const draft = { course: 'berakhlak@1.0.0', name: 'A', opensOn: '2025-03-10', closesOn: '2025-03-09' };
    expect(checkDraft(draft, courses, t).errors).toEqual({ closesOn: t.closesBeforeOpens });
  });

  it('builds the request body from a valid draft', () => {
    const courses = [course('berakhlak', '1.0.0')];
    const draft = {
      course: courseKey(courses[0] as CourseStub),
      name: ' Latsar III ',
      opensOn: '2025-03-10',
      closesOn: '2025-03-10',
    };
    expect(checkDraft(draft, courses, t).body).toEqual({
      name: 'Latsar III',
      courseId: 'berakhlak',
      courseVersion: '1.0.0',
      opensOn: '2025-03-10',
      closesOn: '2025-03-10',
    });
  });
});
