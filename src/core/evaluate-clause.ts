/**
 * Evaluate one clause version against derived facts with json-rules-engine and
 * turn the engine's own condition results into reasons. An evaluator, an
 * object its caller owns, builds an engine once per clause version, runs it
 * only on the facts the version reads and memoizes on them, so worlds that
 * cannot differ for a clause never reach the engine twice. No cache lives at
 * module level (docs/design.md §4); memoized results are frozen, so sharing
 * them is safe.
 */
import { Engine, type RuleResult } from 'json-rules-engine';
import type { ClauseVersion, Condition, LeafCondition, Treaty } from '../schema/treaty.js';
import { effectiveDefinitions, inlineDefinitions } from './definitions.js';

export { effectiveDefinitions, inlineDefinitions } from './definitions.js';
import type { FactValue, Facts } from './fact-catalogue.js';

export interface Reason {
  code: string;
  /** The test, as a reader can check it: `fact operator value`. */
  condition: string;
  holds: boolean;
  /** The treaty words the test encodes. */
  because: string;
  /** What the facts were, for the explanation. */
  found: string;
  /** The facts the test read. */
  facts: string[];
  /** For a labelled group (NATO's Article 6 area): the labelled tests inside it, so a reader sees which limb held. */
  parts?: Reason[];
}

export interface ClauseResult {
  passed: boolean;
  reasons: Reason[];
}

/**
 * The condition exactly as json-rules-engine should see it: a leaf keeps only
 * fact, operator, a plain value, code and because. A `path` or `params` (a
 * JSONPath into a fact, which jsonpath-plus would evaluate, scripts included)
 * or a `{fact}` value never reaches the engine, even if an object got past the
 * schema, which already refuses them.
 */
export function toEngineCondition(condition: Condition): Condition {
  const label = (c: { code?: string | undefined; because?: string | undefined }) => ({
    ...(typeof c.code === 'string' ? { code: c.code } : {}),
    ...(typeof c.because === 'string' ? { because: c.because } : {}),
  });
  if ('all' in condition) return { all: condition.all.map(toEngineCondition), ...label(condition) };
  if ('any' in condition) return { any: condition.any.map(toEngineCondition), ...label(condition) };
  if ('not' in condition) return { not: toEngineCondition(condition.not), ...label(condition) };
  if ('condition' in condition) throw new Error('definitions are inlined before a condition reaches the engine');
  const { fact, operator, value, code, because } = condition;
  const plain = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  if (!(plain(value) || (Array.isArray(value) && value.every(plain)))) throw new Error(`the value compared with ${fact} is not a plain value`);
  return { fact, operator, value, code, because };
}

/** json-rules-engine's own operators, looked up by name (never re-implemented here). */
const OPERATORS = (new Engine() as unknown as { operators: { get(name: string): { evaluate(a: unknown, b: unknown): boolean } } }).operators;

/** Does a leaf hold for this value of its fact, as the engine would judge it? */
export function leafHolds(leaf: Pick<LeafCondition, 'operator' | 'value'>, actual: FactValue | undefined): boolean {
  return OPERATORS.get(leaf.operator).evaluate(actual, leaf.value);
}

/** The engine never resolves a path: facts are plain values. */
function refusePath(): never {
  throw new Error('a condition path reached the rules engine');
}

interface Compiled {
  /** The treaty's named definitions the engine was built with: a what-if that changes them gets a new engine. */
  definitions: Treaty['definitions'];
  conditions: Condition;
  /**
   * Engines not running now. A json-rules-engine Engine holds one run's status,
   * so two runs at once on one engine can cut each other short: each run takes
   * an idle engine, or builds one, and gives it back.
   */
  idle: Engine[];
  /** The facts the version's conditions read, sorted: the memo key is made of these alone. */
  reads: string[];
  /** What its reasons say whatever the facts, worked out on the first run (reasonShape). */
  shape?: ReasonShape;
}

function leafFacts(condition: Condition, out: Set<string>): Set<string> {
  if ('all' in condition) condition.all.forEach((c) => leafFacts(c, out));
  else if ('any' in condition) condition.any.forEach((c) => leafFacts(c, out));
  else if ('not' in condition) leafFacts(condition.not, out);
  else if ('fact' in condition) out.add(condition.fact);
  return out;
}

function compileVersion(version: ClauseVersion, treaty: Treaty): Compiled {
  const conditions = toEngineCondition(inlineDefinitions(version.conditions, effectiveDefinitions(version, treaty)));
  return { definitions: treaty.definitions, conditions, idle: [], reads: [...leafFacts(conditions, new Set())].sort() };
}

/** Freeze a memoized result all the way down: callers share it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function engineOf(c: Compiled): Engine {
  const idle = c.idle.pop();
  if (idle) return idle;
  // allowUndefinedFacts stays off: every fact is derived, and a missing one is a bug, not a "false".
  const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: refusePath });
  engine.addRule({ name: 'clause', conditions: c.conditions as never, event: { type: 'applies' } });
  return engine;
}

/** The facts a clause version reads (its definitions inlined), sorted. */
export function factsReadBy(version: ClauseVersion, treaty: Treaty): readonly string[] {
  return compileVersion(version, treaty).reads;
}

export function formatValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (value === null) return 'none';
  return String(value);
}

function describeLeaf(leaf: LeafCondition): string {
  return `${leaf.fact} ${leaf.operator} ${formatValue(leaf.value)}`;
}

interface EngineNode {
  fact?: string;
  operator?: string;
  value?: unknown;
  code?: string;
  because?: string;
  result?: boolean;
  factResult?: FactValue;
  all?: EngineNode[];
  any?: EngineNode[];
  not?: EngineNode;
}

function holdsOf(node: EngineNode): boolean {
  if (node.all) return node.all.every(holdsOf);
  if (node.any) return node.any.some(holdsOf);
  if (node.not) return !holdsOf(node.not);
  return node.result === true;
}

function describe(node: EngineNode): string {
  if (node.all) return node.all.map(describe).join(' and ');
  if (node.any) return `(${node.any.map(describe).join(' or ')})`;
  if (node.not) return `not (${describe(node.not)})`;
  return describeLeaf(node as LeafCondition);
}

function found(node: EngineNode): string {
  if (node.all || node.any) return [...new Set((node.all ?? node.any ?? []).map(found))].join('; ');
  if (node.not) return found(node.not);
  return `${node.fact} = ${formatValue(node.factResult)}`;
}

function factsOf(node: EngineNode): string[] {
  if (node.all || node.any) return [...new Set((node.all ?? node.any ?? []).flatMap(factsOf))];
  if (node.not) return factsOf(node.not);
  return node.fact ? [node.fact] : [];
}

/**
 * A condition tree's reasons as far as the tree alone decides them: for each
 * labelled node (a leaf, or a group that carries its own code), its code, its
 * words, its test in words and the facts it reads. Worked out once per clause
 * version; a run only adds whether each test held and the values it found.
 */
interface ReasonShape {
  label?: { code: string; because: string; condition: string; facts: string[] };
  children: ReasonShape[];
}

const childrenOf = (node: EngineNode): EngineNode[] => node.all ?? node.any ?? (node.not ? [node.not] : []);

function reasonShape(node: EngineNode): ReasonShape {
  const children = childrenOf(node).map(reasonShape);
  return node.code && node.because
    ? { label: { code: node.code, because: node.because, condition: describe(node), facts: factsOf(node) }, children }
    : { children };
}

/** One reason per labelled node of the engine's result, read against the tree's shape (the result has the tree's shape). */
function reasonsOf(node: EngineNode, shape: ReasonShape, out: Reason[]): Reason[] {
  const children = childrenOf(node);
  if (shape.label) {
    const { code, because, condition, facts } = shape.label;
    const parts: Reason[] = [];
    children.forEach((child, i) => reasonsOf(child, shape.children[i]!, parts));
    out.push({ code, condition, holds: holdsOf(node), because, found: found(node), facts, ...(parts.length ? { parts } : {}) });
    return out;
  }
  children.forEach((child, i) => reasonsOf(child, shape.children[i]!, out));
  return out;
}

/** Keep a memo from growing without bound in a long session; dropping it never changes an answer. */
const MEMO_LIMIT = 50_000;

/**
 * Runs clause versions, counting engine runs. With `memoize`, a result is kept
 * per (clause version, values of the facts it reads): the engine sees only
 * those facts, so the same values always give the same result. Results are
 * shared between callers and must be treated as read-only.
 */
export class ClauseEvaluator {
  engineRuns = 0;
  memoHits = 0;
  /** Per compiled version: a result, or the run that will give it (rows judged together share one run). */
  private readonly memo = new WeakMap<Compiled, Map<string, Promise<ClauseResult>>>();
  /** Engines, per clause version judged. */
  private readonly compiled = new WeakMap<ClauseVersion, Compiled>();
  /** Versions as read under a contested reading, kept stable so their engines are reused (interpretations.ts). */
  readonly readings = new WeakMap<ClauseVersion, Map<string, ClauseVersion>>();

  constructor(readonly memoize = true) {}

  private compile(version: ClauseVersion, treaty: Treaty): Compiled {
    let c = this.compiled.get(version);
    if (!c || c.definitions !== treaty.definitions) {
      c = compileVersion(version, treaty);
      this.compiled.set(version, c);
    }
    return c;
  }

  // Plain functions returning promises, not async ones: each async layer costs ticks on every row.
  evaluate(version: ClauseVersion, treaty: Treaty, facts: Facts): Promise<ClauseResult> {
    const c = this.compile(version, treaty);
    const read: Record<string, FactValue> = {};
    for (const id of c.reads) read[id] = facts[id] as FactValue;
    if (!this.memoize) return this.run(c, read);
    let table = this.memo.get(c);
    if (!table) this.memo.set(c, (table = new Map()));
    const key = JSON.stringify(c.reads.map((id) => read[id]));
    const hit = table.get(key);
    if (hit) {
      this.memoHits++;
      return hit;
    }
    if (table.size >= MEMO_LIMIT) table.clear();
    const running = this.run(c, read);
    table.set(key, running);
    // A failed run is not remembered.
    running.catch(() => table.delete(key));
    return running;
  }

  private run(c: Compiled, facts: Record<string, FactValue>): Promise<ClauseResult> {
    this.engineRuns++;
    const engine = engineOf(c);
    return engine.run(facts).then(({ results, failureResults }) => {
      c.idle.push(engine);
      const result = (results[0] ?? failureResults[0]) as RuleResult;
      const root = result.conditions as unknown as EngineNode;
      c.shape ??= reasonShape(c.conditions as unknown as EngineNode);
      return deepFreeze({ passed: result.result === true, reasons: reasonsOf(root, c.shape, []) });
    });
  }
}

/** Judge one version; without an evaluator of the caller's, a fresh one (nothing is kept). */
export function evaluateClause(version: ClauseVersion, treaty: Treaty, facts: Facts, evaluator: ClauseEvaluator = new ClauseEvaluator(false)): Promise<ClauseResult> {
  return evaluator.evaluate(version, treaty, facts);
}
