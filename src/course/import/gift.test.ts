import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, formatDiagnostic } from '../diagnostics.ts';
import { QuestionSource } from '../schema/questions.ts';
import { parseGift } from './gift.ts';
import type { ImportOptions } from './items.ts';

const defaults: ImportOptions = { file: 'bank.gift', page: 'gratifikasi', level: 'C2' };
const gift = (text: string, options: Partial<ImportOptions> = {}) =>
  parseGift(text, { ...defaults, ...options });
const at = (d: Diagnostic) => `${d.line}:${d.column} ${d.severity} [${d.ruleId}]`;

describe('parseGift: multiple-choice items', () => {
  it('reads a titled item with option feedback and general feedback', () => {
    const result = gift(
      [
        '::AK-01 Batas lapor::Gratifikasi wajib dilaporkan kepada KPK paling lambat …{',
        '  ~7 hari kerja#Terlalu singkat; itu bukan batas dalam Pasal 12C.',
        '  =30 hari kerja#Tepat.',
        '  ~60 hari kerja',
        '  ####Pasal 12C UU 31/1999 jo. UU 20/2001 menetapkan 30 hari kerja sejak diterima.',
        '}',
      ].join('\n'),
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.questions).toEqual([
      {
        id: 'imp-001',
        page: 'gratifikasi',
        level: 'C2',
        formative: false,
        stem: 'Gratifikasi wajib dilaporkan kepada KPK paling lambat …',
        options: [
          { text: '7 hari kerja' },
          { text: '30 hari kerja', correct: true },
          { text: '60 hari kerja' },
        ],
        explanation: [
          'Pasal 12C UU 31/1999 jo. UU 20/2001 menetapkan 30 hari kerja sejak diterima.',
          '',
          'Tepat.',
          '',
          'Pilihan lain:',
          '',
          '- 7 hari kerja: Terlalu singkat; itu bukan batas dalam Pasal 12C.',
        ].join('\n'),
      },
    ]);
    expect(result.origins).toEqual([{ line: 1, column: 1, title: 'AK-01 Batas lapor' }]);
  });

  it('names the correct answer when the item has no feedback, and says so once for all such items', () => {
    const result = gift('Soal satu? {=a ~b ~c}\n\nSoal dua? {~a =b ~c}\n\nSoal tiga? {~a ~b =c#Ya.}');
    expect(result.questions.map((q) => q.explanation)).toEqual([
      'Jawaban yang benar: a.',
      'Jawaban yang benar: b.',
      'Ya.',
    ]);
    expect(result.diagnostics.map(at)).toEqual(['1:1 warning [missing-explanation]']);
    expect(result.diagnostics[0]?.message).toBe(
      '2 items have no feedback (lines 1, 3): the explanation only names the correct answer',
    );
  });

  it('writes the generated sentence in English for an English course', () => {
    const result = gift('Which law? {=UU 25/2009 ~UU 5/2014 ~UU 23/2014}', { language: 'en' });
    expect(result.questions[0]?.explanation).toBe('The correct answer is: UU 25/2009.');
  });

  it('ignores // comment lines, also inside an answer block, and reads CRLF files', () => {
    const result = gift(
      '// Bank soal Akuntabel\r\n// disusun 2025\r\nSoal?{\r\n// opsi benar dulu\r\n=a\r\n~b\r\n~c\r\n}\r\n',
    );
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.questions[0]?.options.map((o) => o.text)).toEqual(['a', 'b', 'c']);
    expect(result.origins[0]).toMatchObject({ line: 3, column: 1 });
  });

  it('keeps the lines of a multiline question as line breaks, as Moodle shows them', () => {
    const result = gift(
      [
        'Perhatikan situasi berikut.',
        'Sebuah perusahaan mengirim parsel kepada petugas.',
        'Analisis yang tepat adalah …',
        '{~diterima =ditolak atau dilaporkan ~dibagikan}',
      ].join('\n'),
    );
    expect(result.questions[0]?.stem).toBe(
      'Perhatikan situasi berikut.\\\nSebuah perusahaan mengirim parsel kepada petugas.\\\nAnalisis yang tepat adalah …',
    );
  });

  it('turns text after the answers into a missing-word item with … as the blank', () => {
    const result = gift(
      'Pendaftaran kartu AK/1 {=tidak dipungut biaya ~dikenai biaya ~dikenai denda} bagi pencari kerja.',
    );
    expect(result.questions[0]?.stem).toBe('Pendaftaran kartu AK/1 … bagi pencari kerja.');
  });

  it('decodes the escapes \\~ \\= \\# \\{ \\} \\: \\\\ and \\n', () => {
    const result = gift(
      'Templat \\{nama\\} pukul 08\\:00, tagar \\#BanggaMelayani, 1 JP \\= 45 menit, \\~15 menit, C\\\\data\\nbaris baru {=a\\~b ~c\\=d ~e\\#f}',
    );
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.questions[0]?.stem).toBe(
      'Templat {nama} pukul 08:00, tagar #BanggaMelayani, 1 JP = 45 menit, \\~15 menit, C\\\\data\\\nbaris baru',
    );
    expect(result.questions[0]?.options.map((o) => o.text)).toEqual(['a\\~b', 'c=d', 'e#f']);
  });

  it.each([
    ['[markdown]', '[markdown]Mana yang **bukan** penyelenggara?', 'Mana yang **bukan** penyelenggara?'],
    ['[plain]', '[plain]Nilai 2*3 dan <b>tag</b>?', 'Nilai 2\\*3 dan \\<b\\>tag\\</b\\>?'],
    ['[html]', '[html]<p>Mana yang <b>bukan</b> penyelenggara?</p>', 'Mana yang **bukan** penyelenggara?'],
    ['[moodle] with tags', '[moodle]Mana yang <u>tidak</u> benar?', 'Mana yang **tidak** benar?'],
    ['no marker, text only', 'Nilai 2*3?', 'Nilai 2\\*3?'],
    ['an unknown marker, kept as text', '[abc]Soal?', '\\[abc\\]Soal?'],
  ])('reads the %s format', (_, stem, expected) => {
    const result = gift(`::T::${stem}{=a ~b ~c}`);
    expect(result.questions[0]?.stem).toBe(expected);
  });

  it('lets an option and a feedback carry their own format marker', () => {
    const result = gift('[html]Soal?{=[markdown]**a** ~<i>b</i> ~c####[plain]Karena 2*3.}');
    expect(result.questions[0]?.options.map((o) => o.text)).toEqual(['**a**', '*b*', 'c']);
    expect(result.questions[0]?.explanation).toBe('Karena 2\\*3.');
  });

  it('maps `$CATEGORY: <material>/<page>` to the page of the items after it', () => {
    const result = gift(
      '$CATEGORY: akuntabel/gratifikasi\n\nA? {=a ~b ~c}\n\n$CATEGORY: $course$/top/pelayanan/standar-loket\n\nB? {=a ~b ~c}',
      { page: undefined },
    );
    expect(result.questions.map((q) => q.page)).toEqual(['gratifikasi', 'standar-loket']);
    expect(
      result.origins.map((o) => o.category && [o.category.material, o.category.page, o.category.line]),
    ).toEqual([
      ['akuntabel', 'gratifikasi', 1],
      ['pelayanan', 'standar-loket', 5],
    ]);
  });

  it('warns when a category names no page and uses --page for its items', () => {
    const result = gift('$CATEGORY: $course$/top/Default for Akuntabel\n\nA? {=a ~b ~c#x}');
    expect(result.questions[0]?.page).toBe('gratifikasi');
    expect(result.diagnostics.map(at)).toEqual(['1:1 warning [category-not-a-page]']);
    expect(result.diagnostics[0]?.message).toBe(
      '`$CATEGORY: $course$/top/Default for Akuntabel` does not name a page; the items after it take --page gratifikasi',
    );
  });

  it('reads an item on the line right after $CATEGORY, with a warning', () => {
    const result = gift('$CATEGORY: akuntabel/gratifikasi\nA? {=a ~b ~c#x}');
    expect(result.questions[0]?.page).toBe('gratifikasi');
    expect(result.diagnostics.map(at)).toEqual(['2:1 warning [category-line]']);
  });

  it('imports an item whose wrong options carry penalties, with a warning', () => {
    const result = gift('Soal? {=a ~%-25%b ~c#x}');
    expect(result.questions[0]?.options).toEqual([
      { text: 'a', correct: true },
      { text: 'b' },
      { text: 'c' },
    ]);
    expect(result.diagnostics.map(at)).toEqual(['1:11 warning [weight-ignored]']);
  });

  it('accepts ~%100% as the correct option', () => {
    const result = gift('Soal? {~%100%a#x ~b ~c}');
    expect(result.questions[0]?.options[0]).toEqual({ text: 'a', correct: true });
  });

  it('produces items the questions.yaml schema accepts', () => {
    const text = readFileSync('tests/fixtures/import/bank-pelayanan.gift', 'utf8');
    const result = gift(text, { page: undefined });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.questions).toHaveLength(10);
    for (const question of result.questions) expect(QuestionSource.parse(question)).toEqual(question);
  });
});

describe('parseGift: items that are not multiple choice are skipped with their line', () => {
  it.each([
    ['true/false', 'Gratifikasi dapat dilaporkan ke KPK.{T}', 'true-false'],
    ['true/false with feedback', 'Gratifikasi wajib dilaporkan.{TRUE#Keliru.#Benar.}', 'true-false'],
    ['false', 'Parsel boleh diterima.{F}', 'true-false'],
    ['short answer', 'Kepanjangan KPK adalah …{=Komisi Pemberantasan Korupsi}', 'short-answer'],
    [
      'short answer with several answers',
      'Singkatan ASN?{=Aparatur Sipil Negara =aparatur sipil negara}',
      'short-answer',
    ],
    ['numeric', 'Batas lapor gratifikasi (hari kerja)?{#30}', 'numeric'],
    ['numeric range', 'Tahun UU Pelayanan Publik?{#2009:1}', 'numeric'],
    ['matching', 'Pasangkan.{=UU 25/2009 -> Pelayanan Publik =UU 20/2023 -> ASN}', 'matching'],
    ['essay', 'Jelaskan satu perbaikan layanan di loket Anda.{}', 'essay'],
    ['description', 'Bagian berikut menguji materi Akuntabel.', 'description'],
    [
      'multiple response',
      'Pilih semua nilai BerAKHLAK.{~%50%Akuntabel ~%50%Harmonis ~%-50%Birokratis}',
      'multiple-response',
    ],
  ])('%s', (_, item, kind) => {
    const result = gift(`A? {=a ~b ~c#x}\n\n// komentar\n::Soal 2::${item}`);
    expect(result.questions).toHaveLength(1);
    expect(result.skipped).toEqual([{ line: 4, column: 1, kind, title: 'Soal 2' }]);
    expect(result.diagnostics.map(at)).toEqual(['4:1 warning [skipped-item]']);
  });

  it('says which kind was skipped and how to keep it', () => {
    const [diagnostic] = gift('::B/S::Gratifikasi dapat dilaporkan ke KPK.{T}').diagnostics;
    expect(formatDiagnostic(diagnostic as Diagnostic)).toBe(
      'bank.gift:1:1: warning: Skipped a true/false item (::B/S::): only multiple-choice items with one correct answer are imported [skipped-item]\n' +
        '  hint: Lentera tests use multiple choice with one correct answer; rewrite the statement as a question with 3 to 5 options to keep it',
    );
  });
});

describe('parseGift: malformed items are errors at their line and column', () => {
  it.each([
    [
      'a title that is not closed',
      '::AK-01 Soal tanpa penutup {=a ~b ~c}',
      'bank.gift:1:1: error: The title opened with `::` is not closed [gift-syntax]',
      'end the title with `::` (e.g. `::AK-01::`), or write colons that are part of the text as `\\:`',
    ],
    [
      'an answer block that is not closed',
      'Soal?\n{=a\n~b\n~c',
      'bank.gift:2:1: error: The answer block `{` is not closed with `}` [gift-syntax]',
      'write a brace that is part of the text as `\\{` or `\\}`',
    ],
    [
      'a closing brace without an opening one',
      'Kolom nama} diisi dengan …{=a ~b ~c}',
      'bank.gift:1:11: error: `}` has no `{` before it [gift-syntax]',
      'write a brace that is part of the text as `\\{` or `\\}`',
    ],
    [
      'a brace inside the answer block',
      'Soal?{=a {nama} ~b ~c}',
      'bank.gift:1:10: error: `{` inside an answer block [gift-syntax]',
      'close the block with `}` first; write a brace that is part of the text as `\\{` or `\\}`',
    ],
    [
      'a second answer block',
      'Soal?{=a ~b ~c} dan {=d ~e ~f}',
      'bank.gift:1:21: error: A second answer block: an item has one `{…}` [gift-syntax]',
      'start the next item after a blank line; write a brace that is part of the text as `\\{` or `\\}`',
    ],
    [
      'option text without = or ~',
      'Soal?{\n  a\n  =b\n  ~c\n  ~d\n}',
      'bank.gift:2:3: error: Option text `a` does not start with `=` or `~` [gift-syntax]',
      'start each option with `=` (the correct one) or `~` (a wrong one)',
    ],
    [
      'an empty option',
      'Soal?{=a ~ ~c ~d}',
      'bank.gift:1:10: error: The option after `~` has no text [gift-syntax]',
      "write the option's text, or remove the `~`",
    ],
    [
      'a weight that is not closed',
      'Soal?{=a ~%50b ~c}',
      'bank.gift:1:11: error: An option starts with `%` but has no weight such as `%50%` [gift-syntax]',
      'write the weight between two `%` signs (`~%50%Teks`), or start the text with a word',
    ],
    [
      'no option marked correct (a weight of 0 everywhere)',
      'Soal?{~%0%a ~b ~c}',
      'bank.gift:1:6: error: No option is marked correct [no-correct-option]',
      'mark the right option with `=` instead of `~`',
    ],
    [
      'two options marked correct',
      'Soal?\n{\n  =30 hari kerja\n  =30 hari kalender\n  ~7 hari\n}',
      'bank.gift:4:3: error: 2 options are marked correct [several-correct-options]',
      'keep `=` on the one right option and write the others with `~`: a Lentera item has one correct answer',
    ],
    [
      'two options',
      'Gratifikasi wajib dilaporkan?{=Ya ~Tidak}',
      'bank.gift:1:30: error: The item has 2 options; a Lentera item has 3 to 5 [option-count]',
      'add a plausible wrong option (a common misconception), or leave the item out',
    ],
    [
      'six options',
      'Soal?{=a ~b ~c ~d ~e ~f}',
      'bank.gift:1:6: error: The item has 6 options; a Lentera item has 3 to 5 [option-count]',
      'keep the correct option and the four most plausible wrong ones',
    ],
    [
      'no question text',
      '::T::{=a ~b ~c}',
      'bank.gift:1:1: error: The item has no question text [gift-syntax]',
      'write the question before the answer block `{…}`',
    ],
    [
      'an image in HTML',
      '[html]<p>Perhatikan <img src="@@PLUGINFILE@@/alur.png"> berikut.</p>{=a ~b ~c}',
      'bank.gift:1:21: error: `<img>` has no faithful Markdown form in an imported item [unsupported-html]',
      'an item cannot carry a picture: describe it in words, or put the figure on the page the item tests',
    ],
    [
      'a table in an option',
      'Soal?{=[html]<table><tr><td>a</td></tr></table> ~b ~c}',
      'bank.gift:1:14: error: `<table>` has no faithful Markdown form in an imported item [unsupported-html]',
      'rewrite the table as text (one line per row), or put it on the page the item tests',
    ],
    [
      'a link to a Moodle file in the feedback',
      'Soal?{=a ~b ~c####[html]Lihat <a href="@@PLUGINFILE@@/uu.pdf">UU</a>.}',
      'bank.gift:1:31: error: A link to a file stored in Moodle (@@PLUGINFILE@@) cannot be imported [unsupported-html]',
      'link to a public https: address, or write the text without the link',
    ],
  ])('%s', (_, text, message, hint) => {
    const result = gift(text);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => formatDiagnostic(d))).toEqual([`${message}\n  hint: ${hint}`]);
    expect(result.questions).toEqual([]);
  });

  it('reports every problem of the file in one run and the item after a broken one still counts', () => {
    const result = gift('::A::Soal?{=a ~b}\n\n::B::Soal?{=a ~b ~c ~d\n\n::C::Soal? {=a =b ~c}');
    expect(result.diagnostics.filter((d) => d.severity === 'error').map(at)).toEqual([
      '1:11 error [option-count]',
      '3:11 error [gift-syntax]',
      '5:16 error [several-correct-options]',
    ]);
  });

  it('reports items without a page once, with their lines', () => {
    const result = gift(
      'A? {=a ~b ~c#x}\n\nB? {=a ~b ~c#x}\n\n$CATEGORY: akuntabel/gratifikasi\n\nC? {=a ~b ~c#x}',
      {
        page: undefined,
      },
    );
    expect(result.diagnostics.map((d) => formatDiagnostic(d))).toEqual([
      'bank.gift:1:1: error: 2 items have no page (lines 1, 3): every item names the page it tests [missing-page]\n' +
        '  hint: pass `--page <page-id>`, or put `$CATEGORY: <material-id>/<page-id>` on a line of its own before the items',
    ]);
  });
});

describe('parseGift: ids', () => {
  const three = '::Batas lapor::A? {=a ~b ~c#x}\n\nB? {T}\n\n::Parsel bursa kerja::C? {=a ~b ~c#x}';

  it('numbers items by their position in the file, skipped ones included, so ids stay put', () => {
    expect(gift(three).questions.map((q) => q.id)).toEqual(['imp-001', 'imp-003']);
    expect(gift(three, { prefix: 'ak' }).questions.map((q) => q.id)).toEqual(['ak-001', 'ak-003']);
  });

  it('uses a slug of the title with ids: title, and the number for an item without one', () => {
    const result = gift(`${three}\n\nD? {=a ~b ~c#x}`, { ids: 'title', prefix: 'ak' });
    expect(result.questions.map((q) => q.id)).toEqual(['ak-batas-lapor', 'ak-parsel-bursa-kerja', 'ak-004']);
  });

  it('never reuses an id of the bank or of an earlier item, and says so', () => {
    const result = gift('::X::A? {=a ~b ~c#x}\n\n::X::B? {=a ~b ~c#x}', {
      ids: 'title',
      takenIds: ['imp-x'],
    });
    expect(result.questions.map((q) => q.id)).toEqual(['imp-x-2', 'imp-x-3']);
    expect(result.diagnostics.map(at)).toEqual(['1:1 warning [id-taken]', '3:1 warning [id-taken]']);
  });

  it('keeps a long title slug within the 64 characters of an id', () => {
    const title = 'Sikap petugas loket ketika pencari kerja penyandang disabilitas datang tanpa pendamping';
    const [question] = gift(`::${title}::A? {=a ~b ~c#x}`, { ids: 'title' }).questions;
    expect(question?.id.length).toBeLessThanOrEqual(64);
    expect(QuestionSource.shape.id.safeParse(question?.id).success).toBe(true);
  });
});
