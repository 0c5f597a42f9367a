import { type Lang, localeOf } from '../i18n/index.ts';

// Numbers as the reader writes them: 0,45 in Indonesian, 0.45 in English; scores with up to two
// decimals, indices (p, D, g, KR-20) always with two or three.

/** a number with exactly `digits` decimals (fixed), or the placeholder when there is none */
export function formatFixed(value: number | null | undefined, lang: Lang, digits = 2, none = '—'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return none;
  return new Intl.NumberFormat(localeOf(lang), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** a score 0–100 with at most `digits` decimals (80, 72,5, 66,67) */
export function formatScore(value: number | null | undefined, lang: Lang, digits = 2, none = '—'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return none;
  return new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: digits }).format(value);
}

/** a share 0–1 as a whole percentage (0.047 -> 5 %, written the reader's way) */
export function formatPercent(share: number | null | undefined, lang: Lang, none = '—'): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return none;
  return new Intl.NumberFormat(localeOf(lang), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
