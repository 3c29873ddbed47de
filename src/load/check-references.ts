/**
 * Checks across files, after each file has its shape: every code, id and
 * clause a file names must exist; ids must be unique; intervals must run
 * forwards; every fact a clause condition reads must be in the fact catalogue
 * and every value it compares must be one that fact can take. Pure.
 */
import { REASON_CODES } from '../schema/common.js';
import type { Scenario } from '../schema/scenario.js';
import type { Condition, Treaty, TreatyFile } from '../schema/treaty.js';
import type { World, WorldFile } from '../schema/world.js';
import { FACT_CATALOGUE, isRequestFact } from '../core/fact-catalogue.js';
import { carriesCode } from '../core/interpretations.js';
import { resolveTreaty, versionGaps } from '../core/clause-versions.js';
import { DefinitionError, effectiveDefinitions, inlineDefinitions } from '../core/definitions.js';
import { didYouMean, listSome, MAX_DIAGNOSTICS, moreProblems, showValue, type Diagnostic } from './diagnostics.js';
import { diagnosticAt, type PathSegment, type SourceFile } from './parse-source.js';
import { fieldName } from './validate-shape.js';

export interface Loaded<T> {
  source: SourceFile;
  value: T;
}

class Checker {
  private readonly found: Diagnostic[] = [];
  /** Problems past the reporting limit: counted, not located or worded. */
  private hidden = 0;
  constructor(readonly source: SourceFile) {}
  get diagnostics(): Diagnostic[] {
    return this.hidden ? [...this.found, moreProblems(this.source.file, this.hidden)] : this.found;
  }
  /** Past the limit, a problem is only counted (a file can hold a hundred thousand unknown codes). */
  private full(): boolean {
    if (this.found.length < MAX_DIAGNOSTICS) return false;
    this.hidden++;
    return true;
  }
  report(code: string, path: PathSegment[], message: string, hint?: string) {
    if (this.full()) return;
    this.found.push(diagnosticAt(this.source, code, path, fieldName(this.source.value, path), message, hint));
  }
  /** A name that must be one of `known`; suggest the near miss. */
  known(code: string, path: PathSegment[], value: string, known: ReadonlySet<string>, what: string) {
    if (known.has(value) || this.full()) return;
    const plural = what.endsWith('y') ? `${what.slice(0, -1)}ies` : `${what}s`;
    const expected = known.size ? `expected ${plural} such as ${listSome([...known].sort(), 6)}` : `there are no ${plural} here`;
    this.found.push(diagnosticAt(this.source, code, path, fieldName(this.source.value, path), `unknown ${what} "${showValue(value)}"`, didYouMean(value, known) ?? expected));
  }
  unique(items: readonly { id: string }[], path: PathSegment[], what: string) {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) this.report('duplicate-id', [...path, i, 'id'], `the ${what} id "${item.id}" is used twice`, 'ids must be unique');
      seen.add(item.id);
    });
  }
  /** Entries that say the same thing twice (the same state and start date, say): the second is reported. */
  once<T>(items: readonly T[], path: PathSegment[], keyOf: (item: T) => string, what: string) {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const key = keyOf(item);
      const first = seen.get(key);
      if (first !== undefined) this.report('duplicate-entry', [...path, i], `this ${what} repeats entry ${first + 1} (${key})`, 'remove one of them, or change its dates');
      else seen.set(key, i);
    });
  }
  interval(item: { from?: string | undefined; until?: string | undefined }, path: PathSegment[]) {
    if (item.from && item.until && item.until <= item.from)
      this.report('date-order', [...path, 'until'], `"until" (${item.until}) is not after "from" (${item.from})`, 'an interval runs from its first day up to, not including, its "until"');
  }
}

export interface Vocabulary {
  states: Set<string>;
  actors: Set<string>;
  territories: Set<string>;
  treaties: Set<string>;
  clauses: Set<string>;
  reasonCodes: Set<string>;
}

export function vocabularyOf(world: World, treaties: readonly Treaty[]): Vocabulary {
  const reasonCodes = new Set<string>(REASON_CODES);
  const collect = (c: Condition) => {
    if ('code' in c && c.code) reasonCodes.add(c.code);
    if ('all' in c) c.all.forEach(collect);
    if ('any' in c) c.any.forEach(collect);
    if ('not' in c) collect(c.not);
  };
  for (const t of treaties) {
    for (const d of Object.values(t.definitions ?? {})) collect(d);
    for (const cl of t.clauses) {
      for (const v of cl.versions) collect(v.conditions);
      for (const i of cl.interpretations ?? []) for (const r of Object.values(i.replace ?? {})) collect(r);
    }
  }
  return {
    states: new Set(world.states.map((s) => s.id)),
    actors: new Set(world.actors.map((a) => a.id)),
    territories: new Set(world.territories.map((t) => t.id)),
    treaties: new Set(treaties.map((t) => t.id)),
    clauses: new Set(treaties.flatMap((t) => t.clauses.map((c) => `${t.id}/${c.id}`))),
    reasonCodes,
  };
}

/** World entries: recognitions and memberships name known states, territories and treaties. */
export function checkWorld(file: Loaded<WorldFile>, vocab: Vocabulary, prefix: PathSegment[] = []): Diagnostic[] {
  const c = new Checker(file.source);
  const w = file.value;
  c.unique(w.states ?? [], [...prefix, 'states'], 'state');
  c.unique(w.actors ?? [], [...prefix, 'actors'], 'actor');
  c.unique(w.territories ?? [], [...prefix, 'territories'], 'territory');
  (w.territories ?? []).forEach((t, i) => {
    const p = [...prefix, 'territories', i];
    if (typeof t.sovereign === 'string') c.known('unknown-state', [...p, 'sovereign'], t.sovereign, vocab.states, 'state');
    if (Array.isArray(t.sovereign)) t.sovereign.forEach((s, j) => {
      if (s.state) c.known('unknown-state', [...p, 'sovereign', j, 'state'], s.state, vocab.states, 'state');
      c.interval(s, [...p, 'sovereign', j]);
    });
    (t.administrations ?? []).forEach((a, j) => {
      if (a.state) c.known('unknown-state', [...p, 'administrations', j, 'state'], a.state, vocab.states, 'state');
      c.interval(a, [...p, 'administrations', j]);
    });
  });
  c.once(w.recognitions ?? [], [...prefix, 'recognitions'], (r) => `${r.by} on ${r.territory} from ${r.from}`, 'recognition');
  c.once(w.memberships ?? [], [...prefix, 'memberships'], (m) => `${m.state} in ${m.treaty} from ${m.from}`, 'membership');
  (w.recognitions ?? []).forEach((r, i) => {
    const p = [...prefix, 'recognitions', i];
    c.known('unknown-state', [...p, 'by'], r.by, vocab.states, 'state');
    c.known('unknown-territory', [...p, 'territory'], r.territory, vocab.territories, 'territory');
    if (r.sovereign) c.known('unknown-state', [...p, 'sovereign'], r.sovereign, vocab.states, 'state');
    c.interval(r, p);
  });
  (w.memberships ?? []).forEach((m, i) => {
    const p = [...prefix, 'memberships', i];
    c.known('unknown-treaty', [...p, 'treaty'], m.treaty, vocab.treaties, 'treaty');
    c.known('unknown-state', [...p, 'state'], m.state, vocab.states, 'state');
    c.interval(m, p);
  });
  (w.greatPowers ?? []).forEach((g, i) => {
    c.known('unknown-state', [...prefix, 'greatPowers', i, 'state'], g.state, vocab.states, 'state');
    c.interval(g, [...prefix, 'greatPowers', i]);
  });
  (w.declarationsOfWar ?? []).forEach((d, i) => {
    for (const field of ['by', 'on'] as const) c.known('unknown-state', [...prefix, 'declarationsOfWar', i, field], d[field], vocab.states, 'state');
  });
  return c.diagnostics;
}

/** Treaty lint: parties exist, clause versions run forwards, conditions read catalogue facts with possible values. */
export function checkTreaty(file: Loaded<TreatyFile>, vocab: Vocabulary): Diagnostic[] {
  const c = new Checker(file.source);
  const t = file.value;
  const facts = new Map(FACT_CATALOGUE.map((f) => [f.id, f]));
  t.parties.forEach((p, i) => {
    c.known('unknown-state', ['parties', i, 'state'], p.state, vocab.states, 'state');
    c.interval(p, ['parties', i]);
  });
  c.interval(t.inForce, ['inForce']);
  c.once(t.parties, ['parties'], (p) => `${p.state} from ${p.from}`, 'party');
  if (t.signed > t.inForce.from)
    c.report('date-order', ['signed'], `the treaty is signed on ${t.signed}, after it enters into force (${t.inForce.from})`, 'a treaty enters into force on or after its signature');
  c.unique(t.clauses, ['clauses'], 'clause');
  const { treaty: resolved, problems } = resolveTreaty(t);
  for (const p of problems) c.report(p.code, p.path, p.message, p.hint);
  // Names a version may refer to: the treaty's definitions and those its versions add.
  const definitions = new Set([
    ...Object.keys(t.definitions ?? {}),
    ...t.clauses.flatMap((cl) => cl.versions.flatMap((v) => Object.keys(v.definitions ?? {}))),
  ]);

  const checkCondition = (cond: Condition, path: PathSegment[]): void => {
    if ('condition' in cond) {
      c.known('unknown-definition', [...path, 'condition'], cond.condition, definitions, 'definition');
      return;
    }
    if ('all' in cond) return cond.all.forEach((x, i) => checkCondition(x, [...path, 'all', i]));
    if ('any' in cond) return cond.any.forEach((x, i) => checkCondition(x, [...path, 'any', i]));
    if ('not' in cond) {
      if (!cond.code) c.report('not-without-code', path, 'a "not" group needs its own code and because, so its reason reads the right way round');
      return checkCondition(cond.not, [...path, 'not']);
    }
    const fact = facts.get(cond.fact);
    if (!fact) {
      c.report('unknown-fact', [...path, 'fact'], `"${cond.fact}" is not in the fact catalogue`,
        didYouMean(cond.fact, facts.keys()) ?? `facts are: ${listSome([...facts.keys()], 6)}`);
      return;
    }
    const values = Array.isArray(cond.value) ? cond.value : [cond.value];
    values.forEach((v, i) => {
      const vpath = Array.isArray(cond.value) ? [...path, 'value', i] : [...path, 'value'];
      if (v === null && fact.nullable) return;
      if (fact.type === 'boolean' && typeof v !== 'boolean') c.report('fact-value-type', vpath, `${cond.fact} is true or false, not ${JSON.stringify(v)}`);
      if (fact.type === 'number' && typeof v !== 'number') c.report('fact-value-type', vpath, `${cond.fact} is a number, not ${JSON.stringify(v)}`);
      if (fact.values && typeof v === 'string' && !fact.values.includes(v))
        c.report('unknown-fact-value', vpath, `${cond.fact} is never "${v}"; it is one of: ${listSome([...fact.values], 10)}`, didYouMean(v, fact.values));
      if (fact.type === 'string' && typeof v === 'string' && /^[A-Z]{3}$/.test(v)) c.known('unknown-state', vpath, v, vocab.states, 'state');
    });
    if ((cond.operator === 'in' || cond.operator === 'notIn') && !Array.isArray(cond.value))
      c.report('operator-needs-list', [...path, 'value'], `"${cond.operator}" compares with a list of values`, `write value: [${JSON.stringify(cond.value)}]`);
  };

  Object.entries(t.definitions ?? {}).forEach(([name, d]) => checkCondition(d, ['definitions', name]));
  (t.sharedTests ?? []).forEach((x, i) => checkCondition(x, ['sharedTests', i]));
  (t.suspensions ?? []).forEach((s, i) => {
    const p: PathSegment[] = ['suspensions', i];
    c.known('unknown-state', [...p, 'by'], s.by, vocab.states, 'state');
    c.known('unknown-state', [...p, 'towards'], s.towards, vocab.states, 'state');
    c.interval(s, p);
    for (const [field, state] of [['by', s.by], ['towards', s.towards]] as const)
      if (!t.parties.some((x) => x.state === state)) c.report('not-a-party', [...p, field], `${state} is not among the parties of ${t.id}`, 'a suspension is between two parties');
  });
  (t.protects ?? []).forEach((x, i) => {
    c.known('unknown-state', ['protects', i, 'state'], x.state, vocab.states, 'state');
    c.interval(x, ['protects', i]);
  });
  (t.exemptions ?? []).forEach((x, i) => {
    c.known('unknown-state', ['exemptions', i, 'by'], x.by, vocab.states, 'state');
    c.known('unknown-state', ['exemptions', i, 'towards'], x.towards, vocab.states, 'state');
    c.interval(x, ['exemptions', i]);
  });
  t.clauses.forEach((cl, i) => {
    const readings = cl.interpretations ?? [];
    if (readings.length && !cl.defaultReading)
      c.report('missing-default-reading', ['clauses', i, 'interpretations'], `clause ${cl.id} has interpretations but no defaultReading`, 'say which reading the shipped verdicts follow, who holds it and where (defaultReading: {label, heldBy, sources})');
    readings.forEach((r, j) => {
      const p: PathSegment[] = ['clauses', i, 'interpretations', j];
      if (!r.replace && !r.satisfiedBy) c.report('empty-interpretation', p, `interpretation ${r.id} changes nothing`, 'give `replace` (reason code -> condition) or `satisfiedBy`');
      for (const [code, cond] of Object.entries(r.replace ?? {})) {
        const versions = resolved.clauses[i]?.versions ?? [];
        if (!versions.some((v) => carriesCode(v.conditions, code, effectiveDefinitions(v, resolved))))
          c.report('unknown-reason-code', [...p, 'replace', code], `no test of clause ${cl.id} carries the reason code "${code}"`, 'replace names the code of an existing test');
        checkCondition(cond, [...p, 'replace', code]);
      }
    });
  });
  t.clauses.forEach((cl, i) => {
    cl.versions.forEach((v, j) => {
      const p: PathSegment[] = ['clauses', i, 'versions', j];
      c.interval(v, p);
      const prev = cl.versions[j - 1];
      if (prev && prev.from >= v.from) c.report('date-order', [...p, 'from'], `versions must be in date order: ${v.from} is not after ${prev.from}`);
      if (v.conditions) checkCondition(v.conditions, [...p, 'conditions']);
      for (const [code, x] of Object.entries(v.replace ?? {})) checkCondition(x, [...p, 'replace', code]);
      (v.add ?? []).forEach((x, k) => checkCondition(x, [...p, 'add', k]));
      for (const [name, x] of Object.entries(v.definitions ?? {}))
        if (x !== null && !('because' in x && !('fact' in x || 'all' in x || 'any' in x || 'not' in x))) checkCondition(x as Condition, [...p, 'definitions', name]);
    });
    const r = resolved.clauses[i];
    if (!r || r.versions.length !== cl.versions.length) return;
    for (const gap of versionGaps(r))
      c.report('version-gap', ['clauses', i, 'versions', gap.index, 'until'], `no version of clause ${cl.id} is in force from ${gap.from} until ${gap.until}`,
        'a clause with no version on a date is not in force then; if that is meant, say so in a note, else end this version when the next begins (or drop its "until")');
  });
  checkExpansion(c, resolved);
  checkRequestTests(c, t);
  return c.diagnostics;
}

/**
 * A test carrying the reason code `requested` declares the request: it must
 * read a request fact (facts/requests.ts), since "obliged if requested" is
 * decided by the facts a failing test reads, not by its code.
 */
function checkRequestTests(c: Checker, t: TreatyFile): void {
  const readsRequest = (cond: Condition): boolean =>
    'fact' in cond ? isRequestFact(cond.fact)
      : 'all' in cond ? cond.all.some(readsRequest) : 'any' in cond ? cond.any.some(readsRequest) : 'not' in cond ? readsRequest(cond.not)
      : 'condition' in cond ? (t.definitions && Object.hasOwn(t.definitions, cond.condition) ? readsRequest(t.definitions[cond.condition]!) : true) : true;
  const visit = (cond: Condition, path: PathSegment[]): void => {
    if ('code' in cond && cond.code === 'requested' && !readsRequest(cond))
      c.report('request-reads-no-request-fact', path, 'this test is coded "requested" but reads no request fact, so it would never make a row obliged-if-requested',
        'test aidRequestedUnderClause, anyPartyRequestedUnderClause or treatyInvokedByTarget, or give the test another code');
    else if ('all' in cond) cond.all.forEach((x, i) => visit(x, [...path, 'all', i]));
    else if ('any' in cond) cond.any.forEach((x, i) => visit(x, [...path, 'any', i]));
    else if ('not' in cond) visit(cond.not, [...path, 'not']);
  };
  (t.sharedTests ?? []).forEach((x, i) => visit(x, ['sharedTests', i]));
  t.clauses.forEach((cl, i) => cl.versions.forEach((v, j) => {
    const p: PathSegment[] = ['clauses', i, 'versions', j];
    if (v.conditions) visit(v.conditions, [...p, 'conditions']);
    (v.add ?? []).forEach((x, k) => visit(x, [...p, 'add', k]));
    for (const [code, x] of Object.entries(v.replace ?? {})) visit(x, [...p, 'replace', code]);
  }));
}

/** The definitions a condition names directly. */
function referencesIn(c: Condition): string[] {
  if ('condition' in c) return [c.condition];
  if ('all' in c) return c.all.flatMap(referencesIn);
  if ('any' in c) return c.any.flatMap(referencesIn);
  if ('not' in c) return referencesIn(c.not);
  return [];
}

/**
 * Every definition and clause version expands to a finite tree of bounded
 * size (docs/design.md §5): a cycle a -> b -> a, or a tree past
 * MAX_CONDITION_NODES, is reported where it is written, never met at run time.
 */
function checkExpansion(c: Checker, t: Treaty): void {
  const reported = new Set<string>();
  const expand = (condition: Condition, definitions: Treaty['definitions'], at: PathSegment[], cyclesOnly = false) => {
    try {
      inlineDefinitions(condition, definitions);
    } catch (e) {
      if (!(e instanceof DefinitionError) || e.kind === 'unknown' || (cyclesOnly && e.kind !== 'cycle')) return;
      const cycle = e.chain.slice(e.chain.indexOf(e.chain.at(-1)!) + 1);
      const path: PathSegment[] = e.kind === 'cycle' ? ['definitions', e.chain.at(-1)!] : at;
      // One report a cycle, however many definitions lead into it.
      const key = e.kind === 'cycle' ? `cycle|${[...cycle].sort().join('|')}` : `${e.kind}|${path.join('.')}`;
      if (reported.has(key)) return;
      reported.add(key);
      if (e.kind === 'cycle') c.report('definition-cycle', path, e.message, 'a definition may use other definitions, but never, through them, itself');
      else c.report('condition-too-large', path, e.message, 'use fewer nested definitions; each use of a definition copies it whole');
    }
  };
  // Definitions no other definition uses are where a tree starts (those inside a cycle are reached from it).
  const defs = t.definitions ?? {};
  const used = new Set(Object.values(defs).flatMap((d) => referencesIn(d)));
  for (const name of Object.keys(defs)) if (!used.has(name)) expand({ condition: name }, t.definitions, ['definitions', name]);
  for (const name of Object.keys(defs)) if (used.has(name)) expand({ condition: name }, t.definitions, ['definitions', name], true);
  t.clauses.forEach((cl, i) => cl.versions.forEach((v, j) => expand(v.conditions, effectiveDefinitions(v, t), ['clauses', i, 'versions', j, 'conditions'])));
}

/** Scenario references: states, actors, territories, clauses, reason codes; ids unique; requests not before events. */
export function checkScenario(file: Loaded<Scenario>, vocab: Vocabulary): Diagnostic[] {
  const c = new Checker(file.source);
  const s = file.value;
  const parties = new Set([...vocab.states, ...vocab.treaties]);
  const attackers = new Set([...vocab.states, ...vocab.actors]);
  const places = new Set([...vocab.states, ...vocab.territories]);
  c.unique(s.events, ['events'], 'event');
  s.events.forEach((e, i) => {
    const p: PathSegment[] = ['events', i];
    if (e.attacker !== undefined) c.known(/^[A-Z]{3}$/.test(e.attacker) ? 'unknown-state' : 'unknown-actor', [...p, 'attacker'], e.attacker, attackers, /^[A-Z]{3}$/.test(e.attacker) ? 'state' : 'actor');
    c.known('unknown-state', [...p, 'target'], e.target, vocab.states, 'state');
    (e.coBelligerents ?? []).forEach((x, j) => c.known('unknown-state', [...p, 'coBelligerents', j], x, vocab.states, 'state'));
    (e.supportedBy ?? []).forEach((x, j) => c.known('unknown-state', [...p, 'supportedBy', j, 'state'], x.state, vocab.states, 'state'));
    (e.provokedBy ?? []).forEach((x, j) => c.known('unknown-state', [...p, 'provokedBy', j, 'state'], x.state, vocab.states, 'state'));
    c.known('unknown-territory', [...p, 'territory'], e.territory, places, 'territory');
    (e.requests ?? []).forEach((r, j) => {
      const rp = [...p, 'requests', j];
      c.known('unknown-state', [...rp, 'by'], r.by, vocab.states, 'state');
      if (r.clause) c.known('unknown-clause', [...rp, 'clause'], r.clause, vocab.clauses, 'clause');
      if (r.to) c.known('unknown-party', [...rp, 'to'], r.to, parties, 'state or organization');
      if (r.date < e.date) c.report('request-before-event', [...rp, 'date'], `the request (${r.date}) is dated before its event (${e.date})`, 'a request answers an event: date the event first, or move the request');
    });
    (e.actual ?? []).forEach((a, j) => {
      const ap = [...p, 'actual', j];
      if (a.date !== undefined && a.date < e.date) c.report('response-before-event', [...ap, 'date'], `the response (${a.date}) is dated before its event (${e.date})`, 'a response answers an event: date the event first, or move the response');
      c.known(/^[A-Z]{3}$/.test(a.by) ? 'unknown-state' : 'unknown-party', [...ap, 'by'], a.by, parties, 'state or organization');
      if (a.clause) c.known('unknown-clause', [...ap, 'clause'], a.clause, vocab.clauses, 'clause');
    });
    c.once(e.expect ?? [], [...p, 'expect'], (x) => `${x.clause} for ${x.obligor}`, 'expectation');
    (e.expect ?? []).forEach((x, j) => {
      const xp = [...p, 'expect', j];
      c.known('unknown-clause', [...xp, 'clause'], x.clause, vocab.clauses, 'clause');
      if (x.obligor !== '*') c.known('unknown-state', [...xp, 'obligor'], x.obligor, vocab.states, 'state');
      if (x.because) c.known('unknown-reason-code', [...xp, 'because'], x.because, vocab.reasonCodes, 'reason code');
    });
    (e.effects ?? []).forEach((ch, j) => {
      const path = 'set' in ch ? ch.set : 'add' in ch ? ch.add : ch.remove;
      const root = path.split('.')[0]!;
      if (root !== 'world' && root !== 'treaties')
        c.report('bad-effect-path', [...p, 'effects', j], `an effect changes the world or a treaty; "${path}" starts with "${root}"`, 'start the path with world. or treaties.');
    });
  });
  return c.diagnostics;
}
