import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AnalysedItem,
  type AttemptResponse,
  type DifficultyCategory,
  type DiscriminationCategory,
  difficultyCategory,
  discriminationCategory,
  ITEM_ANALYSIS_THRESHOLDS,
  itemAnalysis,
} from './item-analysis.ts';

/*
 * Hand-computed example: 10 participants, 5 items with options a–d. Keys: I1 a, I2 b, I3 c, I4 d, I5 a.
 *
 *   answers         I1 I2 I3 I4 I5 | scored 0/1       | X (number correct)
 *   P01             a  b  c  a  a  | 1  1  1  0  1    | 4
 *   P02             a  b  a  b  a  | 1  1  0  0  1    | 3
 *   P03             a  b  b  c  a  | 1  1  0  0  1    | 3
 *   P04             a  b  d  d  b  | 1  1  0  1  0    | 3
 *   P05             a  a  c  a  a  | 1  0  1  0  1    | 3
 *   P06             a  a  a  d  c  | 1  0  0  1  0    | 2
 *   P07             a  c  b  d  d  | 1  0  0  1  0    | 2
 *   P08             a  c  d  d  b  | 1  0  0  1  0    | 2
 *   P09             a  a  a  b  a  | 1  0  0  0  1    | 2
 *   P10             b  -  b  c  -  | 0  0  0  0  0    | 0      (- = unanswered)
 *   correct (B)                       9  4  2  4  5    | ΣX = 24
 *
 * Difficulty p = B / 10: I1 0.90 mudah, I2 0.40 sedang, I3 0.20 sukar, I4 0.40 sedang, I5 0.50 sedang.
 *
 * Groups: 10 < 20 takers, so halves of 5. Ranked by X: upper P01–P05 (4,3,3,3,3), lower P06–P10
 * (2,2,2,2,0); no tie crosses the boundary.
 *   I1: P_A 5/5 = 1.0, P_B 4/5 = 0.8 -> D = 0.20 jelek
 *   I2: P_A 4/5 = 0.8, P_B 0/5 = 0.0 -> D = 0.80 baik sekali
 *   I3: P_A 2/5 = 0.4, P_B 0/5 = 0.0 -> D = 0.40 cukup (upper bound of cukup)
 *   I4: P_A 1/5 = 0.2, P_B 3/5 = 0.6 -> D = -0.40 negatif (buang)
 *   I5: P_A 4/5 = 0.8, P_B 1/5 = 0.2 -> D = 0.60 baik
 *
 * Distractors (share of 10 takers, working at >= 5%):
 *   I1: b 1 (0.10); c 0, d 0 -> c and d do not work
 *   I2: a 3, c 2, d 0, omitted 1 -> d does not work
 *   I3: a 3, b 3, d 2; I4: a 2, b 2, c 2; I5: b 2, c 1, d 1 (0.10 each), omitted 1 -> all work
 *
 * KR-20: pq = 0.9·0.1 + 0.4·0.6 + 0.2·0.8 + 0.4·0.6 + 0.5·0.5 = 0.09 + 0.24 + 0.16 + 0.24 + 0.25 = 0.98.
 *   mean X = 2.4; ΣX² = 16 + 4·9 + 4·4 + 0 = 68; S² = 68/10 − 2.4² = 6.8 − 5.76 = 1.04.
 *   r11 = 5/4 · (1 − 0.98/1.04) = 1.25 · 0.0576923 = 0.0721 -> 0.072, not reliable (< 0.70).
 *
 * Point-biserial, r = (Mp − Mt)/St · √(p/q), St = √1.04 = 1.019804 (on X; the same on scores 0–100):
 *   I2: Mp = (4+3+3+3)/4 = 3.25 -> (0.85 / 1.019804) · √(0.4/0.6) = 0.833494 · 0.816497 = 0.6805 -> 0.681
 *   I4: Mp = (3+2+2+2)/4 = 2.25 -> (−0.15 / 1.019804) · 0.816497 = −0.1201 -> −0.12
 */
const items: AnalysedItem[] = [
  { id: 'i1', optionIds: ['a', 'b', 'c', 'd'], correctOptionId: 'a' },
  { id: 'i2', optionIds: ['a', 'b', 'c', 'd'], correctOptionId: 'b' },
  { id: 'i3', optionIds: ['a', 'b', 'c', 'd'], correctOptionId: 'c' },
  { id: 'i4', optionIds: ['a', 'b', 'c', 'd'], correctOptionId: 'd' },
  { id: 'i5', optionIds: ['a', 'b', 'c', 'd'], correctOptionId: 'a' },
];
const rows: Record<string, string> = {
  p01: 'abcaa',
  p02: 'ababa',
  p03: 'abbca',
  p04: 'abddb',
  p05: 'aacaa',
  p06: 'aaadc',
  p07: 'acbdd',
  p08: 'acddb',
  p09: 'aaaba',
  p10: 'b-bc-',
};
const responses: AttemptResponse[] = Object.entries(rows).map(([participantId, row]) => ({
  participantId,
  answers: Object.fromEntries(items.map((item, i) => [item.id, row[i] === '-' ? null : (row[i] as string)])),
}));

describe('itemAnalysis: the hand-computed example', () => {
  const report = itemAnalysis({ items, responses });

  it('computes difficulty and its category', () => {
    expect(report.items.map((i) => [i.itemId, i.correct, i.p, i.difficulty])).toEqual([
      ['i1', 9, 0.9, 'mudah'],
      ['i2', 4, 0.4, 'sedang'],
      ['i3', 2, 0.2, 'sukar'],
      ['i4', 4, 0.4, 'sedang'],
      ['i5', 5, 0.5, 'sedang'],
    ]);
  });

  it('computes discrimination from halves under 20 takers', () => {
    expect(report.items.map((i) => [i.itemId, i.groups, i.d, i.discrimination])).toEqual([
      ['i1', { method: 'halves', size: 5, upperCorrect: 5, lowerCorrect: 4 }, 0.2, 'jelek'],
      ['i2', { method: 'halves', size: 5, upperCorrect: 4, lowerCorrect: 0 }, 0.8, 'baik-sekali'],
      ['i3', { method: 'halves', size: 5, upperCorrect: 2, lowerCorrect: 0 }, 0.4, 'cukup'],
      ['i4', { method: 'halves', size: 5, upperCorrect: 1, lowerCorrect: 3 }, -0.4, 'negatif'],
      ['i5', { method: 'halves', size: 5, upperCorrect: 4, lowerCorrect: 1 }, 0.6, 'baik'],
    ]);
  });

  it('flags distractors chosen by fewer than 5%', () => {
    expect(report.items.map((i) => [i.itemId, i.omitted, i.weakDistractors])).toEqual([
      ['i1', 0, ['c', 'd']],
      ['i2', 1, ['d']],
      ['i3', 0, []],
      ['i4', 0, []],
      ['i5', 1, []],
    ]);
    expect(report.items[3]?.options).toEqual([
      { optionId: 'a', correct: false, count: 2, upper: 2, lower: 0, share: 0.2, functioning: true },
      { optionId: 'b', correct: false, count: 2, upper: 1, lower: 1, share: 0.2, functioning: true },
      { optionId: 'c', correct: false, count: 2, upper: 1, lower: 1, share: 0.2, functioning: true },
      { optionId: 'd', correct: true, count: 4, upper: 1, lower: 3, share: 0.4, functioning: true },
    ]);
  });

  it('computes the point-biserial correlation', () => {
    expect(report.items[1]?.pointBiserial).toBe(0.681);
    expect(report.items[3]?.pointBiserial).toBe(-0.12);
  });

  it('computes KR-20 and says the test is not reliable', () => {
    expect(report.reliability).toEqual({
      kr20: 0.072,
      reliable: false,
      method: 'single-form',
      k: 5,
      variance: 1.04,
    });
    expect(report.meanScore).toBe(48);
  });
});

describe('itemAnalysis: other cases', () => {
  it('finds a Guttman-pattern test reliable (KR-20 = 5/4 · (1 − (35/36)/(35/12)) = 0.833)', () => {
    const guttman = items.map((item) => ({ ...item, correctOptionId: 'a' }));
    const responsesG = [0, 1, 2, 3, 4, 5].map((x) => ({
      participantId: `g${x}`,
      answers: Object.fromEntries(guttman.map((item, i) => [item.id, i < x ? 'a' : 'b'])),
    }));
    expect(itemAnalysis({ items: guttman, responses: responsesG }).reliability).toMatchObject({
      kr20: 0.833,
      reliable: true,
    });
  });

  it('uses upper and lower 27% from 20 takers', () => {
    const item = { id: 'q', optionIds: ['a', 'b'], correctOptionId: 'a' };
    const filler = { id: 'f', optionIds: ['a', 'b'], correctOptionId: 'a' };
    // 22 takers: 27% of 22 = 5.94 -> groups of 6
    const many = Array.from({ length: 22 }, (_, i) => ({
      participantId: `p${String(i).padStart(2, '0')}`,
      answers: { q: i < 11 ? 'a' : 'b', f: i < 6 ? 'a' : 'b' },
    }));
    const stats = itemAnalysis({ items: [item, filler], responses: many }).items[0];
    expect(stats?.groups).toEqual({ method: 'kelley-27', size: 6, upperCorrect: 6, lowerCorrect: 0 });
    expect(stats?.d).toBe(1);
  });

  it('analyses drawn forms over the participants who had each item', () => {
    const drawn: AttemptResponse[] = [
      { participantId: 'a', itemIds: ['i1', 'i2'], answers: { i1: 'a', i2: 'b' } },
      { participantId: 'b', itemIds: ['i1', 'i3'], answers: { i1: 'a', i3: 'a' } },
      { participantId: 'c', itemIds: ['i2', 'i3'], answers: { i2: 'a', i3: 'c' } },
      { participantId: 'd', itemIds: ['i1', 'i2'], answers: { i1: 'b', i2: 'a' } },
    ];
    const report = itemAnalysis({ items: items.slice(0, 3), responses: drawn });
    expect(report.items.map((i) => [i.itemId, i.takers, i.correct])).toEqual([
      ['i1', 3, 2],
      ['i2', 3, 1],
      ['i3', 2, 1],
    ]);
    // two or three takers per item: Σpq is noise, so KR-20 is withheld with the reason
    expect(report.reliability).toMatchObject({ kr20: null, k: 2, code: 'too-few-takers-per-item' });
    expect(report.reliability.reason).toBe(
      'KR-20 over drawn forms needs at least 5 takers per item; the least-drawn item has 2.',
    );
  });

  it('computes KR-20 over drawn forms once every item has enough takers, and never above 1', () => {
    const forms = [
      ['i1', 'i2'],
      ['i1', 'i3'],
      ['i2', 'i3'],
    ];
    const drawn: AttemptResponse[] = Array.from({ length: 12 }, (_, n) => {
      const itemIds = forms[n % 3] ?? [];
      const strong = n < 6;
      return {
        participantId: `p${n}`,
        itemIds,
        answers: Object.fromEntries(itemIds.map((id, j) => [id, strong || (n + j) % 4 === 0 ? 'a' : 'b'])),
      };
    });
    const fixedKeys = items.slice(0, 3).map((i) => ({ ...i, correctOptionId: 'a' }));
    const reliability = itemAnalysis({ items: fixedKeys, responses: drawn }).reliability;
    expect(reliability.method).toBe('random-forms');
    expect(reliability.kr20).not.toBeNull();
    expect(reliability.kr20 ?? 2).toBeLessThanOrEqual(1);
  });

  it('explains why KR-20 is missing', () => {
    expect(itemAnalysis({ items, responses: responses.slice(0, 1) }).reliability).toMatchObject({
      kr20: null,
      reason: 'KR-20 needs at least 2 participants.',
    });
    const uneven = [
      { participantId: 'a', itemIds: ['i1', 'i2'], answers: {} },
      { participantId: 'b', itemIds: ['i1', 'i2', 'i3'], answers: {} },
    ];
    expect(itemAnalysis({ items, responses: uneven }).reliability.reason).toBe(
      'KR-20 needs forms of one length; found forms of 2, 3 items.',
    );
    const same = [
      { participantId: 'a', answers: {} },
      { participantId: 'b', answers: {} },
    ];
    expect(itemAnalysis({ items, responses: same }).reliability).toMatchObject({ kr20: null, variance: 0 });
  });

  it('gives null statistics for an item nobody took', () => {
    const report = itemAnalysis({ items, responses: [] });
    expect(report.items[0]).toMatchObject({
      takers: 0,
      p: null,
      difficulty: null,
      d: null,
      pointBiserial: null,
    });
    expect(report.meanScore).toBeNull();
  });
});

describe('categories and thresholds', () => {
  it.each<[number, DifficultyCategory]>([
    [0, 'sukar'],
    [0.3, 'sukar'],
    [0.304, 'sukar'],
    [0.305, 'sedang'],
    [0.31, 'sedang'],
    [0.7, 'sedang'],
    [0.71, 'mudah'],
    [1, 'mudah'],
  ])('p = %s is %s', (p, category) => {
    expect(difficultyCategory(p)).toBe(category);
  });

  it.each<[number, DiscriminationCategory]>([
    [-0.01, 'negatif'],
    [0, 'jelek'],
    [0.2, 'jelek'],
    [0.6 - 0.4, 'jelek'],
    [0.21, 'cukup'],
    [0.9 - 0.5, 'cukup'],
    [0.41, 'baik'],
    [0.7, 'baik'],
    [0.71, 'baik-sekali'],
    [1, 'baik-sekali'],
  ])('D = %s is %s', (d, category) => {
    expect(discriminationCategory(d)).toBe(category);
  });

  it('exports the thresholds for the dashboard and the docs', () => {
    expect(ITEM_ANALYSIS_THRESHOLDS).toMatchObject({
      difficulty: { sukarMax: 0.3, sedangMax: 0.7 },
      discrimination: { jelekMax: 0.2, cukupMax: 0.4, baikMax: 0.7 },
      groupShare: 0.27,
      halvesBelow: 20,
      distractorMinShare: 0.05,
      reliableKr20: 0.7,
    });
  });

  it('never reports a KR-20 above 1, whatever forms were drawn and answered (property)', () => {
    const bank = Array.from({ length: 8 }, (_, i) => ({
      id: `b${i}`,
      optionIds: ['a', 'b', 'c', 'd'],
      correctOptionId: 'a',
    }));
    const attempt = fc.record({
      itemIds: fc.shuffledSubarray(
        bank.map((b) => b.id),
        { minLength: 3, maxLength: 3 },
      ),
      choices: fc.array(fc.constantFrom('a', 'b', 'c', null), { minLength: 3, maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(attempt, { minLength: 2, maxLength: 60 }), (attempts) => {
        const drawn = attempts.map((a, n) => ({
          participantId: `p${n}`,
          itemIds: a.itemIds,
          answers: Object.fromEntries(a.itemIds.map((id, j) => [id, a.choices[j] ?? null])),
        }));
        const { kr20, reason } = itemAnalysis({ items: bank, responses: drawn }).reliability;
        expect(kr20 === null ? typeof reason : kr20).toSatisfy((v) => v === 'string' || (v as number) <= 1);
      }),
    );
  });
});
