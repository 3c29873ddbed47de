/**
 * `npm run bench`: a benchmark, not a test. Every figure is a ratio or a count
 * measured in this one process, so it holds on a noisy machine:
 *  1. verdicts per second of the casus runner against raw json-rules-engine on
 *     the same clause rules and the same facts (goal >= 0.8);
 *  2. engine runs of a 2^k sweep and of a why-not search, memoized against
 *     naive, with the answers compared (goal <= 0.1 at k >= 12);
 *  3. one event judged against every treaty and every state, >= 200 obligor
 *     rows, in-process (goal < 100 ms).
 * Reads the shipped rules and casebook; writes only to stdout.
 */
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Engine } from 'json-rules-engine';
import { ClauseEvaluator, inlineDefinitions } from '../core/evaluate-clause.js';
import { deriveFacts, type FactValue, type Facts } from '../core/fact-catalogue.js';
import { partiesOn } from '../core/membership.js';
import { mergeWorld, simulate, simulateScenario, versionOn, type Model } from '../core/simulate.js';
import { sweep, type SweepDimension } from '../core/sweep.js';
import { foldTimeline } from '../core/timeline.js';
import { documentOf } from '../core/what-if.js';
import { whyNot } from '../core/why-not.js';
import type { Scenario } from '../schema/scenario.js';
import type { ClauseVersion, Treaty } from '../schema/treaty.js';
import { loadRules, loadScenarios, PACKAGE_ROOT } from '../load/load-files.js';

const line = (text = '') => process.stdout.write(`${text}\n`);
const fixed = (n: number, digits = 2) => n.toFixed(digits);

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

interface RawRow { version: ClauseVersion; treaty: Treaty; facts: Facts }

/** Every casebook row's clause version and derived facts: what raw json-rules-engine is given. */
function rawRows(model: Model, scenarios: readonly Scenario[]): RawRow[] {
  const rows: RawRow[] = [];
  for (const scenario of scenarios) {
    const initial = { world: mergeWorld(model.world, scenario.world), treaties: model.treaties };
    for (const { event, situation } of foldTimeline(initial, scenario.events)) {
      for (const treaty of situation.treaties) {
        for (const clause of treaty.clauses) {
          for (const obligor of partiesOn(treaty, situation.world, event.date).filter((s) => s !== event.target)) {
            const facts = deriveFacts({ world: situation.world, treaty, clauseRef: `${treaty.id}/${clause.id}`, event, obligor });
            const version = versionOn(clause, event.date);
            if (version) rows.push({ version, treaty, facts });
          }
        }
      }
    }
  }
  return rows;
}

async function runnerAgainstRawEngine(model: Model, scenarios: Scenario[]): Promise<void> {
  line('1. Verdicts per second: the casus runner against raw json-rules-engine, same rules and facts');
  const rows = rawRows(model, scenarios);
  // Raw: one engine per clause version, built once, as anyone using the library directly would.
  const engines = new Map<ClauseVersion, Engine>();
  for (const r of rows) {
    if (engines.has(r.version)) continue;
    const engine = new Engine([], { allowUndefinedFacts: false });
    engine.addRule({ name: 'clause', conditions: inlineDefinitions(r.version.conditions, r.treaty.definitions) as never, event: { type: 'applies' } });
    engines.set(r.version, engine);
  }
  const raw = async () => {
    for (const r of rows) await engines.get(r.version)!.run(r.facts as Record<string, FactValue>);
    return rows.length;
  };
  const runner = (evaluator: ClauseEvaluator) => async () => {
    const report = await simulate(model, scenarios, { judge: { evaluator } });
    return report.scenarios.reduce((n, s) => n + s.verdicts.length, 0);
  };
  const naive = new ClauseEvaluator(false);
  const warm = new ClauseEvaluator(true);
  // A fresh memo each pass is what one `casus run` of the casebook gets: rows that read the same facts share a run.
  const fresh = async () => runner(new ClauseEvaluator(true))();
  // Warm up, then alternate rounds so that drift in the machine's speed hits every variant alike.
  await raw();
  await runner(naive)();
  await runner(warm)();
  const rounds = { raw: [] as number[], naive: [] as number[], fresh: [] as number[], warm: [] as number[] };
  for (let i = 0; i < 3; i++) {
    rounds.raw.push(await rate(raw, 300));
    rounds.naive.push(await rate(runner(naive), 300));
    rounds.fresh.push(await rate(fresh, 300));
    rounds.warm.push(await rate(runner(warm), 300));
  }
  const best = (xs: number[]) => Math.max(...xs);
  const show = (label: string, xs: number[]) =>
    line(`   ${label.padEnd(50)} ${fixed(best(xs), 0).padStart(8)} verdicts/s   ratio ${fixed(best(xs) / best(rounds.raw))}`);
  line(`   casebook: ${rows.length} verdicts a pass`);
  line(`   ${'raw json-rules-engine (facts given)'.padEnd(50)} ${fixed(best(rounds.raw), 0).padStart(8)} verdicts/s`);
  show('casus, engine on every row (no memo)', rounds.naive);
  show('casus as shipped, a fresh memo each pass', rounds.fresh);
  show('casus, memo kept warm across passes', rounds.warm);
  line('   (casus also derives every fact, folds the timeline and words the reasons; raw gets the facts ready-made)');
  line('   goal: ratio >= 0.8');
  line();
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

async function memoizedAgainstNaive(model: Model, scenarios: Scenario[]): Promise<void> {
  const e5 = scenarios.find((s) => s.id === 'armenia-border-2022')!;
  const doc = documentOf(model, e5);
  line(`2. Engine runs, memoized against naive (armenia-border-2022, ${TWELVE.length} facts varied: 2^${TWELVE.length} worlds)`);
  for (const k of [8, 12]) {
    const dims = TWELVE.slice(0, k);
    const memo = new ClauseEvaluator(true);
    const naive = new ClauseEvaluator(false);
    const t0 = performance.now();
    const a = await sweep(doc, dims, { evaluator: memo });
    const t1 = performance.now();
    const b = await sweep(doc, dims, { evaluator: naive });
    const t2 = performance.now();
    const same = JSON.stringify(a.worlds) === JSON.stringify(b.worlds);
    line(`   sweep k=${String(k).padEnd(2)} ${String(a.verdicts).padStart(6)} verdicts: engine runs ${String(memo.engineRuns).padStart(5)} memoized vs ${String(naive.engineRuns).padStart(6)} naive, ratio ${fixed(memo.engineRuns / naive.engineRuns, 4)}; ${fixed(t1 - t0, 0)} ms vs ${fixed(t2 - t1, 0)} ms (${fixed(((t1 - t0) / a.worlds.length) * 1000, 0)} µs a world memoized); identical answers: ${same ? 'yes' : 'NO'}`);
  }
  line('   (art-4 reads 8 facts and art-2 reads 5; the other varied facts are ones neither clause reads, so those worlds cannot differ)');
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
  line('   (a why-not search judges one row per candidate set, and every set moves a fact the clause reads:');
  line('    no two of its worlds look alike to the clause, so there is nothing for the memo to share)');
  line('   goal: ratio <= 0.1 at k >= 12');
  line();
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
  const times = async (evaluator: () => ClauseEvaluator) => {
    const out: number[] = [];
    let rows = 0;
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      const r = await simulateScenario(big, e5, { judge: { evaluator: evaluator() } });
      out.push(performance.now() - t0);
      rows = r.verdicts.length;
    }
    const sorted = [...out].sort((a, b) => a - b);
    return { rows, first: out[0]!, median: sorted[3]! };
  };
  const naive = await times(() => new ClauseEvaluator(false));
  const memo = await times(() => new ClauseEvaluator(true));
  line(`   ${naive.rows} obligor rows: ${fixed(naive.first, 1)} ms first run, ${fixed(naive.median, 1)} ms median (engine on every row)`);
  line(`   ${memo.rows} obligor rows: ${fixed(memo.first, 1)} ms first run, ${fixed(memo.median, 1)} ms median (memoized, a fresh memo each run)`);
  line('   goal: < 100 ms');
  line();
}

/** Half a 2^12 sweep: the worlds whose first dimension takes the value at `half`. */
async function halfSweep(model: Model, scenarios: Scenario[], half: number) {
  const doc = documentOf(model, scenarios.find((s) => s.id === 'armenia-border-2022')!);
  const [first, ...rest] = TWELVE;
  const dims = [{ ...first!, values: [first!.values[half]!] } as SweepDimension, ...rest];
  return (await sweep(doc, dims, { evaluator: new ClauseEvaluator(true) })).worlds.length;
}

/** Does a second thread pay? The same 2^12 sweep on one thread, then split in two with a worker doing one half. */
async function workerThreads(model: Model, scenarios: Scenario[]): Promise<void> {
  line('4. Worker threads: a memoized 2^12 sweep on one thread, and split in half with a worker thread');
  const doc = documentOf(model, scenarios.find((s) => s.id === 'armenia-border-2022')!);
  const t0 = performance.now();
  await sweep(doc, TWELVE, { evaluator: new ClauseEvaluator(true) });
  const one = performance.now() - t0;
  const t1 = performance.now();
  // The worker loads the rules and casebook itself: a real split pays that too.
  const worker = new Promise<number>((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: { half: 1 } });
    w.once('message', (n: number) => resolve(n));
    w.once('error', reject);
  });
  const [mine, theirs] = await Promise.all([halfSweep(model, scenarios, 0), worker]);
  const two = performance.now() - t1;
  line(`   one thread: ${fixed(one, 0)} ms; two threads: ${fixed(two, 0)} ms for ${mine + theirs} worlds (ratio ${fixed(two / one)}), on ${availableCores()} cores`);
  line('   casus does not use worker threads: the memo already removes the engine runs, and a split pays the');
  line("   worker's start and its own loading of the rules; see the ratio above for this machine.");
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

if (!isMainThread) {
  const { model, scenarios } = load();
  parentPort!.postMessage(await halfSweep(model, scenarios, (workerData as { half: number }).half));
} else {
  const { model, scenarios } = load();
  line(`casus bench (node ${process.version})`);
  line();
  await runnerAgainstRawEngine(model, scenarios);
  await memoizedAgainstNaive(model, scenarios);
  await oneEventEveryState(model, scenarios);
  await workerThreads(model, scenarios);
}
