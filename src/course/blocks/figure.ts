import { z } from 'zod';
import { defineBlock } from './kind.ts';

/** An image or SVG diagram with alt text, caption and an optional long description. */
export const figure = defineBlock({
  directive: 'figure',
  form: 'either',
  attrs: z.strictObject({ id: z.string().optional(), src: z.string().min(1), alt: z.string().trim().min(1) }),
  missingRule: { alt: 'missing-alt' },
  inner: true,
  compile: (attrs, ctx) => {
    if (!ctx.label) {
      ctx.bag.error(
        ctx.file,
        ctx.at,
        'missing-caption',
        'Figure has no caption',
        'write the caption in brackets: ::figure[Caption]{src=… alt=…}',
      );
      return undefined;
    }
    const src = ctx.media(attrs.src, 'src');
    if (!src) return undefined;
    const description = ctx.body.length > 0 ? ctx.html(ctx.body) : undefined;
    const size = ctx.mediaSize(src);
    if (!size) {
      ctx.bag.warn(
        ctx.file,
        ctx.at,
        'figure-size-unknown',
        `The size of \`${attrs.src}\` cannot be read, so the page moves when the picture arrives`,
        'give the SVG a viewBox (or width and height), or use a PNG, JPEG, GIF or WebP file',
      );
    }
    return { kind: 'figure', id: ctx.id, src, alt: attrs.alt, caption: ctx.label, description, ...size };
  },
});
