/**
 * Contested readings of a clause (`interpretations` in a treaty file), applied
 * by name. A reading replaces, in the clause version in force, every test that
 * carries a given reason code, and may change what satisfies the duty. Pure;
 * a caller may keep derived versions per (version, reading) in a cache it owns
 * (the evaluator's), so its engines keep working on stable objects.
 */
import type { Clause, ClauseVersion, Condition, Interpretation, Treaty } from '../schema/treaty.js';
import { effectiveDefinitions } from './definitions.js';

/** Replace every node carrying `code` (the outermost one) with `by`. */
export function replaceByCode(condition: Condition, code: string, by: Condition): Condition {
  if ('code' in condition && condition.code === code) return by;
  if ('all' in condition) return { ...condition, all: condition.all.map((c) => replaceByCode(c, code, by)) };
  if ('any' in condition) return { ...condition, any: condition.any.map((c) => replaceByCode(c, code, by)) };
  if ('not' in condition) return { ...condition, not: replaceByCode(condition.not, code, by) };
  return condition;
}

/** Does a condition (definitions inlined or not) carry this reason code anywhere? */
export function carriesCode(condition: Condition, code: string, definitions: Treaty['definitions'] = {}): boolean {
  if ('condition' in condition) {
    const d = definitions?.[condition.condition];
    return d ? carriesCode(d, code, definitions) : false;
  }
  if ('code' in condition && condition.code === code) return true;
  if ('all' in condition) return condition.all.some((c) => carriesCode(c, code, definitions));
  if ('any' in condition) return condition.any.some((c) => carriesCode(c, code, definitions));
  if ('not' in condition) return carriesCode(condition.not, code, definitions);
  return false;
}

/** Inline references to named definitions only where a replaced code hides inside one. */
function expose(condition: Condition, codes: readonly string[], definitions: Treaty['definitions']): Condition {
  if ('condition' in condition) {
    const d = definitions?.[condition.condition];
    return d && codes.some((c) => carriesCode(d, c, definitions)) ? expose(d, codes, definitions) : condition;
  }
  if ('all' in condition) return { ...condition, all: condition.all.map((c) => expose(c, codes, definitions)) };
  if ('any' in condition) return { ...condition, any: condition.any.map((c) => expose(c, codes, definitions)) };
  if ('not' in condition) return { ...condition, not: expose(condition.not, codes, definitions) };
  return condition;
}

export function applyInterpretation(
  version: ClauseVersion, reading: Interpretation, treaty: Treaty, derived: WeakMap<ClauseVersion, Map<string, ClauseVersion>> = new WeakMap(),
): ClauseVersion {
  if (reading.versionsFrom !== undefined && version.from < reading.versionsFrom) return version;
  let cache = derived.get(version);
  if (!cache) derived.set(version, (cache = new Map()));
  const hit = cache.get(reading.id);
  if (hit) return hit;
  const replace = Object.entries(reading.replace ?? {});
  let conditions = expose(version.conditions, replace.map(([code]) => code), effectiveDefinitions(version, treaty)) as ClauseVersion['conditions'];
  for (const [code, by] of replace) conditions = replaceByCode(conditions, code, by) as ClauseVersion['conditions'];
  const out: ClauseVersion = { ...version, conditions, ...(reading.satisfiedBy ? { satisfiedBy: reading.satisfiedBy } : {}) };
  cache.set(reading.id, out);
  return out;
}

/** The reading of this clause selected by name, if any. */
export function selectedReading(clause: Clause, selected: readonly string[] | undefined): Interpretation | undefined {
  if (!selected?.length) return undefined;
  return clause.interpretations?.find((i) => selected.includes(i.id));
}

/** Every interpretation id in the rules, as `treaty/clause` -> ids. */
export function interpretationsOf(treaties: readonly Treaty[]): Array<{ clause: string; treaty: Treaty; clauseValue: Clause; reading: Interpretation }> {
  return treaties.flatMap((t) =>
    t.clauses.flatMap((c) => (c.interpretations ?? []).map((reading) => ({ clause: `${t.id}/${c.id}`, treaty: t, clauseValue: c, reading }))),
  );
}
