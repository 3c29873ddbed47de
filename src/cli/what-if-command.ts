/**
 * `casus what-if FILE [--set PATH=VALUE]...`: the base's verdicts beside the
 * variant's, flips marked. Also the loading step the other what-if commands
 * (why-not, sweep) share. Returns {exitCode, stdout, stderr}; prints nothing.
 */
import { runWhatIf } from '../core/what-if.js';
import type { Model } from '../core/simulate.js';
import type { Change } from '../schema/scenario.js';
import { displayPath } from '../load/load-files.js';
import { loadCase, parseSetOption, type Case } from '../load/load-what-if.js';
import { renderWhatIfJson, renderWhatIfText } from '../report/render-what-if.js';
import { isOutput, ok, refuse, rulesOrRefuse, styleOf, usage, type CommonOptions, type Output } from './commands.js';

export interface WhatIfOptions extends CommonOptions {
  file: string;
  set?: string[];
  format?: 'text' | 'json';
}

/** Parse every --set; the first malformed one is a usage error. */
export function setsOrRefuse(sets: readonly string[] = []): Change[] | Output {
  const changes: Change[] = [];
  for (const text of sets) {
    const c = parseSetOption(text);
    if (typeof c === 'string') return usage(c);
    changes.push(c);
  }
  return changes;
}

/** Rules, then the file (scenario or what-if) with its --set changes, or the output that refuses them. */
export function caseOrRefuse(o: CommonOptions & { file: string; set?: string[] }): { model: Model; case: Case } | Output {
  const rules = rulesOrRefuse(o);
  if (isOutput(rules)) return rules;
  const sets = setsOrRefuse(o.set);
  if (isOutput(sets)) return sets;
  const loaded = loadCase(o.file, rules.model, sets);
  if (!loaded.case) return refuse(loaded.diagnostics);
  return { model: rules.model, case: loaded.case };
}

export async function whatIfCommand(o: WhatIfOptions): Promise<Output> {
  const loaded = caseOrRefuse(o);
  if (isOutput(loaded)) return loaded;
  const c = loaded.case;
  if (!c.layers.length)
    return usage(`${displayPath(o.file)} is a scenario, not a what-if: add --set PATH=VALUE (e.g. --set events.${c.scenario.events[0]!.id}.kind=armed-attack), or give a what-if file (one with a base:)`);
  const report = await runWhatIf(loaded.model, c.scenario, c.layers);
  return ok(o.format === 'json' ? renderWhatIfJson(report) : renderWhatIfText(report, styleOf(o)));
}
