/**
 * The text report a teacher puts on a projector: per event, what happened and
 * where, then one line per obligor and clause with status, actual response,
 * assessment and the one-line reason; a closing summary. Pure (Report -> string).
 */
import type { Report, ScenarioReport, Verdict, EventSummary } from '../core/simulate.js';
import { tally, type Tally } from '../core/tally.js';
import { isRequestReason } from '../core/simulate.js';
import { pad, PLAIN, type Style } from './style.js';

const KIND_WORDS: Record<string, string> = {
  'armed-attack': 'armed attack', 'armed-clash': 'armed clash', incident: 'incident', 'internal-unrest': 'internal unrest',
  'terrorist-attack': 'terrorist attack', threat: 'threat', 'status-change': 'change of standing',
};

export function eventLine(e: EventSummary): string {
  const kind = KIND_WORDS[e.kind] ?? e.kind;
  const by = e.attackerName ? ` by ${e.attackerName}` : '';
  const what = e.targetKind === 'territory' ? '' : ` (${e.targetKind})`;
  const place = e.territory === e.target ? `on its own territory` : `in ${e.territoryName}`;
  if (!e.attacker && (e.kind === 'internal-unrest' || e.kind === 'status-change')) {
    return `${kind} in ${e.targetName}${e.territory === e.target ? '' : `, ${place}`}`;
  }
  return `${kind}${by} against ${e.targetName}${what}, ${place}`;
}

/** The one-line reason for a row. */
export function reasonLine(v: Verdict): string {
  if (v.status === 'obliged') {
    const asked = v.reasons.some(isRequestReason);
    return asked ? 'requested, and every condition of the clause holds' : 'every condition of the clause holds';
  }
  const failing = v.reasons.filter((r) => !r.holds);
  if (v.status === 'obliged-if-requested') return `every condition holds but the request: no request under ${v.clause}`;
  const decisive = failing.find((r) => r.code === v.decisive) ?? failing[0];
  if (!decisive) return 'not obliged';
  const more = failing.length > 1 ? ` (+${failing.length - 1} more)` : '';
  return `${decisive.code} fails: ${decisive.found}${more}`;
}

function statusCell(v: Verdict, s: Style): string {
  if (v.status === 'obliged') return s.bold(v.status);
  if (v.status === 'obliged-if-requested') return s.yellow(v.status);
  return v.status;
}

function assessmentCell(v: Verdict, s: Style): string {
  switch (v.assessment) {
    case 'honored': return s.green('honored');
    case 'unmet': return s.red(s.bold('UNMET'));
    case 'beyond-duty': return s.cyan('beyond-duty');
    case 'unrecorded': return s.dim('unrecorded');
    default: return s.dim(v.assessment);
  }
}

export function table(rows: string[][], s: Style): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!.replace(/\u001b\[[0-9;]*m/g, '')].length)));
  return rows.map((r, ri) => {
    const line = r.map((cell, i) => (i === r.length - 1 ? cell : pad(cell, widths[i]! + 2))).join('').trimEnd();
    return ri === 0 ? s.dim(line) : line;
  });
}

export function summaryLine(t: Tally): string {
  return (
    `${t.obliged} obligation${t.obliged === 1 ? '' : 's'} arose: ${t.honored} honored, ${t.unmet} unmet` +
    (t.obliged - t.honored - t.unmet ? `, ${t.obliged - t.honored - t.unmet} unrecorded` : '') +
    `; ${t.obligedIfRequested} would have arisen on request; ` +
    `${t.beyondDuty} beyond duty; ${t.rows} rows in all`
  );
}

export function renderScenarioText(sr: ScenarioReport, s: Style = PLAIN): string {
  const out: string[] = [s.bold(sr.title), s.dim(`scenario ${sr.id}`), ''];
  for (const e of sr.events) {
    out.push(`${s.bold(e.date)}  ${s.bold(e.title)}  ${s.dim(`[${e.id}]`)}`);
    out.push(`  ${eventLine(e)}`, '');
    const rows = sr.verdicts.filter((v) => v.event === e.id);
    if (!rows.length) {
      out.push(s.dim('  no clause applies: the target is party to none of the shipped treaties'), '');
      continue;
    }
    const header = ['obligor', 'clause', 'status', 'actual', 'assessment', 'reason'];
    const body = [...rows]
      .sort((a, b) => a.clause.localeCompare(b.clause) || a.obligor.localeCompare(b.obligor))
      .map((v) => [v.obligor, v.clause, statusCell(v, s), v.actual ?? '-', assessmentCell(v, s), reasonLine(v)]);
    out.push(...table([header, ...body], s).map((l) => `  ${l}`));
    out.push('');
  }
  out.push(`  ${summaryLine(tally(sr.verdicts))}`, '');
  return out.join('\n');
}

export function renderText(report: Report, s: Style = PLAIN): string {
  const parts = report.scenarios.map((sr) => renderScenarioText(sr, s));
  if (report.scenarios.length > 1) {
    const all = report.scenarios.flatMap((x) => x.verdicts);
    parts.push(s.bold(`All ${report.scenarios.length} scenarios: ${summaryLine(tally(all))}`), '');
  }
  return parts.join('\n');
}
