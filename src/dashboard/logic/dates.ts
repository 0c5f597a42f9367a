import { type Lang, localeOf } from '../i18n/index.ts';

// Calendar dates travel as yyyy-mm-dd and mean a day where the training centre is; they are shown
// without any time-zone shift. Activity times are instants shown in the viewer's own zone.

export type CohortStatus = 'upcoming' | 'open' | 'closed';

/** today's date, yyyy-mm-dd, in the given zone (the browser's by default) */
export function todayIso(now: Date = new Date(), timeZone?: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(now);
}

/** a yyyy-mm-dd date `days` later */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return addDays(value, 0) === value;
}

export function formatDate(date: string, lang: Lang): string {
  if (!isIsoDate(date)) return date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(localeOf(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatDateTime(iso: string, lang: Lang, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

export function cohortStatus(cohort: { opensOn: string; closesOn: string }, today: string): CohortStatus {
  if (today < cohort.opensOn) return 'upcoming';
  if (today > cohort.closesOn) return 'closed';
  return 'open';
}
