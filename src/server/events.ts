import { z } from 'zod';
import { Id } from '../course/model.ts';

// The learning events the player's Tracker records (src/evaluation/learner-state.ts), checked one by one
// as they arrive. tests/server/progress.test.ts pins this to the player's type (checked by tsc).

const at = z.number().nonnegative().max(8.64e15);
const onPage = { at, material: Id, page: Id };
const text = (max: number) => z.string().max(max);

export const LearningEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('page-seen'),
    dwellSeconds: z.number().min(0).max(86_400),
    scrolledToEnd: z.boolean().optional(),
    ...onPage,
  }),
  z.object({ type: z.literal('popup-opened'), block: Id, ...onPage }),
  z.object({
    type: z.literal('video-progress'),
    block: Id,
    watched: z.number().min(0).max(1),
    ended: z.boolean(),
    ...onPage,
  }),
  z.object({
    type: z.literal('regulation-opened'),
    resource: Id,
    material: Id.optional(),
    page: Id.optional(),
    at,
  }),
  z.object({
    type: z.literal('check-answered'),
    block: Id,
    question: Id,
    option: text(64),
    correct: z.boolean(),
    ...onPage,
  }),
  z.object({ type: z.literal('reflection-saved'), block: Id, text: text(20_000), ...onPage }),
]);

/** an idempotency key: the client makes one per event and sends it again on every retry */
export const EventKey = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{8,100}$/, '8–100 characters of A-Z a-z 0-9 _ . : -');

export const EventBatch = z.object({
  courseId: Id,
  events: z
    .array(z.object({ key: EventKey, event: z.unknown() }))
    .min(1)
    .max(500),
});
