/**
 * The classroom page: pick a case, walk its timeline, read the obligation
 * matrix, open a cell's reasons, flip the facts that matter and see what
 * changes, let the class predict before revealing, and see the alliance drawn.
 * It judges in the browser with the same pure core the command line uses; the
 * data arrives already loaded (data.js), the page reads no files.
 */
import {
  applyChanges, explainVerdict, simulateScenario, statusOn, type Explanation, type Model, type ScenarioReport, type Verdict,
} from '../core/index.js';
import type { VerdictStatus } from '../schema/common.js';
import type { Scenario } from '../schema/scenario.js';
import type { PageData } from '../report/page-data.js';
import { eventLine, reasonLine } from '../report/render-text.js';
import { renderWhatIfYaml } from '../report/render-what-if-file.js';
import {
  ASSESSMENT_MARKS, ASSESSMENT_MEANINGS, ASSESSMENT_ORDER, ASSESSMENT_WORDS, STATUS_MARKS, STATUS_ORDER, STATUS_WORDS,
} from '../report/vocabulary.js';
import { alliancePicture } from './alliance-picture.js';
import { h, type Child } from './dom.js';
import {
  activeChoices, changesOfChoices, describeFlip, eventsInOrder, situationAt, togglesFor, whatIfTitle, type Choices, type Toggle,
} from './what-if-toggles.js';
import { readingComment, readingsFor, readingsInEffect, switchReading, type ClauseReadings, type ReadingOption } from './readings.js';

interface Cell {
  clause: string;
  obligor: string;
}

interface State {
  scenario: number;
  event: string;
  /** What-if choices, per scenario and event ("id/event"). */
  choices: Record<string, Record<string, string>>;
  /** Contested readings switched on (interpretation ids), per scenario and event. */
  readings: Record<string, string[]>;
  explained?: Cell;
  pictureClause?: string;
  predicting: boolean;
  revealed: boolean;
  guesses: Record<string, VerdictStatus>;
  copied?: string;
}

interface Computed {
  /** The scenario with the what-if changes applied (the scenario itself when there are none). */
  varied: Scenario;
  base: ScenarioReport;
  current: ScenarioReport;
  toggles: Toggle[];
  /** The contested readings of the clauses in the matrix, and those the verdicts were judged under. */
  offered: ClauseReadings[];
  inEffect: ReadingOption[];
  changeError?: string;
  explanation?: Explanation;
  evaluatedMs?: number;
}

const BASIS_WORDS: Record<string, string> = {
  'state-territory': "a state's own, undisputed territory",
  'own-recognition': 'its own recognition',
  'default-sovereign': 'no recognition of its own, so the territory\'s default sovereign',
  'no-sovereign': 'no sovereign is recognized here',
};

const GUESS_CYCLE: readonly VerdictStatus[] = ['obliged', 'obliged-if-requested', 'not-obliged'];

const cellKey = (c: Cell) => `${c.clause}|${c.obligor}`;
const rowKey = (v: Verdict) => `${v.event}|${v.clause}|${v.obligor}`;

export function startPage(root: HTMLElement, data: PageData): void {
  const model: Model = data.model;
  const scenarios: Scenario[] = data.scenarios.map((s) => s.scenario);
  const baseCache = new Map<string, Promise<ScenarioReport>>();
  const state: State = { scenario: 0, event: eventsInOrder(scenarios[0]!)[0]!.id, choices: {}, readings: {}, predicting: false, revealed: false, guesses: {} };
  let computed: Computed | undefined;
  /** Open or closed, per <details> key, as last shown or set by the teacher. */
  const openDetails = new Map<string, boolean>();
  let generation = 0;

  const scenario = () => scenarios[state.scenario]!;
  const choiceKey = () => `${scenario().id}/${state.event}`;
  const choices = (): Choices => state.choices[choiceKey()] ?? {};
  const selectedReadings = (): string[] => state.readings[choiceKey()] ?? [];

  /** "#scenario-id/event-id" names a case and event, so a teacher can bookmark one. */
  function fromHash(): { index: number; event: string } | undefined {
    let text: string;
    try {
      text = decodeURIComponent(location.hash.replace(/^#/, ''));
    } catch {
      return undefined; // a malformed address is ignored, not an error
    }
    const [id, event] = text.split('/');
    const index = scenarios.findIndex((s) => s.id === id);
    if (index < 0) return undefined;
    const events = eventsInOrder(scenarios[index]!);
    return { index, event: events.find((e) => e.id === event)?.id ?? events[0]!.id };
  }

  function toHash(): void {
    const hash = `#${scenario().id}/${state.event}`;
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }

  function baseOf(s: Scenario): Promise<ScenarioReport> {
    let p = baseCache.get(s.id);
    if (!p) baseCache.set(s.id, (p = simulateScenario(model, s)));
    return p;
  }

  /** Judge the case as the toggles say, then draw. Later calls win over slower earlier ones. */
  async function update(focusKey?: string): Promise<void> {
    const mine = ++generation;
    const s = scenario();
    const toggles = togglesFor(model, s, state.event);
    const base = await baseOf(s);
    let varied = s;
    let changeError: string | undefined;
    try {
      const changes = changesOfChoices(model, s, state.event, choices(), toggles);
      if (changes.length) varied = applyChanges(s, changes).result;
    } catch (e) {
      changeError = (e as Error).message;
    }
    // The readings of the clauses the matrix shows; a reading is passed to the core, not written into the case.
    const date = base.events.find((e) => e.id === state.event)?.date ?? '';
    const offered = readingsFor(model, [...new Set(base.verdicts.filter((v) => v.event === state.event).map((v) => v.clause))], date);
    const inEffect = readingsInEffect(offered, selectedReadings());
    const options = inEffect.length ? { interpretations: inEffect.map((r) => r.id) } : {};
    const started = performance.now();
    const current = await simulateScenario(model, varied, options);
    const evaluatedMs = performance.now() - started;
    let explanation: Explanation | undefined;
    if (state.explained) {
      const x = await explainVerdict(model, varied, state.event, state.explained.clause, state.explained.obligor, options);
      explanation = 'field' in x ? undefined : x;
    }
    if (mine !== generation) return;
    computed = {
      varied, base, current, toggles, offered, inEffect,
      ...(changeError ? { changeError } : {}), ...(explanation ? { explanation } : {}), evaluatedMs,
    };
    render(focusKey);
  }

  function select(scenarioIndex: number, eventId?: string, focusKey?: string): void {
    state.scenario = scenarioIndex;
    state.event = eventId ?? eventsInOrder(scenario())[0]!.id;
    state.explained = undefined;
    state.pictureClause = undefined;
    state.revealed = false;
    state.guesses = {};
    state.copied = undefined;
    toHash();
    void update(focusKey);
  }

  // ---- views -------------------------------------------------------------

  function header(): HTMLElement {
    const picker = h('select', {
      id: 'case-picker', 'aria-label': 'Case',
      onchange: (e: Event) => select(Number((e.target as HTMLSelectElement).value), undefined, 'case-picker'),
    }, ...scenarios.map((s, i) => h('option', { value: i, selected: i === state.scenario }, `${eventsInOrder(s)[0]!.date.slice(0, 4)} · ${s.title}`)));
    return h('header', { class: 'bar' },
      h('span', { class: 'brand' }, 'casus'),
      h('label', { class: 'picker' }, h('span', { class: 'visually-hidden' }, 'Case'), picker),
      h('div', { class: 'modes' },
        h('button', {
          type: 'button', id: 'predict-toggle', 'aria-pressed': String(state.predicting),
          onclick: () => { state.predicting = !state.predicting; state.revealed = false; state.guesses = {}; state.explained = undefined; void update('predict-toggle'); },
        }, state.predicting ? 'Stop predicting' : 'Predict, then reveal'),
        h('button', { type: 'button', onclick: () => window.print() }, 'Print')));
  }

  function timeline(): HTMLElement {
    const events = eventsInOrder(scenario());
    const summaries = computed!.current.events;
    return h('nav', { class: 'timeline', 'aria-label': 'Events of this case' },
      h('ol', { onkeydown: (e: Event) => arrowAlong(e as KeyboardEvent, '.timeline button') },
        ...events.map((ev) => {
          const sum = summaries.find((x) => x.id === ev.id);
          const current = ev.id === state.event;
          return h('li', { class: current ? 'current' : '' },
            h('button', {
              type: 'button', 'aria-current': current ? 'step' : undefined, tabindex: current ? 0 : -1, 'data-key': `event:${ev.id}`,
              onclick: () => { if (!current) select(state.scenario, ev.id, `event:${ev.id}`); },
              title: sum?.title ?? ev.id,
            }, h('span', { class: 'date' }, ev.date), h('span', { class: 'title' }, sum?.title ?? ev.id)));
        })));
  }

  function legend(): HTMLElement {
    return h('div', { class: 'legend', 'aria-label': 'Legend' },
      h('ul', {}, ...STATUS_ORDER.map((st) => h('li', {}, h('span', { class: `swatch s-${st}`, 'aria-hidden': 'true' }, STATUS_MARKS[st]), STATUS_WORDS[st]))),
      h('ul', {}, ...ASSESSMENT_ORDER.map((a) => h('li', { title: ASSESSMENT_MEANINGS[a] }, h('span', { class: 'mark', 'aria-hidden': 'true' }, ASSESSMENT_MARKS[a]), ASSESSMENT_WORDS[a]))));
  }

  function matrix(): HTMLElement {
    const c = computed!;
    const rows = c.current.verdicts.filter((v) => v.event === state.event);
    const baseRows = new Map(c.base.verdicts.filter((v) => v.event === state.event).map((v) => [rowKey(v), v]));
    const clauses = [...new Set(rows.map((v) => v.clause))];
    const obligors = [...new Set(rows.map((v) => v.obligor))].sort();
    if (!rows.length) return h('p', { class: 'empty' }, 'No clause applies to this event: the target is party to none of the treaties.');
    const byKey = new Map(rows.map((v) => [cellKey(v), v]));
    const flips = rows.filter((v) => baseRows.get(rowKey(v))?.status !== v.status).length;
    const hidden = state.predicting && !state.revealed;
    const table = h('table', { class: 'matrix', role: 'grid', 'aria-label': 'Obligations: obligors by clauses', onkeydown: (e: Event) => gridKeys(e as KeyboardEvent) },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'obligor'),
        ...clauses.map((cl) => {
          const v = rows.find((r) => r.clause === cl)!;
          const readAs = rows.find((r) => r.clause === cl && r.reading)?.reading;
          return h('th', { scope: 'col' }, h('span', { class: 'clause-ref' }, cl), h('span', { class: 'clause-title' }, `Art. ${v.article}: ${v.clauseTitle}`),
            readAs ? h('span', { class: 'clause-reading', 'data-reading': readAs }, `read as: ${readAs}`) : null);
        }))),
      h('tbody', {}, ...obligors.map((ob, ri) => h('tr', {},
        h('th', { scope: 'row' }, ob),
        ...clauses.map((cl, ci) => {
          const v = byKey.get(`${cl}|${ob}`);
          if (!v) return h('td', { class: 'none' }, '—');
          const was = baseRows.get(rowKey(v));
          return h('td', {}, hidden ? guessCell(v, ri, ci) : verdictCell(v, was, ri, ci));
        })))));
    return h('section', { class: 'matrix-panel', 'aria-labelledby': 'matrix-heading' },
      h('h2', { id: 'matrix-heading' }, hidden ? 'Predict each cell, then reveal' : 'Who was obliged?'),
      table,
      hidden ? predictBar(rows) : state.predicting ? scoreBar(rows) : null,
      !hidden && flips ? h('p', { class: 'flips', role: 'status' }, `⇄ ${flips} verdict${flips === 1 ? '' : 's'} flipped by ${flippedBy()}`) : null,
      legend());
  }

  /** What the flips are owed to: the fact changes, the readings, or both. */
  function flippedBy(): string {
    const c = computed!;
    const facts = activeChoices(c.toggles, choices()).length > 0;
    const readings = c.inEffect.length > 0;
    const reading = `the reading${c.inEffect.length > 1 ? 's' : ''} ${c.inEffect.map((r) => r.id).join(', ')}`;
    return facts && readings ? `the what-if and ${reading}` : readings ? reading : 'the what-if';
  }

  function verdictCell(v: Verdict, was: Verdict | undefined, row: number, col: number): HTMLElement {
    const flipped = was !== undefined && was.status !== v.status;
    const key = cellKey(v);
    const guess = state.guesses[key];
    const open = state.explained && cellKey(state.explained) === key;
    const label = `${v.obligor} under ${v.clause}: ${STATUS_WORDS[v.status]}; ${ASSESSMENT_WORDS[v.assessment]}${flipped ? `; flipped, was ${STATUS_WORDS[was.status]}` : ''}. Enter shows the reasons.`;
    return h('button', {
      type: 'button', class: `cell s-${v.status} a-${v.assessment}${flipped ? ' flipped' : ''}${open ? ' open' : ''}`,
      'data-row': row, 'data-col': col, 'data-key': `cell:${key}`, 'data-status': v.status, 'data-assessment': v.assessment,
      tabindex: row === 0 && col === 0 ? 0 : -1, 'aria-label': label, 'aria-expanded': String(Boolean(open)),
      onclick: () => { state.explained = { clause: v.clause, obligor: v.obligor }; state.pictureClause = v.clause; void update(`cell:${key}`); },
    },
      h('span', { class: 'status' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, STATUS_MARKS[v.status]), ' ', STATUS_WORDS[v.status]),
      h('span', { class: 'assessment' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, ASSESSMENT_MARKS[v.assessment]), ' ', ASSESSMENT_WORDS[v.assessment]),
      flipped ? h('span', { class: 'flip' }, `⇄ was ${STATUS_WORDS[was.status]}`) : null,
      guess && state.revealed ? h('span', { class: `verdict-of-guess ${guess === v.status ? 'right' : 'wrong'}` },
        guess === v.status ? '✓ predicted' : `✗ predicted ${STATUS_WORDS[guess]}`) : null);
  }

  function guessCell(v: Verdict, row: number, col: number): HTMLElement {
    const key = cellKey(v);
    const guess = state.guesses[key];
    const setGuess = (g: VerdictStatus) => { state.guesses[key] = g; render(`cell:${key}`); };
    return h('button', {
      type: 'button', class: `cell guess${guess ? ` g-${guess}` : ''}`, 'data-row': row, 'data-col': col, 'data-key': `cell:${key}`,
      tabindex: row === 0 && col === 0 ? 0 : -1,
      'aria-label': `${v.obligor} under ${v.clause}: your prediction ${guess ? STATUS_WORDS[guess] : 'not made'}. Enter changes it; 1, 2, 3 choose.`,
      onclick: () => setGuess(GUESS_CYCLE[(GUESS_CYCLE.indexOf(guess ?? 'not-obliged') + 1) % GUESS_CYCLE.length]!),
      onkeydown: (e: Event) => {
        const k = (e as KeyboardEvent).key;
        if (k === '1' || k === '2' || k === '3') { e.preventDefault(); setGuess(GUESS_CYCLE[Number(k) - 1]!); }
      },
    }, guess ? h('span', { class: 'status' }, h('span', { class: 'mark', 'aria-hidden': 'true' }, STATUS_MARKS[guess]), ' ', STATUS_WORDS[guess]) : h('span', { class: 'status' }, '?'));
  }

  function predictBar(rows: readonly Verdict[]): HTMLElement {
    const made = rows.filter((v) => state.guesses[cellKey(v)]).length;
    return h('div', { class: 'predict-bar' },
      h('p', {}, `Click a cell (or press Enter, or 1 ${STATUS_MARKS.obliged} obliged, 2 ${STATUS_MARKS['obliged-if-requested']} if requested, 3 ${STATUS_MARKS['not-obliged']} not obliged) to predict. ${made} of ${rows.length} predicted.`),
      h('button', { type: 'button', id: 'reveal', class: 'primary', onclick: () => { state.revealed = true; render('reveal-done'); } }, 'Reveal'));
  }

  function scoreBar(rows: readonly Verdict[]): HTMLElement {
    const right = rows.filter((v) => state.guesses[cellKey(v)] === v.status).length;
    return h('div', { class: 'predict-bar revealed' },
      h('p', { id: 'score', role: 'status' }, h('strong', {}, `Score: ${right} of ${rows.length} right`), ' — open a cell for its reasons.'),
      h('button', { type: 'button', id: 'reveal-done', onclick: () => { state.revealed = false; state.guesses = {}; state.explained = undefined; void update('reveal'); } }, 'Predict again'));
  }

  function whatIfPanel(): HTMLElement {
    const c = computed!;
    const chosen = choices();
    const active = activeChoices(c.toggles, chosen);
    const set = (key: string, value: string) => {
      state.choices[choiceKey()] = { ...chosen, [key]: value };
      state.copied = undefined;
      void update(`toggle:${key}`);
    };
    const valueOf = (t: Toggle) => chosen[t.key] ?? String(t.value);
    const changed = (t: Toggle) => active.includes(t);
    const control = (t: Toggle): HTMLElement => {
      const badge = changed(t) ? h('span', { class: 'changed-badge' }, `⇄ was ${t.kind === 'request' ? (t.value ? 'yes' : 'no') : String(t.value)}`) : null;
      if (t.kind === 'request') {
        return h('label', { class: `toggle check${changed(t) ? ' changed' : ''}` },
          h('input', { type: 'checkbox', checked: valueOf(t) === 'true', 'data-key': `toggle:${t.key}`, 'data-toggle': t.key,
            onchange: (e: Event) => set(t.key, String((e.target as HTMLInputElement).checked)) }),
          h('span', {}, t.label), badge);
      }
      return h('label', { class: `toggle choice${changed(t) ? ' changed' : ''}` },
        h('span', { class: 'toggle-label' }, t.label),
        h('select', { 'data-key': `toggle:${t.key}`, 'data-toggle': t.key, onchange: (e: Event) => set(t.key, (e.target as HTMLSelectElement).value) },
          ...t.options.map((o) => h('option', { value: o, selected: o === valueOf(t) }, o === 'none' && t.kind === 'recognition' ? 'no state' : o))),
        badge);
    };
    const group = (title: string, items: Toggle[], open = true, note?: string): HTMLElement | null =>
      items.length ? details(`group:${title.split(' ')[0]}`, open, title, () => [note ? h('p', { class: 'note' }, note) : null, ...items.map(control)]) : null;
    const at = situationAt(model, scenario(), state.event)!;
    const territory = at.world.territories.find((t) => t.id === at.event.territory);
    const yaml = state.copied;
    return h('aside', { class: 'what-if', 'aria-labelledby': 'what-if-heading' },
      h('h2', { id: 'what-if-heading' }, 'What if…?'),
      h('p', { class: 'note' }, 'Change a fact; every verdict is judged again at once. Changed facts and flipped cells are marked ⇄.'),
      group('Request', c.toggles.filter((t) => t.kind === 'request')),
      group('Event', c.toggles.filter((t) => t.kind === 'event-kind')),
      territory
        ? group(`Whose is ${territory.name}, in each party's view?`, c.toggles.filter((t) => t.kind === 'recognition'))
        : h('p', { class: 'note' }, `The place is ${at.event.territory}'s own territory: every state recognizes it as such, so there is no recognition to flip.`),
      group(`Standing on ${at.event.date}`, c.toggles.filter((t) => t.kind === 'membership'), active.some((t) => t.kind === 'membership')),
      readingsGroup(),
      h('p', { class: 'timing', id: 'reeval-time', 'data-ms': c.evaluatedMs?.toFixed(2) ?? '', role: 'status' },
        c.changeError ? `Could not apply: ${c.changeError}` : `Judged in ${c.evaluatedMs?.toFixed(1) ?? '?'} ms`,
        active.length ? ` · ${whatIfTitle(c.toggles, chosen)}` : '',
        c.inEffect.length ? ` · under the reading${c.inEffect.length > 1 ? 's' : ''} ${c.inEffect.map((r) => r.id).join(', ')}` : ''),
      h('div', { class: 'what-if-actions' },
        h('button', {
          type: 'button', id: 'undo-what-if', disabled: !active.length && !c.inEffect.length,
          // The button is disabled once nothing is changed: focus goes to the first toggle, not to the page's top.
          onclick: () => { state.choices[choiceKey()] = {}; state.readings[choiceKey()] = []; state.copied = undefined; void update(c.toggles[0] ? `toggle:${c.toggles[0].key}` : undefined); },
        }, 'Undo all changes'),
        h('button', { type: 'button', id: 'copy-what-if', disabled: !active.length, 'aria-describedby': c.inEffect.length ? 'reading-copy-note' : undefined, onclick: () => copyWhatIf() }, 'Copy as what-if file')),
      c.inEffect.length ? h('p', { class: 'note reading-note', id: 'reading-copy-note' },
        `A reading is not a change of the facts, so a what-if file does not carry it: the copied file says in a comment that the page judged it under ${c.inEffect.map((r) => r.id).join(', ')}.`) : null,
      yaml ? h('div', { class: 'copied' },
        h('p', { role: 'status' }, 'Save this beside the case file, e.g. as ', h('code', {}, `${scenario().id}-what-if.yaml`), ', and run ', h('code', {}, 'casus what-if FILE'), ':'),
        h('textarea', { id: 'what-if-yaml', readonly: true, rows: Math.min(16, yaml.split('\n').length + 1), 'aria-label': 'What-if file' }, yaml)) : null);
  }

  /** The contested readings of the clauses in the matrix: each switched on or off, with who holds it and where. */
  function readingsGroup(): HTMLElement | null {
    const c = computed!;
    if (!c.offered.length) return null;
    const selected = selectedReadings();
    const flip = (id: string, on: boolean) => {
      state.readings[choiceKey()] = switchReading(c.offered, selected, id, on);
      state.copied = undefined;
      void update(`reading:${id}`);
    };
    const sourceLink = (src: ReadingOption['sources'][number]) =>
      src.url && /^https?:/i.test(src.url) ? h('a', { href: src.url, rel: 'noreferrer' }, src.title) : src.title;
    const option = (r: ReadingOption): HTMLElement => {
      const on = r.applies && selected.includes(r.id);
      return h('div', { class: `reading${on ? ' changed' : ''}${r.applies ? '' : ' inapplicable'}` },
        h('label', { class: 'toggle check' },
          h('input', {
            type: 'checkbox', checked: on, disabled: !r.applies, 'data-key': `reading:${r.id}`, 'data-reading': r.id,
            onchange: (e: Event) => flip(r.id, (e.target as HTMLInputElement).checked),
          }),
          h('span', {}, h('code', {}, r.id), ': ', r.label), on ? h('span', { class: 'changed-badge' }, '⇄ on') : null),
        r.applies ? null : h('p', { class: 'note' }, `It reads the wording in force from ${r.versionsFrom}, not the one of this date.`),
        h('p', { class: 'held-by' }, h('span', { class: 'note' }, 'Held by: '), r.heldBy.join('; ')),
        h('p', { class: 'note reading-sources' }, r.sources.length > 1 ? 'Sources: ' : 'Source: ',
          ...r.sources.flatMap((src, i) => [i ? '; ' : '', sourceLink(src)])));
    };
    const count = c.offered.reduce((n, cl) => n + cl.readings.length, 0);
    return details('group:readings', c.inEffect.length > 0, `Contested readings (${count})`, () => [
      h('p', { class: 'note' }, 'How a clause\'s words are read, not a fact: switch a reading on to judge the clause that way. One reading of a clause at a time.'),
      ...c.offered.map((cl) => h('fieldset', { class: 'clause-readings' },
        h('legend', {}, `${cl.clause} (Art. ${cl.article}, ${cl.clauseTitle})`),
        cl.defaultReading ? h('p', { class: 'note' }, 'Off, the casebook\'s reading: ', cl.defaultReading.label.trim()) : null,
        ...cl.readings.map(option))),
    ]);
  }

  /**
   * A <details> whose open state survives redraws once the teacher has opened or closed it.
   * Its contents are built only when it is open (a case with 32 allies has hundreds of standing controls).
   */
  function details(key: string, open: boolean, title: string, contents: () => Child[]): HTMLElement {
    const shown = openDetails.get(key) ?? open;
    const summary = h('summary', {}, title);
    const el = h('details', { 'data-key': key, open: shown }, summary, ...(shown ? contents() : []));
    let built = shown;
    el.addEventListener('toggle', () => {
      if (el.open && !built) {
        built = true;
        summary.after(...contents().filter((c): c is Node => c instanceof Node));
      }
      // Once shown open or closed, it stays so (a teacher's list does not fold away on an undo).
      openDetails.set(key, el.open);
    });
    return el;
  }

  function copyWhatIf(): void {
    const c = computed!;
    const s = scenario();
    const file = data.scenarios[state.scenario]!.file;
    const comment = readingComment(c.inEffect, file);
    const yaml = renderWhatIfYaml({
      id: `${s.id}-what-if`, title: whatIfTitle(c.toggles, choices()), base: file, changes: changesOfChoices(model, s, state.event, choices(), c.toggles),
      ...(comment ? { comment } : {}),
    });
    state.copied = yaml;
    // The clipboard needs a secure context and permission; the text area below works everywhere.
    navigator.clipboard?.writeText(yaml).catch(() => undefined);
    render('copy-what-if');
  }

  function explanationPanel(): HTMLElement | null {
    const x = computed!.explanation;
    if (!x || (state.predicting && !state.revealed)) return null;
    const v = x.verdict;
    const ver = x.version;
    const t = x.territoryView;
    const close = () => { const key = cellKey(v); state.explained = undefined; void update(`cell:${key}`); };
    return h('section', { class: 'explanation', id: 'explanation', 'aria-labelledby': 'explanation-heading', tabindex: -1 },
      h('div', { class: 'explanation-head' },
        h('h2', { id: 'explanation-heading' }, `${v.obligor} under ${x.treatyName}, Art. ${v.article} (${v.clauseTitle}): `,
          h('span', { class: `pill s-${v.status}` }, STATUS_MARKS[v.status], ' ', STATUS_WORDS[v.status])),
        h('button', { type: 'button', class: 'close', onclick: close, 'aria-label': 'Close the explanation' }, '×')),
      h('p', { class: 'reason-line' }, reasonLine(v)),
      readingLine(v),
      ver ? h('h3', {}, `The clause, in force from ${ver.from}${ver.until ? ` until ${ver.until}` : ''}`) : h('h3', {}, `The clause is not in force on ${v.date}: its versions are in force ${x.versionSpans}`),
      ver ? h('blockquote', { lang: ver.language ?? 'en' }, ver.text.trim()) : null,
      ver?.translation ? h('blockquote', { class: 'translation' }, h('span', { class: 'note' }, 'Translation: '), ver.translation.trim()) : null,
      ver ? h('p', { class: 'note' }, 'Source: ', ver.source.url && /^https?:/i.test(ver.source.url) ? h('a', { href: ver.source.url, rel: 'noreferrer' }, ver.source.title) : ver.source.title) : null,
      h('h3', {}, 'Each condition'),
      h('ol', { class: 'tests' }, ...v.reasons.map((r) => h('li', { class: r.holds ? 'holds' : 'fails' },
        h('span', { class: 'verdict' }, r.holds ? '✓ holds' : '✗ fails'), ' ', h('code', {}, r.code),
        h('q', { class: 'because' }, r.because),
        h('span', { class: 'found' }, `found: ${r.found}`)))),
      h('h3', {}, `Whose territory, in ${t.viewer}'s view`),
      h('p', { class: 'territory' }, `${t.territoryName}: `, h('strong', {}, t.sovereign ?? 'no state'), `'s — by ${BASIS_WORDS[t.basis] ?? t.basis}`, t.note ? ` (${t.note})` : ''),
      h('h3', {}, 'What it owed, and what it did'),
      h('p', {}, `Duty: ${v.duty}${ver ? ` (met by ${ver.satisfiedBy.join(', ')})` : ''}. Actual: `, h('strong', {}, v.actual ?? 'nothing recorded'),
        v.recordedBy && v.recordedBy !== v.obligor ? ` (the ${v.recordedBy} organization's response)` : '', '. ',
        h('span', { class: `assess a-${v.assessment}` }, ASSESSMENT_MARKS[v.assessment], ' ', ASSESSMENT_WORDS[v.assessment]), `: ${ASSESSMENT_MEANINGS[v.assessment]}.`),
      ...x.actualNotes.map((n) => h('p', { class: 'note' }, n)));
  }

  /** Which reading the verdict was judged under: a contested one switched on, or the casebook's own. */
  function readingLine(v: Verdict): HTMLElement | null {
    const offered = computed!.offered.find((c) => c.clause === v.clause);
    if (!offered) return null;
    const applied = offered.readings.find((r) => r.id === v.reading);
    if (applied) {
      return h('p', { class: 'reading-applied', id: 'reading-applied', 'data-reading': applied.id },
        h('strong', {}, 'Judged under the reading '), h('code', {}, applied.id), `: ${applied.label}`,
        h('span', { class: 'note' }, ` Held by: ${applied.heldBy.join('; ')}.`));
    }
    return h('p', { class: 'note', id: 'reading-applied', 'data-reading': '' },
      `Judged on the casebook's reading${offered.defaultReading ? ` (${offered.defaultReading.label.trim()})` : ''}; contested: `,
      ...offered.readings.flatMap((r, i) => [i ? ', ' : '', h('code', {}, r.id)]), '.');
  }

  function picture(): HTMLElement | null {
    const c = computed!;
    const rows = c.current.verdicts.filter((v) => v.event === state.event);
    if (!rows.length) return null;
    const clauses = [...new Set(rows.map((v) => v.clause))];
    // Default to the clause with the most obligors (the alliance, not a bilateral pact); among
    // those, the last: a treaty file lists its defence clause after its consultation clause.
    const rowsOf = (clause: string) => rows.filter((v) => v.clause === clause).length;
    const widest = clauses.reduce((best, c) => (rowsOf(c) >= rowsOf(best) ? c : best));
    const clause = state.pictureClause && clauses.includes(state.pictureClause) ? state.pictureClause : widest;
    const at = situationAt(model, c.varied, state.event)!;
    const treaty = at.treaties.find((t) => t.id === clause.split('/')[0])!;
    const first = rows.find((v) => v.clause === clause)!;
    const hidden = state.predicting && !state.revealed;
    return h('section', { class: 'picture', 'aria-labelledby': 'picture-heading' },
      h('h2', { id: 'picture-heading' }, `The alliance on ${at.event.date}`),
      h('label', { class: 'picker small' }, 'Clause ',
        h('select', { 'data-key': 'picture-clause', onchange: (e: Event) => { state.pictureClause = (e.target as HTMLSelectElement).value; render('picture-clause'); } },
          ...clauses.map((cl) => h('option', { value: cl, selected: cl === clause }, cl)))),
      hidden
        ? h('p', { class: 'note' }, 'Hidden until the reveal.')
        : alliancePicture({
          treaty, world: at.world, date: at.event.date, target: at.event.target, attacker: at.event.attacker, clause,
          clauseLabel: `${clause} (Art. ${first.article})`, verdicts: rows.filter((v) => v.clause === clause),
        }),
      h('p', { class: 'note' }, `${at.event.target} is ${statusWord(statusOn(treaty, at.world, at.event.target, at.event.date))} on this date.`));
  }

  const statusWord = (s: string) => (s === 'none' ? 'not a party' : s === 'member' ? 'a member' : s);

  /** The event in one line; a what-if on its kind changes it. */
  function eventLineOf(): HTMLElement | null {
    const summary = computed!.current.events.find((e) => e.id === state.event);
    return summary ? h('p', { class: 'event-line' }, h('strong', {}, summary.date), ' — ', `${eventLine(summary)}.`) : null;
  }

  function caseIntro(): HTMLElement {
    const s = scenario();
    return h('section', { class: 'case', 'aria-labelledby': 'case-title' },
      h('h1', { id: 'case-title' }, s.title),
      h('div', { id: 'event-line-slot' }, eventLineOf()),
      s.summary ? h('details', { class: 'summary' }, h('summary', {}, 'The case in brief'), h('p', {}, s.summary),
        s.sources?.length ? h('ul', { class: 'sources' }, ...s.sources.map((src) =>
          h('li', {}, src.url && /^https?:/i.test(src.url) ? h('a', { href: src.url, rel: 'noreferrer' }, src.title) : src.title))) : null) : null);
  }

  function printChanges(): HTMLElement | null {
    const c = computed!;
    const active = activeChoices(c.toggles, choices());
    const parts = [
      active.length ? `What-if: ${active.map((t) => describeFlip(t, choices()[t.key]!)).join('; ')}.` : '',
      c.inEffect.length ? `Judged under the reading${c.inEffect.length > 1 ? 's' : ''} ${c.inEffect.map((r) => r.id).join(', ')}.` : '',
    ].filter(Boolean);
    if (!parts.length) return null;
    return h('p', { class: 'print-only' }, parts.join(' '));
  }

  const nodes = (...xs: Array<HTMLElement | null>): HTMLElement[] => xs.filter((x): x is HTMLElement => x !== null);

  /** What the page was last drawn for: while the case, event and mode stay, a redraw touches only what a toggle or a cell changes. */
  let drawn: { key: string; predicting: boolean } | undefined;

  function render(focusKey?: string): void {
    if (!computed) return;
    const active = document.activeElement as HTMLElement | null;
    const keep = focusKey ?? active?.getAttribute('data-key') ?? active?.id ?? undefined;
    const here = { key: choiceKey(), predicting: state.predicting };
    const slot = (selector: string) => root.querySelector<HTMLElement>(selector);
    const reading = slot('.column.reading');
    const changing = slot('.column.changing');
    const printed = slot('#print-changes');
    const line = slot('#event-line-slot');
    if (drawn && drawn.key === here.key && drawn.predicting === here.predicting && reading && changing && printed && line) {
      // The header, the case, its timeline and the footer stay (and "the case in brief" stays open).
      line.replaceChildren(...nodes(eventLineOf()));
      printed.replaceChildren(...nodes(printChanges()));
      reading.replaceChildren(...nodes(matrix(), explanationPanel()));
      changing.replaceChildren(...nodes(whatIfPanel(), picture()));
    } else {
      const children: Child[] = [
        header(),
        h('main', { id: 'main' },
          caseIntro(),
          timeline(),
          h('div', { id: 'print-changes' }, printChanges()),
          // Two columns: what the class reads (matrix, then reasons) and what the teacher changes (what-if, then the picture).
          h('div', { class: 'workspace' },
            h('div', { class: 'column reading' }, matrix(), explanationPanel()),
            h('div', { class: 'column changing' }, whatIfPanel(), picture()))),
        h('footer', {}, h('p', { class: 'note' }, 'Keys: Tab moves between parts; arrows move within the timeline and the matrix; Enter opens a cell\'s reasons; Esc closes them.')),
      ];
      root.replaceChildren(...children.filter((c): c is Node => c instanceof Node));
    }
    drawn = here;
    if (keep) {
      const el = root.querySelector<HTMLElement>(`[data-key="${CSS.escape(keep)}"]`) ?? document.getElementById(keep);
      if (el) {
        el.focus({ preventScroll: true });
        if (el.classList.contains('cell')) moveTabStop(el);
      }
    }
    if (focusKey?.startsWith('cell:') && state.explained && computed.explanation) {
      document.getElementById('explanation')?.scrollIntoView({ block: 'nearest' });
    }
  }

  // ---- keyboard ----------------------------------------------------------

  function moveTabStop(cell: HTMLElement): void {
    for (const other of root.querySelectorAll<HTMLElement>('.matrix .cell')) other.tabIndex = other === cell ? 0 : -1;
  }

  function gridKeys(e: KeyboardEvent): void {
    const cell = (e.target as HTMLElement).closest<HTMLElement>('.cell');
    if (!cell) return;
    const row = Number(cell.dataset.row);
    const col = Number(cell.dataset.col);
    const delta: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const d = delta[e.key];
    if (!d) return;
    const next = root.querySelector<HTMLElement>(`.matrix .cell[data-row="${row + d[0]}"][data-col="${col + d[1]}"]`);
    if (next) {
      e.preventDefault();
      moveTabStop(next);
      next.focus();
    }
  }

  function arrowAlong(e: KeyboardEvent, selector: string): void {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const items = [...root.querySelectorAll<HTMLElement>(selector)];
    const i = items.indexOf(e.target as HTMLElement);
    const next = items[i + (e.key === 'ArrowRight' ? 1 : -1)];
    if (next) {
      e.preventDefault();
      next.click();
    }
  }

  // Esc closes the reasons from anywhere on the page, and gives focus back to their cell.
  root.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !state.explained) return;
    const key = cellKey(state.explained);
    state.explained = undefined;
    void update(`cell:${key}`);
  });
  window.addEventListener('hashchange', () => {
    const at = fromHash();
    if (at && (at.index !== state.scenario || at.event !== state.event)) select(at.index, at.event);
  });
  const start = fromHash();
  if (start) {
    state.scenario = start.index;
    state.event = start.event;
  }
  void update();
}
