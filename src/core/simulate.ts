/**
 * simulate: world + treaties + scenario -> report. Pure (no I/O, no clock, no
 * randomness); async only because json-rules-engine is.
 *
 * For each event, judged against the state on its date (timeline.ts): for each
 * clause of each treaty the target has ever been a party to, one verdict per
 * state that is a party on the date (member, suspended or frozen), the target
 * excluded (docs/design.md §1).
 */
import type { Assessment, Response, VerdictStatus } from '../schema/common.js';
import type { Scenario, ScenarioEvent } from '../schema/scenario.js';
import type { Clause, ClauseVersion, Treaty } from '../schema/treaty.js';
import type { World } from '../schema/world.js';
import { actualResponseOf, assess } from './assess.js';
import { nearestVersion, versionOn, versionSpans } from './clause-versions.js';
import { ClauseEvaluator, evaluateClause, formatValue, type ClauseResult, type Reason } from './evaluate-clause.js';
import { selectedReading } from './interpretations.js';
import { contestedReadings, DEFAULT_READING, readingsOfRow, type ContestedReading, type ReadingsOfRow } from './contested.js';
import { deriveFacts, factInWords, factsOnDemand, isRequestFact, placeInWords, type Facts } from './fact-catalogue.js';
import { everParty, partiesOn } from './membership.js';
import { everProtectedBy } from './belligerency.js';
import { findTerritory } from './recognition.js';
import { mergeWorld, timelineSteps, type Situation } from './timeline.js';

export { mergeWorld, versionOn };

export interface Model {
  world: World;
  treaties: Treaty[];
}

export interface SimulateOptions {
  /** Force these clauses (treaty/clause) onto every event, and show only them. */
  clauses?: readonly string[];
  /** Show only these obligors' rows. */
  obligors?: readonly string[];
  /** Only this event's rows (what-if searches judge one event). */
  events?: readonly string[];
  /** How each row is judged: a counting or non-memoizing evaluator, facts held fixed (sweeps). */
  judge?: JudgeOptions;
  /** Named contested readings to apply (interpretation ids from the treaty files). */
  interpretations?: readonly string[];
}

export interface JudgeOptions {
  evaluator?: ClauseEvaluator;
  /** Facts set by hand over the derived ones: a sweep's counterfactual "what if this fact were...". */
  facts?: Readonly<Partial<Facts>>;
  /** Named contested readings to apply. */
  interpretations?: readonly string[];
  /** Judge each row under every other named reading too, for `contested` (on unless false: sweeps and why-not turn it off). */
  contested?: boolean;
}

export interface EventSummary {
  id: string;
  date: string;
  title: string;
  kind: string;
  attacker: string | null;
  attackerName: string | null;
  target: string;
  targetName: string;
  territory: string;
  territoryName: string;
  targetKind: string;
}

export interface Verdict {
  event: string;
  date: string;
  clause: string;
  obligor: string;
  beneficiary: string;
  status: VerdictStatus;
  duty: string;
  actual: Response | null;
  assessment: Assessment;
  reasons: Reason[];
  /** Extras for the text and explain views (not in the JSON contract). */
  treaty: string;
  /** Names a person reads (the JSON keeps the codes). */
  treatyName: string;
  obligorName: string;
  beneficiaryName: string;
  article: string;
  clauseTitle: string;
  /** The version judged; null where no version of the clause is in force on the date. */
  versionFrom: string | null;
  decisive: string | null;
  recordedBy: string | null;
  /** The contested reading applied to this clause, if one was selected. */
  reading: string | null;
  /** The reading the parties adopted that governs on the date, if one does. */
  adopted: string | null;
  /** Each named reading that would give this row another status (DESIGN §3 contract); empty when all agree. */
  contested: ContestedReading[];
}

export interface ScenarioReport {
  id: string;
  title: string;
  events: EventSummary[];
  verdicts: Verdict[];
}

export interface Report {
  scenarios: ScenarioReport[];
}


function nameOf(world: World, id: string): string {
  return (
    world.states.find((s) => s.id === id)?.name ??
    world.actors.find((a) => a.id === id)?.name ??
    findTerritory(world, id)?.name ??
    id
  );
}

export function summarize(world: World, event: ScenarioEvent): EventSummary {
  return {
    id: event.id,
    date: event.date,
    title: event.title ?? event.id,
    kind: event.kind,
    attacker: event.attacker ?? null,
    attackerName: event.attacker ? nameOf(world, event.attacker) : null,
    target: event.target,
    targetName: nameOf(world, event.target),
    territory: event.territory,
    territoryName: nameOf(world, event.territory),
    targetKind: event.targetKind ?? 'territory',
  };
}

/**
 * A test of the request: it reads request facts only (facts/requests.ts), so
 * its failing alone leaves the row obliged-if-requested. Decided from what the
 * test reads, never from the spelling of its reason code.
 */
export function isRequestReason(reason: Pick<Reason, 'facts'>): boolean {
  return reason.facts.length > 0 && reason.facts.every(isRequestFact);
}

/** The decisive failure: the first failing test other than the request, else the request. */
export function decisiveReason(reasons: readonly Reason[]): string | null {
  const failing = reasons.filter((r) => !r.holds);
  return (failing.find((r) => !isRequestReason(r)) ?? failing[0])?.code ?? null;
}

function statusFrom(passed: boolean, reasons: readonly Reason[]): VerdictStatus {
  if (passed) return 'obliged';
  const failing = reasons.filter((r) => !r.holds);
  return failing.length > 0 && failing.every(isRequestReason) ? 'obliged-if-requested' : 'not-obliged';
}

/**
 * The one reason of a row whose clause has no version in force on the date:
 * reason code `treaty-in-force` (docs/design.md §3), failing.
 */
function notInForce(clause: Clause, date: string): Reason {
  return {
    code: 'treaty-in-force', condition: `a version of Art. ${clause.article} in force on ${date}`, holds: false,
    because: `Article ${clause.article} has no wording in force on ${date}`, found: `its versions are in force ${versionSpans(clause)}`, facts: [],
  };
}

export async function judgeRow(
  situation: Situation,
  event: ScenarioEvent,
  treaty: Treaty,
  clause: Clause,
  obligor: string,
  judge: JudgeOptions = {},
): Promise<Verdict> {
  return (await judgeRows(situation, event, treaty, clause, [obligor], judge))[0]!;
}

/**
 * One clause's rows of one event, one per obligor: every obligor's facts are
 * derived and its clause version evaluated, the engine's answers awaited
 * together (one wait for the batch, not one a row), then the verdicts built.
 * A verdict's worded reasons are built the first time they are read: a count
 * (`--summary`, a sweep, `casus test`) never pays for the words.
 */
export async function judgeRows(
  situation: Situation,
  event: ScenarioEvent,
  treaty: Treaty,
  clause: Clause,
  obligors: readonly string[],
  judge: JudgeOptions = {},
): Promise<Verdict[]> {
  const clauseRef = `${treaty.id}/${clause.id}`;
  const base = versionOn(clause, event.date);
  const selected = judge.interpretations ?? [];
  const evaluator = judge.evaluator ?? new ClauseEvaluator();
  const readings = base
    ? readingsOfRow(clause, treaty, base, event.date, selectedReading(clause, selected), selected.includes(DEFAULT_READING), judge.contested !== false, evaluator.readings)
    : undefined;
  // No version covers the date: the clause is not in force, and no wording is judged.
  const version = readings ? readings.governing : nearestVersion(clause, event.date);
  // Facts set by hand (a sweep) go over every derived fact; otherwise a fact is derived only if something reads it.
  const factsOf = (obligor: string): Facts => {
    const ctx = { world: situation.world, treaty, clauseRef, event, obligor };
    return judge.facts ? ({ ...deriveFacts(ctx), ...judge.facts } as Facts) : factsOnDemand(ctx);
  };
  const rows = obligors.map((obligor) => ({ obligor, facts: factsOf(obligor) }));
  const evaluated = base
    ? await Promise.all(rows.map((r) => evaluateClause(version, treaty, r.facts, evaluator)))
    : rows.map(() => ({ passed: false, reasons: [notInForce(clause, event.date)] }));
  // Status and the decisive test read only whether each test held and which facts it read, never the words.
  const statuses = evaluated.map((e) => statusFrom(e.passed, e.reasons));
  const contested = judge.contested === false || !readings
    ? rows.map(() => [])
    : await Promise.all(rows.map((r, i) => contestedReadings(readings, treaty, r.facts, statuses[i]!, statusFrom, evaluator)));
  return rows.map(({ obligor, facts }, i) =>
    verdictOf(situation, event, treaty, clause, obligor, facts, evaluated[i]!, statuses[i]!, contested[i]!, { base, version, readings }));
}

function verdictOf(
  situation: Situation,
  event: ScenarioEvent,
  treaty: Treaty,
  clause: Clause,
  obligor: string,
  facts: Facts,
  evaluated: ClauseResult,
  status: VerdictStatus,
  contested: ContestedReading[],
  { base, version, readings }: { base: ClauseVersion | undefined; version: ClauseVersion; readings: ReadingsOfRow | undefined },
): Verdict {
  const clauseRef = `${treaty.id}/${clause.id}`;
  const passed = evaluated.passed;
  const actual = actualResponseOf(event, obligor, treaty.id, clauseRef, facts.obligorStatusOnDate === 'member');
  const verdict: Verdict = {
    event: event.id,
    date: event.date,
    clause: clauseRef,
    obligor,
    beneficiary: event.target,
    status,
    duty: version.duty,
    actual: actual.response,
    assessment: assess(status, actual.response, version.satisfiedBy, version.discretion !== undefined),
    reasons: [],
    treaty: treaty.id,
    treatyName: treaty.name,
    obligorName: nameOf(situation.world, obligor),
    beneficiaryName: nameOf(situation.world, event.target),
    article: clause.article,
    clauseTitle: clause.title,
    versionFrom: base ? version.from : null,
    decisive: passed ? null : decisiveReason(evaluated.reasons),
    recordedBy: actual.recordedBy,
    reading: readings?.selected?.id ?? null,
    adopted: readings?.adopted?.id ?? null,
    contested,
  };
  // Say what was found in words where a sentence reads better than `fact = value`; built when first read.
  let pending: Facts | undefined = facts;
  const words = (): Reason[] => {
    const f = pending!;
    const ctx = { world: situation.world, treaty, clauseRef, event, obligor };
    return evaluated.reasons.map((r) => {
      // A test of the treaty area reads many facts of the place: say where it is in one phrase.
      if (r.facts.filter((x) => x.startsWith('place')).length > 1) return { ...r, found: placeInWords(f, ctx) };
      const said = r.facts.map((x) => factInWords(x, f, ctx));
      if (said.every((w) => w === undefined)) return r;
      const found = said.map((w, j) => w ?? `${r.facts[j]} = ${formatValue(f[r.facts[j]!])}`);
      return { ...r, found: [...new Set(found)].join('; ') };
    });
  };
  const settle = (value: Reason[]) => {
    pending = undefined; // the facts are no longer needed: let them go
    Object.defineProperty(verdict, 'reasons', { value, enumerable: true, writable: true, configurable: true });
    return value;
  };
  // Redefined in place, so `reasons` keeps its position among the keys (JSON output is unchanged).
  Object.defineProperty(verdict, 'reasons', {
    enumerable: true,
    configurable: true,
    get: () => settle(words()),
    set: (value: Reason[]) => settle(value),
  });
  return verdict;
}

/**
 * The (treaty, clause) pairs an event is judged under: every clause of each
 * treaty the target has ever been a party to, or the clauses forced with
 * `--clause` (docs/design.md §1). The page's toggles ask this too.
 */
export function clausesJudged(situation: Situation, event: ScenarioEvent, clauses: readonly string[] = []): Array<[Treaty, Clause]> {
  const pairs: Array<[Treaty, Clause]> = [];
  for (const treaty of situation.treaties) {
    // A protected state that is not a party (SEATO's protocol states) is owed as a party would be.
    const relevant = everParty(treaty, situation.world, event.target) || everProtectedBy(treaty, event.target);
    for (const clause of treaty.clauses) {
      const ref = `${treaty.id}/${clause.id}`;
      if (clauses.length ? clauses.includes(ref) : relevant) pairs.push([treaty, clause]);
    }
  }
  return pairs;
}

/** One event of a scenario with its verdicts. */
export interface JudgedEvent {
  event: EventSummary;
  verdicts: Verdict[];
}

/**
 * A scenario's verdicts one event at a time, in date order: a caller can write
 * each event's rows before the next is judged, so memory does not grow with
 * the number of events. simulateScenario is these, gathered.
 */
export async function* judgeEvents(model: Model, scenario: Scenario, options: SimulateOptions = {}): AsyncGenerator<JudgedEvent> {
  // One evaluator for the run unless the caller brings its own (and so keeps its memo across runs).
  const evaluator = options.judge?.evaluator ?? new ClauseEvaluator();
  // Stepped, not folded whole: a long timeline's past states are let go as it goes.
  for (const { event, situation } of timelineSteps({ world: mergeWorld(model.world, scenario.world), treaties: model.treaties }, scenario.events)) {
    if (options.events?.length && !options.events.includes(event.id)) continue;
    const verdicts: Verdict[] = [];
    for (const [treaty, clause] of clausesJudged(situation, event, options.clauses)) {
      const obligors = partiesOn(treaty, situation.world, event.date).filter(
        (s) => s !== event.target && (!options.obligors?.length || options.obligors.includes(s)),
      );
      const judge = { ...options.judge, evaluator, ...(options.interpretations?.length ? { interpretations: options.interpretations } : {}) };
      if (obligors.length) verdicts.push(...(await judgeRows(situation, event, treaty, clause, obligors, judge)));
    }
    yield { event: summarize(situation.world, event), verdicts };
  }
}

export async function simulateScenario(model: Model, scenario: Scenario, options: SimulateOptions = {}): Promise<ScenarioReport> {
  const verdicts: Verdict[] = [];
  const events: EventSummary[] = [];
  for await (const judged of judgeEvents(model, scenario, options)) {
    events.push(judged.event);
    for (const v of judged.verdicts) verdicts.push(v);
  }
  return { id: scenario.id, title: scenario.title, events, verdicts };
}

export async function simulate(model: Model, scenarios: readonly Scenario[], options: SimulateOptions = {}): Promise<Report> {
  const out: ScenarioReport[] = [];
  const shared = { ...options, judge: { ...options.judge, evaluator: options.judge?.evaluator ?? new ClauseEvaluator() } };
  for (const scenario of scenarios) out.push(await simulateScenario(model, scenario, shared));
  return { scenarios: out };
}
