import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeResult, type PredikatBand, predikatFor, type ResultComponents } from './result.ts';

const predikat: PredikatBand[] = [
  { min: 90, label: 'Sangat Baik' },
  { min: 80, label: 'Baik' },
  { min: 70, label: 'Cukup' },
  { min: 0, label: 'Kurang' },
];
const policy = { weights: { posttest: 40, cases: 30, behaviour: 30 }, predikat, passingScore: 70 };

describe('composeResult', () => {
  it.each<[string, ResultComponents, number, string, boolean]>([
    ['all components', { posttest: 85, cases: 78, behaviour: 70.83 }, 78.65, 'Cukup', true],
    ['all 100', { posttest: 100, cases: 100, behaviour: 100 }, 100, 'Sangat Baik', true],
    ['exactly on the band and pass line', { posttest: 70, cases: 70, behaviour: 70 }, 70, 'Cukup', true],
    ['just below the pass line', { posttest: 69.99, cases: 70, behaviour: 70 }, 70, 'Cukup', true],
    ['below the pass line', { posttest: 60, cases: 70, behaviour: 70 }, 66, 'Kurang', false],
    ['all zero', { posttest: 0, cases: 0, behaviour: 0 }, 0, 'Kurang', false],
    ['band Baik', { posttest: 90, cases: 80, behaviour: 70 }, 81, 'Baik', true],
  ])('%s', (_name, components, final, label, lulus) => {
    expect(composeResult({ components, ...policy })).toMatchObject({
      ok: true,
      complete: true,
      final,
      predikat: label,
      lulus,
      missing: [],
    });
  });

  it('says why a participant did not pass', () => {
    const result = composeResult({
      components: { posttest: 60, cases: 70, behaviour: 70 },
      ...policy,
      posttestPassingScore: 65,
    });
    expect(result).toMatchObject({
      lulus: false,
      reasons: [
        { kind: 'final-below', score: 66, passing: 70 },
        { kind: 'posttest-below', score: 60, passing: 65 },
      ],
    });
  });

  it('fails a participant whose post-test is below its own mark even with a passing final score', () => {
    const result = composeResult({
      components: { posttest: 60, cases: 95, behaviour: 95 },
      ...policy,
      posttestPassingScore: 70,
    });
    expect(result).toMatchObject({
      final: 81,
      lulus: false,
      reasons: [{ kind: 'posttest-below', score: 60, passing: 70 }],
    });
  });

  it('reports missing components instead of counting them as zero', () => {
    const result = composeResult({ components: { posttest: 80, cases: null }, ...policy });
    expect(result).toEqual({
      ok: true,
      complete: false,
      final: null,
      provisional: 80,
      predikat: null,
      lulus: null,
      missing: ['cases', 'behaviour'],
      reasons: [
        { kind: 'missing', component: 'cases', weight: 0.3 },
        { kind: 'missing', component: 'behaviour', weight: 0.3 },
      ],
      weightsUsed: { posttest: 0.4, cases: 0.3, behaviour: 0.3 },
    });
  });

  it('needs the post-test when it has a passing mark, even with weight 0', () => {
    const result = composeResult({
      components: { cases: 80 },
      weights: { posttest: 0, cases: 1 },
      predikat,
      passingScore: 70,
      posttestPassingScore: 70,
    });
    expect(result).toMatchObject({
      complete: false,
      missing: ['posttest'],
      provisional: 80,
      reasons: [{ kind: 'posttest-missing', passing: 70 }],
    });
  });

  it('does not need a component with weight 0', () => {
    const result = composeResult({
      components: { posttest: 75 },
      weights: { posttest: 1, cases: 0 },
      predikat,
      passingScore: 70,
    });
    expect(result).toMatchObject({ complete: true, final: 75, weightsUsed: { posttest: 1 } });
  });

  it('treats weights as relative', () => {
    const a = composeResult({ components: { posttest: 85, cases: 78, behaviour: 70 }, ...policy });
    const b = composeResult({
      components: { posttest: 85, cases: 78, behaviour: 70 },
      ...policy,
      weights: { posttest: 0.4, cases: 0.3, behaviour: 0.3 },
    });
    expect(a.ok && b.ok && a.final === b.final).toBe(true);
  });

  it('returns errors for invalid weights and scores', () => {
    expect(composeResult({ components: { posttest: 101 }, ...policy, weights: { posttest: -1 } })).toEqual({
      ok: false,
      errors: [
        {
          field: 'weights.posttest',
          message:
            'The weight of posttest is -1; expected a number of 0 or more: fix `evaluation.weights.posttest` in course.yaml.',
        },
        {
          field: 'components.posttest',
          message: 'The posttest score is 101; expected a number from 0 to 100.',
        },
      ],
    });
    expect(composeResult({ components: {}, ...policy, weights: { posttest: 0 } })).toMatchObject({
      ok: false,
      errors: [{ field: 'weights' }],
    });
  });
});

describe('predikatFor', () => {
  it.each<[number, string | null]>([
    [95, 'Sangat Baik'],
    [90, 'Sangat Baik'],
    [89.99, 'Baik'],
    [0, 'Kurang'],
  ])('%s is %s', (score, label) => {
    expect(predikatFor(score, predikat)).toBe(label);
  });

  it('matches from the highest band whatever the order, and gives null below every band', () => {
    expect(predikatFor(85, predikat.slice().reverse())).toBe('Baik');
    expect(predikatFor(50, [{ min: 60, label: 'Cukup' }])).toBeNull();
  });
});

describe('composeResult properties', () => {
  const score = fc.double({ min: 0, max: 100, noNaN: true });
  const weightsArb = fc
    .record({
      posttest: fc.double({ min: 0, max: 100, noNaN: true }),
      cases: fc.double({ min: 0, max: 100, noNaN: true }),
      behaviour: fc.double({ min: 0, max: 100, noNaN: true }),
    })
    .filter((w) => w.posttest + w.cases + w.behaviour > 0.001);
  const componentsArb = fc.record({ posttest: score, cases: score, behaviour: score });

  it('keeps the final score within 0–100', () => {
    fc.assert(
      fc.property(componentsArb, weightsArb, (components, weights) => {
        const result = composeResult({ components, weights, predikat, passingScore: 70 });
        expect(result.ok).toBe(true);
        if (!result.ok || result.final === null) throw new Error('expected a complete result');
        expect(result.final).toBeGreaterThanOrEqual(0);
        expect(result.final).toBeLessThanOrEqual(100);
        expect(result.predikat).toBe(predikatFor(result.final, predikat));
      }),
    );
  });

  it('never lowers the final score when a component rises', () => {
    fc.assert(
      fc.property(
        componentsArb,
        weightsArb,
        fc.constantFrom('posttest', 'cases', 'behaviour'),
        score,
        (components, weights, name, raised) => {
          const higher = {
            ...components,
            [name]: Math.max(components[name as keyof typeof components], raised),
          };
          const before = composeResult({ components, weights, predikat, passingScore: 70 });
          const after = composeResult({ components: higher, weights, predikat, passingScore: 70 });
          if (!before.ok || !after.ok || before.final === null || after.final === null)
            throw new Error('expected results');
          expect(after.final).toBeGreaterThanOrEqual(before.final);
          if (before.lulus) expect(after.lulus).toBe(true);
        },
      ),
    );
  });
});
