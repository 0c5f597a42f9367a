// the standard PDF fonts encode text as WinAnsi; anything outside it would make pdf-lib throw, so
// text is transliterated to Latin where it can be and marked with '?' where it cannot

const EXTRA = 'ŒœŠšŸŽžƒˆ˜–—‘’‚“”„†‡•…‰‹›€™';

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) as number;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || EXTRA.includes(char);
}

// letters that do not decompose into a base letter and a mark
const LATIN: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  ə: 'e',
  Ə: 'E',
  ŋ: 'ng',
  Ŋ: 'Ng',
  ſ: 's',
  ʼ: "'",
  ʻ: "'",
  ʾ: "'",
  ʿ: "'",
  '′': "'",
  '″': '"',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '−': '-',
};

/** Replacement shown for a character that has no Latin form in the standard fonts. */
export const REPLACEMENT = '?';

export interface SafeText {
  /** the text as it will be printed */
  text: string;
  /** characters that had no Latin form and were printed as '?', each once */
  replaced: string[];
  /** true when a character was changed (an accent dropped, a letter replaced), not just spacing */
  changed: boolean;
}

/**
 * Text the standard PDF fonts can print: accents outside WinAnsi are dropped (ā → a, ş → s, ḥ → h),
 * a few letters are mapped by hand (ł → l, ə → e), spaces and line breaks collapse to one space,
 * invisible format characters go, and anything else (Arabic, CJK, emoji) becomes '?' and is listed in
 * `replaced` so the caller can ask for a Latin spelling.
 *
 * @example
 * pdfSafeText('Muḥammad Ā. Ṣāliḥ'); // { text: 'Muhammad A. Salih', replaced: [], changed: true }
 */
export function pdfSafeText(input: string): SafeText {
  const replaced = new Set<string>();
  let out = '';
  for (const char of input.normalize('NFC')) {
    if (/[\s\p{Zs}]/u.test(char)) out += ' ';
    else if (isWinAnsi(char)) out += char === '\u00ad' ? '' : char;
    else if (Object.hasOwn(LATIN, char)) out += LATIN[char];
    else if (/[\p{Cf}\p{Cc}\p{M}]/u.test(char)) out += '';
    else {
      const base = char.normalize('NFD').replace(/\p{M}/gu, '');
      if (base.length > 0 && [...base].every(isWinAnsi)) out += base;
      else {
        replaced.add(char);
        out += REPLACEMENT;
      }
    }
  }
  const text = out.replace(/ {2,}/g, ' ').trim();
  return {
    text,
    replaced: [...replaced],
    changed: text !== input.normalize('NFC').replace(/\s+/g, ' ').trim(),
  };
}
