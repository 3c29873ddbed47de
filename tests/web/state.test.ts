/** The page's state: a pure reducer, and the address that names a state (Back, reload, bookmarks). */
import { describe, expect, it } from 'vitest';
import { fromAddress, initialState, reduce, toAddress, type PageState } from '../../src/web/state.js';

const at = (s: PageState, ...actions: Parameters<typeof reduce>[1][]) => actions.reduce(reduce, s);
const start = initialState('armenia-border-2022', 'offensive');

describe('page state', () => {
  it('opens on the start screen, whose address is #', () => {
    expect(start.screen).toBe('start');
    expect(toAddress(start)).toBe('#');
  });

  it('never changes the state it is given', () => {
    const frozen = Object.freeze({ ...start, choices: Object.freeze({}) }) as PageState;
    const next = reduce(frozen, { type: 'open-case', scenario: 'osh-2010', event: 'clashes' });
    expect(next).not.toBe(frozen);
    expect(frozen.screen).toBe('start');
  });

  it('keeps the what-if choices and readings per case and event, and names them in the address', () => {
    const s = at(start,
      { type: 'open-case', scenario: 'nagorno-karabakh-2023', event: 'offensive' },
      { type: 'choose', key: 'request:cst/art-4', value: 'true' },
      { type: 'choose', key: 'recognition:RUS', value: 'ARM' },
      { type: 'set-readings', ids: ['incursion-is-aggression'] });
    expect(toAddress(s)).toBe('#nagorno-karabakh-2023/offensive?w=recognition%3ARUS=ARM,request%3Acst%2Fart-4=true&r=incursion-is-aggression');
    expect(fromAddress(toAddress(s))).toEqual({
      screen: 'case', scenario: 'nagorno-karabakh-2023', event: 'offensive',
      choices: { 'recognition:RUS': 'ARM', 'request:cst/art-4': 'true' }, readings: ['incursion-is-aggression'],
    });
    const undone = reduce(s, { type: 'undo-all' });
    expect(toAddress(undone)).toBe('#nagorno-karabakh-2023/offensive');
  });

  it('a new event closes the reasons and forgets the guesses; the same event changes nothing', () => {
    const s = at(start,
      { type: 'open-case', scenario: 'kyrgyz-tajik-2021', event: 'first' },
      { type: 'explain', cell: { clause: 'cst/art-4', obligor: 'RUS' } },
      { type: 'guess', cell: 'cst/art-4|RUS', status: 'obliged' });
    expect(reduce(s, { type: 'pick-event', event: 'first' })).toBe(s);
    const next = reduce(s, { type: 'pick-event', event: 'second' });
    expect(next.explained).toBeUndefined();
    expect(next.guesses).toEqual({});
  });

  it("a lesson's step names the lesson and the step in the address, and sets its what-if", () => {
    const s = reduce(start, { type: 'lesson-step', lesson: 'armenia-2022-2023', step: 2, scenario: 'nagorno-karabakh-2023', event: 'offensive', choices: { 'request:cst/art-4': 'true' } });
    expect(toAddress(s)).toBe('#lesson/armenia-2022-2023/3');
    expect(fromAddress('#lesson/armenia-2022-2023/3')).toEqual({ screen: 'lesson', lesson: 'armenia-2022-2023', step: 2 });
    expect(s.choices['nagorno-karabakh-2023/offensive']).toEqual({ 'request:cst/art-4': 'true' });
  });

  it('a malformed address is the start screen, not an error', () => {
    expect(fromAddress('#%E0%A4%A')).toEqual({ screen: 'start' });
    expect(fromAddress('')).toEqual({ screen: 'start' });
  });
});
