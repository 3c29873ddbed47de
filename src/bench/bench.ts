/**
 * `npm run bench`: a benchmark, not a test. Every figure is measured here and
 * printed as measured: ratios against a baseline in the same process (or, for
 * the command line, against `node -e 0`), medians of alternating rounds with
 * their spread (lowest-highest). Sections:
 *  1. the runner against raw json-rules-engine fed exactly the facts each
 *     clause reads, on exactly the rows the runner judges (no memo: the
 *     headline; with the memo: separately);
 *  2. sweeps and why-not searches, memoized against naive, in engine runs and in time;
 *  3. one event judged against every treaty and every state;
 *  4. a 2^8 sweep split over a worker thread;
 *  5. the command line's start, in CPU time, against `node -e 0`;
 *  6. the peak memory of a generated NATO run;
 *  7. the cost of an event with effects;
 *  8. CST Article 4 as a hand-written predicate over derived facts: the physical limit.
 * Then the goals of issue 11 beside the measured values. Reads the shipped
 * rules and casebook; writes to stdout and to temporary folders it removes.
 */
import os from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Engine } from 'json-rules-engine';
import type { VerdictStatus } from '../schema/common.js';
import { ClauseEvaluator, effectiveDefinitions, factsReadBy, inlineDefinitions } from '../core/evaluate-clause.js';
import { deriveFacts, type FactValue, type Facts } from '../core/fact-catalogue.js';
import { judgeRow, mergeWorld, simulate, simulateScenario, versionOn, type Model } from '../core/simulate.js';
import { sweep, type SweepDimension } from '../core/sweep.js';
import { foldTimeline, type Situation } from '../core/timeline.js';
import { documentOf } from '../core/what-if.js';
import { whyNot } from '../core/why-not.js';
import type { Scenario, ScenarioEvent } from '../schema/scenario.js';
import type { Clause, ClauseVersion, Treaty } from '../schema/treaty.js';
import { checkScenarioSource, loadRules, loadScenarios, PACKAGE_ROOT, readSource } from '../load/load-files.js';
import type { SourceFile } from '../load/parse-source.js';
import { peakMemory, startRatios, type MemoryResult, type StartRatios } from './bench-cli.js';
import { generateNatoEvents } from './generate-nato.js';
import { alternate, fixed, ratioSpread, spread, withSpread, type Spread } from './rounds.js';
import { measureContestedCost } from './contested-cost.js';

const line = (text = '') => process.stdout.write(`${text}\n`);
/** Rounds of every alternating measurement. */
const ROUNDS = 7;

function load(): { model: Model; scenarios: Scenario[] } {
  const rules = loadRules(join(PACKAGE_ROOT, 'rules'));
  const loaded = loadScenarios([join(PACKAGE_ROOT, 'scenarios')], rules.model);
  if (rules.diagnostics.length || loaded.diagnostics.length) throw new Error('the shipped rules or casebook have problems: run casus validate');
  return { model: rules.model, scenarios: loaded.scenarios.map((s) => s.value) };
}

/** Repeat `work` (which returns how many verdicts it gave) for about `ms` milliseconds; verdicts per second. */
async function rate(work: () => Promise<number>, ms: number): Promise<number> {
  let verdicts = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    verdicts += await work();
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return (verdicts / elapsed) * 1000;
}

/** One judged row, as the runner judged it, with what it was judged on. */
interface Row {
  situation: Situation;
  event: ScenarioEvent;
  treaty: Treaty;
  clause: Clause;
  obligor: string;
  status: VerdictStatus;
}

/** Exactly the rows the runner judges: read back from its own report, each with its event's situation. */
async function judgedRows(model: Model, scenarios: readonly Scenario[]): Promise<Row[]> {
  const report = await simulate(model, scenarios, { judge: { evaluator: new ClauseEvaluator(false) } });
  const rows: Row[] = [];
  scenarios.forEach((scenario, i) => {
    const steps = new Map(foldTimeline({ world: mergeWorld(model.world, scenario.world), treaties: model.treaties }, scenario.events).map((s) => [s.event.id, s]));
    for (const v of report.scenarios[i]!.verdicts) {
      const { event, situation } = steps.get(v.event)!;
      const treaty = situation.treaties.find((t) => t.id === v.treaty)!;
      const clause = treaty.clauses.find((c) => `${treaty.id}/${c.id}` === v.clause)!;
      rows.push({ situation, event, treaty, clause, obligor: v.obligor, status: v.status });
    }
  });
  return rows;
}

interface RunnerResult { noMemo: Spread; memo: Spread; warm: Spread; rows: number; verdicts: number }

async function runnerAgainstRawEngine(model: Model, scenarios: Scenario[]): Promise<RunnerResult> {
  line('1. Verdicts per second: the casus runner against raw json-rules-engine on the same rows');
  const rows = await judgedRows(model, scenarios);
  // Raw: one engine per clause version, built once, run with exactly the facts that version reads.
  const engines = new Map<ClauseVersion, Engine>();
  const raw = rows.flatMap((r) => {
    const version = versionOn(r.clause, r.event.date);
    // No version in force on the date: the runner runs no engine on this row, and neither does raw.
    if (!version) return [];
    if (!engines.has(version)) {
      const engine = new Engine([], { allowUndefinedFacts: false });
      engine.addRule({ name: 'clause', conditions: inlineDefinitions(version.conditions, effectiveDefinitions(version, r.treaty)) as never, event: { type: 'applies' } });
      engines.set(version, engine);
    }
    const all = deriveFacts({ world: r.situation.world, treaty: r.treaty, clauseRef: `${r.treaty.id}/${r.clause.id}`, event: r.event, obligor: r.obligor });
    const facts: Record<string, FactValue> = {};
    for (const id of factsReadBy(version, r.treaty)) facts[id] = all[id]!;
    return [{ engine: engines.get(version)!, facts }];
  });
  const rawPass = async () => {
    for (const r of raw) await r.engine.run(r.facts);
    return raw.length;
  };
  const runner = (evaluator: () => ClauseEvaluator) => async () => {
    const report = await simulate(model, scenarios, { judge: { evaluator: evaluator() } });
    return report.scenarios.reduce((n, s) => n + s.verdicts.length, 0);
  };
  const warmEvaluator = new ClauseEvaluator(true);
  const variants = {
    raw: () => rate(rawPass, 200),
    noMemo: () => rate(runner(() => new ClauseEvaluator(false)), 200),
    // A fresh memo each pass is what one `casus run` of the casebook gets.
    memo: () => rate(runner(() => new ClauseEvaluator(true)), 200),
    warm: () => rate(runner(() => warmEvaluator), 200),
  };
  for (const v of Object.values(variants)) await v(); // warm up
  const r = await alternate(variants, ROUNDS);
  const verdicts = await runner(() => new ClauseEvaluator(false))();
  line(`   rows: ${verdicts} verdicts from the runner a pass; ${raw.length} of them under a clause version in force, which raw runs (${engines.size} clause versions)`);
  line(`   verdicts per second, median (spread) of ${ROUNDS} alternating rounds of about 200 ms:`);
  line(`   ${'raw json-rules-engine (the facts each clause reads)'.padEnd(52)} ${withSpread(r.raw, 0).padStart(24)}`);
  const show = (label: string, s: Spread) => line(`   ${label.padEnd(52)} ${withSpread(s, 0).padStart(24)}   ratio ${withSpread(ratioSpread(s, r.raw))}`);
  show('casus, engine on every row (no memo): headline', r.noMemo);
  show('casus as shipped, a fresh memo each pass', r.memo);
  show('casus, memo kept warm across passes', r.warm);
  line('   (casus derives every fact, folds the timeline and words the reasons; raw is given the facts)');
  line();
  return { noMemo: ratioSpread(r.noMemo, r.raw), memo: ratioSpread(r.memo, r.raw), warm: ratioSpread(r.warm, r.raw), rows: raw.length, verdicts };
}

/** Twelve facts, each with two values: 4096 worlds. */
const TWELVE: SweepDimension[] = [
  { kind: 'fact', name: 'aidRequestedUnderClause', values: [false, true] },
  { kind: 'fact', name: 'eventKind', values: ['armed-attack', 'armed-clash'] },
  { kind: 'fact', name: 'attackerKind', values: ['state', 'none'] },
  { kind: 'fact', name: 'territoryBelongsToTargetInObligorsView', values: [true, false] },
  { kind: 'fact', name: 'obligorStatusOnDate', values: ['member', 'suspended'] },
  { kind: 'fact', name: 'obligorIsAttacker', values: [false, true] },
  { kind: 'fact', name: 'treatyInForceOnDate', values: [true, false] },
  { kind: 'fact', name: 'targetKind', values: ['territory', 'forces'] },
  { kind: 'fact', name: 'placeIsIsland', values: [false, true] },
  { kind: 'fact', name: 'anyPartyRequestedUnderClause', values: [false, true] },
  { kind: 'fact', name: 'attackerIsPartyOnDate', values: [false, true] },
  { kind: 'fact', name: 'territorySovereignIsPartyInObligorsView', values: [true, false] },
];

async function memoizedAgainstNaive(model: Model, scenarios: Scenario[]): Promise<Spread> {
  const e5 = scenarios.find((s) => s.id === 'armenia-border-2022')!;
  const doc = documentOf(model, e5);
  line(`2. Sweeps and why-not, memoized against naive (armenia-border-2022; up to ${TWELVE.length} facts varied)`);
  for (const k of [8, 12]) {
    const dims = TWELVE.slice(0, k);
    const memo = new ClauseEvaluator(true);
    const naive = new ClauseEvaluator(false);
    const a = await sweep(doc, dims, { evaluator: memo });
    const b = await sweep(doc, dims, { evaluator: naive });
    const same = JSON.stringify(a.worlds) === JSON.stringify(b.worlds);
    line(`   sweep k=${String(k).padEnd(2)} ${String(a.verdicts).padStart(6)} verdicts: engine runs ${String(memo.engineRuns).padStart(5)} memoized vs ${String(naive.engineRuns).padStart(6)} naive, ratio ${fixed(memo.engineRuns / naive.engineRuns, 4)}; identical answers: ${same ? 'yes' : 'NO'}`);
  }
  const dims = TWELVE.slice(0, 8);
  const timed = (memoize: boolean) => async () => {
    const t0 = performance.now();
    await sweep(doc, dims, { evaluator: new ClauseEvaluator(memoize) });
    return performance.now() - t0;
  };
  const t = await alternate({ memo: timed(true), naive: timed(false) }, ROUNDS);
  const ratio = ratioSpread(t.memo, t.naive);
  line(`   sweep k=8 in time, ms, median (spread) of ${ROUNDS} alternating rounds: memoized ${withSpread(t.memo, 0)}, naive ${withSpread(t.naive, 0)}; ratio ${withSpread(ratio)}`);
  for (const [file, obligor] of [['nagorno-karabakh-2023', 'RUS'], ['armenia-appeals-2021', 'RUS']] as const) {
    const s = scenarios.find((x) => x.id === file)!;
    const memo = new ClauseEvaluator(true);
    const naive = new ClauseEvaluator(false);
    const ref = { event: s.events[0]!.id, clause: 'cst/art-4', obligor };
    const a = await whyNot(documentOf(model, s), ref, { maxSize: 3, evaluator: memo });
    const b = await whyNot(documentOf(model, s), ref, { maxSize: 3, evaluator: naive });
    const same = JSON.stringify('sets' in a ? a.sets.map((x) => x.candidates) : a) === JSON.stringify('sets' in b ? b.sets.map((x) => x.candidates) : b);
    line(`   why-not ${file} ${obligor}: engine runs ${memo.engineRuns} memoized vs ${naive.engineRuns} naive, ratio ${fixed(memo.engineRuns / naive.engineRuns, 2)}; identical answers: ${same ? 'yes' : 'NO'}`);
  }
  line();
  return ratio;
}

/** Synthesize: every state of the world a party to the casebook's treaty and to copies of it. */
function everyStateModel(model: Model, copies: number): Model {
  const base = model.treaties.find((t) => t.id === 'cst')!;
  const parties = model.world.states.map((s) => ({ state: s.id, status: 'member' as const, from: '1994-04-20' }));
  const treaties: Treaty[] = [];
  for (let i = 0; i < copies; i++) treaties.push({ ...base, id: i === 0 ? 'cst' : `cst-copy-${i}`, parties, clauses: base.clauses.map((c) => ({ ...c, versions: c.versions.map((v) => ({ ...v })) })) });
  return { world: model.world, treaties };
}

async function oneEventEveryState(model: Model, scenarios: Scenario[]): Promise<void> {
  const e5 = scenarios.find((s) => s.id === 'armenia-border-2022')!;
  const big = everyStateModel(model, 2);
  line(`3. One event against every treaty and every state (armenia-border-2022; ${big.world.states.length} states, each a party to ${big.treaties.length} treaties of 2 clauses)`);
  let rows = 0;
  const timed = (memoize: boolean) => async () => {
    const t0 = performance.now();
    rows = (await simulateScenario(big, e5, { judge: { evaluator: new ClauseEvaluator(memoize) } })).verdicts.length;
    return performance.now() - t0;
  };
  const t = await alternate({ naive: timed(false), memo: timed(true) }, ROUNDS);
  line(`   ${rows} obligor rows, ms, median (spread) of ${ROUNDS} alternating rounds: engine on every row ${withSpread(t.naive)}; memoized, a fresh memo each run ${withSpread(t.memo)}`);
  line();
}

/** Half a 2^8 sweep: the worlds whose first dimension takes the value at `half`. */
async function halfSweep(model: Model, scenarios: Scenario[], half: number) {
  const doc = documentOf(model, scenarios.find((s) => s.id === 'armenia-border-2022')!);
  const [first, ...rest] = TWELVE.slice(0, 8);
  const dims = [{ ...first!, values: [first!.values[half]!] } as SweepDimension, ...rest];
  return (await sweep(doc, dims, { evaluator: new ClauseEvaluator(true) })).worlds.length;
}

/** The same memoized 2^8 sweep on one thread, and split in two with a worker thread doing one half (loading the rules itself). */
async function workerThreads(model: Model, scenarios: Scenario[]): Promise<void> {
  const doc = documentOf(model, scenarios.find((s) => s.id === 'armenia-border-2022')!);
  const one = async () => {
    const t0 = performance.now();
    await sweep(doc, TWELVE.slice(0, 8), { evaluator: new ClauseEvaluator(true) });
    return performance.now() - t0;
  };
  const two = async () => {
    const t0 = performance.now();
    const worker = new Promise<number>((resolve, reject) => {
      const w = new Worker(new URL(import.meta.url), { workerData: { half: 1 } });
      w.once('message', (n: number) => resolve(n));
      w.once('error', reject);
    });
    await Promise.all([halfSweep(model, scenarios, 0), worker]);
    return performance.now() - t0;
  };
  const t = await alternate({ one, two }, ROUNDS);
  line(`4. A memoized 2^8 sweep on one thread and split over a worker thread, ms, median (spread) of ${ROUNDS} alternating rounds, on ${availableCores()} cores`);
  line(`   one thread ${withSpread(t.one, 0)}; two threads ${withSpread(t.two, 0)}; ratio two/one ${withSpread(ratioSpread(t.two, t.one))}`);
  line();
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * Milliseconds an event with one effect costs over the same event without: the
 * checks of loading (shape, references, the effect tried on the world) and the
 * fold of the timeline. The files are parsed before timing, and the judging,
 * which an effect that changes nothing leaves alike, is left out: what is timed
 * is what an effect adds, not two large totals that differ a little.
 */
async function effectsCost(model: Model): Promise<Spread> {
  const n = 250;
  const dirs = { plain: mkdtempSync(join(os.tmpdir(), 'casus-bench-plain-')), effects: mkdtempSync(join(os.tmpdir(), 'casus-bench-effects-')) };
  try {
    const sources = (dir: string, effects: boolean) =>
      generateNatoEvents(dir, n, { effects }).map((path) => {
        const { source } = readSource(path);
        if (!source) throw new Error(`cannot read ${path}`);
        return source;
      });
    const timed = (files: SourceFile[]) => () => {
      const t0 = performance.now();
      for (const source of files) {
        const { scenario, diagnostics } = checkScenarioSource(source, model);
        if (!scenario || diagnostics.length) throw new Error(`generated scenarios have problems: ${diagnostics[0]?.message}`);
        foldTimeline({ world: mergeWorld(model.world, scenario.value.world), treaties: model.treaties }, scenario.value.events);
      }
      return performance.now() - t0;
    };
    const t = await alternate({ plain: timed(sources(dirs.plain, false)), effects: timed(sources(dirs.effects, true)) }, ROUNDS);
    const perEvent = spread(t.effects.values.map((x, i) => (x - t.plain.values[i]!) / n));
    line(`7. An event with effects: ${n} generated NATO events, each with one effect or none, checked as on loading and folded into the timeline (parsed beforehand), ms, median (spread) of ${ROUNDS} alternating rounds`);
    line(`   without effects ${withSpread(t.plain, 0)}; with ${withSpread(t.effects, 0)}; per event with an effect ${withSpread(perEvent, 3)} ms more`);
    line();
    return perEvent;
  } finally {
    rmSync(dirs.plain, { recursive: true, force: true });
    rmSync(dirs.effects, { recursive: true, force: true });
  }
}

/**
 * CST Article 4 written by hand as a plain function of the derived facts: its two
 * versions' tests, and the status the runner gives (obliged; obliged if requested
 * when the request is all that fails; else not obliged).
 */
function cstArticle4ByHand(f: Facts, date: string): VerdictStatus {
  const since2012 = date >= '2012-12-19';
  const memberOrFrozen = (x: FactValue | undefined) => x === 'member' || x === 'frozen';
  const rest =
    f.treatyInForceOnDate === true &&
    memberOrFrozen(f.obligorStatusOnDate) &&
    memberOrFrozen(f.targetStatusOnDate) &&
    f.obligorIsAttacker === false &&
    f.eventKind === 'armed-attack' &&
    (since2012 ? f.attackerKind === 'state' || f.attackerKind === 'non-state' : f.attackerKind === 'state') &&
    f.territoryBelongsToTargetInObligorsView === true;
  if (!rest) return 'not-obliged';
  return !since2012 || f.aidRequestedUnderClause === true ? 'obliged' : 'obliged-if-requested';
}

async function physicalLimit(model: Model, scenarios: Scenario[]): Promise<{ noMemo: Spread; memo: Spread }> {
  const rows = (await judgedRows(model, scenarios)).filter((r) => r.treaty.id === 'cst' && r.clause.id === 'art-4');
  const factsOf = (r: Row) => deriveFacts({ world: r.situation.world, treaty: r.treaty, clauseRef: 'cst/art-4', event: r.event, obligor: r.obligor });
  const agree = rows.filter((r) => cstArticle4ByHand(factsOf(r), r.event.date) === r.status).length;
  const byHand = () => {
    let obliged = 0;
    for (const r of rows) if (cstArticle4ByHand(factsOf(r), r.event.date) === 'obliged') obliged++;
    return obliged;
  };
  const runner = (memoize: boolean) => async () => {
    const evaluator = new ClauseEvaluator(memoize);
    let obliged = 0;
    for (const r of rows) if ((await judgeRow(r.situation, r.event, r.treaty, r.clause, r.obligor, { evaluator })).status === 'obliged') obliged++;
    return obliged;
  };
  const perRow = (work: () => unknown) => async () => {
    const t0 = performance.now();
    let passes = 0;
    do {
      await work();
      passes++;
    } while (performance.now() - t0 < 150);
    return ((performance.now() - t0) / passes / rows.length) * 1000;
  };
  const t = await alternate({ byHand: perRow(byHand), noMemo: perRow(runner(false)), memo: perRow(runner(true)) }, ROUNDS);
  line(`8. CST Article 4 as a hand-written predicate over derived facts (the physical limit): ${rows.length} casebook rows; the predicate agrees with the runner on ${agree} of ${rows.length}`);
  line(`   µs a row, median (spread) of ${ROUNDS} alternating rounds: derive facts + predicate ${withSpread(t.byHand)}; runner no memo ${withSpread(t.noMemo)}; runner with a fresh memo each pass ${withSpread(t.memo)}`);
  const noMemo = ratioSpread(t.noMemo, t.byHand);
  const memo = ratioSpread(t.memo, t.byHand);
  line(`   the runner's distance from the limit (its time / the limit's): no memo ${withSpread(noMemo)}, memo ${withSpread(memo)}`);
  line();
  return { noMemo, memo };
}

interface Measured {
  runner?: RunnerResult;
  start?: StartRatios;
  memory?: MemoryResult[];
  effects?: Spread;
  sweepTime?: Spread;
  limit?: { noMemo: Spread; memo: Spread };
}

/** The table of issue 11: each goal beside what this run measured (sections not run are left out). */
function goalTable(r: Measured): void {
  const met = (ok: boolean) => (ok ? 'met' : 'not met');
  const rows: Array<[string, string, string, string]> = [];
  const x = (s: Spread) => `${fixed(s.median, 1)}x (${fixed(s.low, 1)}-${fixed(s.high, 1)})`;
  if (r.start) {
    rows.push(['`casus run scenarios/` / `node -e 0`, CPU', x(r.start.run), '<= 3x', met(r.start.run.median <= 3)]);
    rows.push(['`casus list` / `node -e 0`', x(r.start.list), '<= 2x', met(r.start.list.median <= 2)]);
    rows.push(['`casus validate rules/ scenarios/` / `node -e 0`', x(r.start.validate), '<= 2x', met(r.start.validate.median <= 2)]);
    rows.push(['`casus --help` / `node -e 0`', x(r.start.help), '<= 1.5x', met(r.start.help.median <= 1.5)]);
  }
  if (r.runner) {
    rows.push(['runner / raw json-rules-engine, same rows, no memo', withSpread(r.runner.noMemo, 2), '>= 0.8', met(r.runner.noMemo.median >= 0.8)]);
    rows.push(['runner as shipped (memo) / raw', withSpread(r.runner.memo, 2), '>= 3', met(r.runner.memo.median >= 3)]);
  }
  if (r.memory) {
    for (const m of r.memory)
      rows.push([`NATO ${m.events} events, --format ${m.format}: peak memory / peak at 10 events`, `${fixed(m.large / m.small)} (${fixed(m.large, 0)} / ${fixed(m.small, 0)} MiB), exit ${m.largeExit}`, '<= 1.3', met(m.largeExit === 0 && m.large / m.small <= 1.3)]);
    if (!r.memory.some((m) => m.events >= 5000)) rows.push(['NATO 5,000 events in ndjson and json', 'not measured: this build has no ndjson', 'finishes, memory flat', 'not measured']);
  }
  if (r.effects) rows.push(['an event with effects, over one without', `${withSpread(r.effects, 3)} ms`, '<= 0.5 ms', met(r.effects.median <= 0.5)]);
  if (r.sweepTime) rows.push(['sweep k=8, memoized / naive, time', withSpread(r.sweepTime, 2), '(measured)', '']);
  if (r.limit) rows.push(['runner / hand-written CST Art. 4 predicate, time a row', `no memo ${withSpread(r.limit.noMemo, 1)}; memo ${withSpread(r.limit.memo, 1)}`, '(measured)', '']);
  line('Goals of issue 11, as measured in this run (median, spread in brackets):');
  line('| measure | measured | goal | |');
  line('| --- | --- | --- | --- |');
  for (const [a, b, c, d] of rows) line(`| ${a} | ${b} | ${c} | ${d} |`);
}

if (!isMainThread) {
  const { model, scenarios } = load();
  parentPort!.postMessage(await halfSweep(model, scenarios, (workerData as { half: number }).half));
} else {
  const { model, scenarios } = load();
  // `npm run bench -- 1 5`: only those sections (the whole run takes minutes on a busy machine).
  const chosen = new Set(process.argv.slice(2).map(Number).filter((n) => n >= 1 && n <= 9));
  const wanted = (n: number) => !chosen.size || chosen.has(n);
  line(`casus bench (node ${process.version}, ${availableCores()} cores)`);
  line();
  const r: Measured = {};
  if (wanted(1)) r.runner = await runnerAgainstRawEngine(model, scenarios);
  if (wanted(2)) r.sweepTime = await memoizedAgainstNaive(model, scenarios);
  if (wanted(3)) await oneEventEveryState(model, scenarios);
  if (wanted(4)) await workerThreads(model, scenarios);
  if (wanted(5)) r.start = await startRatios(ROUNDS);
  if (wanted(6)) r.memory = peakMemory();
  if (wanted(7)) r.effects = await effectsCost(model);
  if (wanted(8)) r.limit = await physicalLimit(model, scenarios);
  if (wanted(9)) await measureContestedCost(model, scenarios, line);
  goalTable(r);
}
