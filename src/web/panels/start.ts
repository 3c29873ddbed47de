/** The start screen: the lessons, then the cases by date, each with a one-line teaser. */
import { h } from '../dom.js';
import type { PageData } from '../../report/page-data.js';
import { eventsInOrder } from '../what-if-toggles.js';
import { casesByDate } from './case.js';
import type { Words } from '../i18n/words.js';

/** The first sentence of a summary, cut to a line. */
export function teaser(text: string | undefined): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = /^(.+?[.!?])(\s|$)/.exec(flat)?.[1] ?? flat;
  return first.length > 160 ? `${first.slice(0, 157).replace(/\s+\S*$/, '')}…` : first;
}

export function startScreen(data: PageData, words: Words): HTMLElement {
  const cases = casesByDate(data.scenarios.map((s) => s.scenario));
  const lessons = data.lessons ?? [];
  return h('main', { id: 'main', class: 'start' },
    h('h1', {}, words.start.title),
    h('p', { class: 'lead' }, words.start.lead),
    lessons.length ? h('section', { 'aria-labelledby': 'lessons-heading' },
      h('h2', { id: 'lessons-heading' }, words.start.lessons),
      h('ul', { class: 'cards' }, ...lessons.map((l) => h('li', {},
        h('a', { href: `#lesson/${encodeURIComponent(l.lesson.id)}/1`, class: 'card', 'data-lesson': l.lesson.id },
          h('strong', {}, l.lesson.translations?.[words.code]?.title ?? l.lesson.title),
          h('span', { class: 'teaser' }, `${words.start.steps(l.lesson.steps.length)} ${teaser(l.lesson.translations?.[words.code]?.summary ?? l.lesson.summary)}`)))))) : null,
    h('section', { 'aria-labelledby': 'cases-heading' },
      h('h2', { id: 'cases-heading' }, words.start.cases),
      h('ul', { class: 'cards' }, ...cases.map((s) => {
        const first = eventsInOrder(s)[0]!;
        return h('li', {},
          h('a', { href: `#${encodeURIComponent(s.id)}/${encodeURIComponent(first.id)}`, class: 'card', 'data-case': s.id },
            h('span', { class: 'date' }, first.date.slice(0, 4)), ' ', h('strong', {}, s.title), h('span', { class: 'teaser' }, teaser(s.summary))));
      }))),
    h('p', { class: 'note' }, words.start.keys));
}
