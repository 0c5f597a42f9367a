import type { GlossaryTerm } from '../../course/model.ts';
import { routePath } from '../routing/route.ts';

// Links glossary terms in compiled, sanitized HTML. The compiler's HTML is well formed and its text
// never holds a raw `<`, so splitting on tags is exact. Text inside links, headings, code and buttons
// is left alone.

const SKIP = new Set(['a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'button', 'figcaption']);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Candidate {
  termId: string;
  pattern: RegExp;
}

function candidates(terms: readonly GlossaryTerm[]): Candidate[] {
  return terms.map((term) => {
    const forms = [term.term, ...term.aliases]
      .filter((form) => form.trim().length > 1)
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp);
    return {
      termId: term.id,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
    };
  });
}

interface Match {
  start: number;
  end: number;
  termId: string;
}

function linkText(text: string, list: Candidate[], used: Set<string>): string {
  const matches: Match[] = [];
  for (const candidate of list) {
    if (used.has(candidate.termId)) continue;
    const m = candidate.pattern.exec(text);
    if (m) matches.push({ start: m.index, end: m.index + m[0].length, termId: candidate.termId });
  }
  if (matches.length === 0) return text;
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const match of matches) {
    if (match.start < at || used.has(match.termId)) continue;
    used.add(match.termId);
    out += text.slice(at, match.start);
    out += `<a class="term" href="#/${routePath({ kind: 'glossary', term: match.termId })}" data-term="${match.termId}">`;
    out += `${text.slice(match.start, match.end)}</a>`;
    at = match.end;
  }
  return out + text.slice(at);
}

/**
 * Wraps the first occurrence of each glossary term (or alias) in a link to its definition. `used`
 * carries the terms already linked on the page and receives the ones linked here.
 */
export function linkGlossary(options: {
  html: string;
  terms: readonly GlossaryTerm[];
  used?: Set<string>;
}): string {
  const { html, terms } = options;
  const used = options.used ?? new Set<string>();
  if (terms.length === 0) return html;
  const list = candidates(terms);
  const parts = html.split(/(<[^>]*>)/);
  const open: string[] = [];
  let out = '';
  for (const part of parts) {
    if (part.startsWith('<')) {
      const tag = /^<(\/?)([a-zA-Z0-9]+)/.exec(part);
      if (tag?.[2]) {
        const name = tag[2].toLowerCase();
        if (SKIP.has(name)) {
          if (tag[1] === '/') {
            const i = open.lastIndexOf(name);
            if (i >= 0) open.splice(i, 1);
          } else if (!part.endsWith('/>')) {
            open.push(name);
          }
        }
      }
      out += part;
    } else {
      out += open.length > 0 ? part : linkText(part, list, used);
    }
  }
  return out;
}
