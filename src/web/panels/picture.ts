/**
 * The event on the map of the world, drawn for the chosen clause (the widest by
 * default): each party by its status, the attacked place, the attacker; the states
 * today's map has no shape for are listed beside it. A small treaty (up to 8 judged
 * parties) also gets the alliance diagram, where its arrows read well.
 */
import { partiesOn, statusOn } from '../../core/index.js';
import { STATUS_MARKS } from '../../report/vocabulary.js';
import { alliancePicture } from '../alliance-picture.js';
import { h } from '../dom.js';
import type { PanelContext } from '../judged.js';
import { situationAt } from '../what-if-toggles.js';
import { BORDERS_OF, worldMap } from '../world-map.js';
import { flipNames } from './what-if.js';

/** Up to this many judged parties, the alliance diagram is drawn under the map. */
const DIAGRAM_UP_TO = 8;


/** The picture last drawn, by what it shows. */
let last: { key: string; panel: HTMLElement } | undefined;

export function picturePanel(ctx: PanelContext): HTMLElement | null {
  const j = ctx.judged;
  const rows = j.rows;
  if (!rows.length) return null;
  const clauses = [...new Set(rows.map((v) => v.clause))];
  // Default to the clause with the most obligors (the alliance, not a bilateral pact); among
  // those, the last: a treaty file lists its defence clause after its consultation clause.
  const rowsOf = (clause: string) => rows.filter((v) => v.clause === clause).length;
  const widest = clauses.reduce((best, c) => (rowsOf(c) >= rowsOf(best) ? c : best));
  const clause = ctx.state.pictureClause && clauses.includes(ctx.state.pictureClause) ? ctx.state.pictureClause : widest;
  const at = situationAt(ctx.model, j.varied, ctx.state.event)!;
  const treaty = at.treaties.find((t) => t.id === clause.split('/')[0])!;
  const first = rows.find((v) => v.clause === clause)!;
  const verdicts = rows.filter((v) => v.clause === clause);
  const hidden = ctx.state.predicting && !ctx.state.revealed;
  // The same picture as last drawn (a what-if that flipped nothing it shows): keep its elements, build nothing.
  const key = JSON.stringify([
    ctx.state.scenario, ctx.state.event, clause, ctx.words.code, hidden, at.event.date, at.event.territory, at.event.attacker ?? '',
    rows.map((v) => `${v.clause}|${v.obligor}|${v.status}`),
    partiesOn(treaty, at.world, at.event.date).map((c) => `${c}:${statusOn(treaty, at.world, c, at.event.date)}`),
    statusOn(treaty, at.world, at.event.target, at.event.date),
  ]);
  if (last?.key === key) return last.panel;
  const panel = drawPicture();
  last = { key, panel };
  return panel;

  function drawPicture(): HTMLElement {
    const standingWord = (s: string): string => ctx.words.standing[s] ?? s;
    const names = flipNames(ctx);
    const w = ctx.words;
    const m = w.map;
    // States in the page's language; places and clauses as the casebook names them.
    const name = (code: string) => (at.world.states.some((x) => x.id === code) ? ctx.stateName(code) : names[code] ?? code);
    const standing = statusOn(treaty, at.world, at.event.target, at.event.date);
    const clauseWords = names[clause] ?? clause;
    const date = at.event.date;
    const owing = verdicts.filter((v) => v.status === 'obliged').map((v) => name(v.obligor));
    const map = hidden ? undefined : worldMap({
      treaty, world: at.world, date, target: at.event.target, place: at.event.territory, attacker: at.event.attacker, verdicts, name,
      words: {
        title: m.title(name(at.event.target), clauseWords, date),
        desc: owing.length ? m.obliged(owing.join(', ')) : m.noneObliged,
        attacker: m.attacker,
        standing: standingWord,
        status: (s) => w.status[s],
      },
    });
    const historical = date < `${BORDERS_OF}-01-01`;
    return h('section', { class: 'picture', 'aria-labelledby': 'picture-heading' },
      h('h2', { id: 'picture-heading' }, m.heading(date)),
      h('label', { class: 'picker small' }, m.clause,
        h('select', { 'data-key': 'picture-clause', onchange: (e: Event) => ctx.dispatch({ type: 'picture-clause', clause: (e.target as HTMLSelectElement).value }, 'picture-clause') },
          ...clauses.map((cl) => h('option', { value: cl, selected: cl === clause }, names[cl] ?? cl)))),
      hidden ? h('p', { class: 'note' }, m.hidden) : null,
      map ? h('figure', { class: 'map-figure' },
        map.svg,
        h('figcaption', {},
          h('ul', { class: 'map-legend' },
            ...(['obliged', 'obliged-if-requested', 'not-obliged'] as const).map((st) =>
              h('li', {}, h('span', { class: `swatch s-${st}`, 'aria-hidden': 'true' }, STATUS_MARKS[st]), w.status[st])),
            h('li', {}, h('span', { class: 'swatch place', 'aria-hidden': 'true' }, '◎'), m.legendPlace),
            h('li', {}, h('span', { class: 'swatch hatched', 'aria-hidden': 'true' }, '\u00a0'), m.legendAttacker),
            h('li', {}, h('span', { class: 'swatch dashed', 'aria-hidden': 'true' }, '\u00a0'), m.legendStanding),
            h('li', {}, h('span', { class: 'swatch unjudged', 'aria-hidden': 'true' }, '\u00a0'), m.legendUnjudged)),
          h('p', { class: 'who' }, m.who(name(at.event.territory), at.event.attacker ? name(at.event.attacker) : undefined)),
          h('p', { class: 'note borders' }, historical ? m.bordersToday(BORDERS_OF, date) : m.borders(BORDERS_OF),
            map.placeMarked === 'none' ? m.noPlace(name(at.event.territory)) : ''),
          map.offMap.length ? h('p', { class: 'off-map' }, h('strong', {}, m.offMap),
            map.offMap.map((x) => `${x.name} (${[x.role === 'target' ? m.attacked : x.role === 'attacker' ? m.attacker : '', x.status ? `${STATUS_MARKS[x.status]} ${w.status[x.status]}` : '', x.standing === 'member' || x.standing === 'none' ? '' : standingWord(x.standing)].filter(Boolean).join(', ') || standingWord(x.standing)})`).join('; '), '.') : null))
        : null,
      !hidden && new Set(verdicts.map((v) => v.obligor)).size <= DIAGRAM_UP_TO
        ? alliancePicture({ treaty, world: at.world, date, target: at.event.target, attacker: at.event.attacker, clause, clauseLabel: `${clause} (Art. ${first.article})`, verdicts })
        : null,
      h('p', { class: 'note' }, m.standingOn(name(at.event.target), standing)));
  }
}
