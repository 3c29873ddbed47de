/**
 * Sweep: a truth table over chosen facts or paths. Every combination of their
 * values is a world; each world is judged (a path's value applied as a what-if
 * change, a fact's value held over the derived one) and its verdicts counted.
 * A dimension is decisive where changing it alone flips some verdict. The
 * evaluator memoizes on the facts each clause reads, so worlds that differ only
 * in what a clause does not read never reach the engine again. Pure; progress
 * is reported through the caller's callback.
 */
import type { VerdictStatus } from '../schema/common.js';
import type { Change } from '../schema/scenario.js';
import { ClauseEvaluator } from './evaluate-clause.js';
import type { FactValue, Facts } from './fact-catalogue.js';
import type { SimulateOptions, Verdict } from './simulate.js';
import { applyWhatIf, judgeDocument, type WhatIfDocument } from './what-if.js';

export type SweepDimension =
  | { kind: 'fact'; name: string; values: FactValue[] }
  | { kind: 'path'; name: string; values: Array<{ label: string; changes: Change[] }> };

export interface SweepRow {
  event: string;
  clause: string;
  obligor: string;
  status: VerdictStatus;
  decisive: string | null;
}

export type StatusCounts = Record<VerdictStatus, number>;

export interface SweepWorld {
  /** One label per dimension, in the order of the dimensions. */
  values: string[];
  counts: StatusCounts;
  /** The decisive failing tests among the rows that are not obliged, sorted. */
  because: string[];
  rows: SweepRow[];
}

export interface DecisiveDimension {
  name: string;
  /** Pairs of worlds differing in this dimension alone. */
  pairs: number;
  /** Of those, the pairs in which some verdict differs. */
  flips: number;
}

export interface SweepResult {
  dimensions: Array<{ name: string; kind: 'fact' | 'path'; values: string[] }>;
  worlds: SweepWorld[];
  totals: StatusCounts;
  decisive: DecisiveDimension[];
  verdicts: number;
  engineRuns: number;
}

export interface SweepOptions extends Pick<SimulateOptions, 'events' | 'clauses' | 'obligors'> {
  evaluator?: ClauseEvaluator;
  onProgress?: (done: number, total: number) => void;
}

export function labelOf(value: FactValue): string {
  if (value === null) return 'none';
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

const emptyCounts = (): StatusCounts => ({ obliged: 0, 'obliged-if-requested': 0, 'not-obliged': 0 });

export function worldCount(dimensions: readonly SweepDimension[]): number {
  return dimensions.reduce((n, d) => n * d.values.length, 1);
}

/** The value index of each dimension in world `index`: the first dimension varies slowest, as in a truth table. */
function digits(index: number, sizes: readonly number[]): number[] {
  const out = new Array<number>(sizes.length);
  for (let d = sizes.length - 1; d >= 0; d--) {
    out[d] = index % sizes[d]!;
    index = Math.floor(index / sizes[d]!);
  }
  return out;
}

const rowKey = (r: SweepRow) => `${r.event}\u0000${r.clause}\u0000${r.obligor}`;

function sameVerdicts(a: SweepWorld, b: SweepWorld): boolean {
  if (a.rows.length !== b.rows.length) return false;
  const statuses = new Map(a.rows.map((r) => [rowKey(r), r.status]));
  return b.rows.every((r) => statuses.get(rowKey(r)) === r.status);
}

export async function sweep(doc: WhatIfDocument, dimensions: readonly SweepDimension[], options: SweepOptions = {}): Promise<SweepResult> {
  const evaluator = options.evaluator ?? new ClauseEvaluator(true);
  const runsBefore = evaluator.engineRuns;
  const sizes = dimensions.map((d) => d.values.length);
  const total = worldCount(dimensions);
  const worlds: SweepWorld[] = [];
  const totals = emptyCounts();
  let verdicts = 0;
  for (let index = 0; index < total; index++) {
    const at = digits(index, sizes);
    const changes: Change[] = [];
    const facts: Partial<Facts> = {};
    dimensions.forEach((d, i) => {
      if (d.kind === 'fact') facts[d.name] = d.values[at[i]!]!;
      else changes.push(...d.values[at[i]!]!.changes);
    });
    const world = changes.length ? applyWhatIf(doc, changes).result : doc;
    const report = await judgeDocument(world, {
      ...(options.events ? { events: options.events } : {}),
      ...(options.clauses ? { clauses: options.clauses } : {}),
      ...(options.obligors ? { obligors: options.obligors } : {}),
      judge: { evaluator, contested: false, ...(Object.keys(facts).length ? { facts } : {}) },
    });
    const counts = emptyCounts();
    const because = new Set<string>();
    const rows = report.verdicts.map((v: Verdict) => {
      counts[v.status]++;
      totals[v.status]++;
      if (v.status !== 'obliged' && v.decisive) because.add(v.decisive);
      return { event: v.event, clause: v.clause, obligor: v.obligor, status: v.status, decisive: v.decisive };
    });
    verdicts += rows.length;
    worlds.push({
      values: dimensions.map((d, i) => (d.kind === 'fact' ? labelOf(d.values[at[i]!]!) : d.values[at[i]!]!.label)),
      counts,
      because: [...because].sort(),
      rows,
    });
    options.onProgress?.(index + 1, total);
  }
  // A dimension is decisive where moving it alone, all else equal, changes a verdict.
  const decisive = dimensions.map((d, i) => {
    const stride = sizes.slice(i + 1).reduce((n, s) => n * s, 1);
    let pairs = 0;
    let flips = 0;
    for (let index = 0; index < total; index++) {
      const own = Math.floor(index / stride) % sizes[i]!;
      for (let other = own + 1; other < sizes[i]!; other++) {
        pairs++;
        if (!sameVerdicts(worlds[index]!, worlds[index + (other - own) * stride]!)) flips++;
      }
    }
    return { name: d.name, pairs, flips };
  });
  return {
    dimensions: dimensions.map((d) => ({ name: d.name, kind: d.kind, values: d.kind === 'fact' ? d.values.map(labelOf) : d.values.map((v) => v.label) })),
    worlds,
    totals,
    decisive,
    verdicts,
    engineRuns: evaluator.engineRuns - runsBefore,
  };
}
