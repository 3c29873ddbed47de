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
  /** For a labelled group (NATO's Article 6 area): the labelled tests inside it, so a reader sees which limb held. */
  parts?: Reason[];
}

export interface ClauseResult {
  passed: boolean;
  reasons: Reason[];
}

/** Replace `{condition: name}` with the treaty's named definition (so every test shows up as a reason). */
export function inlineDefinitions(condition: Condition, definitions: Treaty['definitions'], seen: string[] = []): Condition {
  if ('condition' in condition) {
    const name = condition.condition;
    const definition = definitions?.[name];
    if (!definition) throw new Error(`unknown definition "${name}"`);
    if (seen.includes(name)) throw new Error(`definition "${name}" refers to itself`);
    return inlineDefinitions(definition, definitions, [...seen, name]);
  }
  if ('all' in condition) return { ...condition, all: condition.all.map((c) => inlineDefinitions(c, definitions, seen)) };
  if ('any' in condition) return { ...condition, any: condition.any.map((c) => inlineDefinitions(c, definitions, seen)) };
  if ('not' in condition) return { ...condition, not: inlineDefinitions(condition.not, definitions, seen) };
  return condition;
}

const engines = new WeakMap<ClauseVersion, Engine>();

function engineFor(version: ClauseVersion, treaty: Treaty): Engine {
  let engine = engines.get(version);
  if (!engine) {
    // allowUndefinedFacts stays off: every fact is derived, and a missing one is a bug, not a "false".
    engine = new Engine([], { allowUndefinedFacts: false });
    const conditions = inlineDefinitions(version.conditions, treaty.definitions);
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
    const children = node.all ?? node.any ?? (node.not ? [node.not] : []);
    const parts = children.flatMap((c) => reasonsOf(c, []));
    out.push({
      code: node.code, condition: describe(node), holds: holdsOf(node), because: node.because, found: found(node), facts: factsOf(node),
      ...(parts.length ? { parts } : {}),
    });
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
