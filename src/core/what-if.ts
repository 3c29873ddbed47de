/**
 * What-if scenarios (docs/design.md §2): changes applied with immer to a document made
 * of the base scenario, its merged `world` and the `treaties`, so a what-if can
 * change an event, the world or a treaty alike; then the base's verdicts set
 * beside the variant's, every flip marked with the reasons that changed, and
 * immer's patches listed as what changed. Pure.
 */
import type { Patch } from 'immer';
import type { Change, Scenario } from '../schema/scenario.js';
import type { Treaty } from '../schema/treaty.js';
import type { World } from '../schema/world.js';
import { applyChanges, idOf, type Applied } from './changes.js';
import type { Reason } from './evaluate-clause.js';
import { mergeWorld, simulateScenario, type Model, type ScenarioReport, type SimulateOptions, type Verdict } from './simulate.js';

/** What a what-if's paths address: the scenario's fields, plus `world` (merged) and `treaties`. */
export type WhatIfDocument = Omit<Scenario, 'world'> & { world: World; treaties: Treaty[] };

export function documentOf(model: Model, scenario: Scenario): WhatIfDocument {
  const { world, ...rest } = scenario;
  return { ...rest, world: mergeWorld(model.world, world), treaties: model.treaties };
}

/** Back from a document to what the simulator takes; the world is already merged. */
export function splitDocument(doc: WhatIfDocument): { model: Model; scenario: Scenario } {
  const { world, treaties, ...scenario } = doc;
  return { model: { world, treaties }, scenario };
}

export function applyWhatIf(doc: WhatIfDocument, changes: readonly Change[]): Applied<WhatIfDocument> {
  return applyChanges(doc, changes);
}

export function judgeDocument(doc: WhatIfDocument, options: SimulateOptions = {}): Promise<ScenarioReport> {
  const { model, scenario } = splitDocument(doc);
  return simulateScenario(model, scenario, options);
}

/** The value at a dotted path (list items by id), or undefined where the path leads nowhere. */
export function valueAtPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const segment of path.split('.')) {
    if (Array.isArray(node)) node = node.find((item) => idOf(item) === segment);
    else if (typeof node === 'object' && node !== null && Object.prototype.hasOwnProperty.call(node, segment)) node = (node as Record<string, unknown>)[segment];
    else return undefined;
  }
  return node;
}

/** A patch as a reader sees it: the path with list items named by id where they have one. */
export interface PatchLine {
  op: Patch['op'];
  path: string;
  value?: unknown;
}

export function readablePath(root: unknown, path: readonly (string | number)[]): string {
  const parts: string[] = [];
  let node: unknown = root;
  for (const segment of path) {
    const item = Array.isArray(node) && typeof segment === 'number' ? node[segment] : undefined;
    const name = item === undefined ? undefined : idOf(item);
    parts.push(name ?? (typeof segment === 'number' ? `[${segment}]` : segment));
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return parts.join('.').replace(/\.\[/g, '[');
}

/** Name each patch's path: a removed item from the base, anything else from the variant. */
export function patchLines(base: WhatIfDocument, variant: WhatIfDocument, patches: readonly Patch[]): PatchLine[] {
  return patches.map((p) => {
    const root = p.op === 'remove' ? base : variant;
    const line: PatchLine = { op: p.op, path: readablePath(root, p.path) };
    if (p.op !== 'remove') line.value = p.value;
    return line;
  });
}

export interface ReasonChange {
  code: string;
  condition: string;
  /** Whether the test held in the base and in the variant; null where the row or the test is absent. */
  from: boolean | null;
  to: boolean | null;
}

export interface RowSide {
  status: Verdict['status'];
  assessment: Verdict['assessment'];
  actual: Verdict['actual'];
  decisive: string | null;
}

export interface RowComparison {
  event: string;
  clause: string;
  obligor: string;
  base: RowSide | null;
  variant: RowSide | null;
  /** The status differs, or the row appeared or disappeared. */
  flipped: boolean;
  changed: boolean;
  reasons: ReasonChange[];
}

const rowKey = (v: Pick<Verdict, 'event' | 'clause' | 'obligor'>) => `${v.event}\u0000${v.clause}\u0000${v.obligor}`;

function side(v: Verdict | undefined): RowSide | null {
  return v ? { status: v.status, assessment: v.assessment, actual: v.actual, decisive: v.decisive } : null;
}

/** Reasons matched by code, then by their order among reasons of that code (several tests may share one). */
export function reasonChanges(base: readonly Reason[], variant: readonly Reason[]): ReasonChange[] {
  const keyed = (reasons: readonly Reason[]) => {
    const seen = new Map<string, number>();
    return reasons.map((r) => {
      const n = seen.get(r.code) ?? 0;
      seen.set(r.code, n + 1);
      return { key: `${r.code}#${n}`, r };
    });
  };
  const b = keyed(base);
  const v = new Map(keyed(variant).map((x) => [x.key, x.r]));
  const out: ReasonChange[] = [];
  for (const { key, r } of b) {
    const other = v.get(key);
    v.delete(key);
    if (!other || other.holds !== r.holds) out.push({ code: r.code, condition: r.condition, from: r.holds, to: other ? other.holds : null });
  }
  for (const r of v.values()) out.push({ code: r.code, condition: r.condition, from: null, to: r.holds });
  return out;
}

export function compareReports(base: ScenarioReport, variant: ScenarioReport): RowComparison[] {
  const baseRows = new Map(base.verdicts.map((v) => [rowKey(v), v]));
  const rows: RowComparison[] = [];
  const compare = (b: Verdict | undefined, v: Verdict | undefined): RowComparison => {
    const any = (v ?? b)!;
    const bs = side(b);
    const vs = side(v);
    const reasons = reasonChanges(b?.reasons ?? [], v?.reasons ?? []);
    const flipped = bs?.status !== vs?.status;
    const changed = flipped || bs?.assessment !== vs?.assessment || bs?.actual !== vs?.actual || reasons.length > 0;
    return { event: any.event, clause: any.clause, obligor: any.obligor, base: bs, variant: vs, flipped, changed, reasons };
  };
  for (const v of variant.verdicts) {
    const key = rowKey(v);
    rows.push(compare(baseRows.get(key), v));
    baseRows.delete(key);
  }
  for (const b of baseRows.values()) rows.push(compare(b, undefined));
  return rows;
}

export interface WhatIfReport {
  id: string;
  title: string;
  /** The scenario (or what-if) the changes were applied to. */
  baseId: string;
  baseTitle: string;
  changes: Change[];
  patches: PatchLine[];
  inversePatches: Patch[];
  base: ScenarioReport;
  variant: ScenarioReport;
  rows: RowComparison[];
  flips: number;
}

export interface WhatIfLayer {
  id: string;
  title: string;
  changes: readonly Change[];
}

/**
 * Apply each layer in turn (a what-if may be the base of another): every layer
 * but the last makes the base, the last makes the variant. Throws ChangeError
 * for a path that does not resolve (the loader reports it first).
 */
export async function runWhatIf(
  model: Model,
  scenario: Scenario,
  layers: readonly WhatIfLayer[],
  options: SimulateOptions = {},
): Promise<WhatIfReport> {
  let doc = documentOf(model, scenario);
  let baseId = scenario.id;
  let baseTitle = scenario.title;
  for (const layer of layers.slice(0, -1)) {
    doc = applyWhatIf(doc, layer.changes).result;
    baseId = layer.id;
    baseTitle = layer.title;
  }
  const last = layers[layers.length - 1] ?? { id: scenario.id, title: scenario.title, changes: [] };
  const applied = applyWhatIf(doc, last.changes);
  const base = await judgeDocument(doc, options);
  const variant = await judgeDocument(applied.result, options);
  const rows = compareReports(base, variant);
  return {
    id: last.id,
    title: last.title,
    baseId,
    baseTitle,
    changes: [...last.changes],
    patches: patchLines(doc, applied.result, applied.patches),
    inversePatches: applied.inversePatches,
    base: { ...base, id: baseId, title: baseTitle },
    variant: { ...variant, id: last.id, title: last.title },
    rows,
    flips: rows.filter((r) => r.flipped).length,
  };
}
