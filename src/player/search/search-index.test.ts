import { describe, expect, it } from 'vitest';
import { normalize, SearchIndex } from './search-index.ts';
import { htmlToText } from './text.ts';

const docs = [
  {
    material: 'm',
    materialTitle: 'M',
    page: 'body',
    title: 'Etika publik',
    text: 'Gratifikasi adalah pemberian. Gratifikasi lagi.',
  },
  {
    material: 'm',
    materialTitle: 'M',
    page: 'title',
    title: 'Gratifikasi dan suap',
    text: 'Penerimaan hadiah.',
  },
  { material: 'm', materialTitle: 'M', page: 'other', title: 'Loyal', text: 'Setia kepada negara.' },
];

describe('SearchIndex', () => {
  it('ranks a match in the title above matches in the body', () => {
    expect(new SearchIndex(docs).search('gratifikasi').map((r) => r.page)).toEqual(['title', 'body']);
  });

  it('needs every word of the query, matching word starts, ignoring case and diacritics', () => {
    const index = new SearchIndex(docs);
    expect(index.search('GRATIF hadiah').map((r) => r.page)).toEqual(['title']);
    expect(index.search('sétia').map((r) => r.page)).toEqual(['other']);
    expect(index.search('ifikasi')).toEqual([]);
    expect(index.search('a')).toEqual([]);
  });

  it('gives a snippet around the match', () => {
    expect(new SearchIndex(docs).search('negara')[0]?.snippet).toContain('Setia kepada negara.');
  });
});

describe('text helpers', () => {
  it('turns sanitized HTML into plain text', () => {
    expect(htmlToText('<p>A &amp; B</p><ul><li>satu</li><li>dua&#x21;</li></ul>')).toBe('A & B satu dua!');
  });
  it('normalizes for search', () => {
    expect(normalize('Élan')).toBe('elan');
  });
});
