import { z } from 'zod';
import { CalloutKind } from '../model.ts';
import { defineBlock } from './kind.ts';

/** A boxed note: a legal basis, a tip, a warning, an example or a definition. */
export const callout = defineBlock({
  directive: 'callout',
  form: 'container',
  attrs: z.strictObject({ id: z.string().optional(), kind: CalloutKind.default('info') }),
  inner: false,
  compile: (attrs, ctx) => ({
    kind: 'callout',
    id: ctx.id,
    calloutKind: attrs.kind,
    ...(ctx.label ? { title: ctx.label } : {}),
    blocks: ctx.innerBlocks(),
  }),
});
