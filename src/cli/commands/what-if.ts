/**
 * `casus what-if FILE [--set PATH=VALUE]...`: the base's verdicts beside the
 * variant's, flips marked. Returns {exitCode, stdout, stderr}; prints nothing.
 */
import { runWhatIf } from '../../core/what-if.js';
import { displayPath } from '../../load/load-files.js';
import { renderWhatIfJson, renderWhatIfText } from '../../report/render-what-if.js';
import { caseOrRefuse } from '../load-or-refuse.js';
import { isOutput, ok, styleOf, usage, type CommonOptions, type Output } from '../output.js';

export interface WhatIfOptions extends CommonOptions {
  file: string;
  set?: string[];
  format?: 'text' | 'json';
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
