// test assembly (issue 6): each attempt draws a form that follows the blueprint, avoids the
// participant's earlier items where the bank allows, and shuffles questions and options; the same
// seed always gives the same form, so an attempt is reproducible from its seed.

import { type BankItem, isHigherOrder } from './bank.ts';
import { own } from './math.ts';
import { createRng, type Rng, shuffled } from './prng.ts';

/** How a form is made: `evaluation.blueprint` plus the test's `items` in course.yaml. */
export interface Blueprint {
  /** items per form */
  items: number;
  /** exact items per material id; the rest is spread evenly over the materials not listed */
  perMaterial?: Readonly<Record<string, number>>;
  /** at least this share (0–1) of the form's items are C3 or C4 */
  minHigherOrder?: number;
}

/** A drawn form: the question order and, per item, the option order the participant sees. */
export interface TestForm {
  itemIds: string[];
  optionOrder: Record<string, string[]>;
}

export type AssemblyErrorCode =
  | 'invalid-blueprint'
  | 'duplicate-item'
  | 'material-short'
  | 'bank-short'
  | 'higher-order-short';

/** Why no form could be drawn; `message` says what was found, what was expected and the fix. */
export interface AssemblyError {
  code: AssemblyErrorCode;
  /** the material that lacks items, or null when the problem is not one material's */
  material: string | null;
  needed: number;
  available: number;
  message: string;
}

export type AssemblyWarningCode = 'reused-excluded' | 'forms-overlap';

/** A form was drawn but falls short of a preference (new items for every participant). */
export interface AssemblyWarning {
  code: AssemblyWarningCode;
  material: string;
  /** the items concerned */
  itemIds: string[];
  message: string;
}

export type AssemblyResult =
  | {
      ok: true;
      form: TestForm;
      /** items per material in this form */
      plan: Record<string, number>;
      warnings: AssemblyWarning[];
    }
  | { ok: false; errors: AssemblyError[] };

export type ParallelFormsResult =
  | {
      ok: true;
      forms: [TestForm, TestForm];
      /** true when no item is in both forms */
      disjoint: boolean;
      /** items in both forms (empty when disjoint) */
      shared: string[];
      plan: Record<string, number>;
      warnings: AssemblyWarning[];
    }
  | { ok: false; errors: AssemblyError[] };

export interface AssembleOptions {
  bank: readonly BankItem[];
  blueprint: Blueprint;
  /** the attempt's seed: the same seed gives the same form */
  seed: string;
  /** items to avoid where the bank allows, e.g. the participant's pre-test items */
  exclude?: readonly string[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function backtick(text: string): string {
  return `\`${text}\``;
}

// how an author adds items for a material: by the value it teaches when the bank knows it
function addItemsHint(material: string, items: readonly BankItem[], count: number, extra = ''): string {
  const value = items.find((item) => item.value !== undefined)?.value;
  const what = plural(count, `${extra}item`);
  return value === undefined
    ? `add ${what} whose \`page\` is in material ${backtick(material)} to questions.yaml`
    : `add ${what} with \`value: ${value}\` to questions.yaml`;
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

function blueprintErrors(blueprint: Blueprint): AssemblyError[] {
  const errors: AssemblyError[] = [];
  const invalid = (message: string, needed = 0, available = 0): void => {
    errors.push({ code: 'invalid-blueprint', material: null, needed, available, message });
  };
  if (!isCount(blueprint.items) || blueprint.items < 1) {
    invalid(
      `A form needs a whole number of items of at least 1, found ${String(blueprint.items)}: set \`items\` (e.g. 20) for the test in course.yaml.`,
    );
  }
  const share = blueprint.minHigherOrder ?? 0;
  if (typeof share !== 'number' || !(share >= 0 && share <= 1)) {
    invalid(
      `\`minHigherOrder\` is a share from 0 to 1, found ${String(share)}: write e.g. 0.3 for 30% C3/C4 items in course.yaml.`,
    );
  }
  for (const [material, count] of Object.entries(blueprint.perMaterial ?? {})) {
    if (!isCount(count)) {
      invalid(
        `\`perMaterial.${material}\` must be a whole number of items (0 or more), found ${String(count)}: fix it in course.yaml.`,
      );
    }
  }
  if (errors.length === 0) {
    const fixed = Object.values(blueprint.perMaterial ?? {}).reduce((sum, n) => sum + n, 0);
    if (fixed > blueprint.items) {
      invalid(
        `\`perMaterial\` asks for ${plural(fixed, 'item')} but a form has ${blueprint.items}: lower \`perMaterial\` by ${fixed - blueprint.items} or raise \`items\` to ${fixed} in course.yaml.`,
        fixed,
        blueprint.items,
      );
    }
  }
  return errors;
}

interface MaterialDraw {
  material: string;
  items: BankItem[];
  quota: number;
  picked: BankItem[];
}

type DrawOutcome =
  | { ok: true; form: TestForm; draws: MaterialDraw[]; plan: Record<string, number> }
  | { ok: false; errors: AssemblyError[] };

// shared by assembleForm and drawParallelForms: quotas, then items, then order
function draw(
  bank: readonly BankItem[],
  blueprint: Blueprint,
  rng: Rng,
  avoid: ReadonlySet<string>,
  fixedPlan?: Readonly<Record<string, number>>,
): DrawOutcome {
  const errors = blueprintErrors(blueprint);
  const eligible = bank.filter((item) => item.formative !== true);
  const seen = new Set<string>();
  const reported = new Set<string>();
  for (const item of eligible) {
    if (seen.has(item.id) && !reported.has(item.id)) {
      reported.add(item.id);
      errors.push({
        code: 'duplicate-item',
        material: item.material,
        needed: 1,
        available: 2,
        message: `Item id ${backtick(item.id)} is used twice in the bank: give one of them another id in questions.yaml.`,
      });
    }
    seen.add(item.id);
  }
  if (errors.length > 0) return { ok: false, errors };

  const byMaterial = new Map<string, BankItem[]>();
  for (const item of eligible) {
    const list = byMaterial.get(item.material) ?? [];
    list.push(item);
    byMaterial.set(item.material, list);
  }
  const perMaterial = blueprint.perMaterial ?? {};
  for (const material of Object.keys(perMaterial)) {
    if (!byMaterial.has(material)) byMaterial.set(material, []);
  }
  const freshCount = (material: string): number =>
    (byMaterial.get(material) ?? []).filter((item) => !avoid.has(item.id)).length;

  // quotas: perMaterial is exact; the remainder goes round-robin to the other materials, those with the
  // most new items first (ties in seeded order), so that counts differ by at most one
  const quota = new Map<string, number>();
  for (const [material, count] of Object.entries(perMaterial)) {
    const items = byMaterial.get(material) ?? [];
    quota.set(material, count);
    if (items.length < count) {
      errors.push({
        code: 'material-short',
        material,
        needed: count,
        available: items.length,
        message:
          items.length === 0
            ? `Material ${backtick(material)} has no items in the bank but the blueprint asks for ${count} per form: check the material id in \`perMaterial\` (materials with items: ${
                [...byMaterial]
                  .filter(([, list]) => list.length > 0)
                  .map(([m]) => backtick(m))
                  .join(', ') || 'none'
              }), or ${addItemsHint(material, items, count)}.`
            : `Material ${backtick(material)} has ${plural(items.length, 'item')} in the bank but the blueprint asks for ${count} per form: ${addItemsHint(material, items, count - items.length)}, or lower \`perMaterial.${material}\` in course.yaml.`,
      });
    }
  }
  const fixedTotal = Object.values(perMaterial).reduce((sum, n) => sum + n, 0);
  let remainder = blueprint.items - fixedTotal;
  const others = shuffled(
    [...byMaterial.keys()].filter((material) => !Object.hasOwn(perMaterial, material)),
    rng,
  ).sort((a, b) => freshCount(b) - freshCount(a));
  for (const material of others) quota.set(material, 0);
  if (fixedPlan !== undefined) {
    // a parallel form keeps the first form's per-material counts
    for (const material of others) quota.set(material, own(fixedPlan, material) ?? 0);
    remainder = 0;
  }
  while (remainder > 0) {
    let placed = false;
    for (const material of others) {
      if (remainder === 0) break;
      const q = quota.get(material) ?? 0;
      if (q < (byMaterial.get(material)?.length ?? 0)) {
        quota.set(material, q + 1);
        remainder -= 1;
        placed = true;
      }
    }
    if (!placed) break;
  }
  if (remainder > 0) {
    const capacity = blueprint.items - fixedTotal - remainder;
    const where =
      others.length === 0
        ? 'every material is fixed in `perMaterial`'
        : `the materials not fixed in \`perMaterial\` (${others.map(backtick).join(', ')}) have ${plural(capacity, 'item')} for the other ${blueprint.items - fixedTotal} places`;
    errors.push({
      code: 'bank-short',
      material: null,
      needed: blueprint.items,
      available: blueprint.items - remainder,
      message: `A form needs ${plural(blueprint.items, 'item')} but ${where}: add ${plural(remainder, 'item')} to questions.yaml${others.length === 0 ? ' and list their material in `perMaterial`, or raise `perMaterial`' : ''}, or lower \`items\` to ${blueprint.items - remainder} in course.yaml.`,
    });
  }

  // the higher-order share must be reachable within the quotas
  const share = blueprint.minHigherOrder ?? 0;
  const neededHigher = Math.ceil(share * blueprint.items - 1e-9);
  const maxHigher = [...quota].reduce(
    (sum, [material, q]) => sum + Math.min(q, (byMaterial.get(material) ?? []).filter(isHigherOrder).length),
    0,
  );
  if (errors.length === 0 && maxHigher < neededHigher) {
    const room = [...quota]
      .filter(([material, q]) => q > (byMaterial.get(material) ?? []).filter(isHigherOrder).length)
      .map(([material]) => backtick(material));
    errors.push({
      code: 'higher-order-short',
      material: null,
      needed: neededHigher,
      available: maxHigher,
      message: `A form needs at least ${plural(neededHigher, 'C3/C4 item')} (minHigherOrder ${share} of ${blueprint.items}) but the blueprint's materials can supply ${maxHigher}: add ${plural(neededHigher - maxHigher, 'item')} with \`level: C3\` or \`level: C4\` to questions.yaml (in ${room.join(', ')}), or lower \`minHigherOrder\` in course.yaml.`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };

  // items: new ones first, each group in seeded order
  const draws: MaterialDraw[] = [];
  for (const [material, items] of byMaterial) {
    const q = quota.get(material) ?? 0;
    const fresh = shuffled(
      items.filter((item) => !avoid.has(item.id)),
      rng,
    );
    const old = shuffled(
      items.filter((item) => avoid.has(item.id)),
      rng,
    );
    draws.push({ material, items, quota: q, picked: [...fresh, ...old].slice(0, q) });
  }

  // reach the higher-order share by swapping a picked C1/C2 item for an unpicked C3/C4 item of the same
  // material, cheapest first: a swap costs one when it brings in an avoided item for a new one
  let higher = draws.reduce((sum, d) => sum + d.picked.filter(isHigherOrder).length, 0);
  while (higher < neededHigher) {
    let best: { d: MaterialDraw; out: BankItem; into: BankItem; cost: number } | undefined;
    for (const d of draws) {
      const pickedIds = new Set(d.picked.map((item) => item.id));
      const lower = d.picked.filter((item) => !isHigherOrder(item));
      const candidates = d.items.filter((item) => isHigherOrder(item) && !pickedIds.has(item.id));
      if (lower.length === 0 || candidates.length === 0) continue;
      const out = lower.find((item) => avoid.has(item.id)) ?? (lower[lower.length - 1] as BankItem);
      const into = candidates.find((item) => !avoid.has(item.id)) ?? (candidates[0] as BankItem);
      const cost = (avoid.has(into.id) ? 1 : 0) - (avoid.has(out.id) ? 1 : 0);
      if (best === undefined || cost < best.cost) best = { d, out, into, cost };
    }
    // unreachable: maxHigher >= neededHigher guarantees a swap while higher < neededHigher
    if (best === undefined) break;
    const { d, out, into } = best;
    d.picked = d.picked.map((item) => (item.id === out.id ? into : item));
    higher += 1;
  }

  const chosen = shuffled(
    draws.flatMap((d) => d.picked),
    rng,
  );
  const optionOrder: Record<string, string[]> = {};
  for (const item of chosen) optionOrder[item.id] = shuffled(item.optionIds, rng);
  const plan: Record<string, number> = {};
  for (const d of draws) plan[d.material] = d.quota;
  return { ok: true, form: { itemIds: chosen.map((item) => item.id), optionOrder }, draws, plan };
}

function reuseWarnings(
  draws: readonly MaterialDraw[],
  reused: (item: BankItem) => boolean,
  avoid: ReadonlySet<string>,
  code: AssemblyWarningCode,
  describe: (d: MaterialDraw, items: BankItem[], fresh: number) => string,
): AssemblyWarning[] {
  const warnings: AssemblyWarning[] = [];
  for (const d of draws) {
    const items = d.picked.filter(reused);
    if (items.length === 0) continue;
    const fresh = d.items.filter((item) => !avoid.has(item.id)).length;
    warnings.push({
      code,
      material: d.material,
      itemIds: items.map((item) => item.id),
      message: describe(d, items, fresh),
    });
  }
  return warnings;
}

/**
 * Draws one test form from the bank by the blueprint, for one attempt.
 *
 * Follows `perMaterial` exactly and spreads the rest of `items` evenly over the other materials that
 * have items; meets `minHigherOrder`; prefers items not in `exclude` and uses excluded items only when
 * the bank lacks new ones, with a warning naming them; shuffles question and option order. The same
 * inputs and seed always give the same form.
 *
 * @example
 * const result = assembleForm({ bank, blueprint: { items: 20, minHigherOrder: 0.3 }, seed: attempt.id,
 *   exclude: pretestItemIds });
 * if (result.ok) result.form.itemIds; // the questions in the order this participant sees them
 * else for (const error of result.errors) console.error(error.message);
 * // e.g. "Material `loyal` has 1 item in the bank but the blueprint asks for 3 per form:
 * //       add 2 items with `value: loyal` to questions.yaml, or lower `perMaterial.loyal` in course.yaml."
 */
export function assembleForm(options: AssembleOptions): AssemblyResult {
  const avoid = new Set(options.exclude ?? []);
  const outcome = draw(options.bank, options.blueprint, createRng(options.seed), avoid);
  if (!outcome.ok) return outcome;
  const warnings = reuseWarnings(
    outcome.draws,
    (item) => avoid.has(item.id),
    avoid,
    'reused-excluded',
    (d, items, fresh) => {
      const list = `${plural(items.length, 'item')} (${items.map((i) => backtick(i.id)).join(', ')})`;
      return fresh < d.quota
        ? `Material ${backtick(d.material)}: this form repeats ${list} from the excluded list because it takes ${d.quota} of the material's items and only ${fresh} are new to this participant: ${addItemsHint(d.material, d.items, d.quota - fresh)} to keep the forms apart.`
        : `Material ${backtick(d.material)}: this form repeats ${list} from the excluded list because the material's new items have too few C3/C4 items for \`minHigherOrder\`: ${addItemsHint(d.material, d.items, items.length, 'C3/C4 ')} to keep the forms apart.`;
    },
  );
  return { ok: true, form: outcome.form, plan: outcome.plan, warnings };
}

/**
 * Draws two forms by the same blueprint with no item in common when the bank allows, e.g. parallel
 * pre-test and post-test forms for a cohort. The first form avoids `exclude`; the second avoids
 * `exclude` and the first form. When the bank is too small, the forms share items and `disjoint` is
 * false, with a warning per material saying how many items to add.
 *
 * @example
 * const result = drawParallelForms({ bank, blueprint: { items: 20 }, seed: cohort.id });
 * if (result.ok && !result.disjoint) showWarnings(result.warnings);
 */
export function drawParallelForms(options: AssembleOptions): ParallelFormsResult {
  const exclude = new Set(options.exclude ?? []);
  const first = draw(options.bank, options.blueprint, createRng(`${options.seed}:A`), exclude);
  if (!first.ok) return first;
  const firstIds = new Set(first.form.itemIds);
  const avoid = new Set([...exclude, ...firstIds]);
  const second = draw(options.bank, options.blueprint, createRng(`${options.seed}:B`), avoid, first.plan);
  if (!second.ok) return second;

  const warnings = [
    ...reuseWarnings(
      first.draws,
      (item) => exclude.has(item.id),
      exclude,
      'reused-excluded',
      (d, items, fresh) =>
        `Material ${backtick(d.material)}: form A uses ${plural(items.length, 'excluded item')} (${items.map((i) => backtick(i.id)).join(', ')}) because the bank has ${fresh} others for the ${d.quota} it takes: ${addItemsHint(d.material, d.items, items.length)}.`,
    ),
    ...reuseWarnings(
      second.draws,
      (item) => exclude.has(item.id) && !firstIds.has(item.id),
      avoid,
      'reused-excluded',
      (d, items, fresh) =>
        `Material ${backtick(d.material)}: form B uses ${plural(items.length, 'excluded item')} (${items.map((i) => backtick(i.id)).join(', ')}) because the bank has ${fresh} others for the ${d.quota} it takes: ${addItemsHint(d.material, d.items, items.length)}.`,
    ),
    ...reuseWarnings(
      second.draws,
      (item) => firstIds.has(item.id),
      avoid,
      'forms-overlap',
      (d, items) =>
        `Material ${backtick(d.material)}: ${plural(items.length, 'item')} (${items.map((i) => backtick(i.id)).join(', ')}) ${items.length === 1 ? 'is' : 'are'} in both forms because two forms need ${2 * d.quota} of its items and the bank has ${d.items.length}: ${addItemsHint(d.material, d.items, items.length)} to make the forms disjoint.`,
    ),
  ];
  const shared = second.form.itemIds.filter((id) => firstIds.has(id));
  return {
    ok: true,
    forms: [first.form, second.form],
    disjoint: shared.length === 0,
    shared,
    plan: first.plan,
    warnings,
  };
}
