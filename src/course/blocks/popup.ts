import { z } from 'zod';
import { defineBlock } from './kind.ts';

/** The source module's "Klik disini": a button that opens inserted material in a dialog. */
export const popup = defineBlock({
  directive: 'popup',
  form: 'container',
  attrs: z.strictObject({ id: z.string().optional(), title: z.string().min(1) }),
  inner: false,
  compile: (attrs, ctx) => ({
    kind: 'popup',
    id: ctx.id,
    label: ctx.label ?? attrs.title,
    title: attrs.title,
    blocks: ctx.innerBlocks(),
  }),
});
