import { z } from 'zod';

// The compiled course: what `lentera build` writes as course.json and what the player, server and
// exporters read. Source files have their own schemas in ./schema; this is the output shape.

export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id is lowercase kebab-case: a-z, 0-9 and single hyphens')
  .max(64);

/** Cognitive level of a question (taksonomi Bloom): C1 ingatan, C2 pemahaman, C3 penerapan, C4 analisis. */
export const CognitiveLevel = z.enum(['C1', 'C2', 'C3', 'C4']);
export type CognitiveLevel = z.infer<typeof CognitiveLevel>;

export const CalloutKind = z.enum(['info', 'law', 'tip', 'warning', 'example', 'definition']);
export type CalloutKind = z.infer<typeof CalloutKind>;

/** Sanitized HTML produced at build time: safe to insert into the DOM as it is. */
export const Html = z.string();

export const ProseBlock = z.object({ kind: z.literal('prose'), html: Html });
export const FigureBlock = z.object({
  kind: z.literal('figure'),
  id: Id,
  src: z.string(),
  alt: z.string().min(1),
  caption: z.string().min(1),
  /** long description (table or list saying what the picture shows) */
  description: Html.optional(),
  /** the picture's own size in CSS pixels (SVG viewBox or bitmap header): the page keeps its space before it loads */
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
});
export const VideoBlock = z.object({
  kind: z.literal('video'),
  id: Id,
  title: z.string(),
  src: z.string(),
  captions: z.string(),
  poster: z.string().optional(),
  transcript: Html,
});
export const RegulationBlock = z.object({
  kind: z.literal('regulation'),
  id: Id,
  resource: Id,
  pasal: z.string().optional(),
  label: z.string().optional(),
});
export const CheckBlock = z.object({ kind: z.literal('check'), id: Id, question: Id });
export const ReflectBlock = z.object({ kind: z.literal('reflect'), id: Id, prompt: Html });

/** Blocks that may sit inside a pop-up or a callout. */
export const InnerBlock = z.discriminatedUnion('kind', [ProseBlock, FigureBlock, RegulationBlock]);
export type InnerBlock = z.infer<typeof InnerBlock>;

export const PopupBlock = z.object({
  kind: z.literal('popup'),
  id: Id,
  label: z.string(),
  title: z.string(),
  blocks: z.array(InnerBlock),
});
export const CalloutBlock = z.object({
  kind: z.literal('callout'),
  id: Id,
  calloutKind: CalloutKind,
  title: z.string().optional(),
  blocks: z.array(InnerBlock),
});

export const Block = z.discriminatedUnion('kind', [
  ProseBlock,
  PopupBlock,
  FigureBlock,
  VideoBlock,
  RegulationBlock,
  CalloutBlock,
  CheckBlock,
  ReflectBlock,
]);
export type Block = z.infer<typeof Block>;
export type BlockKind = Block['kind'];
export type ProseBlock = z.infer<typeof ProseBlock>;
export type PopupBlock = z.infer<typeof PopupBlock>;
export type FigureBlock = z.infer<typeof FigureBlock>;
export type VideoBlock = z.infer<typeof VideoBlock>;
export type RegulationBlock = z.infer<typeof RegulationBlock>;
export type CalloutBlock = z.infer<typeof CalloutBlock>;
export type CheckBlock = z.infer<typeof CheckBlock>;
export type ReflectBlock = z.infer<typeof ReflectBlock>;

/** What a learner can do on a page that counts as having studied it ("belajar sesuai gaya belajar"). */
export const CompletionOption = z.enum(['read', 'video', 'regulation']);
export type CompletionOption = z.infer<typeof CompletionOption>;

/** One screen of a material: what a learner reads in one or two minutes. */
export const Page = z.object({
  id: Id,
  title: z.string().min(1),
  blocks: z.array(Block),
  /** words of the page's own text (pop-up bodies and figure descriptions not counted) */
  words: z.number().int().nonnegative(),
  completion: z.array(CompletionOption),
});
export type Page = z.infer<typeof Page>;

/** front: kata pengantar and the like; material: numbered study unit; back: penutup, daftar pustaka. */
export const MaterialRole = z.enum(['front', 'material', 'back']);
export type MaterialRole = z.infer<typeof MaterialRole>;

/** A materi: one unit of study (Pendahuluan, Akuntabel, …) made of pages. */
export const Material = z.object({
  id: Id,
  role: MaterialRole,
  /** 1-based number among the `material` role only */
  number: z.number().int().positive().optional(),
  title: z.string().min(1),
  value: Id.optional(),
  summary: z.string().optional(),
  /** the cover text, shown before the first page */
  intro: Html,
  pages: z.array(Page),
});
export type Material = z.infer<typeof Material>;

export const Option = z.object({ id: z.string(), html: Html, correct: z.boolean() });
export type Option = z.infer<typeof Option>;

/** A multiple-choice item of the bank; formative items serve `::check` blocks and never tests. */
export const Question = z.object({
  id: Id,
  material: Id,
  page: Id,
  value: Id.optional(),
  level: CognitiveLevel,
  formative: z.boolean(),
  stem: Html,
  options: z.array(Option),
  explanation: Html,
});
export type Question = z.infer<typeof Question>;

export const RubricCriterion = z.object({
  id: Id,
  criterion: z.string(),
  weight: z.number().positive(),
  /** descriptors of levels 1 to 4 */
  levels: z.array(z.string()).length(4),
});
export type RubricCriterion = z.infer<typeof RubricCriterion>;

/** A studi kasus: a story, guiding questions answered in writing, a rubric and a model answer. */
export const CaseStudy = z.object({
  id: Id,
  title: z.string(),
  values: z.array(Id),
  story: Html,
  questions: z.array(z.object({ id: Id, text: z.string() })),
  rubric: z.array(RubricCriterion),
  /** for the facilitator only: never sent to participants */
  modelAnswer: Html,
});
export type CaseStudy = z.infer<typeof CaseStudy>;

export const ScaleLevel = z.object({
  level: z.number().int().min(1).max(4),
  label: z.string(),
  descriptor: z.string(),
});
export const Behaviour = z.object({
  /** stable code such as AK-2 */
  code: z.string().regex(/^[A-Z]{2}-\d$/),
  text: z.string(),
  indicators: z.array(z.string()).min(1),
});
export type Behaviour = z.infer<typeof Behaviour>;
/** A core value (nilai dasar) with its key behaviours (panduan perilaku). */
export const CoreValue = z.object({
  id: Id,
  code: z.string().regex(/^[A-Z]{2}$/),
  name: z.string(),
  definition: z.string(),
  behaviours: z.array(Behaviour).min(1),
});
export type CoreValue = z.infer<typeof CoreValue>;
export const Rubric = z.object({ scale: z.array(ScaleLevel).length(4), values: z.array(CoreValue) });
export type Rubric = z.infer<typeof Rubric>;

/** berlaku: in force; diubah: amended; dicabut: revoked (replaced). */
export const ResourceStatus = z.enum(['berlaku', 'diubah', 'dicabut']);
export type ResourceStatus = z.infer<typeof ResourceStatus>;
export const Resource = z.object({
  id: Id,
  kind: z.enum(['regulation', 'reading']),
  title: z.string(),
  short: z.string().optional(),
  type: z.string().optional(),
  number: z.string().optional(),
  year: z.number().int().optional(),
  author: z.string().optional(),
  publisher: z.string().optional(),
  status: ResourceStatus.optional(),
  statusNote: z.string().optional(),
  amendedBy: z.array(Id).optional(),
  replacedBy: Id.optional(),
  articles: z.string().optional(),
  url: z.string().optional(),
  /** built path of an attached local file */
  file: z.string().optional(),
});
export type Resource = z.infer<typeof Resource>;

export const GlossaryTerm = z.object({
  id: Id,
  term: z.string(),
  aliases: z.array(z.string()),
  definition: z.string(),
});
export type GlossaryTerm = z.infer<typeof GlossaryTerm>;

export const FeedbackItem = z.object({
  id: Id,
  kind: z.enum(['likert', 'text']),
  text: z.string(),
  required: z.boolean(),
});
/** The umpan balik survey on the module, the facilitator and the training. */
export const FeedbackSurvey = z.object({
  title: z.string(),
  intro: z.string().optional(),
  scale: z.array(z.string()).length(5),
  sections: z.array(z.object({ id: Id, title: z.string(), items: z.array(FeedbackItem) })),
});
export type FeedbackSurvey = z.infer<typeof FeedbackSurvey>;

export const Reveal = z.enum(['never', 'after-submit', 'after-close']);
const TestPolicy = {
  items: z.number().int().positive(),
  timeLimitMinutes: z.number().positive(),
  attempts: z.number().int().positive(),
  reveal: Reveal,
};
export const EvaluationPolicy = z.object({
  pretest: z.object(TestPolicy),
  posttest: z.object({ ...TestPolicy, passingScore: z.number().min(0).max(100) }),
  blueprint: z.object({
    perMaterial: z.record(z.string(), z.number().int().nonnegative()),
    minHigherOrder: z.number().min(0).max(1),
  }),
  behaviour: z.object({
    raterWeights: z.object({
      fasilitator: z.number().nonnegative(),
      mentor: z.number().nonnegative(),
      atasan: z.number().nonnegative(),
    }),
  }),
  weights: z.object({
    posttest: z.number().nonnegative(),
    cases: z.number().nonnegative(),
    behaviour: z.number().nonnegative(),
  }),
  /** predikat bands, highest first: `min` is the lowest final score of the band */
  predikat: z.array(z.object({ min: z.number().min(0).max(100), label: z.string() })).min(1),
  passingScore: z.number().min(0).max(100),
});
export type EvaluationPolicy = z.infer<typeof EvaluationPolicy>;

/** A media file of the build, under a content-hashed name. */
export const MediaFile = z.object({
  /** path in the course folder, e.g. media/tingkatan.svg */
  source: z.string(),
  /** path in the build, relative to course.json, e.g. media/tingkatan.3f2a9c1d7e.svg */
  path: z.string(),
  type: z.string(),
  bytes: z.number().int().nonnegative(),
  /** an image's own size in CSS pixels, when its header or viewBox gives one */
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
});
export type MediaFile = z.infer<typeof MediaFile>;

export const Course = z.object({
  id: Id,
  version: z.string(),
  title: z.string(),
  subtitle: z.string().optional(),
  language: z.enum(['id', 'en']),
  publisher: z.string(),
  /** training hours in JP (jam pelajaran): 1 JP = 45 minutes */
  hours: z.number().positive(),
  description: Html,
  objectives: z.array(z.string()),
  methods: z.array(z.string()),
  materials: z.array(Material),
  questions: z.array(Question),
  cases: z.array(CaseStudy),
  rubric: Rubric.optional(),
  resources: z.array(Resource),
  glossary: z.array(GlossaryTerm),
  feedback: FeedbackSurvey.optional(),
  evaluation: EvaluationPolicy,
  media: z.array(MediaFile),
});
export type Course = z.infer<typeof Course>;
