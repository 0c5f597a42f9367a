import { describe, expect, it } from 'vitest';
import { compileCourse } from '../index.ts';
import { slug, splitFrontMatter } from './markdown.ts';

const course = (material: string, extra: Record<string, string> = {}) =>
  compileCourse({
    files: new Map([
      ['course.yaml', 'id: c\nversion: "1"\ntitle: C\npublisher: P\nhours: 1\nmaterials: [01-m.md]\n'],
      ['01-m.md', `---\nid: m\ntitle: M\n---\n\nSampul.\n\n${material}`],
      ...Object.entries(extra),
    ]),
  });

describe('markdown pages', () => {
  it('keeps `:word` in prose as the text the author wrote', () => {
    const { course: built, diagnostics } = course(
      '## Jadwal {#jadwal}\n\nPukul 10:30 WIB, catatan:penting.\n',
    );
    expect(diagnostics).toEqual([]);
    expect(built?.materials[0]?.pages[0]?.blocks[0]).toEqual({
      kind: 'prose',
      html: '<p>Pukul 10:30 WIB, catatan:penting.</p>',
    });
  });

  it('derives a page id from its title when none is given', () => {
    const { course: built } = course('## Lima Tingkatan Akuntabilitas\n\nTeks.\n');
    expect(built?.materials[0]?.pages[0]?.id).toBe('lima-tingkatan-akuntabilitas');
  });

  it('counts the words of the page but not of its pop-ups', () => {
    const { course: built } = course(
      '## A {#a}\n\nsatu dua tiga\n\n:::popup[Buka]{title="T"}\nempat lima enam tujuh\n:::\n',
    );
    expect(built?.materials[0]?.pages[0]?.words).toBe(3);
  });

  it('offers the regulation and the video as ways to complete a page', () => {
    const { course: built } = course('## A {#a}\n\nTeks.\n\n::regulation{id=uu-1-2000}\n', {
      'resources.yaml': 'resources:\n  - id: uu-1-2000\n    kind: regulation\n    title: UU 1/2000\n',
    });
    expect(built?.materials[0]?.pages[0]?.completion).toEqual(['read', 'regulation']);
  });

  it('removes raw HTML from the build and warns', () => {
    const { course: built, diagnostics } = course('## A {#a}\n\n<img src=x onerror=alert(1)>\n\nAman.\n');
    expect(JSON.stringify(built)).not.toContain('onerror');
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['unsafe-html']);
  });

  it('collects every error of a run instead of stopping at the first', () => {
    const { course: built, diagnostics } = course(
      '## A {#a}\n\n::regulaton{id=x}\n\n## B {#a}\n\n::figure{src="media/x.svg"}\n',
    );
    expect(built).toBeUndefined();
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['unknown-directive', 'duplicate-id', 'missing-alt']);
  });

  it('splits front matter and keeps the body on its original lines', () => {
    const split = splitFrontMatter('---\nid: a\n---\nteks');
    expect(split?.yaml).toBe('id: a');
    expect(split?.body.split('\n')[3]).toBe('teks');
  });

  it('makes ids from Indonesian titles', () => {
    expect(slug('Perbedaan Hadiah, Gratifikasi & Suap')).toBe('perbedaan-hadiah-gratifikasi-suap');
  });
});
