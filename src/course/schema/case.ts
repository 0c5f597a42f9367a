import { z } from 'zod';
import { Id } from '../model.ts';

/** the front matter of cases/*.md */
export const CaseSource = z.strictObject({
  id: Id,
  title: z.string().min(1),
  values: z.array(Id).default([]),
  questions: z.array(z.strictObject({ id: Id, text: z.string().min(1) })).min(1),
  rubric: z
    .array(
      z.strictObject({
        id: Id,
        criterion: z.string().min(1),
        weight: z.number().positive().default(1),
        levels: z.array(z.string().min(1)).length(4, 'give exactly 4 level descriptors, level 1 to level 4'),
      }),
    )
    .min(1),
});
export type CaseSource = z.infer<typeof CaseSource>;
