import fc from 'fast-check';
import { toString as mdastText } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../compile/markdown.ts';
import { compileCourse } from '../index.ts';
import { decodeEntities, escapeLineStart, escapeText, plainToMarkdown, toMarkdown } from './text.ts';

const markdown = (
  text: string,
  format: Parameters<typeof toMarkdown>[1],
  mode: 'block' | 'inline' = 'block',
) => {
  const result = toMarkdown(text, format, mode);
  if ('problem' in result) throw new Error(result.problem.message);
  return result.markdown;
};

describe('plain text to Markdown', () => {
  it('renders back to the very same text, whatever characters it holds', () => {
    const alphabet = fc.constantFrom(
      ...'abc xyz 019 *_`[]()<>!#&;:~|\\-+=.){}"\'/ ä…'.split(''),
      '&amp;',
      '&#39;',
      '1. ',
      '- ',
      '# ',
      '> ',
      '::',
      '---',
      'http://x.id',
      'https://',
      'www.',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 24 }), (pieces) => {
        const line = pieces.join('').trim();
        const escaped = escapeLineStart(escapeText(line));
        expect(mdastText(parseMarkdown(escaped))).toBe(line);
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it('renders several lines back to the same text: no line becomes a heading, rule, list or table', () => {
    const piece = fc.constantFrom(
      ...'ab 1*_`[]<>#&:~|\\-+=.)'.split(''),
      '1. ',
      '- ',
      '===',
      '---',
      '-:',
      '--|--',
      '::',
    );
    const line = fc
      .array(piece, { maxLength: 10 })
      .map((pieces) => pieces.join('').trim())
      .filter((text) => text !== '');
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        // a hard break has no text of its own, so the rendered text is the lines run together
        expect(mdastText(parseMarkdown(plainToMarkdown(lines.join('\n'), 'block')))).toBe(lines.join(''));
      }),
      { numRuns: 1000 },
    );
  }, 30_000);

  it.each([
    ['Nilai 2*3*4', 'Nilai 2\\*3\\*4'],
    ['nama_file dan _miring_', 'nama_file dan \\_miring\\_'],
    ['1. Melayani', '1\\. Melayani'],
    ['2024.', '2024\\.'],
    ['- poin', '\\- poin'],
    ['# bukan judul', '\\# bukan judul'],
    ['> bukan kutipan', '\\> bukan kutipan'],
    ['::check{question=x}', '\\::check{question=x}'],
    ['---', '\\---'],
    ['-- -', '\\-- -'],
    ['-:', '\\-:'],
    ['a &amp; b & c', 'a \\&amp; b & c'],
    ['<b>bukan tag</b>', '\\<b\\>bukan tag\\</b\\>'],
    ['Pasal [12C]', 'Pasal \\[12C\\]'],
    ['pukul 10:30, catatan:penting', 'pukul 10:30, catatan:penting'],
    ['Lihat https://jdih.go.id/uu_25~a*b.', 'Lihat <https://jdih.go.id/uu_25~a*b>.'],
    ['Lapor di www.kpk.go.id', 'Lapor di www\\.kpk.go.id'],
  ])('escapes %j', (text, expected) => {
    expect(plainToMarkdown(text, 'block')).toBe(expected);
  });

  it('keeps line ends as hard breaks and an empty line as a new paragraph in a stem', () => {
    expect(plainToMarkdown('Perhatikan:\n1. satu\n  2. dua\n\nPilih yang benar.', 'block')).toBe(
      'Perhatikan:\\\n1\\. satu\\\n2\\. dua\n\nPilih yang benar.',
    );
  });

  it('joins the lines of an option into one', () => {
    expect(plainToMarkdown('Menolak\n  parsel', 'inline')).toBe('Menolak parsel');
  });
});

describe('HTML to Markdown', () => {
  it.each([
    ['<p>Mana yang <b>bukan</b> penyelenggara?</p>', 'Mana yang **bukan** penyelenggara?'],
    ['<p>Satu</p><p>Dua</p>', 'Satu\n\nDua'],
    ['<p>Satu<p>Dua', 'Satu\n\nDua'],
    ['Baris satu<br>baris dua<br/>', 'Baris satu\\\nbaris dua'],
    ['<strong> kata </strong>lain', ' **kata** lain'.trim()],
    ['ka<i>ta</i>', 'ka*ta*'],
    ['<em>miring</em> dan <u>garis bawah</u>', '*miring* dan **garis bawah**'],
    ['<span style="color:red">merah</span> <font face="Arial">biasa</font>', 'merah biasa'],
    ['<div>Satu</div><div>Dua</div>', 'Satu\n\nDua'],
    ['Komponen:<ul><li>persyaratan;</li><li>waktu;</li></ul>', 'Komponen:\n\n- persyaratan;\n- waktu;'],
    ['<ol><li>satu<li>dua</ol>', '1. satu\n2. dua'],
    ['<ul><li>a<ul><li>a1</li></ul></li></ul>', '- a\n\n  - a1'],
    [
      'Lihat <a href="https://peraturan.bpk.go.id/Details/38748/uu-no-25-tahun-2009">UU 25/2009</a>.',
      'Lihat [UU 25/2009](https://peraturan.bpk.go.id/Details/38748/uu-no-25-tahun-2009).',
    ],
    ['Kode <code>AK/1*</code>', 'Kode `AK/1*`'],
    ['A &amp; B &lt;C&gt; &quot;D&quot; &#8230; &#x2014; &nbsp;E', 'A & B \\<C\\> "D" … — E'],
    ['2*3 <!-- catatan --> = 6', '2\\*3 = 6'],
    ['<p>1. bukan daftar</p>', '1\\. bukan daftar'],
  ])('converts %j', (html, expected) => {
    expect(markdown(html, 'html')).toBe(expected);
  });

  it('reads line ends as <br> in Moodle auto-format unless the text has block tags', () => {
    expect(markdown('Baris <b>satu</b>\nbaris dua', 'moodle')).toBe('Baris **satu**\\\nbaris dua');
    expect(markdown('<p>Satu\ndua</p>', 'moodle')).toBe('Satu dua');
  });

  it('keeps an option on one line', () => {
    expect(markdown('<p>Menolak <b>parsel</b></p>', 'html', 'inline')).toBe('Menolak **parsel**');
    expect(markdown('satu<br>dua', 'html', 'inline')).toBe('satu dua');
  });

  it.each([
    ['<img src="x.png">', 0, '`<img>` has no faithful Markdown form in an imported item'],
    ['Rumus H<sub>2</sub>O', 7, '`<sub>` has no faithful Markdown form in an imported item'],
    [
      '<p>a</p><table><tr><td>1</td></tr></table>',
      8,
      '`<table>` has no faithful Markdown form in an imported item',
    ],
    ['<script>alert(1)</script>', 0, '`<script>` has no faithful Markdown form in an imported item'],
    ['<b>tebal</i>', 8, '`</i>` closes a tag that is not open'],
    ['<a href="javascript:alert(1)">klik</a>', 0, 'A link to `javascript:alert(1)` cannot be imported'],
    [
      '<a href="@@PLUGINFILE@@/uu.pdf">UU</a>',
      0,
      'A link to a file stored in Moodle (@@PLUGINFILE@@) cannot be imported',
    ],
    ['<li>tanpa daftar</li>', 0, '`<li>` outside a list'],
  ])('refuses %j with the place of the tag', (html, offset, message) => {
    const result = toMarkdown(html, 'html', 'block');
    expect(result).toMatchObject({ problem: { offset, message, ruleId: 'unsupported-html' } });
  });

  it('refuses a list in an option', () => {
    expect(toMarkdown('<ul><li>a</li></ul>', 'html', 'inline')).toMatchObject({
      problem: { offset: 0, message: '`<ul>` in an option: an option is one line of text' },
    });
  });

  it('decodes named and numeric references and keeps unknown ones', () => {
    expect(decodeEntities('&hellip; &#65; &#x42; &tidakada;')).toBe('… A B &tidakada;');
  });
});

describe('what the compiler renders', () => {
  it('shows the learner the characters of the source bank', () => {
    const stem = markdown('Nilai 2*3 <b>dan</b> [Pasal 1] & <i>akuntabel</i>_x', 'moodle');
    const option = markdown('<kode> #1 ~ | a_b', 'plain', 'inline');
    const bank = `questions:\n  - id: q\n    page: a\n    level: C2\n    stem: ${JSON.stringify(stem)}\n    options:\n      - text: ${JSON.stringify(option)}\n        correct: true\n      - text: b\n      - text: c\n    explanation: x\n`;
    const { course, diagnostics } = compileCourse({
      files: new Map([
        ['course.yaml', 'id: c\nversion: "1"\ntitle: C\npublisher: P\nhours: 1\nmaterials: [01-m.md]\n'],
        ['01-m.md', '---\nid: m\ntitle: M\n---\n\n## A {#a}\n\nTeks.\n'],
        ['questions.yaml', bank],
      ]),
    });
    expect(diagnostics).toEqual([]);
    expect(course?.questions[0]?.stem).toBe(
      '<p>Nilai 2*3 <strong>dan</strong> [Pasal 1] &#x26; <em>akuntabel</em>_x</p>',
    );
    expect(course?.questions[0]?.options[0]?.html).toBe('&#x3C;kode> #1 ~ | a_b');
  });
});
