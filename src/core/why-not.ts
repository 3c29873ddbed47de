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
import type { Condition, LeafCondition } from '../schema/treaty.js';
import { ChangeError } from './changes.js';
import { effectiveDefinitions, inlineDefinitions, leafHolds, type ClauseEvaluator } from './evaluate-clause.js';
import { changesFor, deriveFacts, factRecord, type FactContext, type FactValue, type Facts } from './fact-catalogue.js';
import { versionOn, type Verdict } from './simulate.js';
import { findStep } from './timeline.js';
import { applyWhatIf, judgeDocument, reasonChanges, splitDocument, type ReasonChange, type WhatIfDocument } from './what-if.js';
import type { ScenarioEvent } from '../schema/scenario.js';

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

/** The values a fact could take that would make the leaf come out as `want`. */
function valuesMaking(leaf: LeafCondition, want: boolean): FactValue[] {
  const def = factRecord(leaf.fact);
  const listed = (Array.isArray(leaf.value) ? leaf.value : [leaf.value]) as FactValue[];
  let domain: FactValue[];
  if (def?.type === 'boolean') domain = [true, false];
  else if (def?.values) domain = [...def.values];
  else if (def?.type === 'list') return leaf.operator === 'contains' && want ? [[leaf.value as string]] : [];
  else domain = listed;
  return domain.filter((value) => leafHolds(leaf, value) === want);
}

type Context = FactContext & { events: readonly ScenarioEvent[] };

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
  const report = await judgeDocument(doc, { events: [ref.event], clauses: [ref.clause], obligors: [ref.obligor], ...(evaluator ? { judge: { evaluator } } : {}) });
  return report.verdicts.find((v) => v.event === ref.event && v.clause === ref.clause && v.obligor === ref.obligor) ?? null;
}

export async function whyNot(
  doc: WhatIfDocument,
  ref: RowRef,
  options: { maxSize?: number; evaluator?: ClauseEvaluator } = {},
): Promise<WhyNotResult | WhyNotProblem> {
  const maxSize = options.maxSize ?? 3;
  const { model, scenario } = splitDocument(doc);
  const { step, steps } = findStep(model, scenario, ref.event);
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
  const version = versionOn(clause, step.event.date);
  const candidates: Candidate[] = [];
  // A clause not in force on the date has no test an input change could pass.
  if (version) collectCandidates(inlineDefinitions(version.conditions, effectiveDefinitions(version, treaty)), goal === 'obliged', facts, ctx, '', candidates);
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
