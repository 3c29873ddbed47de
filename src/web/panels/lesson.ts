/**
 * A lesson's bar above the case: where the class is (step N of M), what the
 * teacher reads out, the question to predict, and Previous / Next (also the
 * arrow keys, see app.ts).
 */
import type { Lesson, LessonStep } from '../../schema/lesson.js';
import type { Action } from '../state.js';
import { h } from '../dom.js';
import type { PanelContext } from '../judged.js';

/** The action that shows a lesson's step: its case and event, its what-if, its open cell, predicting if it asks. */
export function stepAction(lesson: Lesson, step: number): Action {
  const s: LessonStep = lesson.steps[step]!;
  return {
    type: 'lesson-step', lesson: lesson.id, step, scenario: s.case, event: s.event,
    ...(s.whatIf ? { choices: s.whatIf } : {}),
    ...(s.cell ? { explained: s.cell } : {}),
    predicting: s.ask !== undefined,
  };
}

export function lessonOf(ctx: Pick<PanelContext, 'data' | 'state'>): Lesson | undefined {
  const at = ctx.state.lesson;
  return at ? ctx.data.lessons?.find((l) => l.lesson.id === at.id)?.lesson : undefined;
}

export function lessonBar(ctx: PanelContext): HTMLElement | null {
  const lesson = lessonOf(ctx);
  const at = ctx.state.lesson;
  if (!lesson || !at) return null;
  const step = lesson.steps[at.step]!;
  const w = ctx.words;
  // The step in the page's language where the lesson file has it, else as written.
  const own = step.translations?.[w.code];
  const title = lesson.translations?.[w.code]?.title ?? lesson.title;
  const go = (n: number) => ctx.dispatch(stepAction(lesson, n), n > at.step ? 'lesson-next' : 'lesson-previous');
  return h('section', { class: 'lesson', 'aria-labelledby': 'lesson-heading', 'data-step': at.step + 1 },
    h('div', { class: 'lesson-head' },
      h('h2', { id: 'lesson-heading' }, h('span', { class: 'lesson-title' }, title), ' · ',
        h('span', { class: 'lesson-step' }, w.lesson.step(at.step + 1, lesson.steps.length, own?.title ?? step.title))),
      h('div', { class: 'lesson-nav' },
        h('button', { type: 'button', id: 'lesson-previous', 'data-key': 'lesson-previous', disabled: at.step === 0, onclick: () => go(at.step - 1) }, w.lesson.previous),
        h('button', { type: 'button', id: 'lesson-next', 'data-key': 'lesson-next', class: 'primary', disabled: at.step + 1 >= lesson.steps.length, onclick: () => go(at.step + 1) }, w.lesson.next))),
    h('p', { class: 'say' }, (own?.say ?? step.say).trim()),
    step.ask ? h('p', { class: 'ask' }, h('strong', {}, w.lesson.predict), (own?.ask ?? step.ask).trim()) : null);
}
