// small numeric helpers shared by the rules; not part of the public surface

/** Rounds half away from zero to `places` decimals without binary artefacts (1.005 -> 1.01). */
export function round(value: number, places = 2): number {
  if (!Number.isFinite(value)) return value;
  const sign = value < 0 ? -1 : 1;
  // shift the decimal point in the text, keeping any exponent the number already has (5e-324)
  const [mantissa, exponent = '0'] = String(Math.abs(value)).split('e');
  const shifted = Math.round(Number(`${mantissa}e${Number(exponent) + places}`));
  const [m, e = '0'] = String(shifted).split('e');
  const result = sign * Number(`${m}e${Number(e) - places}`);
  return Object.is(result, -0) ? 0 : result;
}

// thresholds are compared with a tolerance so that 0.9 - 0.5 (= 0.4000000000000001) still counts as 0.40
const EPSILON = 1e-9;

export function atLeast(value: number, bound: number): boolean {
  return value >= bound - EPSILON;
}

export function atMost(value: number, bound: number): boolean {
  return value <= bound + EPSILON;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function isScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
}

/** A record's own property: ids such as `constructor` never reach Object.prototype. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
