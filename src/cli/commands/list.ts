/** `casus list [--scenarios DIR]`: the treaties, their clauses and readings, and the scenarios of a folder. */
import { join, resolve } from 'node:path';
import { displayPath, loadScenarios, PACKAGE_ROOT } from '../../load/load-files.js';
import { rulesOrRefuse } from '../load-or-refuse.js';
import { isOutput, ok, styleOf, type CommonOptions, type Output } from '../output.js';

export interface ListOptions extends CommonOptions {
  scenarios?: string;
}

export async function listCommand(o: ListOptions): Promise<Output> {
  const rules = rulesOrRefuse(o);
  if (isOutput(rules)) return rules;
  const s = styleOf(o);
  const lines: string[] = [s.bold('Treaties')];
  // Wide enough that the longest id (anglo-polish-1939) still stands apart from its name.
  const idWidth = Math.max(12, ...rules.model.treaties.map((t) => t.id.length + 1));
  for (const t of rules.model.treaties) {
    lines.push(`  ${t.id.padEnd(idWidth)} ${t.name} (signed ${t.signed}, in force ${t.inForce.from}${t.inForce.until ? `–${t.inForce.until}` : ''})`);
    for (const c of t.clauses) {
      const versions = c.versions.map((v) => `from ${v.from}`).join('; ');
      lines.push(`    ${`${t.id}/${c.id}`.padEnd(16)} Art. ${c.article}, ${c.title} [${c.versions.length} version${c.versions.length === 1 ? '' : 's'}: ${versions}]`);
      for (const r of c.interpretations ?? []) lines.push(s.dim(`      --interpretation ${r.id}: ${r.label}`));
    }
  }
  const dir = o.scenarios ? resolve(o.scenarios) : join(PACKAGE_ROOT, 'scenarios');
  const { scenarios, diagnostics } = loadScenarios([dir], rules.model);
  lines.push('', s.bold(`Scenarios in ${displayPath(dir)}`));
  for (const sc of scenarios) {
    const dates = sc.value.events.map((e) => e.date).sort();
    lines.push(`  ${sc.value.id.padEnd(28)} ${dates[0]}  ${sc.value.title} (${sc.value.events.length} event${sc.value.events.length === 1 ? '' : 's'})`);
  }
  if (diagnostics.length) lines.push(s.dim(`  (${diagnostics.length} problem(s) in scenario files: run casus validate)`));
  lines.push('', s.dim(`${rules.model.world.states.length} states, ${rules.model.world.territories.length} territories, ${rules.model.world.recognitions.length} recognitions in the world`));
  return ok(lines.join('\n') + '\n');
}
