/** The `casus sweep` truth table, its counts and its decisive dimensions, as text or JSON. Pure. */
import type { SweepResult } from '../core/sweep.js';
import { table } from './render-text.js';
import { PLAIN, type Style } from './style.js';
import { safeData } from '../core/safe-text.js';

export function renderSweepText(r: SweepResult, title: string, s: Style = PLAIN): string {
  r = safeData(r); // text from files is shown, never obeyed (a title holding ESC [2J)
  title = safeData(title);
  const perWorld = r.worlds.length ? r.verdicts / r.worlds.length : 0;
  const out: string[] = [
    s.bold(`Sweep over ${title}`),
    s.dim(`${r.dimensions.length} dimension${r.dimensions.length === 1 ? '' : 's'}, ${r.worlds.length} world${r.worlds.length === 1 ? '' : 's'}, ${perWorld} verdict${perWorld === 1 ? '' : 's'} each`),
    '',
  ];
  const header = [...r.dimensions.map((d) => d.name), 'obliged', 'if-requested', 'not-obliged', 'decisive tests'];
  const body = r.worlds.map((w) => [
    ...w.values,
    String(w.counts.obliged),
    String(w.counts['obliged-if-requested']),
    String(w.counts['not-obliged']),
    w.because.join(', '),
  ]);
  out.push(...table([header, ...body], s).map((l) => `  ${l}`), '');
  out.push(`Totals: ${r.totals.obliged} obliged, ${r.totals['obliged-if-requested']} obliged if requested, ${r.totals['not-obliged']} not obliged`);
  const decisive = r.decisive.filter((d) => d.flips > 0);
  const idle = r.decisive.filter((d) => d.flips === 0);
  if (decisive.length) out.push(`Decisive: ${decisive.map((d) => `${d.name} (changing it alone flips a verdict in ${d.flips} of ${d.pairs} pairs of worlds)`).join('; ')}`);
  if (idle.length) out.push(`Never decisive here: ${idle.map((d) => `${d.name}${d.pairs === 0 ? ' (one value only)' : ''}`).join(', ')}`);
  out.push(s.dim(`Engine runs: ${r.engineRuns} for ${r.verdicts} verdicts (the rest were worlds a clause cannot tell apart)`));
  return out.join('\n') + '\n';
}

export function renderSweepJson(r: SweepResult): string {
  const doc = {
    dimensions: r.dimensions,
    worlds: r.worlds.map((w) => ({
      values: Object.fromEntries(r.dimensions.map((d, i) => [d.name, w.values[i]])),
      counts: w.counts,
      because: w.because,
      verdicts: w.rows,
    })),
    totals: r.totals,
    decisive: r.decisive,
    engineRuns: r.engineRuns,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
