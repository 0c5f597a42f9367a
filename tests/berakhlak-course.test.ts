import { beforeAll, describe, expect, it } from 'vitest';
import { readCourseFolder } from '../src/cli/course-folder.ts';
import { type Block, type Course, compileCourse, type Diagnostic } from '../src/course/index.ts';
import { assembleForm, drawParallelForms, toBankItem } from '../src/evaluation/index.ts';

// the coverage rules of the BerAKHLAK course (issue 3), checked on the compiled course
let course: Course;
let diagnostics: Diagnostic[];
let sources: Map<string, string | Uint8Array>;

beforeAll(async () => {
  sources = await readCourseFolder('content/berakhlak');
  const result = compileCourse({ files: sources });
  diagnostics = result.diagnostics;
  if (!result.course)
    throw new Error(`content/berakhlak does not compile: ${JSON.stringify(diagnostics.slice(0, 3))}`);
  course = result.course;
});

const VALUES = [
  'berorientasi-pelayanan',
  'akuntabel',
  'kompeten',
  'harmonis',
  'loyal',
  'adaptif',
  'kolaboratif',
];
const pages = () =>
  course.materials.flatMap((material) => material.pages.map((page) => ({ material, page })));
const textOf = (blocks: Block[]): string => JSON.stringify(blocks).replace(/<[^>]+>/g, ' ');

describe('the BerAKHLAK course', () => {
  it('validates with no error and no warning', () => {
    expect(diagnostics).toEqual([]);
  });

  it('has the eight materials in the module order, each ending with a summary page', () => {
    const materials = course.materials.filter((material) => material.role === 'material');
    expect(materials.map((material) => material.id)).toEqual(['pendahuluan', ...VALUES]);
    for (const material of materials) {
      expect(material.pages.at(-1)?.title, material.id).toBe('Rangkuman');
    }
  });

  it('gives every page a title and keeps it to at most ~350 words', () => {
    for (const { material, page } of pages()) {
      expect(page.title.trim().length, `${material.id}/${page.id}`).toBeGreaterThan(2);
      expect(page.words, `${material.id}/${page.id}`).toBeLessThanOrEqual(350);
    }
  });

  it('has at least 8 test items per value, at two or more cognitive levels', () => {
    const bank = course.questions.filter((question) => !question.formative);
    for (const value of VALUES) {
      const items = bank.filter((question) => question.value === value);
      expect(items.length, value).toBeGreaterThanOrEqual(8);
      expect(new Set(items.map((item) => item.level)).size, value).toBeGreaterThanOrEqual(2);
    }
    expect(bank.filter((question) => question.material === 'pendahuluan').length).toBeGreaterThan(0);
    expect(bank.length).toBeGreaterThanOrEqual(70);
  });

  it('has a third or more of its test items at C3/C4', () => {
    const bank = course.questions.filter((question) => !question.formative);
    const higher = bank.filter((question) => question.level === 'C3' || question.level === 'C4').length;
    expect(higher / bank.length).toBeGreaterThanOrEqual(1 / 3);
  });

  it('draws two disjoint forms of 20 with every value represented', () => {
    const bank = course.questions.filter((question) => !question.formative).map(toBankItem);
    const blueprint = { ...course.evaluation.blueprint, items: 20 };
    for (const seed of ['angkatan-1', 'angkatan-2', 'angkatan-3']) {
      const drawn = drawParallelForms({ bank, blueprint, seed });
      expect(drawn.ok, seed).toBe(true);
      if (!drawn.ok) continue;
      const [a, b] = drawn.forms;
      expect(a.itemIds).toHaveLength(20);
      expect(b.itemIds).toHaveLength(20);
      expect(a.itemIds.filter((id) => b.itemIds.includes(id))).toEqual([]);
      for (const form of drawn.forms) {
        const values = new Set(form.itemIds.map((id) => bank.find((item) => item.id === id)?.value));
        for (const value of VALUES) expect(values.has(value), `${seed} ${value}`).toBe(true);
      }
    }
    expect(assembleForm({ bank, blueprint, seed: 'x' }).ok).toBe(true);
  });

  it('resolves every check, regulation card, pop-up and case', () => {
    const questionIds = new Set(course.questions.map((question) => question.id));
    const resourceIds = new Set(course.resources.map((resource) => resource.id));
    let popups = 0;
    const visit = (blocks: Block[]) => {
      for (const block of blocks) {
        if (block.kind === 'check') expect(questionIds.has(block.question), block.id).toBe(true);
        if (block.kind === 'regulation') expect(resourceIds.has(block.resource), block.id).toBe(true);
        if (block.kind === 'popup') {
          popups++;
          expect(block.blocks.length, block.id).toBeGreaterThan(0);
        }
        if ('blocks' in block) visit(block.blocks);
      }
    };
    for (const { page } of pages()) visit(page.blocks);
    expect(popups).toBeGreaterThan(10);
    expect(course.cases.length).toBeGreaterThanOrEqual(6);
    for (const study of course.cases) {
      expect(study.questions.length, study.id).toBeGreaterThanOrEqual(3);
      expect(study.questions.length, study.id).toBeLessThanOrEqual(4);
      expect(study.modelAnswer.length, study.id).toBeGreaterThan(200);
    }
  });

  it('has the 21 key behaviours of SE Menteri PANRB 20/2021 with indicators and a 4-level scale', () => {
    const codes = course.rubric?.values.flatMap((value) =>
      value.behaviours.map((behaviour) => behaviour.code),
    );
    expect(codes).toHaveLength(21);
    expect(new Set(codes).size).toBe(21);
    expect(course.rubric?.scale.map((level) => level.label)).toEqual([
      'Kurang',
      'Cukup',
      'Baik',
      'Sangat Baik',
    ]);
    for (const value of course.rubric?.values ?? []) {
      for (const behaviour of value.behaviours) expect(behaviour.indicators.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('has at least 40 glossary terms and a feedback survey on the module and the facilitator', () => {
    expect(course.glossary.length).toBeGreaterThanOrEqual(40);
    expect(course.feedback?.sections.length).toBeGreaterThanOrEqual(2);
  });

  it('says what holds today for replaced laws', () => {
    const byId = new Map(course.resources.map((resource) => [resource.id, resource]));
    expect(byId.get('uu-5-2014')).toMatchObject({ status: 'dicabut', replacedBy: 'uu-20-2023' });
    expect(byId.get('uu-11-2020')?.status).not.toBe('berlaku');
    expect(byId.get('uu-6-2023')?.status).toBe('berlaku');
  });

  it('leaves no slide furniture, placeholder or dedication anywhere', () => {
    const everything = [
      JSON.stringify(course),
      ...[...sources]
        .filter(([path]) => /\.(md|ya?ml)$/.test(path) && path !== 'EDITORIAL.md')
        .map(([, text]) => String(text)),
    ];
    const all = everything.join('\n');
    expect(all).not.toMatch(/lorem/i);
    expect(all).not.toMatch(/menu\s+home/i);
    // the cover dedication of the source ("Kepada Tuhan Yang Maha Esa … untuk terus berkarya … UCAPAN TERIMA KASIH")
    expect(all).not.toMatch(/kepada tuhan yang maha esa yang telah/i);
    expect(all).not.toMatch(/untuk\s+terus\s+berkarya/i);
    expect(all).not.toMatch(/UCAPAN\s+TERIMA\s+KASIH/);
    expect(all).not.toMatch(/UU (?:Nomor|No\.?) 10 Tahun 2020 tentang Cipta Kerja/i);
    // "Klik disini" may only survive as a pop-up button label, never as plain text
    for (const { page } of pages()) expect(textOf(page.blocks), page.id).not.toMatch(/klik\s+di\s*sini/i);
  });
});
