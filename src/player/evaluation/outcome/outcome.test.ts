import { describe, expect, it } from 'vitest';
import { casesComponent, type MyResult, summarize } from './outcome.ts';

const policy = {
  weights: { posttest: 40, cases: 30, behaviour: 30 },
  predikat: [
    { min: 90, label: 'Sangat Baik' },
    { min: 80, label: 'Baik' },
    { min: 70, label: 'Cukup' },
    { min: 0, label: 'Kurang' },
  ],
  passingScore: 70,
  posttestPassingScore: 70,
};

const certificate = {
  id: 'c1',
  number: '0001/BERAKHLAK/PPSDMK/2026',
  code: '7KQ2M-X9D4R',
  verifyUrl: 'http://localhost/verify/7KQ2M-X9D4R',
  predikat: 'Baik',
  issuedOn: '2026-03-10',
  status: 'sah' as const,
  revokedAt: null,
  revokeReason: null,
};

function closed(result: MyResult['result'], cert: MyResult['certificate'] = null): MyResult {
  return { closed: { closedAt: '2026-03-10T03:00:00.000Z' }, policy, result, certificate: cert };
}

const passed = {
  components: { posttest: 90, cases: 80, behaviour: 75 },
  cases: [],
  result: { ok: true, complete: true, final: 82.5, predikat: 'Baik', lulus: true, missing: [] },
};

describe('summarize', () => {
  it('waits while the cohort is open, with the components already known in weight order', () => {
    const s = summarize(
      { closed: null, policy, result: null, certificate: null },
      { posttest: 85, cases: null },
    );
    expect(s.state).toBe('waiting');
    expect(s.final).toBeNull();
    expect(s.certificate).toBe('none');
    expect(s.components).toEqual([
      { name: 'posttest', weight: 40, score: 85 },
      { name: 'cases', weight: 30, score: null },
      { name: 'behaviour', weight: 30, score: null },
    ]);
  });

  it('reads a closed, passed result with its certificate; the frozen components replace the known ones', () => {
    const s = summarize(closed(passed, certificate), { posttest: 10 });
    expect(s).toMatchObject({ state: 'lulus', final: 82.5, predikat: 'Baik', certificate: 'issued' });
    expect(s.components[0]).toEqual({ name: 'posttest', weight: 40, score: 90 });
  });

  it('says the certificate is pending for a pass without one, and revoked when revoked', () => {
    expect(summarize(closed(passed)).certificate).toBe('pending');
    expect(
      summarize(closed(passed, { ...certificate, status: 'dicabut', revokedAt: '2026-03-11T00:00:00.000Z' }))
        .certificate,
    ).toBe('revoked');
  });

  it('tells tidak lulus from incomplete', () => {
    const failed = { ...passed, result: { ...passed.result, final: 60, predikat: 'Kurang', lulus: false } };
    expect(summarize(closed(failed))).toMatchObject({ state: 'tidak-lulus', final: 60, certificate: 'none' });
    const incomplete = {
      ...passed,
      components: { posttest: 90, cases: null, behaviour: 75 },
      result: {
        ok: true,
        complete: false,
        final: null,
        predikat: null,
        lulus: null,
        missing: ['cases'],
      },
    };
    expect(summarize(closed(incomplete))).toMatchObject({ state: 'incomplete', final: null, predikat: null });
    expect(summarize(closed(null)).state).toBe('incomplete');
  });

  it('leaves out a component whose weight is 0', () => {
    const s = summarize({
      closed: null,
      policy: { ...policy, weights: { posttest: 1, cases: 0 } },
      result: null,
      certificate: null,
    });
    expect(s.components.map((c) => c.name)).toEqual(['posttest']);
  });
});

describe('casesComponent', () => {
  it('is the mean of the released grades once every case has one', () => {
    expect(casesComponent([])).toBeNull();
    expect(casesComponent([{ mine: { score: 80 } }, { mine: { score: null } }])).toBeNull();
    expect(casesComponent([{ mine: { score: 80 } }, { mine: { score: 75 } }, { mine: { score: 100 } }])).toBe(
      85,
    );
  });
});
