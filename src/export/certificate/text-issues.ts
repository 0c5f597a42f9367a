// which printed fields lose characters in the standard fonts, so staff can ask for a Latin spelling
// before the certificate is issued

import type { CertificateData } from './render.ts';
import { pdfSafeText } from './win-ansi.ts';

export interface CertificateTextIssue {
  /** the field, as a path into CertificateData: 'participant.name', 'course.title', … */
  field: string;
  /** characters printed as '?', each once */
  replaced: string[];
}

/**
 * The fields of a certificate with characters the standard PDF fonts cannot print even after
 * transliteration: they would appear as '?'. Accents alone (ā, ş) are not issues: they print
 * without the accent.
 *
 * @example
 * certificateTextIssues({ ...data, participant: { name: 'Ahmad محمد', nip: null } });
 * // [{ field: 'participant.name', replaced: ['م', 'ح', 'د'] }]
 */
export function certificateTextIssues(data: CertificateData): CertificateTextIssue[] {
  // predikat and the organiser are also printed in capitals, which can leave WinAnsi (µ → Μ)
  const fields: [string, string | null | undefined, boolean][] = [
    ['participant.name', data.participant.name, false],
    ['course.title', data.course.title, false],
    ['course.subtitle', data.course.subtitle, false],
    ['cohort', data.cohort, false],
    ['predikat', data.predikat, true],
    ['issued.place', data.issued.place, false],
    ['signatory.name', data.signatory.name, false],
    ['signatory.position', data.signatory.position, false],
    ['organiser.name', data.organiser?.name ?? data.course.publisher, true],
    ['organiser.parent', data.organiser?.parent, true],
    ['number', data.number, false],
  ];
  return fields.flatMap(([field, text, capitals]) => {
    if (!text) return [];
    const replaced = new Set(pdfSafeText(text).replaced);
    if (capitals) for (const char of pdfSafeText(text.toUpperCase()).replaced) replaced.add(char);
    return replaced.size > 0 ? [{ field, replaced: [...replaced] }] : [];
  });
}
