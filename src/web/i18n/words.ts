/**
 * The page's words in one language: one object of this shape per language, in a
 * file of its own (en.ts, ru.ts); languages.ts lists them. State names come from
 * i18n-iso-countries (the file hands over its locale), the few it lacks
 * (states that no longer exist) from `states`. Lesson texts come from the lesson
 * file's `translations`. Reasons, the what-if panel and case summaries are the
 * casebook's English. Pure data and small functions, no DOM.
 */
import type { LocaleData } from 'i18n-iso-countries';
import type { Assessment, VerdictStatus } from '../../schema/common.js';

export interface Words {
  /** ISO 639-1 code, as `<html lang>` and the lesson files' `translations` name it. */
  code: string;
  /** The language's own name, for the switch. */
  name: string;
  /** i18n-iso-countries' names in this language; absent: the world files' names. */
  countries?: LocaleData;
  /** Names of states the library has no code for (Austria-Hungary, Czechoslovakia...), and preferred short forms. */
  states: Readonly<Record<string, string>>;
  status: Readonly<Record<VerdictStatus, string>>;
  statusMeaning: Readonly<Record<VerdictStatus, string>>;
  assessment: Readonly<Record<Assessment, string>>;
  assessmentMeaning: Readonly<Record<Assessment, string>>;
  standing: Readonly<Record<string, string>>;
  contested: string;
  start: { title: string; lead: string; lessons: string; cases: string; steps(n: number): string; keys: string };
  bar: { home: string; caseLabel: string; predict: string; print: string; language: string };
  lesson: { step(n: number, of: number, title: string): string; previous: string; next: string; predict: string };
  matrix: {
    heading: string; predictHeading: string; corner: string; legend: string; under(state: string, clause: string): string;
    was(status: string): string; predictedRight: string; predictedWrong(status: string): string; notYet: string; states(n: number): string;
  };
  map: {
    heading(date: string): string; clause: string; hidden: string; title(target: string, clause: string, date: string): string;
    obliged(list: string): string; noneObliged: string; attacker: string; attacked: string;
    legendPlace: string; legendAttacker: string; legendStanding: string; legendUnjudged: string;
    bordersToday(of: string, date: string): string; borders(of: string): string; noPlace(place: string): string;
    offMap: string; who(place: string, attacker?: string): string; standingOn(state: string, standing: string): string;
  };
}
