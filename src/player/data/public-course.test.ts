import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCourseFolder } from '../../cli/course-folder.ts';
import { compileCourse } from '../../course/index.ts';
import { materialSlice, outlineSlice, projectCourse } from './public-course.ts';

const FIXTURE = join(import.meta.dirname, '../../../tests/fixtures/courses/valid-all-blocks');

describe('projectCourse', async () => {
  const { course } = compileCourse({ files: await readCourseFolder(FIXTURE) });
  if (!course) throw new Error('the valid-all-blocks fixture must compile');
  const files = new Map<string, string>();
  const projected = projectCourse({
    course,
    nameFile: (base, json) => {
      files.set(base, json);
      return `data/${base}.json`;
    },
  });
  const shipped = [...files.values()].join('\n') + JSON.stringify(projected.outline);

  it('ships no test item, no answer of a test item and no case study', () => {
    for (const q of course.questions.filter((q) => !q.formative)) expect(shipped).not.toContain(`"${q.id}"`);
    for (const c of course.cases) {
      expect(shipped).not.toContain(c.modelAnswer);
      expect(shipped).not.toContain(`"${c.id}"`);
    }
  });

  it('ships the formative questions each material checks, with their feedback', () => {
    const checks = course.materials.flatMap((m) =>
      m.pages.flatMap((p) =>
        p.blocks.filter((b) => b.kind === 'check').map((b) => ({ m: m.id, q: b.question })),
      ),
    );
    expect(checks.length).toBeGreaterThan(0);
    for (const { m, q } of checks) expect(projected.materials.get(m)?.questions[q]?.explanation).toBeTruthy();
  });

  it('names one data file per material, listed in the outline', () => {
    expect(projected.outline.materials.map((m) => m.file)).toEqual(
      course.materials.map((m) => `data/${m.id}.json`),
    );
    expect(projected.outline.caseCount).toBe(course.cases.length);
  });

  it('slices a material to one page and what that page refers to', () => {
    for (const material of projected.materials.values()) {
      for (const page of material.pages) {
        const slice = materialSlice(material, [page.id]);
        expect(slice.partial).toBe(true);
        expect(slice.pages).toEqual([page]);
        const json = JSON.stringify(page);
        for (const id of Object.keys(slice.questions)) expect(json).toContain(`"question":"${id}"`);
        for (const id of Object.keys(slice.resources)) expect(json).toContain(`"resource":"${id}"`);
        for (const id of Object.keys(slice.terms)) expect(json).toContain(`data-term=\\"${id}\\"`);
        for (const b of page.blocks) {
          if (b.kind === 'check') expect(slice.questions[b.question]).toEqual(material.questions[b.question]);
          if (b.kind === 'regulation') expect(slice.resources[b.resource]).toBeDefined();
        }
        for (const [, id] of json.matchAll(/data-term=\\"([^"\\]+)\\"/g)) {
          expect(slice.terms[id as string]).toEqual(material.terms[id as string]);
        }
      }
      expect(materialSlice(material, []).pages).toEqual([]);
    }
  });

  it('slices the outline for a study page: its material whole, the others their page ids and rules', () => {
    const [first, ...others] = projected.outline.materials;
    if (!first) throw new Error('the fixture has materials');
    const slice = outlineSlice(projected.outline, first.id);
    expect(slice.partial).toBe(true);
    expect(slice.materials[0]).toEqual(first);
    slice.materials.slice(1).forEach((m, i) => {
      const full = others[i];
      expect(m.id).toBe(full?.id);
      expect(m.file).toBe(full?.file);
      expect(m.pages).toEqual(full?.pages.map((p) => ({ id: p.id, completion: p.completion })));
    });
    expect(files.get('outline')).toBe(JSON.stringify(projected.outline));
    expect(projected.outlineFile).toBe('data/outline.json');
  });
});
