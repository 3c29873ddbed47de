/**
 * The HTML report: one self-contained, printable file. Styles are inline and a
 * Content-Security-Policy forbids every network load, so the file shows the same
 * offline as online; sources stay ordinary links. Each status and assessment is
 * a word and a mark as well as a colour. Pure (Report -> string).
 */
import type { Report, ScenarioReport } from '../core/simulate.js';
import { tally } from '../core/tally.js';
import { escapeHtml as h } from './html.js';
import { byClauseThenObligor } from './render-markdown.js';
import { contestedLine, eventLine, reasonLine, summaryLine } from './render-text.js';
import { isWebLink, type NotesById } from './scenario-notes.js';
import { safeData } from '../core/safe-text.js';
import {
  ASSESSMENT_MARKS, ASSESSMENT_MEANINGS, ASSESSMENT_ORDER, ASSESSMENT_WORDS, CONTESTED_MARK, CONTESTED_WORD, STATUS_MARKS, STATUS_ORDER, STATUS_WORDS,
} from './vocabulary.js';

/** Colours from the Okabe–Ito palette, which stays distinct under the common colour-vision deficiencies. */
const STYLE = `
:root { color-scheme: light; --ink: #111; --muted: #555; --line: #bbb;
  --obliged: #0072b2; --if-requested: #e69f00; --not-obliged: #e8e8e8;
  --honored: #009e73; --unmet: #d55e00; --beyond: #cc79a7; }
* { box-sizing: border-box; }
body { font: 18px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); margin: 0 auto; max-width: 72rem; padding: 1.5rem; }
h1 { font-size: 1.8rem; margin: 2rem 0 .25rem; } h2 { font-size: 1.3rem; margin: 1.5rem 0 .25rem; }
.muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; }
td.status { font-weight: 600; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
.s-obliged { background: var(--obliged); color: #fff; }
.s-obliged-if-requested { background: var(--if-requested); color: #000; }
.s-not-obliged { background: var(--not-obliged); color: #000; }
td.assessment { white-space: nowrap; }
.a-honored { color: #00664a; font-weight: 600; } .a-unmet { color: #a33f00; font-weight: 700; }
.a-beyond-duty { color: #8a3d6e; font-weight: 600; }
.mark { display: inline-block; min-width: 1.2em; }
.contested { font-style: italic; }
.legend { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; padding: 0; list-style: none; }
footer { margin-top: 2rem; border-top: 1px solid var(--line); }
@media print {
  body { font-size: 11pt; max-width: none; padding: 0; }
  section.scenario { break-before: page; } section.scenario:first-of-type { break-before: auto; }
  tr { break-inside: avoid; }
  a[href]::after { content: " <" attr(href) ">"; font-size: 8pt; color: var(--muted); word-break: break-all; }
  .s-obliged, .s-obliged-if-requested, .s-not-obliged { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}`;

function legend(): string {
  const statuses = STATUS_ORDER.map((s) => `<li><span class="mark">${STATUS_MARKS[s]}</span> ${STATUS_WORDS[s]}</li>`).join('');
  const assessments = ASSESSMENT_ORDER.map(
    (a) => `<li><span class="mark">${ASSESSMENT_MARKS[a]}</span> <b>${ASSESSMENT_WORDS[a]}</b>: ${h(ASSESSMENT_MEANINGS[a])}</li>`,
  ).join('');
  return `<p class="muted">How to read the tables:</p>\n<ul class="legend" aria-label="statuses">${statuses}<li><span class="mark">${CONTESTED_MARK}</span> ${CONTESTED_WORD}: another reading of the clause gives another status</li></ul>\n<ul class="legend" aria-label="assessments">${assessments}</ul>`;
}

function scenarioSection(sr: ScenarioReport, notes: NotesById): string {
  const out: string[] = [`<section class="scenario" id="${h(sr.id)}">`, `<h1>${h(sr.title)}</h1>`, `<p class="muted">scenario ${h(sr.id)}</p>`];
  const n = notes[sr.id];
  if (n?.summary) out.push(`<p>${h(n.summary)}</p>`);
  for (const e of sr.events) {
    out.push(`<h2>${h(e.date)} — ${h(e.title)}</h2>`, `<p>${h(eventLine(e))}.</p>`);
    const rows = sr.verdicts.filter((v) => v.event === e.id).sort(byClauseThenObligor);
    if (!rows.length) {
      out.push('<p class="muted">No clause applies: the target is party to none of the shipped treaties.</p>');
      continue;
    }
    out.push('<table>', '<thead><tr><th scope="col">obligor</th><th scope="col">clause</th><th scope="col">status</th><th scope="col">actual</th><th scope="col">assessment</th><th scope="col">reason</th></tr></thead>', '<tbody>');
    for (const v of rows) {
      out.push(
        `<tr><th scope="row">${h(v.obligor)}</th><td class="nowrap">${h(v.clause)}</td>` +
          `<td class="status s-${v.status}"><span class="mark" aria-hidden="true">${STATUS_MARKS[v.status]}</span> ${v.status}${v.contested.length ? ` <span class="contested"><span aria-hidden="true">${CONTESTED_MARK}</span> ${CONTESTED_WORD}</span>` : ''}</td>` +
          `<td class="nowrap">${h(v.actual ?? '-')}</td>` +
          `<td class="assessment a-${v.assessment}"><span class="mark" aria-hidden="true">${ASSESSMENT_MARKS[v.assessment]}</span> ${v.assessment}</td>` +
          `<td>${h(reasonLine(v))}${v.contested.length ? `<br><span class="contested">${CONTESTED_MARK} ${h(contestedLine(v))}</span>` : ''}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  out.push(`<p><b>Summary:</b> ${h(summaryLine(tally(sr.verdicts)))}.</p>`);
  const sources = n?.sources ?? [];
  if (sources.length) {
    out.push('<h2>Sources</h2>', '<ul class="sources">');
    for (const s of sources) out.push(`<li>${isWebLink(s.url) ? `<a href="${h(s.url)}">${h(s.title)}</a>` : h(s.title)}</li>`);
    out.push('</ul>');
  }
  out.push('</section>');
  return out.join('\n');
}

export function renderHtml(report: Report, notes: NotesById = {}): string {
  report = safeData(report); // text from files is shown, never obeyed (a title holding ESC [2J)
  notes = safeData(notes);
  const title = report.scenarios.length === 1 ? report.scenarios[0]!.title : `casus: ${report.scenarios.length} scenarios`;
  const all = report.scenarios.flatMap((s) => s.verdicts);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing may load from anywhere: the file is complete as it stands.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title>`,
    `<style>${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    legend(),
    ...report.scenarios.map((sr) => scenarioSection(sr, notes)),
    report.scenarios.length > 1 ? `<p><b>All ${report.scenarios.length} scenarios:</b> ${h(summaryLine(tally(all)))}.</p>` : '',
    '</main>',
    '<footer><p class="muted">Made by casus: treaty clauses and recognition as rules, judged per obligor on the event date.</p></footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
