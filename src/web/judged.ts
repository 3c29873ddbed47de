/**
 * What the panels draw from: a page state judged by the pure core (the case
 * with the what-if changes applied, its verdicts beside the case's own, the
 * toggles and readings on offer, the open cell's explanation in words), and
 * the context every panel receives. Judging is async only because the core is.
 */
import { applyChanges, ClauseEvaluator, explainVerdict, mergeWorld, simulateScenario, type Model, type ScenarioReport, type Verdict } from '../core/index.js';
import type { Scenario } from '../schema/scenario.js';
import type { PageData } from '../report/page-data.js';
import { explainView, type ExplainView } from '../report/explain-view.js';
import { namesOf, type Names } from '../report/vocabulary.js';
import type { Words } from './i18n/words.js';
import { readingsFor, readingsInEffect, type ClauseReadings, type ReadingOption } from './readings.js';
import { choicesOf, readingsOf, type Action, type PageState } from './state.js';
import { changesOfChoices, togglesFor, type Toggle } from './what-if-toggles.js';

export interface Judged {
  scenario: Scenario;
  /** The case file's name, for a what-if's `base:`. */
  file: string;
  /** The scenario with the what-if changes applied (the scenario itself when there are none). */
  varied: Scenario;
  base: ScenarioReport;
  current: ScenarioReport;
  /** This event's rows, now and in the case as written (by row key). */
  rows: Verdict[];
  baseRows: ReadonlyMap<string, Verdict>;
  toggles: Toggle[];
  offered: ClauseReadings[];
  inEffect: ReadingOption[];
  changeError?: string;
  explanation?: ExplainView;
  evaluatedMs: number;
  names: Names;
}

export interface PanelContext {
  state: PageState;
  judged: Judged;
  model: Model;
  data: PageData;
  /** Open or closed, per <details> key, as the teacher last left it (not part of the address). */
  memory: Map<string, boolean>;
  /** Change the state; `focus` names the element (data-key) to focus once drawn. */
  dispatch(action: Action, focus?: string): void;
  /** The page's words in the chosen language, and a state's name in it. */
  words: Words;
  stateName(code: string): string;
  /** Switch the page's language (a preference kept by the browser, not part of the address). */
  setLanguage(code: string): void;
}

export const rowKey = (v: Pick<Verdict, 'event' | 'clause' | 'obligor'>): string => `${v.event}|${v.clause}|${v.obligor}`;

/**
 * What the page keeps between judgements: the case's own verdicts, judged once per case, and
 * its evaluator (the core keeps no cache: re-judging after a toggle reuses its engines and memo).
 */
export interface BaseCache {
  bases: Map<string, Promise<ScenarioReport>>;
  evaluator: ClauseEvaluator;
}

export const newCache = (): BaseCache => ({ bases: new Map(), evaluator: new ClauseEvaluator() });

export async function judge(model: Model, data: PageData, state: PageState, cache: BaseCache): Promise<Judged> {
  const entry = data.scenarios.find((s) => s.scenario.id === state.scenario) ?? data.scenarios[0]!;
  const scenario = entry.scenario;
  const judgeWith = { evaluator: cache.evaluator };
  let basePromise = cache.bases.get(scenario.id);
  if (!basePromise) cache.bases.set(scenario.id, (basePromise = simulateScenario(model, scenario, { judge: judgeWith })));
  const base = await basePromise;
  const toggles = togglesFor(model, scenario, state.event);
  let varied = scenario;
  let changeError: string | undefined;
  try {
    const changes = changesOfChoices(model, scenario, state.event, choicesOf(state), toggles);
    if (changes.length) varied = applyChanges(scenario, changes).result;
  } catch (e) {
    changeError = (e as Error).message;
  }
  // The readings of the clauses the matrix shows; a reading is passed to the core, not written into the case.
  const date = base.events.find((e) => e.id === state.event)?.date ?? '';
  const offered = readingsFor(model, [...new Set(base.verdicts.filter((v) => v.event === state.event).map((v) => v.clause))], date);
  const inEffect = readingsInEffect(offered, readingsOf(state));
  const options = inEffect.length ? { interpretations: inEffect.map((r) => r.id) } : {};
  const started = performance.now();
  const current = await simulateScenario(model, varied, { ...options, events: [state.event], judge: judgeWith });
  const evaluatedMs = performance.now() - started;
  const names = namesOf(mergeWorld(model.world, scenario.world));
  let explanation: ExplainView | undefined;
  if (state.explained) {
    const x = await explainVerdict(model, varied, state.event, state.explained.clause, state.explained.obligor, options);
    explanation = 'field' in x ? undefined : explainView(x, names);
  }
  return {
    scenario, file: entry.file, varied, base, current,
    rows: current.verdicts.filter((v) => v.event === state.event),
    baseRows: new Map(base.verdicts.filter((v) => v.event === state.event).map((v) => [rowKey(v), v])),
    toggles, offered, inEffect, evaluatedMs, names,
    ...(changeError ? { changeError } : {}), ...(explanation ? { explanation } : {}),
  };
}
