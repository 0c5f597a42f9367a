import type { Heading, Root, RootContent } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { BlockContext, BlockKind, DirectiveNode } from '../blocks/kind.ts';
import { blockKindByDirective } from '../blocks/registry.ts';
import { type DiagnosticBag, didYouMean, type Point } from '../diagnostics.ts';
import { type Block, type CompletionOption, Id, type InnerBlock, type Page } from '../model.ts';
import { toHtml } from './html.ts';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

/** What a Markdown file may ask of the rest of the compile. */
export interface MarkdownServices {
  bag: DiagnosticBag;
  media(file: string, at: Point, path: string, attribute: string): string | undefined;
  /** the size of a built image, when known */
  mediaSize(built: string): { width: number; height: number } | undefined;
  refer(kind: 'question' | 'resource', id: string, file: string, at: Point): void;
  /** registers an id of a kind (page, block); reports a duplicate */
  claim(kind: 'page' | 'block', id: string, file: string, at: Point): void;
}

export interface FrontMatter {
  /** the YAML text between the `---` lines */
  yaml: string;
  /** the Markdown after the front matter, with the front matter's lines blanked so positions stay true */
  body: string;
}

/** Splits `---` front matter from a Markdown file; undefined when the file has none. */
export function splitFrontMatter(text: string): FrontMatter | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return undefined;
  const lines = match[0].split('\n').length - 1;
  return { yaml: match[1] ?? '', body: '\n'.repeat(lines) + text.slice(match[0].length) };
}

export function parseMarkdown(body: string): Root {
  const root = parser.parse(body);
  // `:name` inside prose is not a block: keep it as the text the author wrote ("pukul 10:30", "UU:")
  visit(root, 'textDirective', (node, index, parent) => {
    if (!parent || index === undefined) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const value = start !== undefined && end !== undefined ? body.slice(start, end) : `:${node.name}`;
    parent.children.splice(index, 1, { type: 'text', value });
  });
  return root;
}

const CHUNK_FENCE = ':'.repeat(12);

/**
 * Parses many short Markdown texts in one pass (micromark's set-up cost dominates tiny texts, such as
 * question stems and options); falls back to one parse each if the texts break the wrapping.
 */
export function parseMany(texts: readonly string[]): RootContent[][] {
  const body = texts.map((text) => `${CHUNK_FENCE}lentera-chunk\n${text}\n${CHUNK_FENCE}`).join('\n\n');
  const chunks = parseMarkdown(body).children.filter(
    (node): node is DirectiveNode => node.type === 'containerDirective' && node.name === 'lentera-chunk',
  );
  if (chunks.length !== texts.length || texts.some((text) => text.includes(CHUNK_FENCE))) {
    return texts.map((text) => parseMarkdown(text).children);
  }
  return chunks.map((chunk) => chunk.children as RootContent[]);
}

const pointOf = (node: { position?: { start: { line: number; column: number } } }): Point => ({
  line: node.position?.start.line ?? 1,
  column: node.position?.start.column ?? 1,
});

const isDirective = (node: RootContent): node is DirectiveNode =>
  node.type === 'containerDirective' || node.type === 'leafDirective';

/** A page id from its heading: `{#id}` when given, else derived from the title. */
export function pageHeading(heading: Heading): { title: string; id: string; explicit: boolean } {
  const raw = textOf(heading).trim();
  const match = /\s*\{#([^}]*)\}\s*$/.exec(raw);
  const title = match ? raw.slice(0, match.index).trim() : raw;
  if (match) return { title, id: (match[1] ?? '').trim(), explicit: true };
  return { title, id: slug(title), explicit: false };
}

export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

interface PageDraft {
  title: string;
  id: string;
  at: Point;
  nodes: RootContent[];
}

/** Compiles the body of a material file: its cover text and its pages. */
export function compilePages(
  file: string,
  root: Root,
  services: MarkdownServices,
): { intro: string; pages: Page[] } {
  const { bag } = services;
  checkProse(file, root, services);
  const intro: RootContent[] = [];
  const drafts: PageDraft[] = [];
  for (const node of root.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      if (node.depth === 1) {
        bag.error(
          file,
          pointOf(node),
          'heading-level',
          'A `#` heading is not used in a material file: the title comes from the front matter',
          'start each page with `## Title {#page-id}` and use `###` inside a page',
        );
        continue;
      }
      const { title, id, explicit } = pageHeading(node);
      const at = pointOf(node);
      if (!title)
        bag.error(file, at, 'missing-title', 'Page heading has no title', 'write the title after `## `');
      if (explicit && !Id.safeParse(id).success) {
        bag.error(
          file,
          at,
          'invalid-id',
          `Page id \`${id}\` is not a valid id`,
          'use lowercase kebab-case: a-z, 0-9 and single hyphens, e.g. {#tingkatan-akuntabilitas}',
        );
      }
      services.claim('page', id, file, at);
      drafts.push({ title, id, at, nodes: [] });
      continue;
    }
    const current = drafts[drafts.length - 1];
    if (current) current.nodes.push(node);
    else intro.push(node);
  }
  for (const node of intro) {
    if (isDirective(node)) {
      bag.error(
        file,
        pointOf(node),
        'block-outside-page',
        `\`${node.type === 'leafDirective' ? '::' : ':::'}${node.name}\` stands before the first page`,
        'put blocks inside a page: after a `## Title {#page-id}` heading',
      );
    }
  }
  const pages = drafts.map((draft) => compilePage(file, draft, services));
  return { intro: toHtml(intro.filter((node) => !isDirective(node))), pages };
}

function compilePage(file: string, draft: PageDraft, services: MarkdownServices): Page {
  const counters = new Map<string, number>();
  const blocks = compileBlocks(file, draft.id, draft.nodes, { inner: false, counters }, services);
  if (draft.nodes.length === 0) {
    services.bag.warn(
      file,
      draft.at,
      'empty-page',
      `Page \`${draft.id}\` has no content`,
      'write its text or remove the heading',
    );
  }
  const completion = new Set<CompletionOption>(['read']);
  visitBlocks(blocks, (block) => {
    const kind = blockKindByDirective.get(block.kind);
    if (kind?.completion) completion.add(kind.completion);
  });
  return {
    id: draft.id,
    title: draft.title,
    blocks,
    words: countWords(draft.nodes),
    completion: [...completion],
  };
}

function visitBlocks(
  blocks: ReadonlyArray<Block | InnerBlock>,
  fn: (block: Block | InnerBlock) => void,
): void {
  for (const block of blocks) {
    fn(block);
    if ('blocks' in block) visitBlocks(block.blocks, fn);
  }
}

/** words a learner reads on the page itself: prose and callouts, not pop-up bodies or figure descriptions */
function countWords(nodes: RootContent[]): number {
  let words = 0;
  for (const node of nodes) {
    if (node.type === 'leafDirective') continue;
    if (node.type === 'containerDirective' && node.name !== 'callout') continue;
    words += textOf(node).split(/\s+/).filter(Boolean).length;
  }
  return words;
}

interface BlockScope {
  inner: boolean;
  counters: Map<string, number>;
}

function compileBlocks(
  file: string,
  pageId: string,
  nodes: RootContent[],
  scope: BlockScope,
  services: MarkdownServices,
): Block[] {
  const blocks: Block[] = [];
  let prose: RootContent[] = [];
  const flushProse = () => {
    const html = toHtml(prose);
    if (html) blocks.push({ kind: 'prose', html });
    prose = [];
  };
  for (const node of nodes) {
    if (!isDirective(node)) {
      prose.push(node);
      continue;
    }
    flushProse();
    const block = compileDirective(file, pageId, node, scope, services);
    if (block) blocks.push(block);
  }
  flushProse();
  return blocks;
}

function compileDirective(
  file: string,
  pageId: string,
  node: DirectiveNode,
  scope: BlockScope,
  services: MarkdownServices,
): Block | undefined {
  const { bag } = services;
  const at = pointOf(node);
  const marker = node.type === 'leafDirective' ? '::' : ':::';
  const kind = blockKindByDirective.get(node.name);
  if (!kind) {
    const known = [...blockKindByDirective.keys()];
    const guess = didYouMean(node.name, known);
    bag.error(
      file,
      at,
      'unknown-directive',
      `Unknown directive \`${marker}${node.name}\`; expected one of ${known.join(', ')}`,
      guess ? `did you mean \`${marker}${guess}\`?` : 'see the list of blocks in docs/authoring.md',
    );
    return undefined;
  }
  if (scope.inner && !kind.inner) {
    bag.error(
      file,
      at,
      'block-not-allowed',
      `\`${marker}${node.name}\` cannot stand inside a pop-up or callout`,
      'inside a pop-up or callout use prose, ::figure and ::regulation; move this block to the page itself',
    );
    return undefined;
  }
  if (kind.form === 'leaf' && node.type === 'containerDirective') {
    bag.error(
      file,
      at,
      'wrong-form',
      `\`:::${node.name}\` takes no body`,
      `write it on one line: \`::${node.name}[…]{…}\``,
    );
    return undefined;
  }
  if (kind.form === 'container' && node.type === 'leafDirective') {
    bag.error(
      file,
      at,
      'wrong-form',
      `\`::${node.name}\` needs a body`,
      `write \`:::${node.name}[…]{…}\`, the body on the next lines, and a closing \`:::\``,
    );
    return undefined;
  }
  const attrs = parseAttributes(file, at, marker, node, kind, services);
  if (!attrs) return undefined;

  const labelNode =
    node.type === 'containerDirective'
      ? node.children.find((child) => child.type === 'paragraph' && child.data?.directiveLabel)
      : undefined;
  const labelText = (
    node.type === 'leafDirective' ? textOf(node) : labelNode ? textOf(labelNode) : ''
  ).trim();
  const body = node.type === 'containerDirective' ? node.children.filter((child) => child !== labelNode) : [];

  const count = (scope.counters.get(kind.directive) ?? 0) + 1;
  scope.counters.set(kind.directive, count);
  const explicitId = kind.idIsReference ? undefined : (attrs as { id?: string }).id;
  const id = explicitId ?? `${pageId}-${kind.directive}-${count}`;
  if (explicitId !== undefined && !Id.safeParse(explicitId).success) {
    bag.error(
      file,
      at,
      'invalid-id',
      `Block id \`${explicitId}\` is not a valid id`,
      'use lowercase kebab-case: a-z, 0-9 and single hyphens',
    );
  }
  services.claim('block', id, file, at);

  const ctx: BlockContext = {
    file,
    bag,
    pageId,
    id,
    at,
    label: labelText || undefined,
    body,
    html: (nodes) => toHtml(nodes),
    innerBlocks: () =>
      compileBlocks(file, pageId, body, { inner: true, counters: scope.counters }, services) as InnerBlock[],
    media: (path, attribute) => services.media(file, at, path, attribute),
    mediaSize: (built) => services.mediaSize(built),
    refer: (what, refId) => services.refer(what, refId, file, at),
  };
  return kind.compile(attrs, ctx);
}

function parseAttributes(
  file: string,
  at: Point,
  marker: string,
  node: DirectiveNode,
  // biome-ignore lint/suspicious/noExplicitAny: each kind has its own attribute type
  kind: BlockKind<any>,
  { bag }: MarkdownServices,
): object | undefined {
  const given: Record<string, string> = {};
  for (const [key, value] of Object.entries(node.attributes ?? {})) {
    if (value !== null && value !== undefined) given[key] = value;
  }
  const result = kind.attrs.safeParse(given);
  if (result.success) return result.data as object;
  // biome-ignore lint/suspicious/noExplicitAny: reading the object schema's keys
  const allowed = Object.keys((kind.attrs as any).def?.shape ?? {}).filter(
    (key) => key !== 'id' || !kind.idIsReference,
  );
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const guess = didYouMean(key, allowed);
        bag.error(
          file,
          at,
          'unknown-attribute',
          `Unknown attribute \`${key}\` on \`${marker}${node.name}\`; expected ${allowed.join(', ')}`,
          guess ? `did you mean \`${guess}\`?` : undefined,
        );
      }
    } else if (given[name] === undefined) {
      const example = name === 'alt' ? 'alt="Apa yang ditunjukkan gambar"' : `${name}=…`;
      bag.error(
        file,
        at,
        kind.missingRule?.[name] ?? 'missing-attribute',
        `Missing \`${name}\` on \`${marker}${node.name}\``,
        `add {${example}}`,
      );
    } else {
      bag.error(
        file,
        at,
        'invalid-attribute',
        `Invalid \`${name}\` on \`${marker}${node.name}\`: ${issue.message}, found ${JSON.stringify(given[name])}`,
      );
    }
  }
  return undefined;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const SAFE_SCHEME = /^(?:https?|mailto):/i;
const isSafeUrl = (url: string): boolean => !SCHEME.test(url) || SAFE_SCHEME.test(url);
const NODE_NAMES: Record<string, string> = { listItem: 'list item', blockquote: 'block quote', list: 'list' };

/** Raw HTML, unsafe links, bare images and blocks nested where they cannot work. */
function checkProse(file: string, root: Root, { bag }: MarkdownServices): void {
  visit(root, (node, _index, parent) => {
    const at = pointOf(node);
    if (node.type === 'html') {
      bag.warn(
        file,
        at,
        'unsafe-html',
        'Raw HTML removed',
        'use Markdown and the blocks in docs/authoring.md instead of HTML',
      );
    } else if (node.type === 'link' && !isSafeUrl(node.url.trim())) {
      bag.warn(
        file,
        at,
        'unsafe-html',
        `Unsafe link \`${node.url}\` removed`,
        'links may use https:, http:, mailto: or a relative path',
      );
    } else if (node.type === 'image') {
      bag.error(
        file,
        at,
        'bare-image',
        'A Markdown image has no caption',
        'use ::figure[Caption]{src=… alt=…} so it has alt text and a caption',
      );
    } else if (
      (node.type === 'leafDirective' || node.type === 'containerDirective') &&
      parent &&
      parent.type !== 'root' &&
      parent.type !== 'containerDirective'
    ) {
      bag.error(
        file,
        at,
        'nested-block',
        `\`${node.type === 'leafDirective' ? '::' : ':::'}${node.name}\` is nested in a ${NODE_NAMES[parent.type] ?? parent.type}`,
        'put blocks at the top level of a page, on a line of their own',
      );
    }
  });
}
