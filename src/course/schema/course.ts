import { z } from 'zod';
import { CalloutKind, Id, Reveal } from '../model.ts';

export { CalloutKind, Id };

const MarkdownFile = z.string().regex(/\.md$/, 'a Markdown file name ending in .md');

const testPolicy = (defaults: { attempts: number; reveal: z.infer<typeof Reveal> }) => ({
  items: z.number().int().positive().default(20),
  timeLimitMinutes: z.number().positive().default(30),
  attempts: z.number().int().positive().default(defaults.attempts),
  reveal: Reveal.default(defaults.reveal),
});

/** The evaluation policy in course.yaml; every field has a default (docs/authoring.md). */
export const EvaluationPolicySource = z.strictObject({
  pretest: z.strictObject(testPolicy({ attempts: 1, reveal: 'never' })).prefault({}),
  posttest: z
    .strictObject({
      ...testPolicy({ attempts: 2, reveal: 'after-submit' }),
      passingScore: z.number().min(0).max(100).default(70),
    })
    .prefault({}),
  blueprint: z
    .strictObject({
      perMaterial: z.record(z.string(), z.number().int().nonnegative()).default({}),
      minHigherOrder: z.number().min(0).max(1).default(0.3),
    })
    .prefault({}),
  behaviour: z
    .strictObject({
      raterWeights: z
        .strictObject({
          fasilitator: z.number().nonnegative().default(0.5),
          mentor: z.number().nonnegative().default(0.25),
          atasan: z.number().nonnegative().default(0.25),
        })
        .prefault({}),
    })
    .prefault({}),
  weights: z
    .strictObject({
      posttest: z.number().nonnegative().default(40),
      cases: z.number().nonnegative().default(30),
      behaviour: z.number().nonnegative().default(30),
    })
    .prefault({}),
  predikat: z
    .array(z.strictObject({ min: z.number().min(0).max(100), label: z.string().min(1) }))
    .min(1)
    .default([
      { min: 90, label: 'Sangat Baik' },
      { min: 80, label: 'Baik' },
      { min: 70, label: 'Cukup' },
      { min: 0, label: 'Kurang' },
    ]),
  passingScore: z.number().min(0).max(100).default(70),
});

/** course.yaml */
export const CourseSource = z.strictObject({
  id: Id,
  version: z.union([z.string(), z.number()]).transform(String),
  title: z.string().min(1),
  subtitle: z.string().optional(),
  language: z.enum(['id', 'en']).default('id'),
  publisher: z.string().min(1),
  hours: z.number().positive(),
  description: z.string().default(''),
  objectives: z.array(z.string().min(1)).default([]),
  methods: z.array(z.string().min(1)).default([]),
  front: z.array(MarkdownFile).default([]),
  materials: z.array(MarkdownFile).min(1),
  back: z.array(MarkdownFile).default([]),
  evaluation: EvaluationPolicySource.prefault({}),
});
export type CourseSource = z.infer<typeof CourseSource>;

/** the front matter of a material file */
export const MaterialSource = z.strictObject({
  id: Id,
  title: z.string().min(1),
  value: Id.optional(),
  summary: z.string().optional(),
});
export type MaterialSource = z.infer<typeof MaterialSource>;
