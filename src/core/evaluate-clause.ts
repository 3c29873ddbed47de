/**
 * Evaluate one clause version against derived facts with json-rules-engine and
 * turn the engine's own condition results into reasons. Engines are built once
 * per clause version and reused. Pure apart from that cache (which holds no
 * state that changes an answer).
 */
import { Engine, type RuleResult } from 'json-rules-engine';
import type { ClauseVersion, Condition, LeafCondition, Treaty } from '../schema/treaty.js';
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
}

export interface ClauseResult {
  passed: boolean;
  reasons: Reason[];
}

/** Replace `{condition: name}` with the treaty's named definition (so every test shows up as a reason). */
export function inlineDefinitions(condition: Condition, definitions: Treaty['definitions'], seen: string[] = []): Condition {
  if ('condition' in condition) {
    const name = condition.condition;
    // Own keys only: `constructor` must not find Object's.
    const definition = definitions && Object.hasOwn(definitions, name) ? definitions[name] : undefined;
    if (!definition) throw new Error(`unknown definition "${name}"`);
    if (seen.includes(name)) throw new Error(`definition "${name}" refers to itself`);
    return inlineDefinitions(definition, definitions, [...seen, name]);
  }
  if ('all' in condition) return { ...condition, all: condition.all.map((c) => inlineDefinitions(c, definitions, seen)) };
  if ('any' in condition) return { ...condition, any: condition.any.map((c) => inlineDefinitions(c, definitions, seen)) };
  if ('not' in condition) return { ...condition, not: inlineDefinitions(condition.not, definitions, seen) };
  return condition;
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

/** The engine never resolves a path: facts are plain values. */
function refusePath(): never {
  throw new Error('a condition path reached the rules engine');
}

const engines = new WeakMap<ClauseVersion, Engine>();

function engineFor(version: ClauseVersion, treaty: Treaty): Engine {
  let engine = engines.get(version);
  if (!engine) {
    // allowUndefinedFacts stays off: every fact is derived, and a missing one is a bug, not a "false".
    engine = new Engine([], { allowUndefinedFacts: false, pathResolver: refusePath });
    const conditions = toEngineCondition(inlineDefinitions(version.conditions, treaty.definitions));
    engine.addRule({ name: 'clause', conditions: conditions as never, event: { type: 'applies' } });
    engines.set(version, engine);
  }
  return engine;
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

/** One reason per labelled node: a leaf, or a group that carries its own code. */
function reasonsOf(node: EngineNode, out: Reason[]): Reason[] {
  if (node.code && node.because) {
    out.push({ code: node.code, condition: describe(node), holds: holdsOf(node), because: node.because, found: found(node), facts: factsOf(node) });
    return out;
  }
  for (const child of node.all ?? node.any ?? (node.not ? [node.not] : [])) reasonsOf(child, out);
  return out;
}

export async function evaluateClause(version: ClauseVersion, treaty: Treaty, facts: Facts): Promise<ClauseResult> {
  const { results, failureResults } = await engineFor(version, treaty).run(facts as Record<string, unknown>);
  const result = (results[0] ?? failureResults[0]) as RuleResult;
  const root = result.conditions as unknown as EngineNode;
  return { passed: result.result === true, reasons: reasonsOf(root, []) };
}
