/**
 * Alternating rounds: every variant measured once per round, round after
 * round, so that drift in a shared machine's speed hits every variant alike;
 * reported as the median with the spread (lowest to highest).
 */
export interface Spread {
  median: number;
  low: number;
  high: number;
  values: number[];
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, low: sorted[0]!, high: sorted[sorted.length - 1]!, values: [...values] };
}

/** Run each variant once per round, `rounds` times; each returns one measured value. */
export async function alternate<K extends string>(
  variants: Record<K, () => number | Promise<number>>,
  rounds: number,
): Promise<Record<K, Spread>> {
  const keys = Object.keys(variants) as K[];
  const values = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < rounds; i++) for (const k of keys) values[k].push(await variants[k]());
  return Object.fromEntries(keys.map((k) => [k, spread(values[k])])) as Record<K, Spread>;
}

export const fixed = (n: number, digits = 2): string => (Number.isFinite(n) ? n.toFixed(digits) : String(n));

/** `12.3 (11.0-14.1)`: a median and its spread. */
export function withSpread(s: Spread, digits = 1): string {
  return `${fixed(s.median, digits)} (${fixed(s.low, digits)}-${fixed(s.high, digits)})`;
}

/** The spread of a ratio taken round by round (a[i] / b[i]). */
export function ratioSpread(a: Spread, b: Spread): Spread {
  return spread(a.values.map((x, i) => x / b.values[i]!));
}
