/**
 * The words people read, in one place: statuses, assessments, kinds of event,
 * responses and duties as words with a mark and a one-line meaning; clause and
 * state names; each test's reason as a sentence. Shared by the text, Markdown,
 * HTML and explain views and the classroom page (JSON keeps the codes). No view
 * relies on colour alone: every status and assessment has a mark and a word. Pure.
 */
import type { Assessment, VerdictStatus } from '../schema/common.js';

export const STATUS_WORDS: Record<VerdictStatus, string> = {
  obliged: 'obliged',
  'obliged-if-requested': 'obliged if requested',
  'not-obliged': 'not obliged',
};

/** Filled, half and empty circles: obligation strength reads as shape. */
export const STATUS_MARKS: Record<VerdictStatus, string> = {
  obliged: '●',
  'obliged-if-requested': '◐',
  'not-obliged': '○',
};

export const STATUS_MEANINGS: Record<VerdictStatus, string> = {
  obliged: 'every condition of the clause held: this state owed help',
  'obliged-if-requested': 'every condition held except the request: had the attacked state asked, this state would have owed help',
  'not-obliged': 'at least one condition of the clause failed: this state owed nothing under it',
};

export const ASSESSMENT_WORDS: Record<Assessment, string> = {
  honored: 'honored',
  unmet: 'unmet',
  'beyond-duty': 'beyond duty',
  consistent: 'nothing owed',
  unrecorded: 'not recorded',
};

export const ASSESSMENT_MARKS: Record<Assessment, string> = {
  honored: '✓',
  unmet: '✗',
  'beyond-duty': '▲',
  consistent: '–',
  unrecorded: '?',
};

export const ASSESSMENT_MEANINGS: Record<Assessment, string> = {
  honored: 'obliged, and a response that meets the duty',
  unmet: 'obliged, and no response that meets the duty',
  'beyond-duty': 'not obliged, yet gave help that would have met the duty',
  consistent: 'not obliged, and did not give such help',
  unrecorded: 'nothing recorded about what this state did',
};

/** The order a legend lists them in. */
export const STATUS_ORDER: readonly VerdictStatus[] = ['obliged', 'obliged-if-requested', 'not-obliged'];
export const ASSESSMENT_ORDER: readonly Assessment[] = ['honored', 'unmet', 'beyond-duty', 'consistent', 'unrecorded'];

export const KIND_WORDS: Record<string, string> = {
  'armed-attack': 'armed attack', 'armed-clash': 'armed clash', incident: 'incident', 'internal-unrest': 'internal unrest',
  'terrorist-attack': 'terrorist attack', threat: 'threat', 'declaration-of-war': 'declaration of war', 'status-change': 'change of standing',
};

export const RESPONSE_WORDS: Record<string, string> = {
  none: 'nothing', statement: 'a statement', consultation: 'consultations', sanctions: 'sanctions',
  'monitoring-mission': 'a monitoring mission', 'non-military-aid': 'non-military aid', 'military-aid': 'military aid',
};

export const DUTY_WORDS: Record<string, string> = {
  consult: 'to consult together',
  'consult-and-adopt-assistance-measures': 'to consult and agree on measures of help',
  'assist-including-military': 'to help, military help included',
  'assist-as-deemed-necessary': 'to help by the means each deems necessary, armed force included',
  'aid-and-assistance-by-all-means': 'to give aid and assistance by all the means in its power',
  'assist-in-meeting-the-attack': 'to help meet the attack',
  'act-to-meet-the-common-danger': 'to act to meet the common danger',
  'act-to-meet-the-common-dangers': 'to act to meet the common dangers',
};

export const STANDING_WORDS: Record<string, string> = {
  member: 'member', suspended: 'suspended', frozen: 'frozen', withdrawn: 'withdrawn', none: 'not a party',
};

/** Short treaty names for clause names ("CST Article 4 - collective defence"); other treaties use their full name. */
const TREATY_SHORT: Record<string, string> = {
  cst: 'CST', nato: 'NATO', eu: 'EU Treaty', rio: 'Rio Treaty', anzus: 'ANZUS', 'us-jpn': 'US-Japan Treaty',
  'us-phl': 'US-Philippines Treaty', 'ru-am-1997': 'Russia-Armenia Treaty',
};

export const kindWords = (kind: string): string => KIND_WORDS[kind] ?? kind.replace(/-/g, ' ');
export const responseWords = (r: string | null): string => (r === null ? 'nothing recorded' : RESPONSE_WORDS[r] ?? r.replace(/-/g, ' '));
export const dutyWords = (d: string): string => DUTY_WORDS[d] ?? d.replace(/-/g, ' ');
export const treatyShort = (id: string, name: string): string => TREATY_SHORT[id] ?? name;

/** "CST Article 4 - collective defence": what a student reads for `cst/art-4`. */
export function clauseName(c: { treaty: string; treatyName: string; article: string; clauseTitle: string }): string {
  const title = c.clauseTitle.charAt(0).toLowerCase() + c.clauseTitle.slice(1);
  return `${treatyShort(c.treaty, c.treatyName)} Article ${c.article} - ${title}`;
}

/** Code -> name, for the states (and actors) a view mentions. */
export type Names = Readonly<Record<string, string>>;

/** Replace every known state code in a sentence by its name ("in RUS's view" -> "in Russia's view"). */
export function withNames(text: string, names: Names): string {
  return text
    .replace(/\b([A-Z]{3})'s\b/g, (all, code: string) => (names[code] ? possessive(names[code]) : all))
    .replace(/\b[A-Z]{3}\b/g, (code) => names[code] ?? code);
}

/** "Russia's", "the United States'": a name ending in s takes the apostrophe alone. */
export const possessive = (name: string): string => (/s$/.test(name) ? `${name}'` : `${name}'s`);

/** What a verdict's reasons need to speak in sentences. */
export interface ReasonContext {
  obligorName: string;
  beneficiaryName: string;
  treatyName: string;
  date: string;
}

/**
 * One test of a clause as a sentence, true or false as it came out. Codes a
 * treaty file adds without a sentence here fall back to the treaty's own words.
 */
export function reasonSentence(r: { code: string; holds: boolean; because: string }, c: ReasonContext): string {
  const [ob, target] = [c.obligorName, c.beneficiaryName];
  const [obs, targets] = [possessive(ob), possessive(target)];
  const yes = r.holds;
  switch (r.code) {
    case 'treaty-in-force': return yes ? `The ${c.treatyName} was in force on ${c.date}.` : `The ${c.treatyName} was not in force on ${c.date}.`;
    case 'obligor-is-party': return yes ? `${ob} was a full party on that date.` : `${ob} was not a full party on that date.`;
    case 'target-is-party': return yes ? `${target} was a party on that date.` : `${target} was not a party on that date.`;
    case 'obligor-is-not-attacker': return yes ? `${ob} was not the attacker.` : `${ob} was itself the attacker.`;
    case 'event-is-covered': return yes ? 'The clause speaks of this kind of event.' : 'The clause does not speak of this kind of event.';
    case 'attacker-is-covered': return yes ? 'The clause speaks of this kind of attacker.' : 'The clause does not speak of this attacker.';
    case 'territory-is-targets': return yes ? `In ${obs} view, the place was ${targets} territory.` : `In ${obs} view, the place was not ${targets} territory.`;
    case 'in-treaty-area': return yes ? 'The place lies inside the area the treaty covers.' : 'The place lies outside the area the treaty covers.';
    case 'requested': return yes ? `${target} asked for help under this clause.` : `${target} did not ask for help under this clause.`;
    case 'obligation-not-suspended': return yes ? `${obs} duty towards ${target} was not suspended.` : `${obs} duty towards ${target} was suspended.`;
    default: return `${yes ? 'Holds' : 'Fails'}: "${r.because.trim()}"`;
  }
}

/** The words a glossary explains, each with its one-line meaning. */
export function glossary(): Array<{ term: string; meaning: string }> {
  return [
    ...STATUS_ORDER.map((s) => ({ term: `${STATUS_MARKS[s]} ${STATUS_WORDS[s]}`, meaning: STATUS_MEANINGS[s] })),
    ...ASSESSMENT_ORDER.map((a) => ({ term: `${ASSESSMENT_MARKS[a]} ${ASSESSMENT_WORDS[a]}`, meaning: ASSESSMENT_MEANINGS[a] })),
    { term: 'frozen', meaning: 'a party that has stopped taking part but has not left (Armenia in the CSTO since 2024)' },
    { term: 'suspended', meaning: 'a party whose rights and duties are put on hold' },
    { term: 'clause', meaning: 'one article of a treaty that creates a duty' },
    { term: 'what if', meaning: 'change one fact of the case and see which verdicts change' },
  ];
}

/** Every state's and actor's name by its code. */
export function namesOf(world: { states: ReadonlyArray<{ id: string; name: string }>; actors?: ReadonlyArray<{ id: string; name: string }> }): Names {
  return Object.fromEntries([...world.states, ...(world.actors ?? [])].map((x) => [x.id, x.name]));
}

/** A row whose status some named reading of the clause would change: a mark and a word. */
export const CONTESTED_MARK = '⚖';
export const CONTESTED_WORD = 'contested';
