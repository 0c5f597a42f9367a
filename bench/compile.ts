// Compile speed: generated courses of 100, 1,000 and 10,000 pages, in pages per second, beside a
// baseline measured in the same run (plain unified: Markdown → sanitized HTML of the same text).
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { compileCourse } from '../src/course/index.ts';

const PAGES_PER_MATERIAL = 10;
const words =
  'pelayanan publik akuntabel kompeten harmonis loyal adaptif kolaboratif pengantar kerja pencari lowongan'.split(
    ' ',
  );
const sentence = (n: number) =>
  Array.from({ length: 18 }, (_, i) => words[(n + i * 7) % words.length]).join(' ');

function generate(pages: number): Map<string, string> {
  const files = new Map<string, string>();
  const materials = Math.ceil(pages / PAGES_PER_MATERIAL);
  const list: string[] = [];
  const questions: string[] = ['questions:'];
  for (let m = 0; m < materials; m++) {
    const file = `m${String(m).padStart(5, '0')}.md`;
    list.push(file);
    let text = `---\nid: materi-${m}\ntitle: Materi ${m}\n---\n\nPengantar materi ${m}.\n`;
    for (let p = 0; p < PAGES_PER_MATERIAL && m * PAGES_PER_MATERIAL + p < pages; p++) {
      const id = `halaman-${m}-${p}`;
      text += `\n## Halaman ${m}.${p} {#${id}}\n\n${sentence(p)}. ${sentence(p + 1)}.\n\n- ${sentence(p + 2)}\n- ${sentence(p + 3)}\n\n| Kolom | Isi |\n|---|---|\n| a | ${sentence(p)} |\n\n:::popup[Lihat rincian]{title="Rincian ${p}"}\n${sentence(p + 4)}.\n:::\n\n::regulation{id=uu-25-2009}\n`;
      if (p === 0) text += `\n::check{question=cek-${m}}\n`;
    }
    files.set(file, text);
    questions.push(
      `  - id: cek-${m}\n    formative: true\n    page: halaman-${m}-0\n    level: C2\n    stem: Pertanyaan ${m}?\n    options:\n      - text: Benar\n        correct: true\n      - text: Salah\n      - text: Keliru\n    explanation: Penjelasan.`,
    );
  }
  files.set(
    'course.yaml',
    `id: bench\nversion: "1"\ntitle: Bench\npublisher: Lentera\nhours: 1\nmaterials:\n${list.map((f) => `  - ${f}`).join('\n')}\n`,
  );
  files.set('questions.yaml', `${questions.join('\n')}\n`);
  files.set(
    'resources.yaml',
    'resources:\n  - id: uu-25-2009\n    kind: regulation\n    title: UU 25/2009\n',
  );
  return files;
}

const baseline = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(rehypeStringify);

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

compileCourse({ files: generate(50) }); // warm up the JIT and module caches
console.log(
  'pages   lentera pages/s   baseline pages/s   time vs baseline   diagnostics   rate vs 100 pages',
);
let first: number | undefined;
for (const pages of [100, 1_000, 10_000]) {
  const files = generate(pages);
  let diagnostics = 0;
  const seconds = time(() => {
    diagnostics = compileCourse({ files }).diagnostics.length;
  });
  const markdown = [...files].filter(([path]) => path.endsWith('.md')).map(([, text]) => text);
  const baseSeconds = time(() => {
    for (const text of markdown) baseline.processSync(text);
  });
  const rate = pages / seconds;
  const baseRate = pages / baseSeconds;
  first ??= rate;
  console.log(
    `${String(pages).padStart(5)}   ${rate.toFixed(0).padStart(15)}   ${baseRate.toFixed(0).padStart(16)}   ${(baseRate / rate).toFixed(2).padStart(15)}x   ${String(diagnostics).padStart(11)}   ${(rate / first).toFixed(2).padStart(17)}`,
  );
}
