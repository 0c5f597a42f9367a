import { describe, expect, it } from 'vitest';
import type { RatingForm, RatingSummary } from '../api/types.ts';
import { behaviourIndex, daysLeft, disagreementRows, valueRows } from './ratings.ts';

const form: RatingForm = {
  scale: [1, 2, 3, 4].map((level) => ({ level, label: `L${level}`, descriptor: `D${level}` })),
  values: [
    {
      code: 'BP',
      name: 'Berorientasi Pelayanan',
      definition: '',
      behaviours: [
        { code: 'BP-1', text: 'Memahami kebutuhan', indicators: ['a'] },
        { code: 'BP-2', text: 'Ramah', indicators: ['b'] },
      ],
    },
    {
      code: 'AK',
      name: 'Akuntabel',
      definition: '',
      behaviours: [{ code: 'AK-1', text: 'Jujur', indicators: ['c'] }],
    },
  ],
  behaviourCount: 3,
};

const summary: Pick<RatingSummary, 'values' | 'disagreements'> = {
  values: {
    BP: {
      byRole: { fasilitator: { mean: 3, n: 2 }, mentor: { mean: 1.5, n: 2 } },
      mean: 2.5,
      score: 50,
      weightsUsed: { fasilitator: 0.67, mentor: 0.33 },
    },
  },
  disagreements: [
    {
      behaviourCode: 'BP-2',
      difference: 2,
      low: { role: 'mentor', name: 'Bayu', via: 'link', level: 1 },
      high: { role: 'fasilitator', name: 'Dewi', via: 'account', level: 3 },
    },
    {
      behaviourCode: 'BP-1',
      difference: 3,
      low: { role: 'mentor', name: 'Bayu', via: 'link', level: 1 },
      high: { role: 'fasilitator', name: 'Dewi', via: 'account', level: 4 },
    },
  ],
};

describe('behaviour rating summary', () => {
  it('gives every value a row, rated or not, with each role’s mean', () => {
    expect(valueRows(form, summary)).toEqual([
      {
        code: 'BP',
        name: 'Berorientasi Pelayanan',
        byRole: { fasilitator: 3, mentor: 1.5 },
        mean: 2.5,
        score: 50,
      },
      { code: 'AK', name: 'Akuntabel', byRole: {}, mean: null, score: null },
    ]);
    expect(valueRows(form, null).every((r) => r.score === null)).toBe(true);
  });

  it('names the behaviour of each disagreement, largest gap first', () => {
    const rows = disagreementRows(summary, behaviourIndex(form));
    expect(rows.map((r) => [r.behaviourCode, r.behaviour, r.valueName, r.difference])).toEqual([
      ['BP-1', 'Memahami kebutuhan', 'Berorientasi Pelayanan', 3],
      ['BP-2', 'Ramah', 'Berorientasi Pelayanan', 2],
    ]);
    expect(rows[0]?.low).toEqual({ role: 'mentor', name: 'Bayu', level: 1 });
    expect(disagreementRows(null, behaviourIndex(form))).toEqual([]);
  });

  it('keeps an unknown code readable', () => {
    const rows = disagreementRows(
      {
        disagreements: [
          { ...summary.disagreements[0], behaviourCode: 'XX-9' } as RatingSummary['disagreements'][0],
        ],
      },
      behaviourIndex(form),
    );
    expect(rows[0]?.behaviour).toBe('XX-9');
  });

  it('counts the days a link has left', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(daysLeft('2026-03-15T00:00:00Z', now)).toBe(14);
    expect(daysLeft('2026-03-01T06:00:00Z', now)).toBe(1);
    expect(daysLeft('2026-02-28T00:00:00Z', now)).toBe(-1);
  });
});
