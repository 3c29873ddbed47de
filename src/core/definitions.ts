/**
 * A clause's named definitions, inlined: what a version's conditions read once
 * every `{condition: name}` is replaced by its definition. Apart from the
 * engine (evaluate-clause.ts), so loading and checking rules does not load
 * json-rules-engine. Pure.
 */
import type { Condition, ClauseVersion, Treaty } from '../schema/treaty.js';

/**
 * The most nodes a clause's conditions may have once its named definitions
 * are inlined (docs/design.md §5). The largest shipped clause has well under a
 * hundred; a definition used twice by a definition used twice, forty deep, would
 * otherwise grow to 2^40 nodes.
 */
export const MAX_CONDITION_NODES = 5_000;

/** Why a condition cannot be expanded: an unknown or circular definition, or too many nodes. */
export class DefinitionError extends Error {
  constructor(
    readonly kind: 'unknown' | 'cycle' | 'too-large',
    /** The definitions being expanded, outermost first (for a cycle: a -> b -> a). */
    readonly chain: readonly string[],
    message: string,
  ) {
    super(message);
    this.name = 'DefinitionError';
  }
}

/** Replace `{condition: name}` with the treaty's named definition (so every test shows up as a reason), counting nodes as it goes. */
export function inlineDefinitions(condition: Condition, definitions: Treaty['definitions'], seen: string[] = [], budget = { left: MAX_CONDITION_NODES }): Condition {
  if (--budget.left < 0) {
    const where = seen.length ? ` (inlining "${seen[0]}"${seen.length > 1 ? `, ${seen.length} definitions deep` : ''})` : '';
    throw new DefinitionError('too-large', seen, `the conditions grow past ${MAX_CONDITION_NODES} tests and groups once definitions are inlined${where}`);
  }
  if ('condition' in condition) {
    const name = condition.condition;
    // Own keys only: `constructor` must not find Object's.
    const definition = definitions && Object.hasOwn(definitions, name) ? definitions[name] : undefined;
    if (!definition) throw new DefinitionError('unknown', [...seen, name], `unknown definition "${name}"`);
    if (seen.includes(name)) throw new DefinitionError('cycle', [...seen, name], `definition "${name}" refers to itself (${[...seen.slice(seen.indexOf(name)), name].join(' -> ')})`);
    return inlineDefinitions(definition, definitions, [...seen, name], budget);
  }
  if ('all' in condition) return { ...condition, all: condition.all.map((c) => inlineDefinitions(c, definitions, seen, budget)) };
  if ('any' in condition) return { ...condition, any: condition.any.map((c) => inlineDefinitions(c, definitions, seen, budget)) };
  if ('not' in condition) return { ...condition, not: inlineDefinitions(condition.not, definitions, seen, budget) };
  return condition;
}

/** The named definitions a version reads: the treaty's, with those the version (or one before it) changed. */
export function effectiveDefinitions(version: ClauseVersion, treaty: Treaty): Treaty['definitions'] {
  return version.definitions ? { ...treaty.definitions, ...version.definitions } : treaty.definitions;
}
