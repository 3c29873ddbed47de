/**
 * The what-if panel: the facts a class may flip (a request, the kind of event,
 * each party's recognition of a disputed place, each party's standing), the
 * contested readings, undo, and "copy as what-if file". Labels in words:
 * state and clause names, codes only where a file needs them.
 */
import { renderWhatIfYaml } from '../../report/render-what-if-file.js';
import { STANDING_WORDS, clauseName, kindWords, possessive, treatyShort, type Names } from '../../report/vocabulary.js';
import { h, type Child } from '../dom.js';
import type { PanelContext } from '../judged.js';
import { readingComment, switchReading, type ReadingOption } from '../readings.js';
import { choicesOf, readingsOf } from '../state.js';
import { activeChoices, changesOfChoices, situationAt, whatIfTitle, NO_SOVEREIGN, type Toggle } from '../what-if-toggles.js';

/** Codes to words for the toggles and the what-if title: states, clauses and treaties. */
export function flipNames(ctx: PanelContext): Names {
  const out: Record<string, string> = { ...ctx.judged.names };
  for (const t of ctx.model.treaties) {
    out[t.id] = treatyShort(t.id, t.name);
    for (const c of t.clauses) out[`${t.id}/${c.id}`] = clauseName({ treaty: t.id, treatyName: t.name, article: c.article, clauseTitle: c.title });
  }
  return out;
}

/**
 * A <details> whose open state survives redraws once the teacher has opened or closed it.
 * Its contents are built only when it is open (a case with 32 allies has hundreds of standing controls).
 */
export function details(ctx: PanelContext, key: string, open: boolean, title: string, contents: () => Child[]): HTMLElement {
  const shown = ctx.memory.get(key) ?? open;
  const summary = h('summary', {}, title);
  const el = h('details', { 'data-key': key, open: shown }, summary, ...(shown ? contents() : []));
  let built = shown;
  el.addEventListener('toggle', () => {
    if (el.open && !built) {
      built = true;
      summary.after(...contents().filter((c): c is Node => c instanceof Node));
    }
    ctx.memory.set(key, el.open);
  });
  return el;
}

function toggleLabel(t: Toggle, n: Names): string {
  const name = (c: string) => n[c] ?? c;
  switch (t.kind) {
    case 'request': return `${name(t.by)} asked for help under ${name(t.clause)}`;
    case 'event-kind': return 'Kind of event';
    case 'recognition': return `in ${possessive(name(t.viewer))} view`;
    case 'membership': return `${name(t.state)} in the ${name(t.treaty)}`;
  }
}

function optionWords(t: Toggle, o: string, n: Names): string {
  if (t.kind === 'recognition') return o === NO_SOVEREIGN ? 'no state' : `${n[o] ?? o}'s`;
  if (t.kind === 'membership') return STANDING_WORDS[o] ?? o;
  if (t.kind === 'event-kind') return kindWords(o);
  return o;
}

function readingsGroup(ctx: PanelContext): HTMLElement | null {
  const j = ctx.judged;
  if (!j.offered.length) return null;
  const selected = readingsOf(ctx.state);
  const sourceLink = (src: ReadingOption['sources'][number]) =>
    src.url && /^https?:/i.test(src.url) ? h('a', { href: src.url, rel: 'noreferrer' }, src.title) : src.title;
  const option = (r: ReadingOption): HTMLElement => {
    const on = r.applies && selected.includes(r.id);
    return h('div', { class: `reading${on ? ' changed' : ''}${r.applies ? '' : ' inapplicable'}` },
      h('label', { class: 'toggle check' },
        h('input', {
          type: 'checkbox', checked: on, disabled: !r.applies, 'data-key': `reading:${r.id}`, 'data-reading': r.id,
          onchange: (e: Event) => ctx.dispatch({ type: 'set-readings', ids: switchReading(j.offered, selected, r.id, (e.target as HTMLInputElement).checked) }, `reading:${r.id}`),
        }),
        h('span', {}, r.label, ' ', h('code', { class: 'code' }, r.id)), on ? h('span', { class: 'changed-badge' }, '⇄ on') : null),
      r.applies ? null : h('p', { class: 'note' }, `It reads the wording in force from ${r.versionsFrom}, not the one of this date.`),
      h('p', { class: 'held-by' }, h('span', { class: 'note' }, 'Held by: '), r.heldBy.join('; ')),
      h('p', { class: 'note reading-sources' }, r.sources.length > 1 ? 'Sources: ' : 'Source: ',
        ...r.sources.flatMap((src, i) => [i ? '; ' : '', sourceLink(src)])));
  };
  const count = j.offered.reduce((n, cl) => n + cl.readings.length, 0);
  const n = flipNames(ctx);
  return details(ctx, 'group:readings', j.inEffect.length > 0, `Contested readings (${count})`, () => [
    h('p', { class: 'note' }, 'How a clause\'s words are read, not a fact: switch a reading on to judge the clause that way. One reading of a clause at a time.'),
    ...j.offered.map((cl) => h('fieldset', { class: 'clause-readings' },
      h('legend', {}, n[cl.clause] ?? cl.clause),
      cl.defaultReading ? h('p', { class: 'note' }, 'Off, the casebook\'s reading: ', cl.defaultReading.label.trim()) : null,
      ...cl.readings.map(option))),
  ]);
}

export function copyWhatIf(ctx: PanelContext): string {
  const j = ctx.judged;
  const comment = readingComment(j.inEffect, j.file);
  return renderWhatIfYaml({
    id: `${j.scenario.id}-what-if`, title: whatIfTitle(j.toggles, choicesOf(ctx.state), flipNames(ctx)), base: j.file,
    changes: changesOfChoices(ctx.model, j.scenario, ctx.state.event, choicesOf(ctx.state), j.toggles),
    ...(comment ? { comment } : {}),
  });
}

export function whatIfPanel(ctx: PanelContext): HTMLElement {
  const j = ctx.judged;
  const chosen = choicesOf(ctx.state);
  const active = activeChoices(j.toggles, chosen);
  const n = flipNames(ctx);
  const set = (key: string, value: string) => ctx.dispatch({ type: 'choose', key, value }, `toggle:${key}`);
  const valueOf = (t: Toggle) => chosen[t.key] ?? String(t.value);
  const changed = (t: Toggle) => active.includes(t);
  const control = (t: Toggle): HTMLElement => {
    const was = t.kind === 'request' ? (t.value ? 'yes' : 'no') : optionWords(t, String(t.value), n);
    const badge = changed(t) ? h('span', { class: 'changed-badge' }, `⇄ was ${was}`) : null;
    if (t.kind === 'request') {
      return h('label', { class: `toggle check${changed(t) ? ' changed' : ''}` },
        h('input', { type: 'checkbox', checked: valueOf(t) === 'true', 'data-key': `toggle:${t.key}`, 'data-toggle': t.key,
          onchange: (e: Event) => set(t.key, String((e.target as HTMLInputElement).checked)) }),
        h('span', {}, toggleLabel(t, n)), badge);
    }
    return h('label', { class: `toggle choice${changed(t) ? ' changed' : ''}` },
      h('span', { class: 'toggle-label' }, toggleLabel(t, n)),
      h('select', { 'data-key': `toggle:${t.key}`, 'data-toggle': t.key, onchange: (e: Event) => set(t.key, (e.target as HTMLSelectElement).value) },
        ...t.options.map((o) => h('option', { value: o, selected: o === valueOf(t) }, optionWords(t, o, n)))),
      badge);
  };
  const group = (key: string, title: string, items: Toggle[], open: boolean): HTMLElement | null =>
    items.length ? details(ctx, `group:${key}`, open, title, () => items.map(control)) : null;
  const at = situationAt(ctx.model, j.scenario, ctx.state.event)!;
  const territory = at.world.territories.find((t) => t.id === at.event.territory);
  const recognitions = j.toggles.filter((t) => t.kind === 'recognition');
  const yaml = ctx.state.copied;
  const flips = active.length ? ` · ${whatIfTitle(j.toggles, chosen, n)}` : '';
  return h('aside', { class: 'what-if', 'aria-labelledby': 'what-if-heading' },
    h('h2', { id: 'what-if-heading' }, 'What if…?'),
    h('p', { class: 'note' }, 'Change a fact: every verdict is judged again at once. Changed facts and flipped cells are marked ⇄.'),
    group('Request', 'Request', j.toggles.filter((t) => t.kind === 'request'), true),
    group('Event', 'Event', j.toggles.filter((t) => t.kind === 'event-kind'), true),
    territory
      ? group('Whose', `Whose is ${territory.name}, in each party's view?`, recognitions, recognitions.length <= 8 || active.some((t) => t.kind === 'recognition'))
      : h('p', { class: 'note' }, `The place is ${n[at.event.territory] ?? at.event.territory}'s own territory: every state recognizes it as such, so there is no recognition to flip.`),
    group('Standing', `Standing on ${at.event.date}`, j.toggles.filter((t) => t.kind === 'membership'), active.some((t) => t.kind === 'membership')),
    readingsGroup(ctx),
    h('p', { class: 'timing', id: 'reeval-time', 'data-ms': j.evaluatedMs.toFixed(2), role: 'status' },
      j.changeError ? `Could not apply: ${j.changeError}` : `Judged in ${j.evaluatedMs.toFixed(1)} ms`, flips,
      j.inEffect.length ? ` · under the reading${j.inEffect.length > 1 ? 's' : ''} ${j.inEffect.map((r) => r.id).join(', ')}` : ''),
    h('div', { class: 'what-if-actions' },
      h('button', {
        type: 'button', id: 'undo-what-if', disabled: !active.length && !j.inEffect.length,
        // The button is disabled once nothing is changed: focus goes to the first toggle, not to the page's top.
        onclick: () => ctx.dispatch({ type: 'undo-all' }, j.toggles[0] ? `toggle:${j.toggles[0].key}` : undefined),
      }, 'Undo all changes'),
      h('button', {
        type: 'button', id: 'copy-what-if', disabled: !active.length, 'aria-describedby': j.inEffect.length ? 'reading-copy-note' : undefined,
        onclick: () => {
          const text = copyWhatIf(ctx);
          // The clipboard needs a secure context and permission; the text area below works everywhere.
          navigator.clipboard?.writeText(text).catch(() => undefined);
          ctx.dispatch({ type: 'copied', yaml: text }, 'copy-what-if');
        },
      }, 'Copy as what-if file')),
    j.inEffect.length ? h('p', { class: 'note reading-note', id: 'reading-copy-note' },
      `A reading is not a change of the facts, so a what-if file does not carry it: the copied file says in a comment that the page judged it under ${j.inEffect.map((r) => r.id).join(', ')}.`) : null,
    yaml ? h('div', { class: 'copied' },
      h('p', { role: 'status' }, 'Save this beside the case file, e.g. as ', h('code', {}, `${ctx.state.scenario}-what-if.yaml`), ', and run ', h('code', {}, 'casus what-if FILE'), ':'),
      h('textarea', { id: 'what-if-yaml', readonly: true, rows: Math.min(16, yaml.split('\n').length + 1), 'aria-label': 'What-if file' }, yaml)) : null);
}
