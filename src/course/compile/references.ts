import { type DiagnosticBag, didYouMean, type Point } from '../diagnostics.ts';
import type { CaseStudy, EvaluationPolicy, Material, Question, Resource, Rubric } from '../model.ts';
import type { CourseSource } from '../schema/course.ts';
import type { YamlSource } from '../yaml.ts';

/** A compiled thing with the place it came from, for diagnostics found after everything is read. */
export interface Located<T> {
  item: T;
  file: string;
  at: Point;
  /** places of particular fields, e.g. `page` of a question */
  places: Record<string, Point>;
}

interface ReferenceInput {
  bag: DiagnosticBag;
  courseYaml: YamlSource<CourseSource>;
  policy: EvaluationPolicy;
  materials: Located<Material>[];
  questions: Located<Question>[];
  cases: Located<CaseStudy>[];
  resources: Located<Resource>[];
  rubric: Rubric | undefined;
  refs: Located<{ kind: 'question' | 'resource'; id: string }>[];
}

/** Checks every reference between sources once all of them are read. */
export function checkReferences(input: ReferenceInput): void {
  const { bag, materials, questions, cases, resources, rubric, refs } = input;
  const questionById = new Map(questions.map((q) => [q.item.id, q.item]));
  const resourceIds = new Set(resources.map((r) => r.item.id));
  const valueIds = new Set(rubric?.values.map((v) => v.id) ?? []);
  const materialOfPage = new Map<string, Material>();
  for (const material of materials) {
    for (const page of material.item.pages) materialOfPage.set(page.id, material.item);
  }

  for (const ref of refs) {
    const { kind, id } = ref.item;
    if (kind === 'resource' && !resourceIds.has(id)) {
      unknown(ref.file, ref.at, 'unknown-resource', 'resource', id, resourceIds, 'resources.yaml');
    }
    if (kind === 'question') {
      const question = questionById.get(id);
      if (!question)
        unknown(ref.file, ref.at, 'unknown-question', 'question', id, questionById.keys(), 'questions.yaml');
      else if (!question.formative) {
        bag.error(
          ref.file,
          ref.at,
          'check-uses-test-item',
          `\`::check\` uses \`${id}\`, an item of the test bank: learners would see a test answer`,
          `mark a separate item \`formative: true\` and use it here`,
        );
      }
    }
  }

  for (const { item: question, file, at, places } of questions) {
    const correct = question.options.filter((option) => option.correct).length;
    if (correct === 0) {
      bag.error(
        file,
        places.options ?? at,
        'no-correct-option',
        `Question \`${question.id}\` has no correct option`,
        'mark the right option with `correct: true`',
      );
    } else if (correct > 1) {
      bag.error(
        file,
        places.options ?? at,
        'several-correct-options',
        `Question \`${question.id}\` has ${correct} correct options; a multiple-choice item has exactly one`,
        'keep `correct: true` on one option only',
      );
    }
    const optionIds = question.options.map((option) => option.id);
    if (new Set(optionIds).size !== optionIds.length) {
      bag.error(
        file,
        places.options ?? at,
        'duplicate-id',
        `Question \`${question.id}\` has two options with the same id`,
        'give each option its own `id`, or none',
      );
    }
    const material = materialOfPage.get(question.page);
    if (!material) {
      unknown(
        file,
        places.page ?? at,
        'unknown-page',
        'page',
        question.page,
        materialOfPage.keys(),
        'a material file',
      );
      continue;
    }
    question.material = material.id;
    if (question.value && question.value !== material.value) {
      bag.error(
        file,
        places.value ?? at,
        'value-mismatch',
        `Question \`${question.id}\` says value \`${question.value}\` but its page \`${question.page}\` is in material \`${material.id}\`${material.value ? ` (value \`${material.value}\`)` : ', which teaches no value'}`,
        material.value
          ? `set \`value: ${material.value}\` or point \`page\` at a page of the right material`
          : 'remove `value` or point `page` at a page of the right material',
      );
    } else if (!question.value && material.value) {
      question.value = material.value;
    }
  }

  if (rubric) {
    for (const { item: material, file, places, at } of materials) {
      if (material.value && !valueIds.has(material.value)) {
        unknown(file, places.value ?? at, 'unknown-value', 'value', material.value, valueIds, 'rubric.yaml');
      }
    }
    for (const { item: study, file, places, at } of cases) {
      for (const value of study.values) {
        if (!valueIds.has(value))
          unknown(file, places.values ?? at, 'unknown-value', 'value', value, valueIds, 'rubric.yaml');
      }
    }
  }

  for (const { item: resource, file, places, at } of resources) {
    for (const id of resource.amendedBy ?? []) {
      if (!resourceIds.has(id))
        unknown(
          file,
          places.amendedBy ?? at,
          'unknown-resource',
          'resource',
          id,
          resourceIds,
          'resources.yaml',
        );
    }
    if (resource.replacedBy && !resourceIds.has(resource.replacedBy)) {
      unknown(
        file,
        places.replacedBy ?? at,
        'unknown-resource',
        'resource',
        resource.replacedBy,
        resourceIds,
        'resources.yaml',
      );
    }
  }

  checkBlueprint(input);

  function unknown(
    file: string,
    at: Point,
    ruleId: string,
    what: string,
    id: string,
    known: Iterable<string>,
    where: string,
  ): void {
    const guess = didYouMean(id, known);
    bag.error(
      file,
      at,
      ruleId,
      `Unknown ${what} \`${id}\``,
      guess ? `did you mean \`${guess}\`?` : `define it in ${where} or correct the id`,
    );
  }
}

function checkBlueprint({ bag, courseYaml, policy, materials }: ReferenceInput): void {
  const materialIds = new Set(materials.map((m) => m.item.id));
  let planned = 0;
  for (const [id, count] of Object.entries(policy.blueprint.perMaterial)) {
    planned += count;
    if (!materialIds.has(id)) {
      const guess = didYouMean(id, materialIds);
      bag.error(
        'course.yaml',
        courseYaml.locate(['evaluation', 'blueprint', 'perMaterial', id]),
        'unknown-material',
        `Blueprint names material \`${id}\`, which the course does not have`,
        guess ? `did you mean \`${guess}\`?` : 'use a material id from the front matter of a material file',
      );
    }
  }
  for (const test of ['pretest', 'posttest'] as const) {
    if (planned > policy[test].items) {
      bag.error(
        'course.yaml',
        courseYaml.locate(['evaluation', 'blueprint', 'perMaterial']),
        'blueprint-mismatch',
        `The blueprint asks for ${planned} items per form but the ${test} has ${policy[test].items}`,
        `lower the counts in perMaterial or raise evaluation.${test}.items to ${planned}`,
      );
    }
  }
}
