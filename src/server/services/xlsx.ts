import { strFromU8, unzipSync } from 'fflate';
import type { Table } from './csv.ts';

// Reads the first worksheet of an .xlsx file (Office Open XML) with fflate, which the exporters already
// depend on: shared strings, inline strings, numbers and booleans. Numbers are returned with a marker
// so the importer can refuse an 18-digit NIP that Excel has stored as a number (it keeps only 15
// significant digits).

export const NUMERIC_PREFIX = '\u0000n:';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(xml: string): string {
  return xml.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

function texts(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decode(m[1] ?? '')).join('');
}

function columnIndex(ref: string): number {
  const letters = ref.replace(/\d+$/, '');
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export class XlsxError extends Error {}

export function parseXlsx(bytes: Uint8Array): Table {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name.startsWith('xl/') });
  } catch {
    throw new XlsxError('the file is not a readable .xlsx workbook');
  }
  const read = (name: string) => (files[name] ? strFromU8(files[name]) : undefined);
  const workbook = read('xl/workbook.xml');
  const rels = read('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new XlsxError('the file is not an .xlsx workbook (no xl/workbook.xml)');
  const firstSheet = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const target = firstSheet
    ? (new RegExp(`<Relationship\\b[^>]*Id="${firstSheet}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
      new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${firstSheet}"`).exec(rels)?.[1])
    : undefined;
  const sheetPath = target
    ? target.startsWith('/')
      ? target.slice(1)
      : `xl/${target}`
    : 'xl/worksheets/sheet1.xml';
  const sheet = read(sheetPath);
  if (!sheet) throw new XlsxError('the workbook has no first worksheet');
  const shared = [...(read('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    texts(m[1] ?? ''),
  );

  const rows: { row: number; cells: string[] }[] = [];
  for (const rowMatch of sheet.matchAll(/<row\b([^>]*)>([\s\S]*?)<\/row>/g)) {
    const rowNumber = Number(/\br="(\d+)"/.exec(rowMatch[1] ?? '')?.[1] ?? rows.length + 1);
    const cells: string[] = [];
    for (const c of (rowMatch[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1] ?? '';
      const body = c[2] ?? '';
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const type = /\bt="(\w+)"/.exec(attrs)?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value = '';
      if (type === 's') value = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') value = texts(body);
      else if (type === 'str' || type === 'b' || type === 'e') value = decode(v ?? '');
      else if (v !== undefined) value = `${NUMERIC_PREFIX}${v}`;
      cells[ref ? columnIndex(ref) : cells.length] = value;
    }
    const filled = Array.from(cells, (c) => c ?? '');
    if (filled.some((c) => c.trim() !== '')) rows.push({ row: rowNumber, cells: filled });
  }
  const [head, ...data] = rows;
  return {
    header:
      head?.cells.map((c) => (c.startsWith(NUMERIC_PREFIX) ? c.slice(NUMERIC_PREFIX.length) : c).trim()) ??
      [],
    rows: data,
  };
}
