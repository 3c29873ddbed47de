/**
 * How certain a verdict is: which reading of a clause governs a row on its date,
 * and which other named readings would give the row another status. Pure.
 *
 * A clause has its default reading (`defaultReading`, id `default`) and named
 * interpretations. A reading the parties adopted (`kind: adopted`) governs from
 * its date on and is then the default (VCLT Art. 31(3)(a)-(b)); the reading it
 * superseded stays an alternative, and so does every asserted reading, whatever
 * its date: a reading of the words can be argued about an event that came before
 * it was voiced (the 2001 readings were about 11 September itself). A reading
 * selected by name (`--interpretation`) is judged on top of the governing one.
 *
 * Each alternative is a derived clause version (interpretations.ts caches them),
 * so the evaluator memoizes per reading exactly as per clause.
 */
import type { VerdictStatus } from '../schema/common.js';
import type { Clause, ClauseVersion, Interpretation, Treaty } from '../schema/treaty.js';
import type { ClauseEvaluator, ClauseResult, Reason } from './evaluate-clause.js';
import { evaluateClause, factsReadBy } from './evaluate-clause.js';
import type { Facts } from './fact-catalogue.js';
import { applyInterpretation } from './interpretations.js';

/** One reading under which the row would have another status (DESIGN §3 contract). */
export interface ContestedReading {
  reading: string;
  status: VerdictStatus;
  heldBy: string;
}

/** The id the clause's own default reading goes by in `contested`. */
export const DEFAULT_READING = 'default';

/** The reading the parties adopted that governs on the date: the latest one adopted on or before it. */
export function adoptedReadingOn(clause: Clause, date: string): Interpretation | undefined {
  let found: Interpretation | undefined;
  for (const r of clause.interpretations ?? []) {
    if (r.kind !== 'adopted' || r.from === undefined || r.from > date) continue;
    if (!found || r.from >= found.from!) found = r;
  }
  return found;
}

export interface ReadingsOfRow {
  /** The version the row is judged under: the version in force, read as adopted, then as selected. */
  governing: ClauseVersion;
  /** The adopted reading applied, if one governs on the date and changed the version. */
  adopted: Interpretation | undefined;
  /** The selected reading applied, if it changed the version. */
  selected: Interpretation | undefined;
  /** Every other named reading, as the version it would judge the row under. */
  alternatives: Array<{ id: string; heldBy: readonly string[]; version: ClauseVersion }>;
}

export function readingsOfRow(
  clause: Clause,
  treaty: Treaty,
  inForce: ClauseVersion,
  date: string,
  selected: Interpretation | undefined,
  /** Judge under the clause's default reading: no adopted reading governs (`--interpretation default`). */
  defaultOnly = false,
  /** Build the other readings' versions too (not needed where `contested` is off: sweeps, why-not). */
  withAlternatives = true,
  /** The cache of derived versions (the evaluator's), so a reading's version is one object across rows. */
  derived: WeakMap<ClauseVersion, Map<string, ClauseVersion>> = new WeakMap(),
): ReadingsOfRow {
  const adopted = defaultOnly ? undefined : adoptedReadingOn(clause, date);
  const asAdopted = adopted ? applyInterpretation(inForce, adopted, treaty, derived) : inForce;
  const chosen = selected && selected.id !== adopted?.id ? selected : undefined;
  const governing = chosen ? applyInterpretation(asAdopted, chosen, treaty, derived) : asAdopted;
  const governingId = chosen?.id ?? (asAdopted !== inForce ? adopted!.id : selected?.id ?? DEFAULT_READING);
  const alternatives: ReadingsOfRow['alternatives'] = [];
  if (!withAlternatives) return { governing, adopted: adopted && asAdopted !== inForce ? adopted : undefined, selected: selectedOf(), alternatives };
  if (governingId !== DEFAULT_READING && clause.defaultReading) {
    alternatives.push({ id: DEFAULT_READING, heldBy: clause.defaultReading.heldBy, version: inForce });
  }
  for (const r of clause.interpretations ?? []) {
    if (r.id === governingId) continue;
    const version = r.id === adopted?.id ? asAdopted : applyInterpretation(asAdopted, r, treaty, derived);
    alternatives.push({ id: r.id, heldBy: r.heldBy, version });
  }
  return { governing, adopted: adopted && asAdopted !== inForce ? adopted : undefined, selected: selectedOf(), alternatives };
  function selectedOf(): Interpretation | undefined {
    return selected && (selected.id === adopted?.id ? asAdopted !== inForce : governing !== asAdopted) ? selected : undefined;
  }
}

/**
 * The readings that would give the row another status than `status`, in the
 * order the treaty file gives them (the default first). The same facts are
 * judged under each reading's version; a version no reading changes is skipped.
 */
export async function contestedReadings(
  readings: ReadingsOfRow,
  treaty: Treaty,
  facts: Facts,
  status: VerdictStatus,
  statusOf: (passed: boolean, reasons: readonly Reason[]) => VerdictStatus,
  evaluator: ClauseEvaluator,
): Promise<ContestedReading[]> {
  const alternatives = readings.alternatives.filter((alt) => alt.version !== readings.governing);
  if (!alternatives.length) return [];
  // Memoized as the evaluator memoizes a clause: on the values of the facts any of these readings reads.
  const memo = memoOf(evaluator, treaty, readings.governing, alternatives);
  const key = JSON.stringify(memo.reads.map((id) => facts[id]));
  const hit = memo.table.get(key);
  if (hit) return hit;
  const out: ContestedReading[] = [];
  for (const alt of alternatives) {
    const result: ClauseResult = await evaluateClause(alt.version, treaty, facts, evaluator);
    const other = statusOf(result.passed, result.reasons);
    if (other !== status) out.push({ reading: alt.id, status: other, heldBy: alt.heldBy.join('; ') });
  }
  if (memo.table.size >= MEMO_LIMIT) memo.table.clear();
  memo.table.set(key, out);
  return out;
}

interface Memo { reads: string[]; table: Map<string, ContestedReading[]> }
/**
 * Per evaluator (a fresh evaluator starts with nothing remembered, as its own memo does), per treaty
 * object (a what-if that changes a treaty makes a new one), per governing version, per set of alternatives.
 */
const memos = new WeakMap<ClauseEvaluator, WeakMap<Treaty, WeakMap<ClauseVersion, Map<string, Memo>>>>();
const MEMO_LIMIT = 50_000;

function memoOf(evaluator: ClauseEvaluator, treaty: Treaty, governing: ClauseVersion, alternatives: ReadingsOfRow['alternatives']): Memo {
  let byTreaty = memos.get(evaluator);
  if (!byTreaty) memos.set(evaluator, (byTreaty = new WeakMap()));
  let byVersion = byTreaty.get(treaty);
  if (!byVersion) byTreaty.set(treaty, (byVersion = new WeakMap()));
  let bySet = byVersion.get(governing);
  if (!bySet) byVersion.set(governing, (bySet = new Map()));
  const ids = alternatives.map((a) => a.id).join(' ');
  let memo = bySet.get(ids);
  if (!memo) {
    const reads = new Set(factsReadBy(governing, treaty));
    for (const a of alternatives) for (const f of factsReadBy(a.version, treaty)) reads.add(f);
    bySet.set(ids, (memo = { reads: [...reads].sort(), table: new Map() }));
  }
  return memo;
}
