/** The alliance on the event's date, drawn for the chosen clause (the widest by default). */
import { statusOn } from '../../core/index.js';
import { STANDING_WORDS } from '../../report/vocabulary.js';
import { alliancePicture } from '../alliance-picture.js';
import { h } from '../dom.js';
import type { PanelContext } from '../judged.js';
import { situationAt } from '../what-if-toggles.js';
import { flipNames } from './what-if.js';

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
  const hidden = ctx.state.predicting && !ctx.state.revealed;
  const names = flipNames(ctx);
  const standing = statusOn(treaty, at.world, at.event.target, at.event.date);
  return h('section', { class: 'picture', 'aria-labelledby': 'picture-heading' },
    h('h2', { id: 'picture-heading' }, `The alliance on ${at.event.date}`),
    h('label', { class: 'picker small' }, 'Clause ',
      h('select', { 'data-key': 'picture-clause', onchange: (e: Event) => ctx.dispatch({ type: 'picture-clause', clause: (e.target as HTMLSelectElement).value }, 'picture-clause') },
        ...clauses.map((cl) => h('option', { value: cl, selected: cl === clause }, names[cl] ?? cl)))),
    hidden
      ? h('p', { class: 'note' }, 'Hidden until the reveal.')
      : alliancePicture({
        treaty, world: at.world, date: at.event.date, target: at.event.target, attacker: at.event.attacker, clause,
        clauseLabel: `${clause} (Art. ${first.article})`, verdicts: rows.filter((v) => v.clause === clause),
      }),
    h('p', { class: 'note' }, `${names[at.event.target] ?? at.event.target} is ${standing === 'member' ? 'a member' : STANDING_WORDS[standing] ?? standing} on this date.`));
}
