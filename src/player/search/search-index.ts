// Full-text search over the course, in the browser and offline: a small inverted scan over normalized
// text, ranking matches in titles above matches in the body.

export interface SearchDocument {
  material: string;
  materialTitle: string;
  page: string;
  title: string;
  text: string;
}

export interface SearchResult {
  material: string;
  materialTitle: string;
  page: string;
  title: string;
  /** a stretch of the text around the first match */
  snippet: string;
  score: number;
}

interface Indexed {
  doc: SearchDocument;
  title: string;
  titleWords: string[];
  text: string;
}

/** lowercase, without diacritics: "Akuntabilitas" and "akuntabilitas" meet, so do "é" and "e" */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export function tokenize(query: string): string[] {
  return [...new Set(normalize(query).split(/[^\p{L}\p{N}]+/u))].filter((t) => t.length >= 2);
}

function countWordStarts(haystack: string, token: string, limit: number): number {
  let count = 0;
  let from = 0;
  while (count < limit) {
    const i = haystack.indexOf(token, from);
    if (i < 0) break;
    const before = i === 0 ? ' ' : (haystack[i - 1] ?? ' ');
    if (!/[\p{L}\p{N}]/u.test(before)) count++;
    from = i + token.length;
  }
  return count;
}

function snippetOf(text: string, normalized: string, tokens: string[], width = 160): string {
  let at = -1;
  for (const token of tokens) {
    const i = normalized.indexOf(token);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) return text.slice(0, width) + (text.length > width ? '…' : '');
  const start = Math.max(0, at - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  return (start > 0 ? '…' : '') + text.slice(start, end).trim() + (end < text.length ? '…' : '');
}

export class SearchIndex {
  #docs: Indexed[];

  constructor(docs: readonly SearchDocument[]) {
    this.#docs = docs.map((doc) => {
      const title = normalize(doc.title);
      return { doc, title, titleWords: title.split(/[^\p{L}\p{N}]+/u), text: normalize(doc.text) };
    });
  }

  get size(): number {
    return this.#docs.length;
  }

  /** Pages that contain every word of the query (as a word or word start), best first. */
  search(query: string, limit = 50): SearchResult[] {
    const tokens = tokenize(query);
    if (tokens.length === 0) return [];
    const results: SearchResult[] = [];
    for (const entry of this.#docs) {
      let score = 0;
      let all = true;
      for (const token of tokens) {
        const inTitle = entry.titleWords.some((w) => w.startsWith(token));
        const exactTitle = entry.titleWords.includes(token);
        const inBody = countWordStarts(entry.text, token, 5);
        if (!inTitle && inBody === 0) {
          all = false;
          break;
        }
        score += (exactTitle ? 30 : inTitle ? 20 : 0) + inBody;
      }
      if (!all) continue;
      if (entry.title.includes(tokens.join(' '))) score += 20;
      results.push({
        material: entry.doc.material,
        materialTitle: entry.doc.materialTitle,
        page: entry.doc.page,
        title: entry.doc.title,
        snippet: snippetOf(entry.doc.text, entry.text, tokens),
        score,
      });
    }
    return results.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
