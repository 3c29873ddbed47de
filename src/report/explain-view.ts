/**
 * One verdict's explanation as a view-model: everything `casus explain` prints
 * and the classroom page's reasons panel shows, in the words a person reads
 * (names, sentences), with the codes kept beside them for those who want them.
 * Both render this one model, so they cannot drift apart. Pure.
 */
import type { Explanation } from '../core/explain.js';
import type { Reason } from '../core/evaluate-clause.js';
import type { Assessment, VerdictStatus } from '../schema/common.js';
import { eventLine, reasonLine } from './render-text.js';
import {
  ASSESSMENT_MEANINGS, ASSESSMENT_WORDS, STATUS_MEANINGS, STATUS_WORDS, clauseName, dutyWords, reasonSentence, responseWords, withNames,
  type Names, type ReasonContext,
} from './vocabulary.js';

export interface TestView {
  code: string;
  holds: boolean;
  /** The test as a sentence, true or false as it came out. */
  sentence: string;
  /** The treaty words it encodes. */
  because: string;
  /** `fact operator value`, for a reader checking the rule. */
  condition: string;
  /** What was found, names for codes. */
  found: string;
  /** A labelled group's limbs (NATO's Article 6 area): which held. */
  limbs?: TestView[];
}

export interface ExplainView {
  obligor: string;
  obligorName: string;
  clause: string;
  clauseName: string;
  treatyName: string;
  article: string;
  clauseTitle: string;
  status: VerdictStatus;
  statusWords: string;
  statusMeaning: string;
  date: string;
  caseLine: string;
  eventLine: string;
  /** The verdict in one sentence. */
  reasonLine: string;
  /** The wording in force on the date; absent where no version is in force (then `notInForce` says when they are). */
  wording?: {
    from: string;
    until?: string;
    text: string;
    language?: string;
    translation?: string;
    source: { title: string; url?: string };
    /** Set when no verbatim text was found: the words are a paraphrase from reports. */
    paraphraseNote?: string;
    /** Where the date of this wording is uncertain. */
    dateNote?: string;
    note?: string;
  };
  notInForce?: string;
  /** The named readings that would give this row another status (empty: settled), each with who holds it. */
  contested: Array<{ reading: string; statusWords: string; label: string; heldBy: string; kind: string; from?: string }>;
  tests: TestView[];
  territory: { viewer: string; viewerName: string; place: string; sovereign: string | null; sovereignName: string; basis: string; basisWords: string; note?: string };
  duty: {
    duty: string;
    dutyWords: string;
    satisfiedBy: string[];
    satisfiedByWords: string[];
    actual: string | null;
    actualWords: string;
    /** The organization whose response counted for this state, if not its own. */
    recordedBy?: string;
    notes: string[];
    discretion?: string;
    reading?: string;
    assessment: Assessment;
    assessmentWords: string;
    assessmentMeaning: string;
  };
}

const BASIS_WORDS: Record<string, string> = {
  'state-territory': "a state's own, undisputed territory",
  'own-recognition': 'its own recognition',
  'default-sovereign': "no recognition of its own, so the territory's default sovereign",
  'no-sovereign': 'no sovereign is recognized here',
};

export const PARAPHRASE_NOTE = 'a paraphrase from reports: no verbatim text was found';

function testView(r: Reason, c: ReasonContext, names: Names): TestView {
  return {
    code: r.code,
    holds: r.holds,
    sentence: reasonSentence(r, c),
    because: r.because.trim(),
    condition: r.condition,
    found: withNames(r.found, names),
    ...(r.parts ? { limbs: r.parts.map((p) => testView(p, c, names)) } : {}),
  };
}

/** The explanation in words. `names` turns codes into names (every state of the world, say); codes it lacks stay codes. */
export function explainView(x: Explanation, names: Names = {}): ExplainView {
  const v = x.verdict;
  const ver = x.version;
  const t = x.territoryView;
  const all: Names = { ...names, [v.obligor]: v.obligorName, [v.beneficiary]: v.beneficiaryName };
  const context: ReasonContext = { obligorName: v.obligorName, beneficiaryName: v.beneficiaryName, treatyName: x.treatyName, date: v.date };
  return {
    obligor: v.obligor,
    obligorName: v.obligorName,
    clause: v.clause,
    clauseName: clauseName(v),
    treatyName: x.treatyName,
    article: v.article,
    clauseTitle: v.clauseTitle,
    status: v.status,
    statusWords: STATUS_WORDS[v.status],
    statusMeaning: STATUS_MEANINGS[v.status],
    date: v.date,
    caseLine: `${x.scenario.title} — ${x.event.date} ${x.event.title}`,
    eventLine: eventLine(x.event),
    reasonLine: reasonLine(v, all),
    ...(ver ? {} : { notInForce: `The clause is not in force on ${v.date}: its versions are in force ${x.versionSpans}.` }),
    contested: x.contested.map((c) => ({
      reading: c.reading, statusWords: STATUS_WORDS[c.status], label: c.label.trim(), heldBy: c.heldBy, kind: c.kind, ...(c.from ? { from: c.from } : {}),
    })),
    ...(ver ? { wording: {
      from: ver.from,
      ...(ver.until ? { until: ver.until } : {}),
      text: ver.text.trim(),
      ...(ver.language ? { language: ver.language } : {}),
      ...(ver.translation ? { translation: ver.translation.trim() } : {}),
      source: { title: ver.source.title, ...(ver.source.url ? { url: ver.source.url } : {}) },
      ...(ver.paraphrase ? { paraphraseNote: PARAPHRASE_NOTE } : {}),
      ...(ver.dateNote ? { dateNote: ver.dateNote.trim() } : {}),
      ...(ver.note ? { note: ver.note.trim() } : {}),
    } } : {}),
    tests: v.reasons.map((r) => testView(r, context, all)),
    territory: {
      viewer: t.viewer,
      viewerName: v.obligorName,
      place: t.territoryName,
      sovereign: t.sovereign,
      sovereignName: t.sovereignName ?? 'no state',
      basis: t.basis,
      basisWords: BASIS_WORDS[t.basis] ?? t.basis,
      ...(t.note ? { note: t.note } : {}),
    },
    duty: {
      duty: v.duty,
      dutyWords: dutyWords(v.duty),
      satisfiedBy: [...(ver?.satisfiedBy ?? [])],
      satisfiedByWords: (ver?.satisfiedBy ?? []).map((r) => responseWords(r)),
      actual: v.actual,
      actualWords: responseWords(v.actual),
      ...(v.recordedBy && v.recordedBy !== v.obligor ? { recordedBy: v.recordedBy } : {}),
      notes: [...x.actualNotes],
      ...(ver?.discretion ? { discretion: ver.discretion.trim() } : {}),
      ...(v.reading ? { reading: v.reading } : {}),
      assessment: v.assessment,
      assessmentWords: ASSESSMENT_WORDS[v.assessment],
      assessmentMeaning: ASSESSMENT_MEANINGS[v.assessment],
    },
  };
}
