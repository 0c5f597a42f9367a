import { type Diagnostic, DiagnosticBag, didYouMean, type Point } from '../diagnostics.ts';
import type {
  CaseStudy,
  Course,
  FeedbackSurvey,
  GlossaryTerm,
  Material,
  MaterialRole,
  Question,
  Resource,
  Rubric,
} from '../model.ts';
import { CaseSource } from '../schema/case.ts';
import { CourseSource, MaterialSource } from '../schema/course.ts';
import { QuestionBankSource } from '../schema/questions.ts';
import { FeedbackSource, GlossarySource, ResourcesSource, RubricSource } from '../schema/reference.ts';
import { parseYaml, type YamlPath, type YamlSource } from '../yaml.ts';
import { toHtml } from './html.ts';
import {
  compilePages,
  type MarkdownServices,
  parseMany,
  parseMarkdown,
  slug,
  splitFrontMatter,
} from './markdown.ts';
import { MediaCollector } from './media.ts';
import { checkReferences, type Located } from './references.ts';

export interface CompileOptions {
  /** the course folder as a map of relative paths (forward slashes) to text or bytes */
  files: ReadonlyMap<string, string | Uint8Array>;
}

export interface CompileResult {
  /** present only when there is no error */
  course?: Course;
  diagnostics: Diagnostic[];
  /** media of the build: built path (media/name.hash.ext) to bytes */
  media: Map<string, Uint8Array>;
}

/**
 * Compiles a course folder, given as a file map, into one Course; every problem is a diagnostic.
 * @example const { course, diagnostics } = compileCourse({ files: new Map([['course.yaml', '…']]) });
 */
export function compileCourse({ files }: CompileOptions): CompileResult {
  const bag = new DiagnosticBag();
  const media = new MediaCollector(files, bag);
  const text = (path: string): string | undefined => {
    const content = files.get(path);
    return content === undefined
      ? undefined
      : typeof content === 'string'
        ? content
        : new TextDecoder().decode(content);
  };

  const courseText = text('course.yaml');
  if (courseText === undefined) {
    bag.error(
      'course.yaml',
      undefined,
      'missing-file',
      'The course folder has no course.yaml',
      'create course.yaml (see docs/authoring.md)',
    );
    return { diagnostics: bag.sorted(), media: new Map() };
  }
  const courseYaml = parseYaml({ file: 'course.yaml', text: courseText, schema: CourseSource, bag });
  const source = courseYaml.value;

  const ids = new IdRegistry(bag);
  const refs: Located<{ kind: 'question' | 'resource'; id: string }>[] = [];
  const services: MarkdownServices = {
    bag,
    media: (file, at, path, attribute) => media.use(file, at, path, attribute),
    mediaSize: (built) => media.size(built),
    refer: (kind, id, file, at) => {
      refs.push({ item: { kind, id }, file, at, places: {} });
    },
    claim: (kind, id, file, at) => ids.claim(kind, id, file, at),
  };

  const rubric = optionalYaml('rubric.yaml', RubricSource);
  const resources = optionalYaml('resources.yaml', ResourcesSource);
  const glossary = optionalYaml('glossary.yaml', GlossarySource);
  const feedback = optionalYaml('feedback.yaml', FeedbackSource);

  const materials: Located<Material>[] = [];
  if (source) {
    let number = 0;
    const listed = new Set<string>();
    for (const role of ['front', 'materials', 'back'] as const) {
      source[role].forEach((file, index) => {
        listed.add(file);
        const material = compileMaterialFile(file, role === 'materials' ? 'material' : role, [role, index]);
        if (material) {
          if (material.item.role === 'material') material.item.number = ++number;
          materials.push(material);
        }
      });
    }
    for (const path of files.keys()) {
      if (/^[a-z0-9][^/]*\.md$/.test(path) && !listed.has(path)) {
        bag.warn(
          path,
          undefined,
          'unlisted-file',
          `\`${path}\` is not listed in course.yaml, so learners never see it`,
          'add it to `materials`, `front` or `back` in course.yaml, or remove it',
        );
      }
    }
  }

  const questions = compileQuestions();
  const cases = compileCases();
  const resourceList: Located<Resource>[] = (resources.value?.resources ?? []).map((resource, index) => {
    const at = resources.locate(['resources', index]);
    ids.claim('resource', resource.id, 'resources.yaml', at);
    const { file: attached, ...rest } = resource;
    const built =
      attached === undefined
        ? undefined
        : media.use('resources.yaml', resources.locate(['resources', index, 'file']), attached, 'file');
    return {
      item: { ...rest, ...(built ? { file: built } : {}) },
      file: 'resources.yaml',
      at,
      places: {
        amendedBy: resources.locate(['resources', index, 'amendedBy']),
        replacedBy: resources.locate(['resources', index, 'replacedBy']),
      },
    };
  });
  const terms: GlossaryTerm[] = (glossary.value?.terms ?? []).map((term, index) => {
    const id = term.id ?? slug(term.term);
    ids.claim('term', id, 'glossary.yaml', glossary.locate(['terms', index]));
    return { id, term: term.term, aliases: term.aliases, definition: term.definition };
  });
  rubric.value?.values.forEach((value, index) => {
    ids.claim('value', value.id, 'rubric.yaml', rubric.locate(['values', index]));
    value.behaviours.forEach((behaviour, b) => {
      ids.claim(
        'behaviour',
        behaviour.code,
        'rubric.yaml',
        rubric.locate(['values', index, 'behaviours', b]),
      );
    });
  });

  if (source) {
    checkReferences({
      bag,
      courseYaml,
      policy: source.evaluation,
      materials,
      questions,
      cases,
      resources: resourceList,
      rubric: rubric.value,
      refs,
    });
  }
  for (const path of media.unused()) {
    bag.warn(
      path,
      undefined,
      'unused-media',
      `\`${path}\` is not used by any page or resource`,
      'reference it from a block or remove it',
    );
  }

  const diagnostics = bag.sorted();
  if (!source || bag.errorCount > 0) return { diagnostics, media: media.output() };
  const course: Course = {
    id: source.id,
    version: source.version,
    title: source.title,
    ...(source.subtitle ? { subtitle: source.subtitle } : {}),
    language: source.language,
    publisher: source.publisher,
    hours: source.hours,
    description: markdownHtml(source.description),
    objectives: source.objectives,
    methods: source.methods,
    materials: materials.map(unwrap),
    questions: questions.map(unwrap),
    cases: cases.map(unwrap),
    ...(rubric.value ? { rubric: rubric.value as Rubric } : {}),
    resources: resourceList.map(unwrap),
    glossary: terms,
    ...(feedback.value ? { feedback: feedback.value as FeedbackSurvey } : {}),
    evaluation: source.evaluation,
    media: media.manifest(),
  };
  return { course, diagnostics, media: media.output() };

  function optionalYaml<T>(file: string, schema: import('zod').ZodType<T>): YamlSource<T> {
    const content = text(file);
    if (content === undefined) return { value: undefined, locate: () => ({ line: 1, column: 1 }) };
    return parseYaml({ file, text: content, schema, bag });
  }

  function compileMaterialFile(
    file: string,
    role: MaterialRole,
    listPath: YamlPath,
  ): Located<Material> | undefined {
    const content = text(file);
    if (content === undefined) {
      const guess = didYouMean(
        file,
        [...files.keys()].filter((path) => path.endsWith('.md')),
      );
      bag.error(
        'course.yaml',
        courseYaml.locate(listPath),
        'missing-file',
        `\`${file}\` is listed but not in the course folder`,
        guess ? `did you mean \`${guess}\`?` : 'create the file or remove it from the list',
      );
      return undefined;
    }
    const split = splitFrontMatter(content);
    if (!split) {
      bag.error(
        file,
        undefined,
        'missing-front-matter',
        'A material file starts with front matter between `---` lines',
        'begin the file with:\n  ---\n  id: my-material\n  title: Judul Materi\n  ---',
      );
      return undefined;
    }
    const front = parseYaml({ file, text: split.yaml, schema: MaterialSource, bag, lineOffset: 1 });
    const { intro, pages } = compilePages(file, parseMarkdown(split.body), services);
    if (!front.value) return undefined;
    const at = front.locate(['id']);
    ids.claim('material', front.value.id, file, at);
    if (pages.length === 0) {
      bag.error(
        file,
        undefined,
        'no-pages',
        `Material \`${front.value.id}\` has no pages`,
        'start a page with `## Title {#page-id}`',
      );
    }
    const material: Material = {
      id: front.value.id,
      role,
      title: front.value.title,
      ...(front.value.value ? { value: front.value.value } : {}),
      ...(front.value.summary ? { summary: front.value.summary } : {}),
      intro,
      pages,
    };
    return { item: material, file, at, places: { value: front.locate(['value']) } };
  }

  function compileQuestions(): Located<Question>[] {
    const bankFiles = [...files.keys()]
      .filter((path) => path === 'questions.yaml' || /^questions\/[^/]+\.ya?ml$/.test(path))
      .sort();
    const out: Located<Question>[] = [];
    for (const file of bankFiles) {
      const bank = parseYaml({ file, text: text(file) ?? '', schema: QuestionBankSource, bag });
      const items = bank.value?.questions ?? [];
      // every stem, explanation and option of the file parsed in one pass
      const parsed = parseMany(
        items.flatMap((q) => [q.stem, q.explanation, ...q.options.map((o) => o.text)]),
      );
      let next = 0;
      const html = () => toHtml(parsed[next++] ?? []);
      items.forEach((question, index) => {
        const at = bank.locate(['questions', index]);
        ids.claim('question', question.id, file, at);
        const stem = html();
        const explanation = html();
        const item: Question = {
          id: question.id,
          material: '',
          page: question.page,
          ...(question.value ? { value: question.value } : {}),
          level: question.level,
          formative: question.formative,
          stem,
          options: question.options.map((option, o) => ({
            id: option.id ?? 'abcde'[o] ?? String(o),
            html: unwrapParagraph(html()),
            correct: option.correct === true,
          })),
          explanation,
        };
        out.push({
          item,
          file,
          at,
          places: {
            page: bank.locate(['questions', index, 'page']),
            value: bank.locate(['questions', index, 'value']),
            options: bank.locate(['questions', index, 'options']),
          },
        });
      });
    }
    return out;
  }

  function compileCases(): Located<CaseStudy>[] {
    const out: Located<CaseStudy>[] = [];
    for (const file of [...files.keys()].filter((path) => /^cases\/[^/]+\.md$/.test(path)).sort()) {
      const split = splitFrontMatter(text(file) ?? '');
      if (!split) {
        bag.error(
          file,
          undefined,
          'missing-front-matter',
          'A case study starts with front matter between `---` lines',
          'see the cases section of docs/authoring.md',
        );
        continue;
      }
      const front = parseYaml({ file, text: split.yaml, schema: CaseSource, bag, lineOffset: 1 });
      const root = parseMarkdown(split.body);
      const modelIndex = root.children.findIndex(
        (node) => node.type === 'containerDirective' && node.name === 'model-answer',
      );
      const modelNode = root.children[modelIndex];
      if (modelNode?.type !== 'containerDirective') {
        bag.error(
          file,
          undefined,
          'missing-model-answer',
          'Case study has no model answer',
          "add the facilitator's model answer between `:::model-answer` and `:::`",
        );
      }
      for (const node of root.children) {
        if ((node.type === 'containerDirective' || node.type === 'leafDirective') && node !== modelNode) {
          bag.error(
            file,
            { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 },
            'unknown-directive',
            `Unknown directive \`${node.type === 'leafDirective' ? '::' : ':::'}${node.name}\` in a case study; expected model-answer`,
          );
        }
      }
      if (!front.value || !modelNode || modelNode.type !== 'containerDirective') continue;
      const at = front.locate(['id']);
      ids.claim('case', front.value.id, file, at);
      const item: CaseStudy = {
        id: front.value.id,
        title: front.value.title,
        values: front.value.values,
        story: toHtml(root.children.filter((node) => node !== modelNode)),
        questions: front.value.questions,
        rubric: front.value.rubric,
        modelAnswer: toHtml(modelNode.children),
      };
      out.push({ item, file, at, places: { values: front.locate(['values']) } });
    }
    return out;
  }
}

function markdownHtml(text: string): string {
  return toHtml(parseMarkdown(text).children);
}

/** one paragraph of HTML without the <p> around it */
function unwrapParagraph(html: string): string {
  const match = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return match && !match[1]?.includes('<p>') ? (match[1] ?? '') : html;
}

const unwrap = <T>(located: Located<T>): T => located.item;

/** First place each id of a kind was used; a second use is a duplicate-id error. */
class IdRegistry {
  readonly #seen = new Map<string, { file: string; at: Point }>();
  readonly #bag: DiagnosticBag;
  constructor(bag: DiagnosticBag) {
    this.#bag = bag;
  }
  claim(kind: string, id: string, file: string, at: Point): void {
    const key = `${kind}:${id}`;
    const first = this.#seen.get(key);
    if (!first) {
      this.#seen.set(key, { file, at });
      return;
    }
    this.#bag.error(
      file,
      at,
      'duplicate-id',
      `Duplicate ${kind} id \`${id}\``,
      `first used at ${first.file}:${first.at.line}:${first.at.column}; give this one another id`,
    );
  }
}
