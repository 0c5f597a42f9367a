import { z } from 'zod';
import { defineBlock } from './kind.ts';

/** A formative check: one formative item of the bank with instant feedback; never graded. */
export const check = defineBlock({
  directive: 'check',
  form: 'leaf',
  attrs: z.strictObject({ id: z.string().optional(), question: z.string().min(1) }),
  inner: false,
  compile: (attrs, ctx) => {
    ctx.refer('question', attrs.question);
    return { kind: 'check', id: ctx.id, question: attrs.question };
  },
});
