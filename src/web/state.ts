/**
 * The classroom page's state and every change to it: a pure
 * `(state, action) -> state` reducer, and the address (`location.hash`) that
 * names a state so a teacher can bookmark it, reload it and go Back to it.
 * No DOM, no clock: the page's panels draw a state, they never change one.
 */
import type { VerdictStatus } from '../schema/common.js';
import { compareText } from '../core/compare-text.js';

export interface Cell {
  clause: string;
  obligor: string;
}

export interface PageState {
  /** The start screen (lessons and cases), or a case. */
  screen: 'start' | 'case';
  scenario: string;
  event: string;
  /** What-if choices (toggle key -> value), per "scenario/event". */
  choices: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Contested readings switched on, per "scenario/event". */
  readings: Readonly<Record<string, readonly string[]>>;
  explained?: Cell;
  pictureClause?: string;
  predicting: boolean;
  revealed: boolean;
  guesses: Readonly<Record<string, VerdictStatus>>;
  /** The what-if file last copied, shown to be saved. */
  copied?: string;
  /** Groups of same-verdict rows the teacher opened (by group key). */
  opened: readonly string[];
  /** A lesson being walked, and its step (0-based). */
  lesson?: { id: string; step: number };
}

export type Action =
  | { type: 'show-start' }
  | { type: 'open-case'; scenario: string; event: string }
  | { type: 'pick-event'; event: string }
  | { type: 'choose'; key: string; value: string }
  | { type: 'set-readings'; ids: readonly string[] }
  | { type: 'undo-all' }
  | { type: 'explain'; cell: Cell }
  | { type: 'close-explanation' }
  | { type: 'picture-clause'; clause: string }
  | { type: 'toggle-predicting' }
  | { type: 'guess'; cell: string; status: VerdictStatus }
  | { type: 'reveal' }
  | { type: 'predict-again' }
  | { type: 'copied'; yaml: string }
  | { type: 'open-group'; group: string; open: boolean }
  | { type: 'lesson-step'; lesson: string; step: number; scenario: string; event: string; choices?: Readonly<Record<string, string>>; explained?: Cell; predicting?: boolean };

export const cellKey = (c: Cell): string => `${c.clause}|${c.obligor}`;
export const choiceKey = (s: Pick<PageState, 'scenario' | 'event'>): string => `${s.scenario}/${s.event}`;
export const choicesOf = (s: PageState): Readonly<Record<string, string>> => s.choices[choiceKey(s)] ?? {};
export const readingsOf = (s: PageState): readonly string[] => s.readings[choiceKey(s)] ?? [];

export function initialState(scenario: string, event: string): PageState {
  return { screen: 'start', scenario, event, choices: {}, readings: {}, predicting: false, revealed: false, guesses: {}, opened: [] };
}

/** What a new case or event starts without: no open reasons, no guesses, no copied file. */
function fresh(s: PageState): PageState {
  const { explained: _e, pictureClause: _p, copied: _c, ...rest } = s;
  return { ...rest, revealed: false, guesses: {}, opened: [] };
}

export function reduce(s: PageState, a: Action): PageState {
  switch (a.type) {
    case 'show-start': {
      const { lesson: _l, ...rest } = fresh(s);
      return { ...rest, screen: 'start', predicting: false };
    }
    case 'open-case': {
      const { lesson: _l, ...rest } = fresh(s);
      return { ...rest, screen: 'case', scenario: a.scenario, event: a.event };
    }
    case 'pick-event':
      return a.event === s.event ? s : { ...fresh(s), event: a.event };
    case 'choose': {
      const { copied: _c, ...rest } = s;
      return { ...rest, choices: { ...s.choices, [choiceKey(s)]: { ...choicesOf(s), [a.key]: a.value } } };
    }
    case 'set-readings': {
      const { copied: _c, ...rest } = s;
      return { ...rest, readings: { ...s.readings, [choiceKey(s)]: [...a.ids] } };
    }
    case 'undo-all': {
      const { copied: _c, ...rest } = s;
      return { ...rest, choices: { ...s.choices, [choiceKey(s)]: {} }, readings: { ...s.readings, [choiceKey(s)]: [] } };
    }
    case 'explain':
      return { ...s, explained: a.cell, pictureClause: a.cell.clause };
    case 'close-explanation': {
      const { explained: _e, ...rest } = s;
      return rest;
    }
    case 'picture-clause':
      return { ...s, pictureClause: a.clause };
    case 'toggle-predicting': {
      const { explained: _e, ...rest } = s;
      return { ...rest, predicting: !s.predicting, revealed: false, guesses: {} };
    }
    case 'guess':
      return { ...s, guesses: { ...s.guesses, [a.cell]: a.status } };
    case 'reveal':
      return { ...s, revealed: true };
    case 'predict-again': {
      const { explained: _e, ...rest } = s;
      return { ...rest, revealed: false, guesses: {} };
    }
    case 'copied':
      return { ...s, copied: a.yaml };
    case 'open-group':
      return { ...s, opened: a.open ? [...new Set([...s.opened, a.group])] : s.opened.filter((g) => g !== a.group) };
    case 'lesson-step': {
      const base = fresh(s);
      const { explained: _e, ...rest } = base;
      const key = choiceKey({ scenario: a.scenario, event: a.event });
      return {
        ...rest,
        screen: 'case',
        scenario: a.scenario,
        event: a.event,
        lesson: { id: a.lesson, step: a.step },
        predicting: a.predicting ?? false,
        choices: { ...s.choices, [key]: a.choices ?? {} },
        readings: { ...s.readings, [key]: [] },
        ...(a.explained ? { explained: a.explained, pictureClause: a.explained.clause } : {}),
      };
    }
  }
}

/**
 * The address of a state: `#scenario/event` (plus `?w=` what-if choices and
 * `&r=` readings), `#lesson/ID/N` for a lesson's step, `#` for the start screen.
 */
export function toAddress(s: PageState): string {
  if (s.screen === 'start') return '#';
  if (s.lesson) return `#lesson/${encodeURIComponent(s.lesson.id)}/${s.lesson.step + 1}`;
  const choices = Object.entries(choicesOf(s)).sort(([a], [b]) => compareText(a, b));
  const readings = readingsOf(s);
  const query = [
    choices.length ? `w=${choices.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join(',')}` : '',
    readings.length ? `r=${readings.map(encodeURIComponent).join(',')}` : '',
  ].filter(Boolean).join('&');
  return `#${encodeURIComponent(s.scenario)}/${encodeURIComponent(s.event)}${query ? `?${query}` : ''}`;
}

export type Address =
  | { screen: 'start' }
  | { screen: 'lesson'; lesson: string; step: number }
  | { screen: 'case'; scenario: string; event?: string; choices: Record<string, string>; readings: string[] };

/** Read an address; a malformed one is the start screen, never an error. */
export function fromAddress(hash: string): Address {
  const text = hash.replace(/^#/, '');
  if (!text) return { screen: 'start' };
  try {
    const [path = '', query = ''] = text.split('?');
    const parts = path.split('/').map(decodeURIComponent);
    if (parts[0] === 'lesson' && parts[1]) return { screen: 'lesson', lesson: parts[1], step: Math.max(0, (Number(parts[2]) || 1) - 1) };
    const params = new Map(query.split('&').filter(Boolean).map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as const));
    const choices: Record<string, string> = {};
    for (const pair of (params.get('w') ?? '').split(',').filter(Boolean)) {
      const at = pair.indexOf('=');
      if (at > 0) choices[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(pair.slice(at + 1));
    }
    const readings = (params.get('r') ?? '').split(',').filter(Boolean).map(decodeURIComponent);
    return { screen: 'case', scenario: parts[0]!, ...(parts[1] ? { event: parts[1] } : {}), choices, readings };
  } catch {
    return { screen: 'start' };
  }
}
