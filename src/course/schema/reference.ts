import { z } from 'zod';
import { type FeedbackSurvey, Id, Resource, type Rubric } from '../model.ts';

/** rubric.yaml: the behaviour assessment */
export const RubricSource = z.strictObject({
  scale: z
    .array(
      z.strictObject({ level: z.number().int().min(1).max(4), label: z.string(), descriptor: z.string() }),
    )
    .length(4, 'the scale has exactly 4 levels, 1 to 4'),
  values: z
    .array(
      z.strictObject({
        id: Id,
        code: z.string().regex(/^[A-Z]{2}$/, 'a value code is two capital letters, e.g. AK'),
        name: z.string(),
        definition: z.string(),
        behaviours: z
          .array(
            z.strictObject({
              code: z
                .string()
                .regex(/^[A-Z]{2}-\d$/, 'a behaviour code is the value code, a hyphen and a digit'),
              text: z.string(),
              indicators: z.array(z.string().min(1)).min(1),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
}) satisfies z.ZodType<Rubric>;

/** resources.yaml: regulations and readings (`file` is a path in the course folder) */
export const ResourcesSource = z.strictObject({
  resources: z.array(
    z.strictObject({
      ...Resource.shape,
      number: z.union([z.string(), z.number()]).transform(String).optional(),
      url: z.url({ protocol: /^https?$/ }).optional(),
    }),
  ),
});

/** glossary.yaml */
export const GlossarySource = z.strictObject({
  terms: z.array(
    z.strictObject({
      id: Id.optional(),
      term: z.string().min(1),
      aliases: z.array(z.string().min(1)).default([]),
      definition: z.string().min(1),
    }),
  ),
});

/** feedback.yaml: the umpan balik survey */
export const FeedbackSource = z.strictObject({
  title: z.string(),
  intro: z.string().optional(),
  scale: z.array(z.string()).length(5, 'the Likert scale has 5 labels, 1 to 5'),
  sections: z
    .array(
      z.strictObject({
        id: Id,
        title: z.string(),
        items: z
          .array(
            z.strictObject({
              id: Id,
              kind: z.enum(['likert', 'text']),
              text: z.string().min(1),
              required: z.boolean().default(true),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
}) satisfies z.ZodType<FeedbackSurvey, unknown>;
