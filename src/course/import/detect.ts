import type { ImportFormat } from './items.ts';

export type Detected = { format: ImportFormat } | { problem: { message: string; hint: string } };

const GIFT_SIGNS = [
  /^\s*::[^\n]*::/m,
  /^\s*\$CATEGORY:/m,
  /\{[^{}]*[~=#][^{}]*\}/,
  /\{\s*(?:T|F|TRUE|FALSE)\s*\}/,
];
const AIKEN_SIGNS = [/^\s*ANSWER\s*:\s*[A-Za-z]\s*$/m, /^\s*[A-Z][.)][ \t]+\S/m];

/**
 * Tells GIFT from Aiken: by the extension `.gift` (Moodle also exports GIFT as `.txt`), otherwise by
 * the content.
 * @example detectFormat({ fileName: 'bank.txt', text: 'Soal?\nA. x\nB. y\nC. z\nANSWER: A' }) // { format: 'aiken' }
 */
export function detectFormat(input: { fileName: string; text: string }): Detected {
  const extension = /\.([a-z0-9]+)$/i.exec(input.fileName)?.[1]?.toLowerCase();
  if (extension === 'gift') return { format: 'gift' };
  if (extension === 'aiken') return { format: 'aiken' };
  const gift = GIFT_SIGNS.some((sign) => sign.test(input.text));
  const aiken = AIKEN_SIGNS.every((sign) => sign.test(input.text));
  if (gift && !aiken) return { format: 'gift' };
  if (aiken && !gift) return { format: 'aiken' };
  return {
    problem: {
      message: gift
        ? 'The file looks like both GIFT (answers in `{…}`) and Aiken (`ANSWER:` lines)'
        : 'The file looks like neither GIFT (answers in `{…}`) nor Aiken (options `A.` … and `ANSWER:` lines)',
      hint: 'name the format with `--format gift` or `--format aiken`',
    },
  };
}
