import { z } from 'zod';
import { defineBlock } from './kind.ts';

/** A reflection prompt; the learner's note is private to them. */
export const reflect = defineBlock({
  directive: 'reflect',
  form: 'container',
  attrs: z.strictObject({ id: z.string().optional() }),
  inner: false,
  compile: (_attrs, ctx) => {
    if (ctx.body.length === 0) {
      ctx.bag.error(
        ctx.file,
        ctx.at,
        'missing-prompt',
        'Reflection has no prompt',
        'write the prompt between `:::reflect` and `:::`',
      );
      return undefined;
    }
    return { kind: 'reflect', id: ctx.id, prompt: ctx.html(ctx.body) };
  },
});
