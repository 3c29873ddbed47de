/**
 * The Markdown report: per scenario and event, a table of the same verdicts as
 * the JSON report (obligor, clause, status, actual, assessment) with the
 * one-line reason, and the scenario's sources as links. Pure (Report -> string).
 */
import type { Report, Verdict } from '../core/simulate.js';
import { tally } from '../core/tally.js';
import { contestedLine, contestedMark, eventLine, reasonLine, summaryLine } from './render-text.js';
import { isWebLink, type NotesById } from './scenario-notes.js';
import { ASSESSMENT_MARKS, CONTESTED_MARK, STATUS_MARKS } from './vocabulary.js';
import { compareText } from '../core/compare-text.js';
import { safeData } from '../core/safe-text.js';

/**
 * Text from a file, as one line of Markdown that carries no markup of its own: a pipe
 * would end a table cell, brackets would make a link, and `<` would open raw HTML
 * (a title holding <script> or <img onerror>), so each is escaped.
 */
function cell(text: string): string {
  return text
    .replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([[\]])/g, '\\$1')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/\s*\n\s*/g, ' ');
}

/** Link text must not close the bracket early (cell escapes brackets). */
const linkText = cell;

export function byClauseThenObligor(a: Verdict, b: Verdict): number {
  return compareText(a.clause, b.clause) || compareText(a.obligor, b.obligor);
}

export function renderMarkdown(report: Report, notes: NotesById = {}): string {
  report = safeData(report); // text from files is shown, never obeyed (a title holding ESC [2J)
  notes = safeData(notes);
  const out: string[] = [];
  for (const sr of report.scenarios) {
    out.push(`# ${cell(sr.title)}`, '', `Scenario \`${sr.id}\`.`, '');
    const n = notes[sr.id];
    if (n?.summary) out.push(cell(n.summary), '');
    for (const e of sr.events) {
      out.push(`## ${e.date} — ${cell(e.title)} (\`${e.id}\`)`, '', `${cell(eventLine(e))}.`, '');
      const rows = sr.verdicts.filter((v) => v.event === e.id).sort(byClauseThenObligor);
      if (!rows.length) {
        out.push('No clause applies: the target is party to none of the shipped treaties.', '');
        continue;
      }
      out.push('| obligor | clause | status | actual | assessment | reason |', '| --- | --- | --- | --- | --- | --- |');
      for (const v of rows) {
        out.push(
          `| ${v.obligor} | ${v.clause} | ${STATUS_MARKS[v.status]} ${v.status}${contestedMark(v)} | ${v.actual ?? '-'} | ${ASSESSMENT_MARKS[v.assessment]} ${v.assessment} | ${cell(reasonLine(v))}${v.contested.length ? ` (${CONTESTED_MARK} ${cell(contestedLine(v))})` : ''} |`,
        );
      }
      out.push('');
    }
    out.push(`**Summary:** ${summaryLine(tally(sr.verdicts))}.`, '');
    const sources = n?.sources ?? [];
    if (sources.length) {
      out.push('### Sources', '');
      for (const s of sources) out.push(isWebLink(s.url) ? `- [${linkText(s.title)}](<${s.url.replace(/[<>\s]/g, encodeURIComponent)}>)` : `- ${cell(s.title)}`);
      out.push('');
    }
  }
  if (report.scenarios.length > 1) {
    out.push(`**All ${report.scenarios.length} scenarios:** ${summaryLine(tally(report.scenarios.flatMap((s) => s.verdicts)))}.`, '');
  }
  out.push(`Marks: ● obliged · ◐ obliged if requested · ○ not obliged; ✓ honored · ✗ unmet · ▲ beyond duty · – consistent · ? unrecorded; ⚖ contested: another reading of the clause gives another status.`, '');
  return out.join('\n');
}
