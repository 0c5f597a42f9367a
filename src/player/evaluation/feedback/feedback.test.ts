import { describe, expect, it } from 'vitest';
import { feedbackBody, itemsInIssues, MAX_TEXT, missingRequired, type Survey } from './feedback.ts';

const survey: Survey = {
  title: 'Umpan Balik',
  scale: ['Sangat tidak setuju', 'Tidak setuju', 'Netral', 'Setuju', 'Sangat setuju'],
  sections: [
    {
      id: 'modul',
      title: 'Modul',
      items: [
        { id: 'jelas', kind: 'likert', text: 'Jelas', required: true },
        { id: 'runtut', kind: 'likert', text: 'Runtut', required: true },
        { id: 'opsional', kind: 'likert', text: 'Opsional', required: false },
      ],
    },
    {
      id: 'saran',
      title: 'Saran',
      items: [
        { id: 'wajib', kind: 'text', text: 'Wajib', required: true },
        { id: 'bebas', kind: 'text', text: 'Bebas', required: false },
      ],
    },
  ],
};

describe('missingRequired', () => {
  it('names every required item without an answer, in order; blank text counts as none', () => {
    expect(missingRequired(survey, new Map())).toEqual(['jelas', 'runtut', 'wajib']);
    expect(
      missingRequired(
        survey,
        new Map<string, number | string>([
          ['runtut', 4],
          ['wajib', '  '],
        ]),
      ),
    ).toEqual(['jelas', 'wajib']);
    expect(
      missingRequired(
        survey,
        new Map<string, number | string>([
          ['jelas', 1],
          ['runtut', 5],
          ['wajib', 'ok'],
        ]),
      ),
    ).toEqual([]);
  });

  it('does not take a value off the scale', () => {
    expect(
      missingRequired(
        survey,
        new Map<string, number | string>([
          ['jelas', 6],
          ['runtut', 0],
          ['wajib', 'x'],
        ]),
      ),
    ).toEqual(['jelas', 'runtut']);
  });
});

describe('feedbackBody', () => {
  it('sends numbers and trimmed text, and leaves out empty optional answers', () => {
    const answers = new Map<string, number | string>([
      ['jelas', 4],
      ['runtut', 5],
      ['wajib', '  Contoh kasus membantu.  '],
      ['bebas', '   '],
    ]);
    expect(feedbackBody(survey, answers)).toEqual({ jelas: 4, runtut: 5, wajib: 'Contoh kasus membantu.' });
  });

  it('cuts an open answer at the server limit and ignores items the survey does not have', () => {
    const answers = new Map<string, number | string>([
      ['wajib', 'a'.repeat(MAX_TEXT + 10)],
      ['asing', 3],
    ]);
    const body = feedbackBody(survey, answers);
    expect(body.wajib).toHaveLength(MAX_TEXT);
    expect(body).not.toHaveProperty('asing');
  });
});

describe('itemsInIssues', () => {
  it('reads the item ids from a validation answer', () => {
    expect(
      itemsInIssues({
        issues: [
          { path: 'body.answers.jelas', code: 'required' },
          { path: 'body.answers.wajib', code: 'too_big' },
          { path: 'body', code: 'x' },
        ],
      }),
    ).toEqual(['jelas', 'wajib']);
    expect(itemsInIssues(null)).toEqual([]);
  });
});
