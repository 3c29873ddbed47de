/** The `casus explain` view of one verdict, clause text quoted: the explanation view-model as text. Pure. */
import type { Explanation } from '../core/explain.js';
import { explainView, type TestView } from './explain-view.js';
import { PLAIN, type Style } from './style.js';
import { CONTESTED_MARK, possessive, type Names } from './vocabulary.js';
import { safeData } from '../core/safe-text.js';

function indent(text: string, by = '    '): string {
  return text.trim().split('\n').map((l) => by + l.trim()).join('\n');
}

function limbLines(limbs: readonly TestView[], indentBy: string, s: Style): string[] {
  return limbs.flatMap((p) => [
    `${indentBy}${p.holds ? s.green('✓') : s.red('✗')} "${p.because}"${p.limbs ? '' : s.dim(`  [${p.condition}]`)}`,
    ...(p.limbs ? limbLines(p.limbs, indentBy + '  ', s) : []),
  ]);
}

export function renderExplain(x: Explanation, s: Style = PLAIN, names: Names = {}): string {
  x = safeData(x); // text from files is shown, never obeyed (a title holding ESC [2J)
  const v = explainView(x, names);
  const w = v.wording;
  const d = v.duty;
  const t = v.territory;
  const lines: string[] = [];
  lines.push(s.bold(`${v.obligorName} (${v.obligor}) under ${v.clauseName}: ${v.statusWords}${x.contested.length ? ` ${CONTESTED_MARK} contested` : ''}`));
  lines.push(s.dim(`  ${v.treatyName}, Article ${v.article} (${v.clauseTitle}) [${v.clause}]; ${v.statusWords}: ${v.statusMeaning}`));
  lines.push(v.caseLine);
  lines.push(`  ${v.eventLine}`, `  In short: ${v.reasonLine}`, '');
  if (w) {
    lines.push(s.bold(`The clause, as in force from ${w.from}${w.until ? ` until ${w.until}` : ''}${w.paraphraseNote ? ` (${w.paraphraseNote})` : ''}:`));
    lines.push(indent(`"${w.text}"`));
    if (w.translation) lines.push(s.dim('  Translation:'), indent(w.translation));
    lines.push(s.dim(`  Source: ${w.source.title}${w.source.url ? ` <${w.source.url}>` : ''}`));
    if (w.dateNote) lines.push(s.dim(`  On the date: ${w.dateNote}`));
  } else {
    // No wording is in force on the date: none is quoted.
    lines.push(s.bold(v.notInForce ?? ''));
  }
  lines.push('', s.bold('The tests:'));
  for (const r of v.tests) {
    lines.push(`  ${r.holds ? s.green('✓ holds') : s.red('✗ fails')}  ${r.sentence}`);
    lines.push(s.dim(`      code:     ${r.code}`));
    lines.push(`      treaty:   "${r.because}"`);
    lines.push(`      found:    ${r.found}`);
    if (r.limbs) {
      // A group (an area clause): its limbs as a tree instead of one long test.
      lines.push('      limbs:');
      lines.push(...limbLines(r.limbs, '        ', s));
    } else {
      lines.push(s.dim(`      test:     ${r.condition}`));
    }
  }
  lines.push('', s.bold(`Whose territory, in ${possessive(t.viewerName)} view:`));
  lines.push(`  ${t.place}: ${t.sovereign === null ? 'no state' : t.sovereignName}'s (${t.basisWords})${t.note ? ` — ${t.note}` : ''}`);
  lines.push('', s.bold('Duty and response:'));
  lines.push(w ? `  duty: ${d.dutyWords}; met by ${d.satisfiedByWords.join(', ')}` : `  duty: none on ${v.date}`);
  lines.push(`  actual: ${d.actualWords}${d.recordedBy ? ` (the ${d.recordedBy} organization's response)` : ''}`);
  for (const n of d.notes) lines.push(s.dim(`    ${n}`));
  if (d.discretion) lines.push(`  discretion: ${d.discretion}`);
  if (d.reading) lines.push(`  reading: ${d.reading} (a contested reading, selected with --interpretation)`);
  lines.push(`  assessment: ${d.assessmentWords} (${d.assessmentMeaning})`);
  if (x.adopted) {
    lines.push('', s.bold('Read as the parties adopted it:'));
    lines.push(`  ${x.adopted.id}, adopted ${x.adopted.from}: ${x.adopted.label.trim()}`);
    lines.push(s.dim(`    held by ${x.adopted.heldBy.join('; ')}`));
  }
  lines.push('', s.bold(x.contested.length ? `${CONTESTED_MARK} Contested: the readings that would change this verdict` : 'Settled: every named reading of the clause gives the same status'));
  for (const c of x.contested) {
    const when = c.kind === 'default' ? "the clause's default reading" : `${c.kind}${c.from ? ` ${c.from}` : ''}`;
    lines.push(`  ${c.reading} (${when}): ${c.status}`);
    lines.push(`    ${c.label}`);
    lines.push(`    held by ${c.heldBy}`);
    for (const src of c.sources) lines.push(s.dim(`    source: ${src.title}${src.url ? ` <${src.url}>` : ''}`));
  }
  if (w?.note) lines.push('', s.dim(indent(w.note, '  ')));
  return lines.join('\n') + '\n';
}
