/** The `casus run --interpretations all` view: each contested reading, who holds it, and the verdicts it changes. Pure. */
import type { ClauseReadings } from '../core/compare-readings.js';
import { pad, PLAIN, type Style } from './style.js';
import { safeData } from '../core/safe-text.js';

export function renderReadings(clauses: readonly ClauseReadings[], s: Style = PLAIN): string {
  clauses = safeData(clauses); // text from files is shown, never obeyed (a title holding ESC [2J)
  const out: string[] = [];
  if (!clauses.length) return 'No clause in the rules carries a contested reading.\n';
  for (const c of clauses) {
    out.push(s.bold(`${c.clause}: ${c.readings.length} readings`) + s.dim(` (${c.rows} rows in these scenarios)`));
    for (const r of c.readings) {
      out.push(`  ${r.id === 'default' ? s.bold('default') : s.cyan(r.id)}: ${r.label}`);
      out.push(s.dim(`      held by: ${r.heldBy.join('; ')}`));
      for (const src of r.sources) out.push(s.dim(`      source:  ${src.title}${src.url ? ` <${src.url}>` : ''}`));
    }
    for (const r of c.readings) {
      if (r.id === 'default') continue;
      const rows = c.divergences[r.id] ?? [];
      if (!rows.length) {
        out.push(`  ${s.cyan(r.id)} changes no verdict in these scenarios`);
        continue;
      }
      out.push(`  ${s.cyan(r.id)} changes ${rows.length} verdict${rows.length === 1 ? '' : 's'}:`);
      const table = [['scenario', 'event', 'date', 'obligor', 'default', `--interpretation ${r.id}`]];
      for (const d of rows) {
        const cell = (x: typeof d.default) => `${x.status}/${x.assessment}${x.decisive ? ` (${x.decisive} fails)` : ''}`;
        table.push([d.scenario, d.event, d.date, d.obligor, cell(d.default), cell(d.reading)]);
      }
      const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
      for (const [i, row] of table.entries()) {
        const line = row.map((cell, j) => (j === row.length - 1 ? cell : pad(cell, widths[j]! + 2))).join('');
        out.push(`    ${i === 0 ? s.dim(line) : line}`);
      }
    }
    out.push('');
  }
  return out.join('\n');
}
