import { z } from 'zod';
import { defineBlock } from './kind.ts';

/** A video with captions (.vtt) and a transcript; watching it counts as studying the page. */
export const video = defineBlock({
  directive: 'video',
  form: 'container',
  attrs: z.strictObject({
    id: z.string().optional(),
    src: z.string().min(1),
    captions: z.string().min(1),
    poster: z.string().optional(),
  }),
  missingRule: { captions: 'missing-captions' },
  inner: false,
  completion: 'video',
  compile: (attrs, ctx) => {
    if (ctx.body.length === 0) {
      ctx.bag.error(
        ctx.file,
        ctx.at,
        'missing-transcript',
        'Video has no transcript',
        'write the transcript between `:::video[…]{…}` and the closing `:::`',
      );
    }
    if (!attrs.captions.endsWith('.vtt')) {
      ctx.bag.error(
        ctx.file,
        ctx.at,
        'invalid-attribute',
        `Captions must be a WebVTT file (.vtt), found \`${attrs.captions}\``,
      );
    }
    const src = ctx.media(attrs.src, 'src');
    const captions = ctx.media(attrs.captions, 'captions');
    const poster = attrs.poster === undefined ? undefined : ctx.media(attrs.poster, 'poster');
    if (!src || !captions || ctx.body.length === 0) return undefined;
    return {
      kind: 'video',
      id: ctx.id,
      title: ctx.label ?? '',
      src,
      captions,
      ...(poster ? { poster } : {}),
      transcript: ctx.html(ctx.body),
    };
  },
});
