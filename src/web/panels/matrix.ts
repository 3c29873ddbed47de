/**
 * The obligation matrix: obligors (by name) down, clauses (by name) across,
 * each cell a button with the status and assessment in words and marks; in a
 * big case same-verdict rows folded into one line that opens on click. In
 * predict mode the cells take the class's guesses instead.
 */
import type { Verdict } from '../../core/index.js';
import type { VerdictStatus } from '../../schema/common.js';
import {
  ASSESSMENT_MARKS, ASSESSMENT_ORDER, STATUS_MARKS, STATUS_ORDER, CONTESTED_MARK, clauseName, treatyShort,
} from '../../report/vocabulary.js';
import { h } from '../dom.js';
import type { Words } from '../i18n/words.js';
import { rowKey, type PanelContext } from '../judged.js';
import { groupRows, matrixRows, type MatrixRow } from '../matrix-rows.js';
import { cellKey } from '../state.js';
import { activeChoices } from '../what-if-toggles.js';

const GUESS_CYCLE: readonly VerdictStatus[] = ['obliged', 'obliged-if-requested', 'not-obliged'];

const mark = (m: string) => h('span', { class: 'mark', 'aria-hidden': 'true' }, m);

export function legend(w: Words): HTMLElement {
  return h('div', { class: 'legend', role: 'group', 'aria-label': w.matrix.legend },
    h('ul', {}, ...STATUS_ORDER.map((st) => h('li', { title: w.statusMeaning[st] },
      h('span', { class: `swatch s-${st}`, 'aria-hidden': 'true' }, STATUS_MARKS[st]), w.status[st]))),
    h('ul', {}, ...ASSESSMENT_ORDER.map((a) => h('li', { title: w.assessmentMeaning[a] }, mark(ASSESSMENT_MARKS[a]), w.assessment[a]))));
}

/** What the flips are owed to: the fact changes, the readings, or both. */
function flippedBy(ctx: PanelContext): string {
  const j = ctx.judged;
  const facts = activeChoices(j.toggles, ctx.state.choices[`${ctx.state.scenario}/${ctx.state.event}`] ?? {}).length > 0;
  const readings = j.inEffect.length > 0;
  const reading = `the reading${j.inEffect.length > 1 ? 's' : ''} ${j.inEffect.map((r) => r.id).join(', ')}`;
  return facts && readings ? `the what-if and ${reading}` : readings ? reading : 'the what-if';
}

function verdictCell(ctx: PanelContext, v: Verdict, row: number, col: number): HTMLElement {
  const was = ctx.judged.baseRows.get(rowKey(v));
  const flipped = was !== undefined && was.status !== v.status;
  const key = cellKey(v);
  const guess = ctx.state.guesses[key];
  const open = ctx.state.explained !== undefined && cellKey(ctx.state.explained) === key;
  const w = ctx.words;
  // The accessible name is the visible text with who and which clause before it (no aria-label that hides the words).
  return h('button', {
    type: 'button', class: `cell s-${v.status} a-${v.assessment}${flipped ? ' flipped' : ''}${open ? ' open' : ''}`,
    'data-row': row, 'data-col': col, 'data-key': `cell:${key}`, 'data-status': v.status, 'data-assessment': v.assessment,
    tabindex: row === 0 && col === 0 ? 0 : -1, 'aria-expanded': String(open), 'aria-controls': open ? 'explanation' : undefined,
    title: `${w.status[v.status]}: ${w.statusMeaning[v.status]}. ${w.assessment[v.assessment]}: ${w.assessmentMeaning[v.assessment]}.`,
    onclick: () => ctx.dispatch({ type: 'explain', cell: { clause: v.clause, obligor: v.obligor } }, `cell:${key}`),
  },
    h('span', { class: 'visually-hidden' }, w.matrix.under(ctx.stateName(v.obligor), clauseName(v))),
    h('span', { class: 'status' }, mark(STATUS_MARKS[v.status]), ' ', w.status[v.status]), ' ',
    h('span', { class: 'assessment' }, mark(ASSESSMENT_MARKS[v.assessment]), ' ', w.assessment[v.assessment]),
    // A named reading of the clause would give another status: the row is not settled law.
    v.contested.length ? ' ' : null, v.contested.length ? h('span', { class: 'contested' }, mark(CONTESTED_MARK), ' ', w.contested) : null,
    flipped ? ' ' : null, flipped ? h('span', { class: 'flip' }, w.matrix.was(w.status[was.status])) : null,
    guess && ctx.state.revealed ? ' ' : null, guess && ctx.state.revealed ? h('span', { class: `verdict-of-guess ${guess === v.status ? 'right' : 'wrong'}` },
      guess === v.status ? w.matrix.predictedRight : w.matrix.predictedWrong(w.status[guess])) : null);
}

function guessCell(ctx: PanelContext, v: Verdict, row: number, col: number): HTMLElement {
  const key = cellKey(v);
  const guess = ctx.state.guesses[key];
  const setGuess = (g: VerdictStatus) => ctx.dispatch({ type: 'guess', cell: key, status: g }, `cell:${key}`);
  return h('button', {
    type: 'button', class: `cell guess${guess ? ` g-${guess}` : ''}`, 'data-row': row, 'data-col': col, 'data-key': `cell:${key}`,
    tabindex: row === 0 && col === 0 ? 0 : -1, title: 'Enter changes the prediction; 1, 2, 3 choose',
    onclick: () => setGuess(GUESS_CYCLE[(GUESS_CYCLE.indexOf(guess ?? 'not-obliged') + 1) % GUESS_CYCLE.length]!),
    onkeydown: (e: Event) => {
      const k = (e as KeyboardEvent).key;
      if (k === '1' || k === '2' || k === '3') { e.preventDefault(); setGuess(GUESS_CYCLE[Number(k) - 1]!); }
    },
  },
    h('span', { class: 'visually-hidden' }, `${v.obligorName} under ${clauseName(v)}, your prediction: `),
    guess ? h('span', { class: 'status' }, mark(STATUS_MARKS[guess]), ' ', ctx.words.status[guess]) : h('span', { class: 'status' }, ctx.words.matrix.notYet));
}

function predictBar(ctx: PanelContext, rows: readonly Verdict[]): HTMLElement {
  const made = rows.filter((v) => ctx.state.guesses[cellKey(v)]).length;
  return h('div', { class: 'predict-bar' },
    h('p', {}, `Click a cell (or press Enter, or 1 ${STATUS_MARKS.obliged} obliged, 2 ${STATUS_MARKS['obliged-if-requested']} if requested, 3 ${STATUS_MARKS['not-obliged']} not obliged) to predict. ${made} of ${rows.length} predicted.`),
    h('button', { type: 'button', id: 'reveal', class: 'primary', onclick: () => ctx.dispatch({ type: 'reveal' }, 'reveal-done') }, 'Reveal'));
}

/** The score counts only the cells the class predicted. */
function scoreBar(ctx: PanelContext, rows: readonly Verdict[]): HTMLElement {
  const predicted = rows.filter((v) => ctx.state.guesses[cellKey(v)]);
  const right = predicted.filter((v) => ctx.state.guesses[cellKey(v)] === v.status).length;
  return h('div', { class: 'predict-bar revealed' },
    h('p', { id: 'score', role: 'status' }, h('strong', {}, `Score: ${right} of ${predicted.length} predicted right`),
      predicted.length < rows.length ? ` (${rows.length - predicted.length} not predicted)` : '', ' — open a cell for its reasons.'),
    h('button', { type: 'button', id: 'reveal-done', onclick: () => ctx.dispatch({ type: 'predict-again' }, 'reveal') }, 'Predict again'));
}

export function matrixPanel(ctx: PanelContext): HTMLElement {
  const j = ctx.judged;
  const st = ctx.state;
  const rows = j.rows;
  const hidden = st.predicting && !st.revealed;
  const w = ctx.words;
  const heading = h('h2', { id: 'matrix-heading' }, hidden ? w.matrix.predictHeading : w.matrix.heading);
  if (!rows.length) {
    return h('section', { class: 'matrix-panel', 'aria-labelledby': 'matrix-heading' }, heading,
      h('p', { class: 'empty' }, 'No clause applies to this event: the attacked state is party to none of the treaties.'));
  }
  const { clauses, rows: all } = matrixRows(rows, Object.fromEntries(rows.map((v) => [v.obligor, ctx.stateName(v.obligor)])));
  const flippedRows = rows.filter((v) => j.baseRows.get(rowKey(v))?.status !== v.status);
  const lines = groupRows(all, clauses, new Set(flippedRows.map((v) => v.obligor)), st.opened);
  let rowIndex = 0;
  const rowOf = (r: MatrixRow, inGroup?: string) => {
    const ri = rowIndex++;
    return h('tr', { 'data-obligor': r.obligor, class: inGroup ? 'in-group' : '' },
      h('th', { scope: 'row' }, h('span', { class: 'state-name' }, r.name), ' ', h('span', { class: 'code' }, r.obligor)),
      ...clauses.map((cl, ci) => {
        const v = r.cells.get(cl);
        if (!v) return h('td', { class: 'none' }, h('span', { 'aria-hidden': 'true' }, '—'), h('span', { class: 'visually-hidden' }, 'no row'));
        return h('td', { 'data-key': `td:${cellKey(v)}` }, hidden ? guessCell(ctx, v, ri, ci) : verdictCell(ctx, v, ri, ci));
      }));
  };
  const body: HTMLElement[] = [];
  for (const line of lines) {
    if (line.kind === 'row') { body.push(rowOf(line.row)); continue; }
    // One line for the group: how many, who, and the verdict they share in each column.
    body.push(h('tr', { class: 'group-line', 'data-group': line.key },
      h('th', { scope: 'row' },
        h('button', {
          type: 'button', class: 'group-toggle', 'aria-expanded': String(line.open), 'data-key': `group:${line.key}`,
          title: line.rows.map((r) => r.name).join(', '),
          onclick: () => ctx.dispatch({ type: 'open-group', group: line.key, open: !line.open }, `group:${line.key}`),
        }, h('span', { 'aria-hidden': 'true' }, line.open ? '▾ ' : '▸ '), w.matrix.states(line.rows.length),
        h('span', { class: 'group-names' }, line.rows.map((r) => r.obligor).join(' ')))),
      ...clauses.map((cl) => {
        const v = line.sample.cells.get(cl);
        if (!v) return h('td', { class: 'none' }, '—');
        return h('td', {}, hidden ? h('span', { class: 'cell-summary' }, '?') : h('span', { class: `cell-summary s-${v.status}` },
          mark(STATUS_MARKS[v.status]), ' ', w.status[v.status], ' · ', mark(ASSESSMENT_MARKS[v.assessment]), ' ', w.assessment[v.assessment]));
      })));
    if (line.open) body.push(...line.rows.map((r) => rowOf(r, line.key)));
  }
  const table = h('table', { class: 'matrix', 'aria-labelledby': 'matrix-heading' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', class: 'corner' }, w.matrix.corner),
      ...clauses.map((cl) => {
        const v = rows.find((r) => r.clause === cl)!;
        const readAs = rows.find((r) => r.clause === cl && r.reading)?.reading;
        return h('th', { scope: 'col', title: `${v.treatyName}, Article ${v.article}: ${v.clauseTitle}` },
          h('span', { class: 'clause-name' }, `${treatyShort(v.treaty, v.treatyName)} Article ${v.article}`), ' ',
          h('span', { class: 'clause-title' }, v.clauseTitle), ' ', h('span', { class: 'code clause-ref' }, cl),
          readAs ? h('span', { class: 'clause-reading', 'data-reading': readAs }, `read as: ${readAs}`) : null);
      }))),
    h('tbody', {}, ...body));
  return h('section', { class: 'matrix-panel', 'aria-labelledby': 'matrix-heading' },
    heading,
    h('div', { class: 'matrix-scroll' }, table),
    hidden ? predictBar(ctx, rows) : st.predicting ? scoreBar(ctx, rows) : null,
    !hidden && flippedRows.length ? h('p', { class: 'flips', role: 'status' }, `⇄ ${flippedRows.length} verdict${flippedRows.length === 1 ? '' : 's'} flipped by ${flippedBy(ctx)}`) : null,
    legend(w));
}
