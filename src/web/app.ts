/**
 * The classroom page: a start screen of lessons and cases; a case's timeline,
 * its obligation matrix, a cell's reasons, the what-if panel and the alliance
 * drawn. The state lives in one place and changes only through `reduce`
 * (state.ts); each change is judged by the same pure core the command line
 * uses (judged.ts) and drawn by the panels. The address names the state:
 * Back and reload work. The page reads no files: data.js hands it the model.
 */
import type { Model } from '../core/index.js';
import type { PageData } from '../report/page-data.js';
import { h, type Child } from './dom.js';
import { languageFor, stateName } from './i18n/languages.js';
import type { Words } from './i18n/words.js';
import { judge, newCache, type BaseCache, type Judged, type PanelContext } from './judged.js';
import { caseIntro, eventLineOf, glossaryPanel, headerBar, languageSwitch, printChanges, timeline } from './panels/case.js';
import { explanationPanel } from './panels/explanation.js';
import { lessonBar, lessonOf, stepAction } from './panels/lesson.js';
import { matrixPanel } from './panels/matrix.js';
import { picturePanel } from './panels/picture.js';
import { startScreen } from './panels/start.js';
import { whatIfPanel } from './panels/what-if.js';
import { cellKey, fromAddress, initialState, reduce, toAddress, type Action, type PageState } from './state.js';
import { eventsInOrder } from './what-if-toggles.js';

/** Actions that move somewhere a teacher may want to come Back to; the rest replace the address in place. */
const NAVIGATIONS = new Set<Action['type']>(['show-start', 'open-case', 'pick-event', 'lesson-step']);

export function startPage(root: HTMLElement, data: PageData): void {
  const model: Model = data.model;
  const first = data.scenarios[0]!.scenario;
  let state: PageState = initialState(first.id, eventsInOrder(first)[0]!.id);
  const cache: BaseCache = newCache();
  const memory = new Map<string, boolean>();
  let judged: Judged | undefined;
  let generation = 0;
  /** What the page was last drawn for: while it stays, a redraw touches only what a change changes. */
  let drawn: string | undefined;

  const LANGUAGE_KEY = 'casus-language';
  const saved = (() => { try { return localStorage.getItem(LANGUAGE_KEY); } catch { return null; } })();
  let words: Words = languageFor(navigator.languages ?? [navigator.language], saved);
  document.documentElement.lang = words.code;
  const nameOf = (code: string): string => stateName(words, code, judged?.names[code] ?? data.model.world.states.find((x) => x.id === code)?.name ?? code);

  function setLanguage(code: string): void {
    words = languageFor([code]);
    document.documentElement.lang = words.code;
    try { localStorage.setItem(LANGUAGE_KEY, words.code); } catch { /* a page from disk may have no storage: the choice lasts this visit */ }
    drawn = undefined;
    void update('language');
  }

  const context = (): PanelContext => ({ state, judged: judged!, model, data, memory, dispatch, words, stateName: nameOf, setLanguage });

  let addressTimer: ReturnType<typeof setTimeout> | undefined;

  function dispatch(action: Action, focus?: string): void {
    const next = reduce(state, action);
    if (next === state) return;
    state = next;
    const address = toAddress(state);
    if (address !== (location.hash || '#')) {
      if (NAVIGATIONS.has(action.type)) history.pushState(null, '', address);
      // A what-if's address is written once the clicking pauses (Chromium's replaceState costs ~10 ms
      // of the main thread): the class sees the change in the next frame, the address follows.
      else {
        clearTimeout(addressTimer);
        addressTimer = setTimeout(() => { if (toAddress(state) === address) history.replaceState(null, '', address); }, 250);
      }
    }
    void update(focus, action.type === 'choose' || action.type === 'set-readings');
  }

  /** The state an address names (a lesson's step, a case with its what-if, the start screen). */
  function fromLocation(): void {
    const a = fromAddress(location.hash);
    if (a.screen === 'lesson') {
      const lesson = data.lessons?.find((l) => l.lesson.id === a.lesson)?.lesson;
      if (lesson) {
        state = reduce(state, stepAction(lesson, Math.min(a.step, lesson.steps.length - 1)));
        return;
      }
    }
    if (a.screen === 'case') {
      const s = data.scenarios.find((x) => x.scenario.id === a.scenario)?.scenario;
      if (s) {
        const events = eventsInOrder(s);
        const event = events.find((e) => e.id === a.event)?.id ?? events[0]!.id;
        state = reduce(state, { type: 'open-case', scenario: s.id, event });
        for (const [key, value] of Object.entries(a.choices)) state = reduce(state, { type: 'choose', key, value });
        if (a.readings.length) state = reduce(state, { type: 'set-readings', ids: a.readings });
        return;
      }
    }
    state = reduce(state, { type: 'show-start' });
  }

  /** Judge the state, then draw. Later calls win over slower earlier ones. */
  async function update(focus?: string, showFlips = false): Promise<void> {
    const mine = ++generation;
    if (state.screen === 'start') {
      drawn = undefined;
      root.replaceChildren(h('header', { class: 'bar' }, h('a', { class: 'brand', href: '#' }, 'casus'), h('div', { class: 'modes' }, languageSwitch(words, setLanguage))), startScreen(data, words));
      document.title = `casus: ${words.start.title}`;
      if (focus) root.querySelector<HTMLElement>(`[data-key="${CSS.escape(focus)}"]`)?.focus();
      return;
    }
    const next = await judge(model, data, state, cache);
    if (mine !== generation) return;
    judged = next;
    render(focus, showFlips);
  }

  const nodes = (...xs: Array<HTMLElement | null>): HTMLElement[] => xs.filter((x): x is HTMLElement => x !== null);

  /** Which panels a lesson's step shows (all, outside a lesson). */
  function shown(panel: 'picture' | 'reasons' | 'what-if'): boolean {
    const lesson = lessonOf({ data, state });
    const show = lesson && state.lesson ? lesson.steps[state.lesson.step]?.show : undefined;
    return !show || show.includes(panel);
  }

  function readingColumn(ctx: PanelContext): HTMLElement[] {
    return nodes(matrixPanel(ctx), shown('picture') ? picturePanel(ctx) : null);
  }

  function changingColumn(ctx: PanelContext): HTMLElement[] {
    return nodes(shown('reasons') ? explanationPanel(ctx) : null, shown('what-if') ? whatIfPanel(ctx) : null);
  }

  /**
   * Replace the matrix's cells that changed and leave the rest: a toggle
   * redraws only what it flipped. Returns false when the matrix's shape changed.
   */
  function patchMatrix(old: HTMLElement, fresh: HTMLElement): boolean {
    const oldTable = old.querySelector('table.matrix');
    const newTable = fresh.querySelector('table.matrix');
    if (!oldTable || !newTable) return false;
    const shape = (t: Element) => [...t.querySelectorAll('tr')].map((r) => r.getAttribute('data-obligor') ?? r.className).join(',') + t.querySelector('thead')!.textContent;
    if (shape(oldTable) !== shape(newTable)) return false;
    const oldCells = oldTable.querySelectorAll('td');
    const newCells = newTable.querySelectorAll('td');
    newCells.forEach((td, i) => {
      const was = oldCells[i]!;
      if (was.innerHTML !== td.innerHTML) was.replaceWith(td);
    });
    // Everything but the table (the flips line, the score, the legend) is small: swap it whole.
    for (const child of [...old.children]) if (!child.classList.contains('matrix-scroll')) child.remove();
    for (const child of [...fresh.children]) if (!child.classList.contains('matrix-scroll')) old.append(child);
    const scroll = old.querySelector('.matrix-scroll')!;
    const heading = old.querySelector('h2');
    if (heading) scroll.before(heading);
    return true;
  }

  function render(focus?: string, showFlips = false): void {
    if (!judged) return;
    const ctx = context();
    const active = document.activeElement as HTMLElement | null;
    const keep = focus ?? active?.getAttribute('data-key') ?? active?.id ?? undefined;
    const here = `${state.scenario}/${state.event}/${state.predicting}/${state.lesson ? `${state.lesson.id}:${state.lesson.step}` : ''}`;
    const slot = (selector: string) => root.querySelector<HTMLElement>(selector);
    const reading = slot('.column.reading');
    const changing = slot('.column.changing');
    if (drawn === here && reading && changing) {
      // The bar, the case, its timeline and the footer stay (and "the case in brief" stays open).
      slot('#event-line-slot')?.replaceChildren(...nodes(eventLineOf(ctx)));
      slot('#print-changes')?.replaceChildren(...nodes(printChanges(ctx)));
      const [matrix, ...rest] = readingColumn(ctx);
      const old = reading.querySelector<HTMLElement>('.matrix-panel');
      if (!(old && matrix && patchMatrix(old, matrix))) reading.replaceChildren(...nodes(matrix ?? null));
      // A panel that comes back as the same element (the picture, when nothing it shows changed) stays where it is.
      const kept = new Set<Element>(rest);
      reading.querySelectorAll(':scope > :not(.matrix-panel)').forEach((el) => { if (!kept.has(el)) el.remove(); });
      for (const el of rest) if (el.parentElement !== reading) reading.append(el);
      changing.replaceChildren(...changingColumn(ctx));
    } else {
      const children: Child[] = [
        headerBar(ctx),
        h('main', { id: 'main' },
          lessonBar(ctx),
          caseIntro(ctx),
          timeline(ctx),
          h('div', { id: 'print-changes' }, printChanges(ctx)),
          // Two columns: what the class reads (matrix, then the picture) and what is explained and changed (reasons, what-if).
          h('div', { class: 'workspace' },
            h('div', { class: 'column reading' }, ...readingColumn(ctx)),
            h('div', { class: 'column changing' }, ...changingColumn(ctx)))),
        h('footer', {}, glossaryPanel(),
          h('p', { class: 'note' }, words.start.keys,
            state.lesson ? ' In a lesson, the arrow keys elsewhere go to the previous or next step.' : '')),
      ];
      root.replaceChildren(...children.filter((c): c is Node => c instanceof Node));
      document.title = `${judged.scenario.title} · casus`;
    }
    drawn = here;
    if (keep) {
      const el = root.querySelector<HTMLElement>(`[data-key="${CSS.escape(keep)}"]`) ?? document.getElementById(keep);
      if (el) {
        el.focus({ preventScroll: true });
        if (el.classList.contains('cell')) moveTabStop(el);
        el.scrollIntoView({ block: 'nearest' });
      }
    }
    // After a what-if, the flipped cells come into view (the panel that changed them stays where it is).
    if (showFlips) root.querySelector('.matrix .cell.flipped')?.scrollIntoView({ block: 'nearest' });
    if (keep?.startsWith('cell:') && state.explained) root.querySelector('#explanation')?.scrollIntoView({ block: 'nearest' });
  }

  // ---- keyboard ----------------------------------------------------------

  function moveTabStop(cell: HTMLElement): void {
    for (const other of root.querySelectorAll<HTMLElement>('.matrix .cell')) other.tabIndex = other === cell ? 0 : -1;
  }

  function gridKeys(e: KeyboardEvent, cell: HTMLElement): boolean {
    const delta: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const d = delta[e.key];
    if (!d) return false;
    const next = root.querySelector<HTMLElement>(`.matrix .cell[data-row="${Number(cell.dataset.row) + d[0]}"][data-col="${Number(cell.dataset.col) + d[1]}"]`);
    if (next) {
      moveTabStop(next);
      next.focus();
    }
    return true;
  }

  function timelineKeys(e: KeyboardEvent, button: HTMLElement): boolean {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return false;
    const items = [...root.querySelectorAll<HTMLElement>('.timeline button')];
    items[items.indexOf(button) + (e.key === 'ArrowRight' ? 1 : -1)]?.click();
    return true;
  }

  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    const cell = target.closest<HTMLElement>('.matrix .cell');
    const event = target.closest<HTMLElement>('.timeline button');
    if (cell ? gridKeys(e, cell) : event ? timelineKeys(e, event) : false) {
      e.preventDefault();
      return;
    }
    // Esc closes the reasons from anywhere on the page, and gives focus back to their cell.
    if (e.key === 'Escape' && state.explained) {
      dispatch({ type: 'close-explanation' }, `cell:${cellKey(state.explained)}`);
      return;
    }
    // In a lesson, the arrow keys walk it, except where they move inside a control.
    const lesson = lessonOf({ data, state });
    if (lesson && state.lesson && (e.key === 'ArrowLeft' || e.key === 'ArrowRight') && !target.closest('input, select, textarea')) {
      const step = state.lesson.step + (e.key === 'ArrowRight' ? 1 : -1);
      if (step >= 0 && step < lesson.steps.length) {
        e.preventDefault();
        dispatch(stepAction(lesson, step), e.key === 'ArrowRight' ? 'lesson-next' : 'lesson-previous');
      }
    }
  });

  // A reload or a closed tab before the pause still keeps the what-if.
  window.addEventListener('pagehide', () => {
    clearTimeout(addressTimer);
    const address = toAddress(state);
    if (address !== (location.hash || '#')) history.replaceState(null, '', address);
  });

  // Back and Forward, a bookmark or a typed address: the state the address names.
  window.addEventListener('popstate', () => {
    fromLocation();
    void update();
  });
  window.addEventListener('hashchange', () => {
    if (toAddress(state) === (location.hash || '#')) return;
    fromLocation();
    void update();
  });
  fromLocation();
  void update();
}
