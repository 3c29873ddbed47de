/** The `casus duties` view: one state's clauses across treaties, event by event, conflicts flagged. Pure. */
import type { DutiesReport } from '../core/duties.js';
import { eventLine, reasonLine } from './render-text.js';
import { pad, PLAIN, type Style } from './style.js';
import { compareText } from '../core/compare-text.js';
import { safeData } from '../core/safe-text.js';

export function renderDuties(d: DutiesReport, s: Style = PLAIN): string {
  d = safeData(d); // text from files is shown, never obeyed (a title holding ESC [2J)
  const out: string[] = [s.bold(`${d.state}'s duties: ${d.scenario.title}`), s.dim(`scenario ${d.scenario.id}`), ''];
  for (const e of d.events) {
    out.push(`${s.bold(e.event.date)}  ${s.bold(e.event.title)}  ${s.dim(`[${e.event.id}]`)}`);
    out.push(`  ${eventLine(e.event)}`);
    const allies = (xs: typeof e.alliedToTarget) => xs.map((a) => `${a.with} under ${a.treaty}`).join(', ');
    if (e.alliedToTarget.length) out.push(`  ${d.state} is allied to the attacked state: ${allies(e.alliedToTarget)}`);
    if (e.alliedToAttacker.length) out.push(`  ${d.state} is allied to the attacker: ${allies(e.alliedToAttacker)}`);
    if (e.conflict) out.push(`  ${s.red(s.bold('CONFLICT'))}: ${d.state} is party to alliances on both sides of this event`);
    if (!e.rows.length) {
      out.push(s.dim(`  no clause binds ${d.state} here: it is not a party to a treaty of the attacked state on ${e.event.date}`), '');
      continue;
    }
    const table = [['clause', 'towards', 'status', 'duty', 'actual', 'assessment', 'reason']];
    for (const v of [...e.rows].sort((a, b) => compareText(a.clause, b.clause)))
      table.push([v.clause, v.beneficiary, v.status, v.duty, v.actual ?? '-', v.assessment, reasonLine(v)]);
    const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
    for (const [i, r] of table.entries()) {
      const line = r.map((c, j) => (j === r.length - 1 ? c : pad(c, widths[j]! + 2))).join('').trimEnd();
      out.push(`  ${i === 0 ? s.dim(line) : line}`);
    }
    out.push('');
  }
  if (d.dutyConflicts.length) {
    for (const c of d.dutyConflicts) {
      const [a, b] = c.sides;
      out.push(
        `${s.red(s.bold('DUTY CONFLICT'))}: ${d.state} owes, or would owe on request, duties to both sides: ` +
          `to ${a!.state} under ${a!.clauses.join(', ')} and to ${b!.state} under ${b!.clauses.join(', ')}`,
      );
    }
  } else {
    out.push(`No duty conflict: ${d.state} owes no duty to both sides of any armed conflict in this scenario.`);
  }
  return out.join('\n') + '\n';
}

export function renderDutiesJson(d: DutiesReport): string {
  return `${JSON.stringify({
    scenario: d.scenario,
    state: d.state,
    events: d.events.map((e) => ({
      event: e.event.id,
      date: e.event.date,
      alliedToTarget: e.alliedToTarget,
      alliedToAttacker: e.alliedToAttacker,
      conflict: e.conflict,
      clauses: e.rows.map((v) => ({ clause: v.clause, beneficiary: v.beneficiary, status: v.status, duty: v.duty, actual: v.actual, assessment: v.assessment, decisive: v.decisive })),
    })),
    dutyConflicts: d.dutyConflicts,
  }, null, 2)}\n`;
}
