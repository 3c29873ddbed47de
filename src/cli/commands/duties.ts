/** `casus duties FILE --state CODE [--event ID]`: one state's clauses across treaties, conflicts flagged. Returns output; never prints. */
import { dutiesOf } from '../../core/duties.js';
import { didYouMean, listSome } from '../../load/diagnostics.js';
import { displayPath } from '../../load/load-files.js';
import { renderDuties, renderDutiesJson } from '../../report/render-duties.js';
import { rulesOrRefuse, scenariosOrRefuse } from '../load-or-refuse.js';
import { isOutput, ok, styleOf, usage, type CommonOptions, type Output } from '../output.js';

export interface DutiesOptions extends CommonOptions {
  file: string;
  state: string;
  event?: string;
  format?: 'text' | 'json';
}

export async function dutiesCommand(o: DutiesOptions): Promise<Output> {
  const rules = rulesOrRefuse(o);
  if (isOutput(rules)) return rules;
  const states = rules.model.world.states.map((s) => s.id);
  if (!states.includes(o.state)) return usage(`unknown state "${o.state}" for --state; ${didYouMean(o.state, states) ?? 'use an ISO 3166-1 alpha-3 code'}`);
  const scenarios = scenariosOrRefuse([o.file], rules.model);
  if (isOutput(scenarios)) return scenarios;
  if (scenarios.length !== 1) return usage(`duties reads one scenario file; ${displayPath(o.file)} holds ${scenarios.length}`);
  const scenario = scenarios[0]!;
  if (o.event !== undefined && !scenario.events.some((e) => e.id === o.event)) {
    const known = scenario.events.map((e) => e.id);
    return usage(`--event "${o.event}" is not in ${displayPath(o.file)}; ${didYouMean(o.event, known) ?? `events are: ${listSome(known, 12)}`}`);
  }
  const report = await dutiesOf(rules.model, scenario, o.state, o.event);
  return ok(o.format === 'json' ? renderDutiesJson(report) : renderDuties(report, styleOf(o)));
}
