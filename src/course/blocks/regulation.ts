import { z } from 'zod';
import { defineBlock } from './kind.ts';

/** A card for a regulation or reading of resources.yaml; opening it counts as studying the page. */
export const regulation = defineBlock({
  directive: 'regulation',
  form: 'leaf',
  attrs: z.strictObject({ id: z.string().min(1), pasal: z.string().optional() }),
  // `id` names the resource here, so the block's own id is always derived
  idIsReference: true,
  inner: true,
  completion: 'regulation',
  compile: (attrs, ctx) => {
    ctx.refer('resource', attrs.id);
    return {
      kind: 'regulation',
      id: ctx.id,
      resource: attrs.id,
      ...(attrs.pasal ? { pasal: attrs.pasal } : {}),
      ...(ctx.label ? { label: ctx.label } : {}),
    };
  },
});
