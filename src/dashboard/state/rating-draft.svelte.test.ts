import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/client.ts';
import type { RatingWrite, StoredRating } from '../api/types.ts';
import { RatingDraft } from './rating-draft.svelte.ts';

const stored: StoredRating[] = [
  { behaviourCode: 'AK-1', level: 3, note: 'Laporan tepat waktu', ratedAt: '2026-03-01T00:00:00.000Z' },
];

function echo(sent: RatingWrite[][]) {
  return async (writes: RatingWrite[]) => {
    sent.push(writes);
    return [
      ...stored,
      ...writes.map((w) => ({
        behaviourCode: w.behaviourCode,
        level: w.level,
        note: w.note ?? null,
        ratedAt: null,
      })),
    ];
  };
}

describe('RatingDraft', () => {
  it('starts from the saved ratings with nothing to send', () => {
    const draft = new RatingDraft({ stored, save: echo([]) });
    expect(draft.level('AK-1')).toBe(3);
    expect(draft.note('AK-1')).toBe('Laporan tepat waktu');
    expect(draft.rated).toBe(1);
    expect(draft.dirty).toBe(false);
    expect(draft.isSaved('AK-1')).toBe(true);
  });

  it('sends only what changed, with an empty note as null', async () => {
    const sent: RatingWrite[][] = [];
    const draft = new RatingDraft({ stored, save: echo(sent) });
    draft.setLevel('AK-2', 4);
    draft.setNote('AK-2', '   ');
    draft.setLevel('AK-1', 3);
    expect(draft.changes).toEqual([{ behaviourCode: 'AK-2', level: 4, note: null }]);
    expect(await draft.save()).toBe(true);
    expect(sent).toEqual([[{ behaviourCode: 'AK-2', level: 4, note: null }]]);
    expect(draft.status).toBe('saved');
    expect(draft.dirty).toBe(false);
  });

  it('counts a changed note as a change', () => {
    const draft = new RatingDraft({ stored, save: echo([]) });
    draft.setNote('AK-1', 'Laporan tepat waktu, dua kali lebih cepat');
    expect(draft.changes).toEqual([
      { behaviourCode: 'AK-1', level: 3, note: 'Laporan tepat waktu, dua kali lebih cepat' },
    ]);
    expect(draft.isSaved('AK-1')).toBe(false);
  });

  it('keeps every choice when a save fails, and says why', async () => {
    const draft = new RatingDraft({
      stored: [],
      save: async () => {
        throw new ApiProblem({ status: 410, code: 'TOKEN_INVALID', message: 'gone' });
      },
    });
    draft.setLevel('BP-1', 2);
    expect(await draft.save()).toBe(false);
    expect(draft.status).toBe('failed');
    expect(draft.problem?.code).toBe('TOKEN_INVALID');
    expect(draft.level('BP-1')).toBe(2);
    expect(draft.dirty).toBe(true);
  });

  it('names notes written for behaviours without a level', () => {
    const draft = new RatingDraft({ stored: [], save: echo([]) });
    draft.setNote('KO-2', 'Memimpin rapat lintas unit');
    expect(draft.notesWithoutLevel).toEqual(['KO-2']);
    draft.setLevel('KO-2', 4);
    expect(draft.notesWithoutLevel).toEqual([]);
  });

  it('saving with nothing changed sends nothing', async () => {
    const sent: RatingWrite[][] = [];
    const draft = new RatingDraft({ stored, save: echo(sent) });
    expect(await draft.save()).toBe(true);
    expect(sent).toEqual([]);
  });
});
