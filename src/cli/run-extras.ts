/**
 * The extra views of `casus run`: `--summary` (reliability counts per treaty
 * and decade) and `--interpretations all` (where contested readings change
 * verdicts), plus the check on `--interpretation NAME`. Returns output; never prints.
 */
import { compareReadings } from '../core/compare-readings.js';
import { interpretationsOf } from '../core/interpretations.js';
import { reliability } from '../core/reliability.js';
import { simulate, type Model } from '../core/simulate.js';
import type { Scenario } from '../schema/scenario.js';
import { didYouMean, listSome } from '../load/diagnostics.js';
import { renderReadings } from '../report/render-readings.js';
import { renderSummary } from '../report/render-summary.js';
import { ok, styleOf, usage, type CommonOptions, type Output } from './output.js';

/** The options of `casus run` these views read. */
export interface ExtrasOptions extends CommonOptions {
  clause?: string[];
  obligor?: string[];
  interpretation?: string[];
  interpretations?: string;
  summary?: boolean;
}

/** Unknown reading names, or `--interpretations` with anything but `all`, are a user's mistake: exit 2. */
export function checkReadings(model: Model, o: ExtrasOptions): Output | undefined {
  // `default`: every clause on its default reading, no adopted reading governing.
  const known = [...interpretationsOf(model.treaties).map((x) => x.reading.id), 'default'];
  for (const name of o.interpretation ?? [])
    if (!known.includes(name))
      return usage(`unknown interpretation "${name}" for --interpretation; ${didYouMean(name, known) ?? `readings are: ${listSome(known, 12)}`}`);
  if (o.interpretations !== undefined && o.interpretations !== 'all')
    return usage(`--interpretations takes "all" (to compare every reading), not "${o.interpretations}"; to apply one reading use --interpretation NAME`);
  return undefined;
}

/** Above a text report run under contested readings: which, for which clause, held by whom. */
export function readingBanner(model: Model, names: readonly string[]): string {
  if (!names.length) return '';
  const lines = interpretationsOf(model.treaties)
    .filter((x) => names.includes(x.reading.id))
    .map((x) => `Reading applied to ${x.clause}: ${x.reading.id}, held by ${x.reading.heldBy.join('; ')}`);
  return `${lines.join('\n')}\n\n`;
}

export async function runExtras(model: Model, scenarios: Scenario[], o: ExtrasOptions): Promise<Output> {
  const options = { clauses: o.clause ?? [], obligors: o.obligor ?? [], interpretations: o.interpretation ?? [] };
  const parts: string[] = [];
  if (o.interpretations === 'all') parts.push(renderReadings(await compareReadings(model, scenarios, { clauses: o.clause ?? [], obligors: o.obligor ?? [] }), styleOf(o)));
  if (o.summary) parts.push(renderSummary(reliability(await simulate(model, scenarios, options)), styleOf(o)));
  return ok(parts.join('\n'));
}
