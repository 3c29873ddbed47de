/**
 * `casus run PATHS... [--format F]`: every event of the scenarios judged, its
 * obligations beside what happened. Every input is loaded and checked first;
 * only then is the report made, an event at a time for text, json, ndjson and
 * csv (written as it is judged), whole for markdown and html.
 */
import { judgeEvents, simulate, type Model, type SimulateOptions } from '../../core/simulate.js';
import type { Scenario } from '../../schema/scenario.js';
import { reportWriter, type StreamedFormat } from '../../report/stream-report.js';
import type { Style } from '../../report/style.js';
import { checkCodes, rulesOrRefuse, scenariosOrRefuse } from '../load-or-refuse.js';
import { isOutput, ok, styleOf, type Output } from '../output.js';
import { checkReadings, readingBanner, runExtras, type ExtrasOptions } from '../run-extras.js';

/** text, json, ndjson and csv are written as they are judged; markdown and html are made whole. */
export type RunFormat = StreamedFormat | 'markdown' | 'html';

export interface RunOptions extends ExtrasOptions {
  paths: string[];
  format?: RunFormat;
}

export async function runCommand(o: RunOptions): Promise<Output> {
  const rules = rulesOrRefuse(o);
  if (isOutput(rules)) return rules;
  const bad = checkCodes(rules.model, o.clause, o.obligor) ?? checkReadings(rules.model, o);
  if (bad) return bad;
  const scenarios = scenariosOrRefuse(o.paths, rules.model);
  if (isOutput(scenarios)) return scenarios;
  if (o.interpretations !== undefined || o.summary) return runExtras(rules.model, scenarios, o);
  const options: SimulateOptions = { clauses: o.clause ?? [], obligors: o.obligor ?? [], interpretations: o.interpretation ?? [] };
  const format = o.format ?? 'text';
  if (format === 'markdown' || format === 'html') {
    const { renderReport } = await import('../report-formats.js');
    return ok(renderReport(format, await simulate(rules.model, scenarios, options), scenarios));
  }
  // The banner names the reading applied; it is for people, so only the text report carries it.
  const banner = format === 'text' ? readingBanner(rules.model, o.interpretation ?? []) : '';
  return { exitCode: 0, stdout: banner, stderr: '', stream: streamReport(format, rules.model, scenarios, options, styleOf(o)) };
}

/** The report a piece at a time: each event judged, written, and let go before the next. */
async function* streamReport(format: StreamedFormat, model: Model, scenarios: readonly Scenario[], options: SimulateOptions, style: Style): AsyncGenerator<string> {
  const writer = reportWriter(format, style);
  yield writer.start();
  for (const scenario of scenarios) {
    yield writer.scenario(scenario);
    for await (const { event, verdicts } of judgeEvents(model, scenario, options)) yield writer.event(event, verdicts);
    yield writer.endScenario();
  }
  yield writer.end();
}
