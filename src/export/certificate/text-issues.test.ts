import { describe, expect, it } from 'vitest';
import { sampleCertificate } from '../../../tests/fixtures/export/certificate.ts';
import { certificateTextIssues } from './text-issues.ts';

describe('certificateTextIssues', () => {
  it('finds nothing in ordinary Indonesian text', () => {
    expect(certificateTextIssues(sampleCertificate)).toEqual([]);
  });

  it('does not count accents that print without the accent', () => {
    expect(
      certificateTextIssues({ ...sampleCertificate, participant: { name: 'Muḥammad Ṣāliḥ', nip: null } }),
    ).toEqual([]);
  });

  it('names each field with characters that would print as ?', () => {
    expect(
      certificateTextIssues({
        ...sampleCertificate,
        participant: { name: 'Ahmad محمد', nip: null },
        signatory: { ...sampleCertificate.signatory, position: 'Kepala 山田' },
      }),
    ).toEqual([
      { field: 'participant.name', replaced: ['م', 'ح', 'د'] },
      { field: 'signatory.position', replaced: ['山', '田'] },
    ]);
  });

  it('checks the capitals of fields printed in capitals', () => {
    // µ is in WinAnsi but its capital Μ (Greek) is not
    expect(certificateTextIssues({ ...sampleCertificate, predikat: 'µ' })).toEqual([
      { field: 'predikat', replaced: ['Μ'] },
    ]);
    expect(certificateTextIssues({ ...sampleCertificate, participant: { name: 'µ', nip: null } })).toEqual(
      [],
    );
  });
});
