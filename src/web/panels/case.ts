/**
 * The case's frame: the bar (home, the case picker by date, predict, print),
 * the case's title, its event in one line, "the case in brief" (also printed
 * when closed), the timeline of its events, and the glossary.
 */
import { eventsInOrder } from '../what-if-toggles.js';
import { eventLine } from '../../report/render-text.js';
import { compareText } from '../../core/compare-text.js';
import { glossary } from '../../report/vocabulary.js';
import type { Scenario } from '../../schema/scenario.js';
import { h } from '../dom.js';
import { LANGUAGES } from '../i18n/languages.js';
import type { Words } from '../i18n/words.js';
import type { PanelContext } from '../judged.js';
import { choicesOf } from '../state.js';
import { activeChoices, describeFlip } from '../what-if-toggles.js';
import { flipNames } from './what-if.js';

/** The cases by the date of their first event. */
export function casesByDate(scenarios: readonly Scenario[]): Scenario[] {
  return [...scenarios].sort((a, b) => compareText(eventsInOrder(a)[0]!.date, eventsInOrder(b)[0]!.date) || compareText(a.id, b.id));
}

/** The language switch: each language by its own name. */
export function languageSwitch(words: Words, set: (code: string) => void): HTMLElement {
  return h('label', { class: 'picker small language' }, h('span', { class: 'visually-hidden' }, words.bar.language),
    h('select', { 'data-key': 'language', onchange: (e: Event) => set((e.target as HTMLSelectElement).value) },
      ...LANGUAGES.map((w) => h('option', { value: w.code, lang: w.code, selected: w.code === words.code }, w.name))));
}

export function headerBar(ctx: PanelContext): HTMLElement {
  const scenarios = casesByDate(ctx.data.scenarios.map((s) => s.scenario));
  const picker = h('select', {
    id: 'case-picker', 'data-key': 'case-picker',
    onchange: (e: Event) => {
      const s = scenarios.find((x) => x.id === (e.target as HTMLSelectElement).value)!;
      ctx.dispatch({ type: 'open-case', scenario: s.id, event: eventsInOrder(s)[0]!.id }, 'case-picker');
    },
  }, ...scenarios.map((s) => h('option', { value: s.id, selected: s.id === ctx.state.scenario }, `${eventsInOrder(s)[0]!.date.slice(0, 4)} · ${s.title}`)));
  return h('header', { class: 'bar' },
    h('a', { class: 'brand', href: '#', title: ctx.words.bar.home }, 'casus'),
    h('label', { class: 'picker' }, h('span', { class: 'visually-hidden' }, ctx.words.bar.caseLabel), picker),
    h('div', { class: 'modes' },
      h('button', {
        type: 'button', id: 'predict-toggle', 'data-key': 'predict-toggle', 'aria-pressed': String(ctx.state.predicting),
        onclick: () => ctx.dispatch({ type: 'toggle-predicting' }, 'predict-toggle'),
      }, ctx.words.bar.predict),
      h('button', { type: 'button', onclick: () => window.print() }, ctx.words.bar.print),
      languageSwitch(ctx.words, ctx.setLanguage)));
}

export function eventLineOf(ctx: PanelContext): HTMLElement | null {
  const summary = ctx.judged.current.events.find((e) => e.id === ctx.state.event);
  return summary ? h('p', { class: 'event-line' }, h('strong', {}, summary.date), ' — ', `${eventLine(summary)}.`) : null;
}

export function caseIntro(ctx: PanelContext): HTMLElement {
  const s = ctx.judged.scenario;
  const sources = s.sources?.length
    ? h('ul', { class: 'sources' }, ...s.sources.map((src) => h('li', {}, src.url && /^https?:/i.test(src.url) ? h('a', { href: src.url, rel: 'noreferrer' }, src.title) : src.title)))
    : null;
  return h('section', { class: 'case', 'aria-labelledby': 'case-title' },
    h('h1', { id: 'case-title' }, s.title),
    h('div', { id: 'event-line-slot' }, eventLineOf(ctx)),
    s.summary ? h('details', { class: 'summary' }, h('summary', {}, 'The case in brief'), h('p', {}, s.summary), sources) : null,
    // Print shows the case in brief whether or not it was opened on screen.
    s.summary ? h('div', { class: 'print-only case-in-brief' }, h('h2', {}, 'The case in brief'), h('p', {}, s.summary)) : null);
}

export function timeline(ctx: PanelContext): HTMLElement {
  const events = eventsInOrder(ctx.judged.scenario);
  const titles = new Map(ctx.judged.base.events.map((e) => [e.id, e.title]));
  return h('nav', { class: 'timeline', 'aria-label': 'Events of this case' },
    h('ol', {},
      ...events.map((ev) => {
        const current = ev.id === ctx.state.event;
        const title = titles.get(ev.id) ?? ev.id;
        return h('li', { class: current ? 'current' : '' },
          h('button', {
            type: 'button', 'aria-current': current ? 'step' : undefined, tabindex: current ? 0 : -1, 'data-key': `event:${ev.id}`,
            onclick: () => { if (!current) ctx.dispatch({ type: 'pick-event', event: ev.id }, `event:${ev.id}`); },
            title,
          }, h('span', { class: 'date' }, ev.date), h('span', { class: 'title' }, title)));
      })));
}

/** For print: the what-if and readings the printed verdicts were judged under. */
export function printChanges(ctx: PanelContext): HTMLElement | null {
  const j = ctx.judged;
  const chosen = choicesOf(ctx.state);
  const active = activeChoices(j.toggles, chosen);
  const names = flipNames(ctx);
  const parts = [
    active.length ? `What-if: ${active.map((t) => describeFlip(t, chosen[t.key]!, names)).join('; ')}.` : '',
    j.inEffect.length ? `Judged under the reading${j.inEffect.length > 1 ? 's' : ''} ${j.inEffect.map((r) => r.id).join(', ')}.` : '',
  ].filter(Boolean);
  return parts.length ? h('p', { class: 'print-only' }, parts.join(' ')) : null;
}

export function glossaryPanel(): HTMLElement {
  return h('details', { class: 'glossary', id: 'glossary' }, h('summary', {}, 'Words used here'),
    h('dl', {}, ...glossary().flatMap((g) => [h('dt', {}, g.term), h('dd', {}, g.meaning)])));
}
