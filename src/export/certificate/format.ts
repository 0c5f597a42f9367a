// Indonesian renderings shared by the certificate and the reports: NIP groups, long dates, JP

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** Minutes in one jam pelajaran (JP). */
export const MINUTES_PER_JP = 45;

/**
 * Groups an 18-digit NIP as it is printed on Indonesian documents: birth date (8), TMT CPNS (6), sex
 * (1) and sequence (3). Spaces in the input are ignored; anything that is not 18 digits is returned
 * trimmed and unchanged, never guessed at.
 *
 * @example
 * formatNip('198503122010011004'); // '19850312 201001 1 004'
 */
export function formatNip(nip: string): string {
  const digits = nip.replace(/\s+/g, '');
  const match = /^(\d{8})(\d{6})(\d)(\d{3})$/.exec(digits);
  return match ? match.slice(1).join(' ') : nip.trim();
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Reads a calendar date `YYYY-MM-DD` (a time part, if any, is ignored); throws on anything else. */
export function parseDate(date: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(date);
  const [year, month, day] = match ? match.slice(1).map(Number) : [];
  if (year === undefined || month === undefined || day === undefined) {
    throw new RangeError(`Expected a date as YYYY-MM-DD; found ${JSON.stringify(date)}.`);
  }
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`${JSON.stringify(date)} is not a day of the calendar.`);
  }
  return { year, month, day };
}

function monthName(month: number): string {
  return MONTHS[month - 1] as string;
}

/**
 * A long Indonesian date from `YYYY-MM-DD`, without a leading zero.
 *
 * @example
 * formatLongDate('2026-12-07'); // '7 Desember 2026'
 */
export function formatLongDate(date: string): string {
  const { year, month, day } = parseDate(date);
  return `${day} ${monthName(month)} ${year}`;
}

/**
 * A date range as Indonesian letters write it, naming the month and year once when they are shared:
 * '3 s.d. 5 Desember 2026', '28 November s.d. 2 Desember 2026', '30 Desember 2026 s.d. 2 Januari
 * 2027', or one date when both are the same day.
 *
 * @example
 * formatDateRange({ start: '2026-12-03', end: '2026-12-05' }); // '3 s.d. 5 Desember 2026'
 */
export function formatDateRange(range: { start: string; end: string }): string {
  const start = parseDate(range.start);
  const end = parseDate(range.end);
  if (range.start.slice(0, 10) > range.end.slice(0, 10)) {
    throw new RangeError(`The range starts on ${range.start}, after it ends on ${range.end}.`);
  }
  if (start.year !== end.year) return `${formatLongDate(range.start)} s.d. ${formatLongDate(range.end)}`;
  if (start.month !== end.month) {
    return `${start.day} ${monthName(start.month)} s.d. ${end.day} ${monthName(end.month)} ${end.year}`;
  }
  if (start.day !== end.day) return `${start.day} s.d. ${end.day} ${monthName(end.month)} ${end.year}`;
  return formatLongDate(range.start);
}

/**
 * A number with the Indonesian decimal comma and at most `places` decimals.
 *
 * @example
 * formatDecimal(78.65); // '78,65'
 */
export function formatDecimal(value: number, places = 2): string {
  const fixed = Number(value.toFixed(places));
  return String(fixed).replace('.', ',');
}

/**
 * Training hours in JP with the minutes spelled out (1 JP = 45 minutes), as SIASN records need them.
 *
 * @example
 * formatJp(6); // '6 JP (270 menit)'
 */
export function formatJp(hours: number): string {
  if (!Number.isFinite(hours) || hours <= 0) {
    throw new RangeError(`Training hours must be a number of JP above 0; found ${String(hours)}.`);
  }
  return `${formatDecimal(hours)} JP (${formatDecimal(hours * MINUTES_PER_JP)} menit)`;
}
