import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AssembleOptions,
  assembleForm,
  type Blueprint,
  drawParallelForms,
  type TestForm,
} from './assembly.ts';
import { type BankItem, type CognitiveLevel, isHigherOrder } from './bank.ts';

// a bank from counts: { akuntabel: { C1: 3, C3: 2 } } -> ids akuntabel-c1-1 … akuntabel-c3-2
function makeBank(
  spec: Record<string, Partial<Record<CognitiveLevel, number>>>,
  withValue = true,
): BankItem[] {
  const bank: BankItem[] = [];
  for (const [material, levels] of Object.entries(spec)) {
    for (const [level, count] of Object.entries(levels)) {
      for (let i = 1; i <= (count ?? 0); i++) {
        bank.push({
          id: `${material}-${level.toLowerCase()}-${i}`,
          material,
          ...(withValue ? { value: material } : {}),
          level: level as CognitiveLevel,
          optionIds: ['a', 'b', 'c', 'd'],
          correctOptionId: 'b',
        });
      }
    }
  }
  return bank;
}

function countBy(
  form: TestForm,
  bank: readonly BankItem[],
  key: (item: BankItem) => string,
): Record<string, number> {
  const byId = new Map(bank.map((item) => [item.id, item]));
  const counts: Record<string, number> = {};
  for (const id of form.itemIds) {
    const k = key(byId.get(id) as BankItem);
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

function higherOrderCount(form: TestForm, bank: readonly BankItem[]): number {
  const byId = new Map(bank.map((item) => [item.id, item]));
  return form.itemIds.filter((id) => isHigherOrder(byId.get(id) as BankItem)).length;
}

function mustAssemble(options: AssembleOptions) {
  const result = assembleForm(options);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result;
}

const ample = makeBank({
  akuntabel: { C1: 4, C2: 4, C3: 3, C4: 1 },
  kompeten: { C1: 4, C2: 4, C3: 3, C4: 1 },
  loyal: { C1: 4, C2: 4, C3: 3, C4: 1 },
});

describe('assembleForm: following the blueprint', () => {
  it.each<[string, Blueprint, Record<string, number>]>([
    [
      'perMaterial is exact and the rest is spread evenly',
      { items: 10, perMaterial: { akuntabel: 4 } },
      { akuntabel: 4, kompeten: 3, loyal: 3 },
    ],
    [
      'perMaterial 0 leaves a material out',
      { items: 8, perMaterial: { loyal: 0 } },
      { akuntabel: 4, kompeten: 4, loyal: 0 },
    ],
    [
      'everything fixed',
      { items: 6, perMaterial: { akuntabel: 1, kompeten: 2, loyal: 3 } },
      { akuntabel: 1, kompeten: 2, loyal: 3 },
    ],
  ])('%s', (_name, blueprint, expected) => {
    const result = mustAssemble({ bank: ample, blueprint, seed: 's1' });
    const counts = countBy(result.form, ample, (item) => item.material);
    for (const [material, n] of Object.entries(expected)) expect(counts[material] ?? 0).toBe(n);
    expect(result.plan).toEqual(expected);
    expect(result.form.itemIds).toHaveLength(blueprint.items);
    expect(new Set(result.form.itemIds).size).toBe(blueprint.items);
    expect(result.warnings).toEqual([]);
  });

  it('spreads 20 items over 7 values with counts differing by at most one', () => {
    const values = ['bo', 'ak', 'ko', 'ha', 'lo', 'ad', 'ka'];
    const bank = makeBank(Object.fromEntries(values.map((v) => [v, { C2: 4, C3: 2 }])));
    const result = mustAssemble({ bank, blueprint: { items: 20 }, seed: 'cohort-1' });
    const counts = Object.values(result.plan);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(20);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('gives a material with few items all it has and the others the rest', () => {
    const bank = makeBank({ akuntabel: { C2: 10 }, kompeten: { C2: 10 }, loyal: { C2: 1 } });
    const result = mustAssemble({ bank, blueprint: { items: 9 }, seed: 'x' });
    expect(result.plan).toEqual({ akuntabel: 4, kompeten: 4, loyal: 1 });
  });

  it('meets minHigherOrder even when most items are C1/C2', () => {
    const bank = makeBank({ akuntabel: { C1: 8, C3: 2 }, kompeten: { C2: 8, C4: 2 } });
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const result = mustAssemble({ bank, blueprint: { items: 10, minHigherOrder: 0.3 }, seed });
      expect(higherOrderCount(result.form, bank)).toBeGreaterThanOrEqual(3);
    }
  });

  it('leaves formative items out of tests', () => {
    const bank = [
      ...makeBank({ akuntabel: { C2: 2 } }),
      { ...(makeBank({ akuntabel: { C3: 1 } })[0] as BankItem), formative: true },
    ];
    const result = assembleForm({ bank, blueprint: { items: 3 }, seed: 'x' });
    expect(result.ok).toBe(false);
    const ok = mustAssemble({ bank, blueprint: { items: 2 }, seed: 'x' });
    expect(ok.form.itemIds.sort()).toEqual(['akuntabel-c2-1', 'akuntabel-c2-2']);
  });
});

describe('assembleForm: order and reproducibility', () => {
  it('gives the same form for the same seed and another form for another seed', () => {
    const options = { bank: ample, blueprint: { items: 12, minHigherOrder: 0.25 }, seed: 'attempt-7' };
    expect(assembleForm(options)).toEqual(assembleForm(options));
    const other = mustAssemble({ ...options, seed: 'attempt-8' });
    expect(other.form.itemIds).not.toEqual(mustAssemble(options).form.itemIds);
  });

  it('shuffles the options of every item as a permutation of its options', () => {
    const { form } = mustAssemble({ bank: ample, blueprint: { items: 12 }, seed: 'opt' });
    expect(Object.keys(form.optionOrder).sort()).toEqual(form.itemIds.slice().sort());
    for (const order of Object.values(form.optionOrder))
      expect(order.slice().sort()).toEqual(['a', 'b', 'c', 'd']);
    const unchanged = Object.values(form.optionOrder).filter((order) => order.join() === 'a,b,c,d').length;
    expect(unchanged).toBeLessThan(6);
  });

  it('shuffles question order rather than grouping by material', () => {
    const { form } = mustAssemble({ bank: ample, blueprint: { items: 12 }, seed: 'order' });
    const materials = form.itemIds.map((id) => id.split('-')[0]);
    const runs = materials.filter((m, i) => i === 0 || m !== materials[i - 1]).length;
    expect(runs).toBeGreaterThan(3);
  });
});

describe('assembleForm: avoiding earlier items', () => {
  const bank = makeBank({ akuntabel: { C2: 6, C3: 2 }, kompeten: { C2: 6, C3: 2 } });

  it('uses no excluded item when the bank has enough new ones', () => {
    const pre = mustAssemble({ bank, blueprint: { items: 8, minHigherOrder: 0.25 }, seed: 'pre' });
    const post = mustAssemble({
      bank,
      blueprint: { items: 8, minHigherOrder: 0.25 },
      seed: 'post',
      exclude: pre.form.itemIds,
    });
    expect(post.form.itemIds.filter((id) => pre.form.itemIds.includes(id))).toEqual([]);
    expect(post.warnings).toEqual([]);
  });

  it('falls back to excluded items only as far as needed, and says so', () => {
    const exclude = bank
      .filter((item) => item.material === 'akuntabel')
      .slice(0, 6)
      .map((item) => item.id);
    const result = mustAssemble({
      bank,
      blueprint: { items: 8, perMaterial: { akuntabel: 4 } },
      seed: 'y',
      exclude,
    });
    const reused = result.form.itemIds.filter((id) => exclude.includes(id));
    expect(reused).toHaveLength(2);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({
      code: 'reused-excluded',
      material: 'akuntabel',
      itemIds: expect.arrayContaining(reused),
    });
    expect(result.warnings[0]?.message).toContain('takes 4 of the material');
    expect(result.warnings[0]?.message).toContain(
      'only 2 are new to this participant: add 2 items with `value: akuntabel` to questions.yaml',
    );
  });

  it('prefers a new C3/C4 item to an excluded one and reuses only when the share demands it', () => {
    const small = makeBank({ akuntabel: { C2: 5, C3: 3 } });
    const exclude = ['akuntabel-c3-1', 'akuntabel-c3-2'];
    const result = mustAssemble({
      bank: small,
      blueprint: { items: 4, minHigherOrder: 0.5 },
      seed: 'z',
      exclude,
    });
    expect(higherOrderCount(result.form, small)).toBe(2);
    expect(result.form.itemIds.filter((id) => exclude.includes(id))).toHaveLength(1);
    expect(result.warnings[0]?.message).toContain('too few C3/C4 items for `minHigherOrder`');
  });
});

describe('assembleForm: errors say what is missing and how to fix it', () => {
  it.each<
    [
      string,
      BankItem[],
      Blueprint,
      { code: string; material: string | null; needed: number; available: number; message: string }[],
    ]
  >([
    [
      'a material with too few items for perMaterial',
      makeBank({ akuntabel: { C2: 10 }, loyal: { C2: 1 } }),
      { items: 6, perMaterial: { loyal: 3 } },
      [
        {
          code: 'material-short',
          material: 'loyal',
          needed: 3,
          available: 1,
          message:
            'Material `loyal` has 1 item in the bank but the blueprint asks for 3 per form: add 2 items with `value: loyal` to questions.yaml, or lower `perMaterial.loyal` in course.yaml.',
        },
      ],
    ],
    [
      'a material without value ids is named by its pages',
      makeBank({ pendahuluan: { C1: 1 }, akuntabel: { C2: 5 } }, false),
      { items: 4, perMaterial: { pendahuluan: 2 } },
      [
        {
          code: 'material-short',
          material: 'pendahuluan',
          needed: 2,
          available: 1,
          message:
            'Material `pendahuluan` has 1 item in the bank but the blueprint asks for 2 per form: add 1 item whose `page` is in material `pendahuluan` to questions.yaml, or lower `perMaterial.pendahuluan` in course.yaml.',
        },
      ],
    ],
    [
      'a bank too small for the form',
      makeBank({ akuntabel: { C2: 3 }, kompeten: { C2: 4 } }),
      { items: 10 },
      [
        {
          code: 'bank-short',
          material: null,
          needed: 10,
          available: 7,
          message:
            'A form needs 10 items but the materials not fixed in `perMaterial` (`kompeten`, `akuntabel`) have 7 items for the other 10 places: add 3 items to questions.yaml, or lower `items` to 7 in course.yaml.',
        },
      ],
    ],
    [
      'too few C3/C4 items',
      makeBank({ akuntabel: { C2: 5, C3: 1 }, kompeten: { C2: 5 } }),
      { items: 10, minHigherOrder: 0.3 },
      [
        {
          code: 'higher-order-short',
          material: null,
          needed: 3,
          available: 1,
          message:
            "A form needs at least 3 C3/C4 items (minHigherOrder 0.3 of 10) but the blueprint's materials can supply 1: add 2 items with `level: C3` or `level: C4` to questions.yaml (in `akuntabel`, `kompeten`), or lower `minHigherOrder` in course.yaml.",
        },
      ],
    ],
    [
      'perMaterial larger than the form',
      ample,
      { items: 4, perMaterial: { akuntabel: 3, loyal: 3 } },
      [
        {
          code: 'invalid-blueprint',
          material: null,
          needed: 6,
          available: 4,
          message:
            '`perMaterial` asks for 6 items but a form has 4: lower `perMaterial` by 2 or raise `items` to 6 in course.yaml.',
        },
      ],
    ],
  ])('%s', (_name, bank, blueprint, errors) => {
    expect(assembleForm({ bank, blueprint, seed: 'e' })).toEqual({ ok: false, errors });
  });

  it('suggests checking the id when perMaterial names a material with no items', () => {
    const result = assembleForm({
      bank: ample,
      blueprint: { items: 4, perMaterial: { akuntabl: 2 } },
      seed: 'e',
    });
    expect(result).toMatchObject({
      ok: false,
      errors: [
        {
          code: 'material-short',
          material: 'akuntabl',
          message:
            'Material `akuntabl` has no items in the bank but the blueprint asks for 2 per form: check the material id in `perMaterial` (materials with items: `akuntabel`, `kompeten`, `loyal`), or add 2 items whose `page` is in material `akuntabl` to questions.yaml.',
        },
      ],
    });
  });

  it('rejects a blueprint without a positive whole number of items', () => {
    const result = assembleForm({ bank: ample, blueprint: { items: 0, minHigherOrder: 1.5 }, seed: 'e' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.code)).toEqual(['invalid-blueprint', 'invalid-blueprint']);
      expect(result.errors[1]?.message).toContain('found 1.5');
    }
  });

  it('rejects a bank with a duplicate item id', () => {
    const bank = makeBank({ akuntabel: { C2: 3 } });
    const result = assembleForm({ bank: [...bank, bank[0] as BankItem], blueprint: { items: 2 }, seed: 'e' });
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'duplicate-item', material: 'akuntabel' }] });
  });
});

describe('drawParallelForms', () => {
  it('draws two disjoint forms with the same plan when the bank allows', () => {
    const result = drawParallelForms({
      bank: ample,
      blueprint: { items: 12, minHigherOrder: 0.25 },
      seed: 'cohort',
    });
    if (!result.ok) throw new Error('expected forms');
    const [a, b] = result.forms;
    expect(result.disjoint).toBe(true);
    expect(result.shared).toEqual([]);
    expect(a.itemIds.filter((id) => b.itemIds.includes(id))).toEqual([]);
    expect(countBy(a, ample, (item) => item.material)).toEqual(countBy(b, ample, (item) => item.material));
    expect(higherOrderCount(b, ample)).toBeGreaterThanOrEqual(3);
    expect(result.warnings).toEqual([]);
  });

  it('shares as few items as it must when the bank is small, and says how many to add', () => {
    const bank = makeBank({ akuntabel: { C2: 5 }, kompeten: { C2: 8 } });
    const result = drawParallelForms({ bank, blueprint: { items: 8 }, seed: 'small' });
    if (!result.ok) throw new Error('expected forms');
    expect(result.disjoint).toBe(false);
    expect(result.shared).toHaveLength(3);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'forms-overlap',
        material: 'akuntabel',
        message: expect.stringContaining(
          'two forms need 8 of its items and the bank has 5: add 3 items with `value: akuntabel`',
        ),
      }),
    ]);
  });
});

describe('assembleForm properties', () => {
  const levels: CognitiveLevel[] = ['C1', 'C2', 'C3', 'C4'];
  const bankArb = fc
    .array(fc.tuple(fc.constantFrom('m1', 'm2', 'm3', 'm4'), fc.constantFrom(...levels)), { maxLength: 40 })
    .map((rows) =>
      rows.map(
        ([material, level], i): BankItem => ({
          id: `q${i}`,
          material,
          value: material,
          level,
          optionIds: ['a', 'b', 'c'],
          correctOptionId: 'a',
        }),
      ),
    );
  const blueprintArb = fc.record({
    items: fc.integer({ min: 1, max: 25 }),
    perMaterial: fc.dictionary(fc.constantFrom('m1', 'm2', 'm3', 'm4'), fc.integer({ min: 0, max: 6 })),
    minHigherOrder: fc.constantFrom(0, 0.2, 0.3, 0.5, 1),
  });

  it('either meets the blueprint or says which material or constraint lacks items', () => {
    fc.assert(
      fc.property(
        bankArb,
        blueprintArb,
        fc.string(),
        fc.array(fc.nat({ max: 40 })),
        (bank, blueprint, seed, excl) => {
          const exclude = excl.map((i) => `q${i}`);
          const result = assembleForm({ bank, blueprint, seed, exclude });
          if (!result.ok) {
            expect(result.errors.length).toBeGreaterThan(0);
            for (const error of result.errors) {
              expect(error.message).toMatch(/: (add|lower|set|write|fix|check)/);
              if (error.code === 'material-short') expect(error.message).toContain(`\`${error.material}\``);
            }
            return;
          }
          const { itemIds, optionOrder } = result.form;
          expect(itemIds).toHaveLength(blueprint.items);
          expect(new Set(itemIds).size).toBe(itemIds.length);
          const counts = countBy(result.form, bank, (item) => item.material);
          for (const [material, n] of Object.entries(blueprint.perMaterial))
            expect(counts[material] ?? 0).toBe(n);
          expect(higherOrderCount(result.form, bank)).toBeGreaterThanOrEqual(
            Math.ceil(blueprint.minHigherOrder * blueprint.items - 1e-9),
          );
          for (const id of itemIds) expect(optionOrder[id]?.slice().sort()).toEqual(['a', 'b', 'c']);
          const reused = itemIds.filter((id) => exclude.includes(id));
          expect(result.warnings.flatMap((w) => w.itemIds).sort()).toEqual(reused.sort());
          expect(assembleForm({ bank, blueprint, seed, exclude })).toEqual(result);
        },
      ),
      { numRuns: 300 },
    );
  });
});
