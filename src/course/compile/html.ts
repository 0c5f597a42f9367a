import type { Root, RootContent } from 'mdast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

// GitHub's sanitize schema, minus the `user-content-` id prefix (ids never come from authors' HTML here)
const schema = { ...defaultSchema, clobberPrefix: '' };

const processor = unified().use(remarkRehype).use(rehypeSanitize, schema).use(rehypeStringify);

/** Markdown nodes to sanitized HTML; raw HTML in the source is dropped (and reported by the caller). */
export function toHtml(nodes: RootContent[]): string {
  if (nodes.length === 0) return '';
  const root: Root = { type: 'root', children: nodes };
  const hast = processor.runSync(root);
  return processor.stringify(hast).trim();
}
