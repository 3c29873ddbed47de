/**
 * Why-not: for one verdict, the smallest sets of input changes that would flip
 * it. Candidate changes are drawn from the clause's own conditions: for each
 * test that stands in the way, the facts it reads and the values that would
 * pass it, turned into the what-if change that produces that value (a request,
 * the event's kind or attacker, a membership, the obligor's recognition, an
 * attribute of the place). Every set is verified by judging the row again on
 * the changed document; nothing is inferred. Pure.
 */
import type { Change } from '../schema/scenario.js';
import type { Condition, LeafCondition, Treaty } from '../schema/treaty.js';
import { ChangeError } from './changes.js';
import { inlineDefinitions, type ClauseEvaluator } from './evaluate-clause.js';
import { deriveFacts, FACT_CATALOGUE, type FactValue, type Facts } from './fact-catalogue.js';
import { findTerritory } from './recognition.js';
import { versionOn, type Verdict } from './simulate.js';
import { foldTimeline } from './timeline.js';
import { applyWhatIf, judgeDocument, reasonChanges, splitDocument, type ReasonChange, type WhatIfDocument } from './what-if.js';
import type { ScenarioEvent } from '../schema/scenario.js';
import type { World } from '../schema/world.js';

export interface RowRef {
  event: string;
  clause: string;
  obligor: string;
}

export interface Candidate {
  /** The reason code of the test this change addresses. */
  test: string;
  /** The fact it moves; two changes to one fact never go in the same set. */
  fact: string;
  label: string;
  change: Change;
}

export interface Counterfactual {
  candidates: Candidate[];
  verdict: Verdict | null;
  reasons: ReasonChange[];
}

export interface NearMiss {
  candidate: Candidate;
  status: Verdict['status'] | 'no row';
  /** Tests that still fail with this change alone. */
  stillFailing: string[];
}

export interface WhyNotResult {
  row: Verdict;
  /** obliged, when the row is not; otherwise anything but obliged. */
  goal: 'obliged' | 'not-obliged';
  candidates: Candidate[];
  /** Minimal sets, smallest first. */
  sets: Counterfactual[];
  /** When no single change suffices: what each one alone leaves failing. */
  nearMisses: NearMiss[];
  /** Failing tests for which no input change was found. */
  uncovered: string[];
  /** Sets judged (the search is exhaustive up to maxSize). */
  checked: number;
  maxSize: number;
}

export type WhyNotProblem = { field: 'event' | 'clause' | 'obligor'; value: string; known: string[] };

function leafHolds(leaf: LeafCondition, actual: FactValue | undefined): boolean {
  const v = leaf.value;
  const list = Array.isArray(v) ? v : [v];
  switch (leaf.operator) {
    case 'equal': return actual === v;
    case 'notEqual': return actual !== v;
    case 'in': return list.includes(actual as never);
    case 'notIn': return !list.includes(actual as never);
    case 'contains': return Array.isArray(actual) && actual.includes(v as string);
    case 'doesNotContain': return !(Array.isArray(actual) && actual.includes(v as string));
    case 'lessThan': return typeof actual === 'number' && actual < (v as number);
    case 'lessThanInclusive': return typeof actual === 'number' && actual <= (v as number);
    case 'greaterThan': return typeof actual === 'number' && actual > (v as number);
    case 'greaterThanInclusive': return typeof actual === 'number' && actual >= (v as number);
  }
}

/** The values a fact could take that would make the leaf come out as `want`. */
function valuesMaking(leaf: LeafCondition, want: boolean): FactValue[] {
  const def = FACT_CATALOGUE.find((f) => f.id === leaf.fact);
  const listed = (Array.isArray(leaf.value) ? leaf.value : [leaf.value]) as FactValue[];
  let domain: FactValue[];
  if (def?.type === 'boolean') domain = [true, false];
  else if (def?.values) domain = [...def.values];
  else if (def?.type === 'list') return leaf.operator === 'contains' && want ? [[leaf.value as string]] : [];
  else domain = listed;
  return domain.filter((value) => leafHolds(leaf, value) === want);
}

interface Context {
  world: World;
  treaty: Treaty;
  clauseRef: string;
  event: ScenarioEvent;
  events: readonly ScenarioEvent[];
  obligor: string;
}

const STATE = /^[A-Z]{3}$/;

/** The what-if changes that would give `fact` the value `value` for this row. */
function changesFor(fact: string, value: FactValue, ctx: Context): Array<{ label: string; change: Change }> {
  const { event, treaty, clauseRef, obligor, world } = ctx;
  const at = `events.${event.id}`;
  const territory = findTerritory(world, event.territory);
  const membership = (state: string) =>
    value === 'none' ? [] : [{ label: `${state}'s standing in ${treaty.id} is ${value} from ${event.date}`, change: { add: 'world.memberships', value: { treaty: treaty.id, state, status: value, from: event.date } } }];
  switch (fact) {
    case 'aidRequestedUnderClause':
    case 'anyPartyRequestedUnderClause': {
      if (value === true) return [{ label: `${event.target} asks for help under ${clauseRef}`, change: { add: `${at}.requests`, value: { by: event.target, clause: clauseRef, date: event.date } } }];
      const kept = (event.requests ?? []).filter((r) => r.clause !== clauseRef);
      return [{ label: `no request under ${clauseRef}`, change: kept.length ? { set: `${at}.requests`, value: kept } : { remove: `${at}.requests` } }];
    }
    case 'eventKind':
      return [{ label: `the event is ${/^[aeiou]/.test(String(value)) ? 'an' : 'a'} ${value}`, change: { set: `${at}.kind`, value } }];
    case 'targetKind':
      return [{ label: `what was hit is the target's ${value}`, change: { set: `${at}.targetKind`, value } }];
    case 'attackDirectedFromAbroad':
      return typeof value === 'boolean'
        ? [{ label: `the attack was ${value ? '' : 'not '}directed from abroad`, change: { set: `${at}.directedFromAbroad`, value } }]
        : [];
    case 'attackerKind': {
      if (value === 'none') return [{ label: 'no attacker is established', change: { remove: `${at}.attacker` } }];
      const ids = value === 'non-state'
        ? world.actors.map((a) => a.id).sort()
        : [...new Set(ctx.events.map((e) => e.attacker).filter((a): a is string => a !== undefined && STATE.test(a)))].filter((s) => s !== event.target && s !== obligor).sort();
      return ids.map((id) => ({ label: `the attacker is ${id} (a ${value} actor)`, change: { set: `${at}.attacker`, value: id } }));
    }
    case 'obligorStatusOnDate':
      return membership(obligor);
    case 'targetStatusOnDate':
      return membership(event.target);
    case 'territoryBelongsToTargetInObligorsView': {
      if (!territory) return value === true ? [{ label: `the attack falls on ${event.target}'s own territory`, change: { set: `${at}.territory`, value: event.target } }] : [];
      const sovereign = value === true ? event.target : event.attacker && STATE.test(event.attacker) ? event.attacker : null;
      return [{
        label: `${obligor} regards ${territory.name} as ${sovereign === null ? 'no state' : sovereign}'s`,
        change: { add: 'world.recognitions', value: { by: obligor, territory: territory.id, sovereign, from: event.date } },
      }];
    }
    case 'placeContinent':
    case 'placeIsIsland':
    case 'placeOcean': {
      const attribute = fact === 'placeContinent' ? 'continent' : fact === 'placeIsIsland' ? 'island' : 'ocean';
      if (value === null) return [];
      if (territory) return [{ label: `${territory.name} has ${attribute} ${String(value)}`, change: { set: `world.territories.${territory.id}.${attribute}`, value } }];
      if (attribute === 'ocean') return [];
      return [{ label: `${event.territory} has ${attribute} ${String(value)}`, change: { set: `world.states.${event.territory}.${attribute}`, value } }];
    }
    case 'placeTags':
      return territory && Array.isArray(value) ? value.map((tag) => ({ label: `${territory.name} is tagged ${tag}`, change: { add: `world.territories.${territory.id}.tags`, value: tag } })) : [];
    default:
      return [];
  }
}

/** Walk the clause's conditions towards the goal and collect the changes each obstructing leaf needs. */
function collectCandidates(condition: Condition, want: boolean, facts: Facts, ctx: Context, test: string, out: Candidate[]): void {
  const code = 'code' in condition && typeof condition.code === 'string' ? condition.code : test;
  // `all` wanted false, like `any` wanted true, is satisfied by one child; either way each child is a place to act.
  if ('all' in condition) return condition.all.forEach((c) => collectCandidates(c, want, facts, ctx, code, out));
  if ('any' in condition) return condition.any.forEach((c) => collectCandidates(c, want, facts, ctx, code, out));
  if ('not' in condition) return collectCandidates(condition.not, !want, facts, ctx, code, out);
  if (!('fact' in condition)) return;
  if (leafHolds(condition, facts[condition.fact]) === want) return;
  const found = valuesMaking(condition, want).flatMap((value) => changesFor(condition.fact, value, ctx));
  for (const f of found) {
    if (!out.some((c) => JSON.stringify(c.change) === JSON.stringify(f.change))) out.push({ test: code, fact: condition.fact, ...f });
  }
}

function* subsets(n: number, size: number, start = 0, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === size) {
    yield prefix;
    return;
  }
  for (let i = start; i < n; i++) yield* subsets(n, size, i + 1, [...prefix, i]);
}

async function judgeOne(doc: WhatIfDocument, ref: RowRef, evaluator: ClauseEvaluator | undefined): Promise<Verdict | null> {
  const report = await judgeDocument(doc, { events: [ref.event], clauses: [ref.clause], obligors: [ref.obligor], judge: { contested: false, ...(evaluator ? { evaluator } : {}) } });
  return report.verdicts.find((v) => v.event === ref.event && v.clause === ref.clause && v.obligor === ref.obligor) ?? null;
}

export async function whyNot(
  doc: WhatIfDocument,
  ref: RowRef,
  options: { maxSize?: number; evaluator?: ClauseEvaluator } = {},
): Promise<WhyNotResult | WhyNotProblem> {
  const maxSize = options.maxSize ?? 3;
  const { model, scenario } = splitDocument(doc);
  const steps = foldTimeline({ world: model.world, treaties: model.treaties }, scenario.events);
  const step = steps.find((s) => s.event.id === ref.event);
  if (!step) return { field: 'event', value: ref.event, known: steps.map((s) => s.event.id) };
  const [treatyId, clauseId] = ref.clause.split('/');
  const treaty = step.situation.treaties.find((t) => t.id === treatyId);
  const clause = treaty?.clauses.find((c) => c.id === clauseId);
  if (!treaty || !clause) return { field: 'clause', value: ref.clause, known: step.situation.treaties.flatMap((t) => t.clauses.map((c) => `${t.id}/${c.id}`)) };
  const row = await judgeOne(doc, ref, options.evaluator);
  if (!row) {
    const all = await judgeDocument(doc, { events: [ref.event], clauses: [ref.clause] });
    return { field: 'obligor', value: ref.obligor, known: all.verdicts.map((v) => v.obligor) };
  }
  const goal = row.status === 'obliged' ? 'not-obliged' : 'obliged';
  const reached = (v: Verdict | null) => (goal === 'obliged' ? v?.status === 'obliged' : v?.status !== 'obliged');
  const ctx: Context = { world: step.situation.world, treaty, clauseRef: ref.clause, event: step.event, events: scenario.events, obligor: ref.obligor };
  const facts = deriveFacts(ctx);
  const conditions = inlineDefinitions(versionOn(clause, step.event.date).conditions, treaty.definitions);
  const candidates: Candidate[] = [];
  collectCandidates(conditions, goal === 'obliged', facts, ctx, '', candidates);
  const failing = goal === 'obliged' ? [...new Set(row.reasons.filter((r) => !r.holds).map((r) => r.code))] : [];
  const uncovered = failing.filter((code) => !candidates.some((c) => c.test === code));

  const sets: Counterfactual[] = [];
  const nearMisses: NearMiss[] = [];
  let checked = 0;
  for (let size = 1; size <= Math.min(maxSize, candidates.length); size++) {
    for (const indices of subsets(candidates.length, size)) {
      const chosen = indices.map((i) => candidates[i]!);
      if (new Set(chosen.map((c) => c.fact)).size < chosen.length) continue;
      // Minimal sets only: a superset of a set that already works is not an answer.
      if (sets.some((s) => s.candidates.every((c) => chosen.includes(c)))) continue;
      let variant: WhatIfDocument;
      try {
        variant = applyWhatIf(doc, chosen.map((c) => c.change)).result;
      } catch (e) {
        if (e instanceof ChangeError) continue;
        throw e;
      }
      checked++;
      const verdict = await judgeOne(variant, ref, options.evaluator);
      if (reached(verdict)) sets.push({ candidates: chosen, verdict, reasons: verdict ? reasonChanges(row.reasons, verdict.reasons) : [] });
      else if (size === 1) {
        nearMisses.push({ candidate: chosen[0]!, status: verdict?.status ?? 'no row', stillFailing: (verdict?.reasons ?? []).filter((r) => !r.holds).map((r) => r.code) });
      }
    }
  }
  const smallest = sets[0]?.candidates.length ?? Infinity;
  return { row, goal, candidates, sets, nearMisses: smallest > 1 ? nearMisses : [], uncovered, checked, maxSize };
}
