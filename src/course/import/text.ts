// Turns the text of an imported item (plain, Moodle auto-format, HTML or Markdown) into the Markdown
// that questions.yaml holds, so the compiler renders exactly what the source bank showed.

/** GIFT's `[format]` markers; Aiken is always plain. `moodle` is GIFT's default (text, HTML allowed). */
export type TextFormat = 'moodle' | 'html' | 'plain' | 'markdown';

/** `block` for stems and explanations (paragraphs, line breaks, lists); `inline` for one option. */
export type TextMode = 'block' | 'inline';

export interface TextProblem {
  /** offset in the text given to toMarkdown */
  offset: number;
  ruleId: string;
  message: string;
  hint: string;
}

export type Converted = { markdown: string } | { problem: TextProblem };

/**
 * Converts one piece of an imported item to Markdown; HTML it cannot convert faithfully is a problem,
 * never dropped.
 * @example toMarkdown('Berapa 2*3?', 'plain', 'block') // { markdown: 'Berapa 2\\*3?' }
 */
export function toMarkdown(text: string, format: TextFormat, mode: TextMode): Converted {
  if (format === 'markdown') {
    return { markdown: mode === 'inline' ? text.trim().replace(/\s*\n\s*/g, ' ') : trimLines(text) };
  }
  if (format === 'html' || (format === 'moodle' && /<[a-zA-Z!/]/.test(text))) {
    // Moodle's auto-format turns line ends into <br> unless the author wrote the structure in tags
    const breaks = format === 'moodle' && !/<\/?(?:p|div|br|ul|ol|li)\b/i.test(text);
    return htmlToMarkdown(text, mode, breaks);
  }
  return { markdown: plainToMarkdown(text, mode) };
}

function trimLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** Plain text: each line kept as a line (Moodle shows line ends), `\n\n` starts a paragraph. */
export function plainToMarkdown(text: string, mode: TextMode): string {
  const paragraphs = text
    .split(/\n[ \t]*\n+/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0);
  if (mode === 'inline') {
    return escapeLineStart(escapeText(paragraphs.flat().join(' ').replace(/\s+/g, ' ')));
  }
  return paragraphs
    .map((lines) => lines.map((line) => escapeLineStart(escapeText(line))).join('\\\n'))
    .join('\n\n');
}

/**
 * Escapes the characters that would make Markdown (CommonMark, GFM, directives) read plain text as
 * markup; the rendered text is the input, character for character. An http(s) address becomes an
 * autolink `<…>`, inside which nothing is markup (GFM would otherwise link it with the escapes in it).
 */
export function escapeText(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s<>`]+/gi)) {
    // trailing punctuation ends the sentence, not the address
    const address = match[0].replace(/[.,;:!?'")\]*_~]+$/, '');
    if (!/^https?:\/\/./i.test(address)) continue;
    out += `${escapeChars(text.slice(last, match.index), out.slice(-1))}<${address}>`;
    last = match.index + address.length;
  }
  return out + escapeChars(text.slice(last), out.slice(-1));
}

function escapeChars(text: string, before: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    const previous = i === 0 ? before : (text[i - 1] ?? '');
    if ('\\`*[]<>~|'.includes(c)) out += `\\${c}`;
    else if (c === '_') {
      // an underscore between letters never makes emphasis ("nama_file"); elsewhere it might
      const inWord = /[\p{L}\p{N}]/u.test(previous) && /[\p{L}\p{N}]/u.test(text[i + 1] ?? '');
      out += inWord ? c : '\\_';
    } else if (c === '&' && /^&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(text.slice(i))) out += '\\&';
    // GFM links "www.x.id" on its own, with any escapes inside it
    else if (c === '.' && /(?:^|[^\p{L}\p{N}])www$/iu.test(text.slice(0, i))) out += '\\.';
    else out += c;
  }
  return out;
}

/** Escapes what only means something at the start of a line: headings, quotes, lists, rules, directives. */
export function escapeLineStart(line: string): string {
  if (/^[#>:]/.test(line)) return `\\${line}`;
  // a list item, a setext underline, a rule ("- - -") or a table's delimiter row ("-:", "--|--")
  if (/^[-+](?:\s|$)/.test(line) || /^=+\s*$/.test(line) || /^-(?:[-:\s]|\\\|)*$/.test(line)) {
    return `\\${line}`;
  }
  const ordered = /^(\d{1,9})([.)])(?=\s|$)/.exec(line);
  if (ordered) return `${ordered[1]}\\${line.slice(ordered[1]?.length ?? 0)}`;
  return line;
}

// ---- HTML ----

interface Element {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  offset: number;
}
type Node = Element | { text: string } | { br: true };

const STRONG = new Set(['b', 'strong', 'u']);
const EMPHASIS = new Set(['i', 'em']);
const UNWRAP = new Set(['span', 'font']);
const PARAGRAPH = new Set(['p', 'div']);
const LIST = new Set(['ul', 'ol']);
const INLINE = new Set([...STRONG, ...EMPHASIS, ...UNWRAP, 'a', 'code', 'tt']);
const KNOWN = new Set([...INLINE, ...PARAGRAPH, ...LIST, 'li', 'br']);

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  deg: '°',
  times: '×',
  divide: '÷',
  plusmn: '±',
  le: '≤',
  ge: '≥',
  ne: '≠',
  copy: '©',
  reg: '®',
  sect: '§',
  para: '¶',
  euro: '€',
  rarr: '→',
  larr: '←',
};

/** Decodes HTML character references; an unknown name stays as it was written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const HINTS: Record<string, string> = {
  img: 'an item cannot carry a picture: describe it in words, or put the figure on the page the item tests',
  table: 'rewrite the table as text (one line per row), or put it on the page the item tests',
  sub: 'write the formula in plain text (e.g. H2O, m2)',
  sup: 'write the formula in plain text (e.g. H2O, m2)',
};

function unsupported(tag: string, offset: number, detail = ''): { problem: TextProblem } {
  return {
    problem: {
      offset,
      ruleId: 'unsupported-html',
      message: `\`<${tag}>\`${detail} has no faithful Markdown form in an imported item`,
      hint:
        HINTS[tag] ??
        'rewrite this part as plain text, or as Markdown with the `[markdown]` marker; supported tags: p, div, br, b, strong, u, i, em, span, font, a, code, ul, ol, li',
    },
  };
}

function parseHtml(text: string, newlineBreaks: boolean): { nodes: Node[] } | { problem: TextProblem } {
  const root: Element = { tag: '', attrs: {}, children: [], offset: 0 };
  const stack: Element[] = [root];
  const current = () => stack[stack.length - 1] ?? root;
  const tagPattern =
    /<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s/>=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/y;
  let i = 0;
  let textStart = 0;
  const flushText = (end: number) => {
    if (end <= textStart) return;
    const slice = text.slice(textStart, end);
    const pieces = newlineBreaks ? slice.split('\n') : [slice];
    pieces.forEach((piece, index) => {
      if (index > 0) current().children.push({ br: true });
      if (piece) current().children.push({ text: decodeEntities(piece) });
    });
  };
  while (i < text.length) {
    tagPattern.lastIndex = i;
    const match = text[i] === '<' ? tagPattern.exec(text) : null;
    if (!match) {
      i++;
      continue;
    }
    flushText(i);
    const offset = i;
    i = tagPattern.lastIndex;
    textStart = i;
    const name = match[1]?.toLowerCase();
    if (!name) continue; // a comment
    const closing = match[0].startsWith('</');
    if (!KNOWN.has(name)) return unsupported(name, offset);
    if (name === 'br') {
      if (!closing) current().children.push({ br: true });
      continue;
    }
    if (closing) {
      const open = stack.findLastIndex((element) => element.tag === name);
      if (open <= 0) {
        return {
          problem: {
            offset,
            ruleId: 'unsupported-html',
            message: `\`</${name}>\` closes a tag that is not open`,
            hint: `remove it, or add the \`<${name}>\` it closes`,
          },
        };
      }
      stack.length = open;
      continue;
    }
    // a new paragraph or list item closes the one still open, as browsers do
    if (name === 'p' && current().tag === 'p') stack.pop();
    if (name === 'li') {
      const item = stack.findLastIndex((element) => element.tag === 'li');
      const list = stack.findLastIndex((element) => LIST.has(element.tag));
      if (item > list && item > 0) stack.length = item;
    }
    const element: Element = { tag: name, attrs: attributes(match[2] ?? ''), children: [], offset };
    current().children.push(element);
    stack.push(element);
  }
  flushText(text.length);
  return { nodes: root.children };
}

function attributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const match of source.matchAll(/([^\s/>=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = match[1]?.toLowerCase();
    if (name) attrs[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attrs;
}

type Block = { paragraph: string } | { list: { ordered: boolean; items: Block[][] } };

class Unsupported {
  constructor(readonly problem: TextProblem) {}
}

function htmlToMarkdown(text: string, mode: TextMode, breaks: boolean): Converted {
  const parsed = parseHtml(text, breaks);
  if ('problem' in parsed) return parsed;
  try {
    if (mode === 'inline') {
      for (const node of parsed.nodes) assertInline(node, true);
      const line = renderInline(parsed.nodes, true).replace(/\s+/g, ' ').trim();
      return { markdown: escapeLineStart(line) };
    }
    return { markdown: renderBlocks(toBlocks(parsed.nodes), '') };
  } catch (error) {
    if (error instanceof Unsupported) return { problem: error.problem };
    throw error;
  }
}

function assertInline(node: Node, top: boolean): void {
  if (!('tag' in node)) return;
  if (LIST.has(node.tag) || node.tag === 'li') {
    throw new Unsupported({
      offset: node.offset,
      ruleId: 'unsupported-html',
      message: `\`<${node.tag}>\` in an option: an option is one line of text`,
      hint: 'write the option as one sentence, or move the list into the question text',
    });
  }
  if (PARAGRAPH.has(node.tag) && !top) {
    throw new Unsupported({
      offset: node.offset,
      ruleId: 'unsupported-html',
      message: `\`<${node.tag}>\` inside inline text`,
      hint: 'remove the tag; an option is one line of text',
    });
  }
  for (const child of node.children) assertInline(child, top && PARAGRAPH.has(node.tag));
}

/** groups the top level into paragraphs and lists; inline runs between blocks become paragraphs */
function toBlocks(nodes: Node[]): Block[] {
  const blocks: Block[] = [];
  let run: Node[] = [];
  const flush = () => {
    const paragraph = renderParagraph(run);
    if (paragraph) blocks.push({ paragraph });
    run = [];
  };
  for (const node of nodes) {
    if ('tag' in node && PARAGRAPH.has(node.tag)) {
      flush();
      blocks.push(...toBlocks(node.children));
    } else if ('tag' in node && LIST.has(node.tag)) {
      flush();
      const items = node.children
        .filter((child): child is Element => 'tag' in child && child.tag === 'li')
        .map((item) => toBlocks(item.children));
      const stray = node.children.find(
        (child) => ('tag' in child && child.tag !== 'li') || ('text' in child && child.text.trim() !== ''),
      );
      if (stray) {
        throw new Unsupported({
          offset: 'tag' in stray ? stray.offset : node.offset,
          ruleId: 'unsupported-html',
          message: `\`<${node.tag}>\` holds something other than \`<li>\` items`,
          hint: 'put each entry of the list in <li>…</li>',
        });
      }
      blocks.push({ list: { ordered: node.tag === 'ol', items } });
    } else if ('tag' in node && node.tag === 'li') {
      throw new Unsupported({
        offset: node.offset,
        ruleId: 'unsupported-html',
        message: '`<li>` outside a list',
        hint: 'put the items in <ul>…</ul> or <ol>…</ol>',
      });
    } else run.push(node);
  }
  flush();
  return blocks;
}

function renderParagraph(nodes: Node[]): string {
  return renderInline(nodes, false)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .map(escapeLineStart)
    .join('\\\n');
}

/** inline HTML to Markdown; `<br>` becomes a newline (a hard break, or a space in an option) */
function renderInline(nodes: Node[], flat: boolean): string {
  let out = '';
  for (const node of nodes) {
    if ('text' in node) out += escapeText(node.text.replace(/\s+/g, ' '));
    else if ('br' in node) out += flat ? ' ' : '\n';
    else if (PARAGRAPH.has(node.tag)) out += ` ${renderInline(node.children, flat)} `;
    else if (UNWRAP.has(node.tag)) out += renderInline(node.children, flat);
    else if (STRONG.has(node.tag) || EMPHASIS.has(node.tag)) {
      out += wrap(renderInline(node.children, flat), STRONG.has(node.tag) ? '**' : '*');
    } else if (node.tag === 'code' || node.tag === 'tt') out += code(plainText(node.children));
    else if (node.tag === 'a') out += link(node, renderInline(node.children, flat));
    else if (LIST.has(node.tag) || node.tag === 'li') {
      throw new Unsupported({
        offset: node.offset,
        ruleId: 'unsupported-html',
        message: `\`<${node.tag}>\` inside a sentence`,
        hint: 'start the list after the sentence, outside <b>, <i>, <a> and <span>',
      });
    }
  }
  return out;
}

/** emphasis markers hug the words: `<b> kata </b>` is ` **kata** `, not `** kata **` */
function wrap(inner: string, marker: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner);
  const [, lead = '', body = '', trail = ''] = match ?? [];
  if (body === '') return inner;
  if (body.includes('\n')) {
    return `${lead}${body
      .split('\n')
      .map((line) => (line.trim() ? `${marker}${line.trim()}${marker}` : line))
      .join('\n')}${trail}`;
  }
  return `${lead}${marker}${body}${marker}${trail}`;
}

function plainText(nodes: Node[]): string {
  return nodes
    .map((node) => ('text' in node ? node.text : 'br' in node ? ' ' : plainText(node.children)))
    .join('');
}

function code(text: string): string {
  const value = text.replace(/\s+/g, ' ');
  const fence = value.includes('`') ? '``' : '`';
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

function link(node: Element, label: string): string {
  const href = (node.attrs.href ?? '').trim();
  if (!/^(?:https?:\/\/|mailto:)/i.test(href)) {
    const detail = href.includes('@@PLUGINFILE@@')
      ? ' to a file stored in Moodle (@@PLUGINFILE@@)'
      : ` to \`${href || '(no href)'}\``;
    throw new Unsupported({
      offset: node.offset,
      ruleId: 'unsupported-html',
      message: `A link${detail} cannot be imported`,
      hint: 'link to a public https: address, or write the text without the link',
    });
  }
  const text = label.trim() || escapeText(href);
  const target = /[\s()<>]/.test(href) ? `<${href.replace(/[<>]/g, encodeURIComponent)}>` : href;
  return `[${text}](${target})`;
}

function renderBlocks(blocks: Block[], indent: string): string {
  return blocks
    .map((block) => {
      if ('paragraph' in block) return block.paragraph.split('\n').join(`\n${indent}`);
      return block.list.items
        .map((item, index) => {
          const marker = block.list.ordered ? `${index + 1}. ` : '- ';
          const inner = renderBlocks(item, indent + ' '.repeat(marker.length));
          return `${marker}${inner}`;
        })
        .join(`\n${indent}`);
    })
    .filter((text) => text !== '')
    .join(`\n\n${indent}`);
}
