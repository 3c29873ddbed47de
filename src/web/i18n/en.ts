/** The page's words in English: the shared vocabulary (src/report/vocabulary.ts) and the page's own. */
import {
  ASSESSMENT_MEANINGS, ASSESSMENT_WORDS, CONTESTED_WORD, STANDING_WORDS, STATUS_MEANINGS, STATUS_WORDS,
} from '../../report/vocabulary.js';
import type { Words } from './words.js';

export const en: Words = {
  code: 'en',
  name: 'English',
  states: {},
  status: STATUS_WORDS,
  statusMeaning: STATUS_MEANINGS,
  assessment: ASSESSMENT_WORDS,
  assessmentMeaning: ASSESSMENT_MEANINGS,
  standing: STANDING_WORDS,
  contested: CONTESTED_WORD,
  start: {
    title: 'Who was obliged to help?',
    lead: 'Alliances promise help when a member is attacked. Pick a lesson to be walked through one, or a case to explore: who owed help under which treaty, why, and what they actually did.',
    lessons: 'Lessons',
    cases: 'Cases, by date',
    steps: (n) => `${n} steps.`,
    keys: 'Keys: Tab moves between parts; arrows move within the timeline and the matrix; Enter opens a cell\'s reasons; Esc closes them.',
  },
  bar: { home: 'Lessons and cases', caseLabel: 'Case', predict: 'Predict, then reveal', print: 'Print', language: 'Language' },
  lesson: { step: (n, of, title) => `Step ${n} of ${of}: ${title}`, previous: '← Previous', next: 'Next →', predict: 'Predict: ' },
  matrix: {
    heading: 'Who was obliged to help?', predictHeading: 'Predict each cell, then reveal', corner: 'State', legend: 'Legend',
    under: (state, clause) => `${state} under ${clause}: `,
    was: (status) => `⇄ was ${status}`, predictedRight: '✓ predicted', predictedWrong: (status) => `✗ predicted ${status}`,
    notYet: '? not yet', states: (n) => `${n} states`,
  },
  map: {
    heading: (date) => `The map on ${date}`, clause: 'Clause ', hidden: 'Hidden until the reveal.',
    title: (target, clause, date) => `Who owed ${target} help under ${clause} on ${date}`,
    obliged: (list) => `Obliged: ${list}.`, noneObliged: 'No party was obliged.', attacker: 'attacker', attacked: 'attacked',
    legendPlace: 'the attacked place', legendAttacker: 'the attacker', legendStanding: 'frozen or suspended (named on the map)', legendUnjudged: 'not judged under this clause',
    bordersToday: (of, date) => `Borders are today's (Natural Earth, ${of}), not those of ${date}.`,
    borders: (of) => `Borders: Natural Earth, ${of}.`,
    noPlace: (place) => ` The attacked place, ${place}, has no shape or point on this map.`,
    offMap: 'Not on today\'s map: ',
    who: (place, attacker) => `Attacked: ${place}${attacker ? `. Attacker: ${attacker}.` : '.'}`,
    standingOn: (state, standing) => `${state} is ${standing === 'member' ? 'a member' : STANDING_WORDS[standing] ?? standing} on this date.`,
  },
};
