/**
 * The open cell's reasons: the explanation view-model (the same one
 * `casus explain` prints) drawn as the page's panel. The verdict in one sentence
 * comes first, so it is on screen at once; the clause's words, each test and the
 * response follow.
 */
import { CONTESTED_MARK, STATUS_MARKS, ASSESSMENT_MARKS, possessive } from '../../report/vocabulary.js';
import type { TestView } from '../../report/explain-view.js';
import { h, type Child } from '../dom.js';
import type { PanelContext } from '../judged.js';
import { cellKey } from '../state.js';

const link = (src: { title: string; url?: string }): Child =>
  src.url && /^https?:/i.test(src.url) ? h('a', { href: src.url, rel: 'noreferrer' }, src.title) : src.title;

function test(t: TestView): HTMLElement {
  return h('li', { class: t.holds ? 'holds' : 'fails', 'data-code': t.code },
    h('span', { class: 'verdict' }, t.holds ? '✓ holds' : '✗ fails'), ' ', h('span', { class: 'sentence' }, t.sentence),
    h('q', { class: 'because' }, t.because),
    h('span', { class: 'found' }, 'Found: ', t.found, ' ', h('code', { class: 'code' }, t.code)),
    t.limbs ? h('ul', { class: 'limbs' }, ...t.limbs.map((l) => h('li', { class: l.holds ? 'holds' : 'fails' },
      h('span', { class: 'verdict' }, l.holds ? '✓' : '✗'), ' ', h('q', {}, l.because)))) : null);
}

/** Which reading the verdict was judged under: a contested one switched on, or the casebook's own. */
function readingLine(ctx: PanelContext, clause: string, reading: string | undefined): HTMLElement | null {
  const offered = ctx.judged.offered.find((c) => c.clause === clause);
  if (!offered) return null;
  const applied = offered.readings.find((r) => r.id === reading);
  if (applied) {
    return h('p', { class: 'reading-applied', id: 'reading-applied', 'data-reading': applied.id },
      h('strong', {}, 'Judged under the reading '), h('code', {}, applied.id), `: ${applied.label}`,
      h('span', { class: 'note' }, ` Held by: ${applied.heldBy.join('; ')}.`));
  }
  return h('p', { class: 'note', id: 'reading-applied', 'data-reading': '' },
    `Judged on the casebook's reading${offered.defaultReading ? ` (${offered.defaultReading.label.trim()})` : ''}; contested: `,
    ...offered.readings.flatMap((r, i) => [i ? ', ' : '', h('code', {}, r.id)]), '.');
}

export function explanationPanel(ctx: PanelContext): HTMLElement | null {
  const x = ctx.judged.explanation;
  if (!x || (ctx.state.predicting && !ctx.state.revealed)) return null;
  const w = x.wording;
  const d = x.duty;
  const t = x.territory;
  const key = cellKey({ clause: x.clause, obligor: x.obligor });
  return h('section', { class: 'explanation', id: 'explanation', 'aria-labelledby': 'explanation-heading', tabindex: -1 },
    h('div', { class: 'explanation-head' },
      h('h2', { id: 'explanation-heading' }, `${x.obligorName} under ${x.clauseName}: `,
        h('span', { class: `pill s-${x.status}`, title: x.statusMeaning }, STATUS_MARKS[x.status], ' ', x.statusWords)),
      h('button', { type: 'button', class: 'close', onclick: () => ctx.dispatch({ type: 'close-explanation' }, `cell:${key}`), 'aria-label': 'Close the reasons' }, '×')),
    h('p', { class: 'reason-line' }, x.reasonLine),
    h('div', { class: 'explanation-body' },
      readingLine(ctx, x.clause, d.reading),
      ...(w ? [
        h('h3', {}, `The clause, in force from ${w.from}${w.until ? ` until ${w.until}` : ''}`),
        w.paraphraseNote ? h('p', { class: 'warning paraphrase' }, `⚠ Not the treaty's own words: ${w.paraphraseNote}.`) : null,
        h('blockquote', { lang: w.language ?? 'en' }, w.text),
        w.translation ? h('blockquote', { class: 'translation' }, h('span', { class: 'note' }, 'Translation: '), w.translation) : null,
        h('p', { class: 'note' }, 'Source: ', link(w.source)),
        w.dateNote ? h('p', { class: 'note date-note' }, 'On the date: ', w.dateNote) : null,
      ] : [h('h3', {}, x.notInForce ?? '')]),
      h('h3', {}, 'Each condition'),
      h('ol', { class: 'tests' }, ...x.tests.map(test)),
      h('h3', {}, `Whose territory, in ${possessive(t.viewerName)} view`),
      h('p', { class: 'territory' }, `${t.place}: `, h('strong', {}, t.sovereign === null ? 'no state' : t.sovereignName), `'s — by ${t.basisWords}`, t.note ? ` (${t.note})` : ''),
      h('h3', {}, 'What it owed, and what it did'),
      h('p', {}, `Duty: ${d.dutyWords}${d.satisfiedByWords.length ? ` (met by ${d.satisfiedByWords.join(', ')})` : ''}. What it did: `, h('strong', {}, d.actualWords),
        d.recordedBy ? ` (the ${d.recordedBy} organization's response)` : '', '. ',
        h('span', { class: `assess a-${d.assessment}` }, ASSESSMENT_MARKS[d.assessment], ' ', d.assessmentWords), `: ${d.assessmentMeaning}.`),
      d.discretion ? h('p', { class: 'note' }, 'Means left to each party: ', d.discretion) : null,
      ...d.notes.map((n) => h('p', { class: 'note' }, n)),
      // Law is contested too: say which readings would change this verdict, and who holds them.
      ...(x.contested.length ? [
        h('h3', {}, `${CONTESTED_MARK} Contested: readings that would change this verdict`),
        h('ul', { class: 'contested-readings' }, ...x.contested.map((c) =>
          h('li', {}, h('strong', {}, c.statusWords), ` if read as: ${c.label} `, h('span', { class: 'note' }, `(held by ${c.heldBy})`)))),
      ] : [])));
}
