import type {
  Block,
  CompletionOption,
  Course,
  GlossaryTerm,
  InnerBlock,
  Material,
  MaterialRole,
  Page,
  Question,
  Resource,
} from '../../course/model.ts';
import { linkGlossary } from './glossary-link.ts';

// The public projection of a compiled Course: what a learner's browser may see. Test items, answers of
// test items, case studies and model answers never leave the server; formative checks do, with their
// answers, because they give instant feedback. Split so the first page needs only the outline (inlined
// into the HTML) and one material file.

export interface PageStub {
  id: string;
  title: string;
  words: number;
  completion: CompletionOption[];
}

export interface MaterialStub {
  id: string;
  role: MaterialRole;
  number?: number;
  title: string;
  value?: string;
  summary?: string;
  pages: PageStub[];
  /** data file of the material, relative to the player's root */
  file: string;
}

export interface Outline {
  id: string;
  version: string;
  title: string;
  subtitle?: string;
  language: 'id' | 'en';
  publisher: string;
  hours: number;
  description: string;
  objectives: string[];
  methods: string[];
  materials: MaterialStub[];
  /** data file with every resource and glossary term, relative to the player's root */
  library: string;
  /** how many case studies the course has: shown on the home screen, never their content */
  caseCount: number;
  /**
   * set on the slice a study page carries: its own material in full, the others with their pages' ids and
   * completion rules only (what the page's navigation and progress use), no description, objectives or
   * methods. The whole outline is the data file named in the page's boot data.
   */
  partial?: true;
}

/** A formative question as the learner sees it. */
export interface PublicQuestion {
  id: string;
  stem: string;
  options: { id: string; html: string; correct: boolean }[];
  explanation: string;
}

export interface MaterialData {
  id: string;
  intro: string;
  pages: Page[];
  /** formative questions used by the material's checks */
  questions: Record<string, PublicQuestion>;
  /** resources shown by the material's regulation cards */
  resources: Record<string, Resource>;
  /** glossary terms linked from the material's text */
  terms: Record<string, GlossaryTerm>;
  /**
   * set on the slice an HTML page carries: only the pages listed (the one the page shows), with only the
   * questions, resources and terms they use; the whole material is in the outline's `file`
   */
  partial?: true;
}

export interface Library {
  resources: Resource[];
  glossary: GlossaryTerm[];
}

export interface PublicCourse {
  outline: Outline;
  /** data file of the whole outline, for pages that carry a slice of it */
  outlineFile: string;
  materials: Map<string, MaterialData>;
  library: Library;
}

/** names a data file after its content, e.g. `data/akuntabel.3f2a9c1d.json` */
export type NameFile = (base: string, json: string) => string;

function publicQuestion(question: Question): PublicQuestion {
  return {
    id: question.id,
    stem: question.stem,
    options: question.options.map((o) => ({ id: o.id, html: o.html, correct: o.correct })),
    explanation: question.explanation,
  };
}

function innerBlocks(block: Block): InnerBlock[] {
  return block.kind === 'popup' || block.kind === 'callout' ? block.blocks : [];
}

function linkBlocks<T extends Block | InnerBlock>(blocks: T[], link: (html: string) => string): T[] {
  return blocks.map((block) => {
    if (block.kind === 'prose') return { ...block, html: link(block.html) };
    if (block.kind === 'popup' || block.kind === 'callout') {
      return { ...block, blocks: linkBlocks(block.blocks, link) };
    }
    return block;
  });
}

function projectMaterial(material: Material, course: Course): MaterialData {
  const questions: Record<string, PublicQuestion> = {};
  const resources: Record<string, Resource> = {};
  const terms: Record<string, GlossaryTerm> = {};
  const byQuestion = new Map(course.questions.map((q) => [q.id, q]));
  const byResource = new Map(course.resources.map((r) => [r.id, r]));
  const byTerm = new Map(course.glossary.map((t) => [t.id, t]));

  const pages = material.pages.map((page) => {
    // each term is linked once per page: the first time the learner meets it
    const used = new Set<string>();
    const link = (html: string) => {
      const result = linkGlossary({ html, terms: course.glossary, used });
      return result;
    };
    const blocks = linkBlocks(page.blocks, link);
    for (const termId of used) {
      const term = byTerm.get(termId);
      if (term) terms[termId] = term;
    }
    for (const block of blocks) {
      for (const b of [block, ...innerBlocks(block)]) {
        if (b.kind === 'check') {
          const question = byQuestion.get(b.question);
          if (question?.formative) questions[question.id] = publicQuestion(question);
        }
        if (b.kind === 'regulation') {
          const resource = byResource.get(b.resource);
          if (resource) resources[resource.id] = resource;
        }
      }
    }
    return { ...page, blocks };
  });
  return { id: material.id, intro: material.intro, pages, questions, resources, terms };
}

/** The outline a study page of `materialId` carries (see `Outline.partial`). */
export function outlineSlice(outline: Outline, materialId: string): Outline {
  return {
    ...outline,
    description: '',
    objectives: [],
    methods: [],
    materials: outline.materials.map((m) => {
      if (m.id === materialId) return m;
      const { summary: _summary, ...rest } = m;
      // titles and word counts of other materials' pages are for screens that load the whole outline
      return { ...rest, pages: m.pages.map((p) => ({ id: p.id, completion: p.completion }) as PageStub) };
    }),
    partial: true,
  };
}

/** The ids a page's blocks refer to: formative questions, resources and glossary terms. */
function pageRefs(page: Page): { questions: Set<string>; resources: Set<string>; terms: Set<string> } {
  const refs = { questions: new Set<string>(), resources: new Set<string>(), terms: new Set<string>() };
  const html = (text: string) => {
    for (const match of text.matchAll(/data-term="([^"]+)"/g)) if (match[1]) refs.terms.add(match[1]);
  };
  for (const block of page.blocks) {
    for (const b of [block, ...innerBlocks(block)]) {
      if (b.kind === 'prose') html(b.html);
      else if (b.kind === 'check') refs.questions.add(b.question);
      else if (b.kind === 'regulation') refs.resources.add(b.resource);
      else if (b.kind === 'figure' && b.description) html(b.description);
      else if (b.kind === 'video') html(b.transcript);
      else if (b.kind === 'reflect') html(b.prompt);
    }
  }
  return refs;
}

function pick<T>(record: Record<string, T>, ids: Set<string>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([id]) => ids.has(id)));
}

/**
 * The slice of a material one HTML page carries for the app to start from: the pages listed (none, for a
 * cover) and what they refer to. The rest of the material is fetched once the page is ready.
 */
export function materialSlice(material: MaterialData, pageIds: readonly string[]): MaterialData {
  const pages = material.pages.filter((p) => pageIds.includes(p.id));
  const refs = { questions: new Set<string>(), resources: new Set<string>(), terms: new Set<string>() };
  for (const page of pages) {
    const r = pageRefs(page);
    for (const key of ['questions', 'resources', 'terms'] as const)
      for (const id of r[key]) refs[key].add(id);
  }
  return {
    id: material.id,
    intro: material.intro,
    pages,
    questions: pick(material.questions, refs.questions),
    resources: pick(material.resources, refs.resources),
    terms: pick(material.terms, refs.terms),
    partial: true,
  };
}

/** Projects a compiled course to what the player ships, naming each data file with `nameFile`. */
export function projectCourse({ course, nameFile }: { course: Course; nameFile: NameFile }): PublicCourse {
  const materials = new Map<string, MaterialData>();
  const stubs: MaterialStub[] = [];
  for (const material of course.materials) {
    const data = projectMaterial(material, course);
    materials.set(material.id, data);
    stubs.push({
      id: material.id,
      role: material.role,
      ...(material.number === undefined ? {} : { number: material.number }),
      title: material.title,
      ...(material.value === undefined ? {} : { value: material.value }),
      ...(material.summary === undefined ? {} : { summary: material.summary }),
      pages: material.pages.map((p) => ({
        id: p.id,
        title: p.title,
        words: p.words,
        completion: p.completion,
      })),
      file: nameFile(material.id, JSON.stringify(data)),
    });
  }
  const library: Library = { resources: course.resources, glossary: course.glossary };
  const outline: Outline = {
    id: course.id,
    version: course.version,
    title: course.title,
    ...(course.subtitle === undefined ? {} : { subtitle: course.subtitle }),
    language: course.language,
    publisher: course.publisher,
    hours: course.hours,
    description: course.description,
    objectives: course.objectives,
    methods: course.methods,
    materials: stubs,
    library: nameFile('library', JSON.stringify(library)),
    caseCount: course.cases.length,
  };
  return { outline, outlineFile: nameFile('outline', JSON.stringify(outline)), materials, library };
}
