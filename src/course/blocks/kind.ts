import type { RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { z } from 'zod';
import type { DiagnosticBag, Point } from '../diagnostics.ts';
import type { Block, CompletionOption, InnerBlock } from '../model.ts';

export type DirectiveNode = ContainerDirective | LeafDirective;

/** What a block kind may use while it compiles one directive. */
export interface BlockContext {
  file: string;
  bag: DiagnosticBag;
  pageId: string;
  /** the block's id: `{#id}` when given, else `<page>-<kind>-<n>` */
  id: string;
  at: Point;
  /** sanitized HTML of Markdown nodes */
  html(nodes: RootContent[]): string;
  /** plain text of the directive's `[label]`, or undefined when there is none */
  label: string | undefined;
  /** the body of a container directive, without its label */
  body: RootContent[];
  /** the body compiled as inner blocks (prose, figures, regulation cards) */
  innerBlocks(): InnerBlock[];
  /** checks that a media file exists and returns its built (content-hashed) path */
  media(path: string, attribute: string): string | undefined;
  /** the own size of an image returned by `media`, when its header or viewBox gives one */
  mediaSize(built: string): { width: number; height: number } | undefined;
  /** records a reference to check once every source is read */
  refer(kind: 'question' | 'resource', id: string): void;
}

/**
 * One kind of block: its directive, attributes and compiler. A new kind is one file plus a line in
 * the registry; nothing else switches on the block type.
 */
export interface BlockKind<Attrs> {
  directive: string;
  /** `leaf` is `::name`, `container` is `:::name … :::`; `either` accepts both */
  form: 'leaf' | 'container' | 'either';
  attrs: z.ZodType<Attrs>;
  /** rule id reported when a required attribute is missing, when it is more specific than missing-attribute */
  missingRule?: Partial<Record<string, string>>;
  /** the `id` attribute names something else (a resource), so the block id is always derived */
  idIsReference?: boolean;
  /** may stand inside a pop-up or a callout */
  inner: boolean;
  /** the way of studying a page that this block offers, if any (belajar sesuai gaya belajar) */
  completion?: CompletionOption;
  compile(attrs: Attrs, ctx: BlockContext): Block | undefined;
}

export const defineBlock = <Attrs>(kind: BlockKind<Attrs>): BlockKind<Attrs> => kind;
