import { z } from 'zod';
import { CognitiveLevel, Id } from '../model.ts';

export const OptionSource = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  text: z.union([z.string(), z.number()]).transform(String),
  correct: z.boolean().optional(),
});

/** one item of questions.yaml or questions/*.yaml */
export const QuestionSource = z.strictObject({
  id: Id,
  page: Id,
  value: Id.optional(),
  level: CognitiveLevel,
  formative: z.boolean().default(false),
  stem: z.string().min(1),
  options: z.array(OptionSource).min(3).max(5),
  explanation: z.string().min(1),
});
export type QuestionSource = z.infer<typeof QuestionSource>;

export const QuestionBankSource = z.strictObject({ questions: z.array(QuestionSource) });
