/** The `casus explain` view of one verdict, clause text quoted. Pure. */
import type { Explanation } from '../core/explain.js';
import type { Reason } from '../core/evaluate-clause.js';
import { PLAIN, type Style } from './style.js';
import { eventLine } from './render-text.js';

const BASIS: Record<string, string> = {
  'state-territory': 'a state code: that state\'s undisputed territory',
  'own-recognition': 'its own recognition',
  'default-sovereign': 'no recognition of its own, so the territory\'s default sovereign',
  'no-sovereign': 'no sovereign is recognized here',
};

function indent(text: string, by = '    '): string {
  return text.trim().split('\n').map((l) => by + l.trim()).join('\n');
}

function partLines(parts: readonly Reason[], indentBy: string, s: Style): string[] {
  return parts.flatMap((p) => [
    `${indentBy}${p.holds ? s.green('✓') : s.red('✗')} "${p.because}"${p.parts ? '' : s.dim(`  [${p.condition}]`)}`,
    ...(p.parts ? partLines(p.parts, indentBy + '  ', s) : []),
  ]);
}

export function renderExplain(x: Explanation, s: Style = PLAIN): string {
  const v = x.verdict;
  const ver = x.version;
  const lines: string[] = [];
  lines.push(s.bold(`${v.obligor} under ${x.treatyName}, Article ${v.article} (${v.clauseTitle}): ${v.status}`));
  lines.push(`${x.scenario.title} — ${x.event.date} ${x.event.title}`);
  lines.push(`  ${eventLine(x.event)}`, '');
  if (ver) {
    lines.push(s.bold(`The clause, as in force from ${ver.from}${ver.until ? ` until ${ver.until}` : ''}${ver.paraphrase ? ' (a paraphrase from reports: no verbatim text was found)' : ''}:`));
    lines.push(indent(`"${ver.text.trim()}"`));
    if (ver.translation) lines.push(s.dim('  Translation:'), indent(ver.translation));
    lines.push(s.dim(`  Source: ${ver.source.title}${ver.source.url ? ` <${ver.source.url}>` : ''}`));
    if (ver.dateNote) lines.push(s.dim(`  On the date: ${ver.dateNote.trim()}`));
  } else {
    // No wording is in force on the date: none is quoted.
    lines.push(s.bold(`The clause is not in force on ${x.event.date}: its versions are in force ${x.versionSpans}.`));
  }
  lines.push('', s.bold('The tests:'));
  for (const r of v.reasons) {
    const mark = r.holds ? s.green('✓ holds') : s.red('✗ fails');
    lines.push(`  ${mark}  ${r.code}`);
    if (r.parts) {
      // A group (an area clause): show its limbs as a tree instead of one long test.
      lines.push(`      treaty:   "${r.because}"`);
      lines.push(`      found:    ${r.found}`);
      lines.push('      limbs:');
      lines.push(...partLines(r.parts, '        ', s));
      continue;
    }
    lines.push(`      test:     ${r.condition}`);
    lines.push(`      treaty:   "${r.because}"`);
    lines.push(`      found:    ${r.found}`);
  }
  const t = x.territoryView;
  lines.push('', s.bold('Whose territory, in ' + t.viewer + "'s view:"));
  lines.push(`  ${t.territoryName}: ${t.sovereign ?? 'no sovereign'} (${BASIS[t.basis]})${t.note ? ` — ${t.note}` : ''}`);
  lines.push('', s.bold('Duty and response:'));
  lines.push(ver ? `  duty: ${v.duty}; satisfied by ${ver.satisfiedBy.join(', ')}` : `  duty: none on ${x.event.date}`);
  lines.push(`  actual: ${v.actual ?? 'nothing recorded'}${v.recordedBy && v.recordedBy !== v.obligor ? ` (the ${v.recordedBy} organization's response)` : ''}`);
  for (const n of x.actualNotes) lines.push(s.dim(`    ${n}`));
  if (ver?.discretion) lines.push(`  discretion: ${ver.discretion.trim()}`);
  if (v.reading) lines.push(`  reading: ${v.reading} (a contested reading, selected with --interpretation)`);
  lines.push(`  assessment: ${v.assessment}`);
  if (ver?.note) lines.push('', s.dim(indent(ver.note, '  ')));
  return lines.join('\n') + '\n';
}
