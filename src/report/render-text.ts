/**
 * The text report a teacher puts on a projector: per event, what happened and
 * where, then one line per obligor and clause with status, actual response,
 * assessment and the one-line reason; a closing summary. Pure (Report -> string).
 */
import type { Report, ScenarioReport, Verdict, EventSummary } from '../core/simulate.js';
import { tally, type Tally } from '../core/tally.js';
import { isRequestReason } from '../core/simulate.js';
import { pad, PLAIN, type Style } from './style.js';
import { CONTESTED_MARK, kindWords, reasonSentence, withNames } from './vocabulary.js';
import { compareText } from '../core/compare-text.js';
import { safeData } from '../core/safe-text.js';

export function eventLine(e: EventSummary): string {
  const kind = kindWords(e.kind);
  const by = e.attackerName ? ` by ${e.attackerName}` : '';
  const own = e.territory === e.target;
  if (!e.attacker && (e.kind === 'internal-unrest' || e.kind === 'status-change')) {
    return `${kind} in ${e.targetName}${own ? '' : `, in ${e.territoryName}`}`;
  }
  // A threat is to the state that asks, over what happened wherever it happened (Crimea, Ukraine).
  if (e.kind === 'threat') return `threat${e.attackerName ? ` from ${e.attackerName}` : ''} to ${e.targetName}${own ? '' : `, over events in ${e.territoryName}`}`;
  if (e.targetKind !== 'territory') return `${kind}${by} against ${e.targetName}'s ${e.targetKind}${own ? ' on its own territory' : ` in ${e.territoryName}`}`;
  return `${kind}${by} against ${e.targetName}, ${own ? 'on its own territory' : `in ${e.territoryName}`}`;
}

/** The one-line reason for a row, as a sentence: the decisive test, with what was found where it says more. */
export function reasonLine(v: Verdict, known: Readonly<Record<string, string>> = {}): string {
  const context = { obligorName: v.obligorName, beneficiaryName: v.beneficiaryName, treatyName: v.treatyName, date: v.date };
  const names = { ...known, [v.obligor]: v.obligorName, [v.beneficiary]: v.beneficiaryName };
  if (v.status === 'obliged') {
    const asked = v.reasons.some(isRequestReason);
    return asked ? `${v.beneficiaryName} asked for help, and every condition of the clause held.` : 'Every condition of the clause held.';
  }
  const failing = v.reasons.filter((r) => !r.holds);
  if (v.status === 'obliged-if-requested') return `Every condition held but one: ${v.beneficiaryName} did not ask for help under this clause.`;
  const decisive = failing.find((r) => r.code === v.decisive) ?? failing[0];
  if (!decisive) return 'Not obliged.';
  // A raw `fact = value` says nothing the sentence does not.
  const found = /^\w+ = /.test(decisive.found) ? '' : ` (${withNames(decisive.found, names)})`;
  const more = failing.length > 1 ? ` ${failing.length - 1} more test${failing.length > 2 ? 's' : ''} failed.` : '';
  return `${reasonSentence(decisive, context).replace(/\.$/, '')}${found}.${more}`;
}

/** A contested row says so beside its status, with a mark and a word: "obliged ⚖ contested". */
export function contestedMark(v: Verdict): string {
  return v.contested.length ? ` ${CONTESTED_MARK} contested` : '';
}

/** Which readings would change the row: "not-obliged under state-attacker-only". */
export function contestedLine(v: Verdict): string {
  return v.contested.map((c) => `${c.status} under the reading ${c.reading}`).join('; ');
}

function statusCell(v: Verdict, s: Style): string {
  const mark = contestedMark(v);
  if (v.status === 'obliged') return s.bold(v.status) + mark;
  if (v.status === 'obliged-if-requested') return s.yellow(v.status) + mark;
  return v.status + mark;
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
    `${t.obliged} obligation${t.obliged === 1 ? '' : 's'} arose (${t.obliged - t.obligedContested} settled, ${t.obligedContested} contested): ` +
    `${t.honored} honored, ${t.unmet} unmet` +
    (t.obliged - t.honored - t.unmet ? `, ${t.obliged - t.honored - t.unmet} unrecorded` : '') +
    `; ${t.obligedIfRequested} would have arisen on request; ` +
    `${t.beyondDuty} beyond duty; ${t.rows} row${t.rows === 1 ? "" : "s"} in all, ${t.contested} contested`
  );
}

/** Each event's rows, found in one pass over the verdicts (not one pass per event). */
export function rowsByEvent(verdicts: readonly Verdict[]): Map<string, Verdict[]> {
  const rows = new Map<string, Verdict[]>();
  for (const v of verdicts) {
    const list = rows.get(v.event);
    if (list) list.push(v);
    else rows.set(v.event, [v]);
  }
  return rows;
}

/** A scenario's title lines; its events and summary follow. */
export function scenarioHeadText(sr: { id: string; title: string }, s: Style = PLAIN): string {
  return `${s.bold(sr.title)}\n${s.dim(`scenario ${sr.id}`)}\n\n`;
}

/** One event: what happened, then its rows as a table. */
export function eventText(e: EventSummary, rows: readonly Verdict[], s: Style = PLAIN): string {
  const out: string[] = [`${s.bold(e.date)}  ${s.bold(e.title)}  ${s.dim(`[${e.id}]`)}`, `  ${eventLine(e)}`, ''];
  if (!rows.length) {
    out.push(s.dim('  no clause applies: the target is party to none of the shipped treaties'), '');
  } else {
    const header = ['obligor', 'clause', 'status', 'actual', 'assessment', 'reason'];
    const body = [...rows]
      .sort((a, b) => compareText(a.clause, b.clause) || compareText(a.obligor, b.obligor))
      .map((v) => [v.obligor, v.clause, statusCell(v, s), v.actual ?? '-', assessmentCell(v, s), reasonLine(v)]);
    out.push(...table([header, ...body], s).map((l) => `  ${l}`));
    const contested = rows.filter((v) => v.contested.length);
    if (contested.length) {
      out.push('', `  ${CONTESTED_MARK} contested: the row's status depends on how the clause is read (casus explain names who holds each reading)`);
      for (const v of contested) out.push(`    ${v.obligor} ${v.clause}: ${v.status} as judged; ${contestedLine(v)}`);
    }
    out.push('');
  }
  return out.map((l) => `${l}\n`).join('');
}

/** A scenario's closing summary line, from the counts of its rows. */
export function scenarioFootText(t: Tally): string {
  return `  ${summaryLine(t)}\n`;
}

export function renderScenarioText(sr: ScenarioReport, s: Style = PLAIN): string {
  const rows = rowsByEvent(sr.verdicts);
  return scenarioHeadText(sr, s) + sr.events.map((e) => eventText(e, rows.get(e.id) ?? [], s)).join('') + scenarioFootText(tally(sr.verdicts));
}

export function renderText(report: Report, s: Style = PLAIN): string {
  report = safeData(report); // text from files is shown, never obeyed (a title holding ESC [2J)
  const parts = report.scenarios.map((sr) => renderScenarioText(sr, s));
  if (report.scenarios.length > 1) {
    const all = report.scenarios.flatMap((x) => x.verdicts);
    parts.push(s.bold(`All ${report.scenarios.length} scenarios: ${summaryLine(tally(all))}`), '');
  }
  return parts.join('\n');
}
