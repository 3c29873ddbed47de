/**
 * The treaty file kind (rules/treaties/*.yaml): parties with dated status and
 * clauses with dated versions. Each version quotes the operative words and
 * carries its json-rules-engine conditions; each condition names the reason
 * code it tests and the treaty words it encodes (`because`).
 */
import { z } from 'zod';
import { isoDate, membership, response, reasonCode, slug, source, stateCode } from './common.js';

export const OPERATORS = [
  'equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain',
  'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive',
] as const;

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A leaf test on one fact of the catalogue. No `path` or `params`: facts are plain values. */
export const leafCondition = z
  .object({
    fact: z.string().min(1),
    operator: z.enum(OPERATORS),
    value: z.union([scalar, z.array(scalar)]),
    code: reasonCode,
    because: z.string().min(1),
  })
  .strict();
export type LeafCondition = z.infer<typeof leafCondition>;

/** A reference to a named definition of the same treaty (inlined at load). */
export const definitionReference = z.object({ condition: slug }).strict();

/** A group may carry its own reason code: it then reads as one test ("in the treaty area"). */
interface Labelled { code?: string; because?: string }
export type Condition =
  | LeafCondition
  | { condition: string }
  | ({ all: Condition[] } & Labelled)
  | ({ any: Condition[] } & Labelled)
  | ({ not: Condition } & Labelled);

const label = { code: reasonCode.optional(), because: z.string().min(1).optional() };

export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    leafCondition,
    definitionReference,
    z.object({ all: z.array(condition).min(1), ...label }).strict(),
    z.object({ any: z.array(condition).min(1), ...label }).strict(),
    z.object({ not: condition, ...label }).strict(),
  ]),
);

export const topCondition = z.union([
  z.object({ all: z.array(condition).min(1) }).strict(),
  z.object({ any: z.array(condition).min(1) }).strict(),
]);
export type TopCondition = z.infer<typeof topCondition>;

const versionFields = {
  from: isoDate,
  until: isoDate.optional(),
  /** Where the date of this version is uncertain: what is known and which default was chosen. */
  dateNote: z.string().optional(),
  text: z.string().min(1),
  /** True where no verbatim text was found and `text` is a paraphrase from reports (the file must say so). */
  paraphrase: z.boolean().optional(),
  language: z.string().optional(),
  translation: z.string().optional(),
  source: source,
  duty: slug,
  satisfiedBy: z.array(response).min(1),
  /** Where the clause leaves the means to each party (NATO Art. 5), say how the assessment reads it. */
  discretion: z.string().optional(),
  conditions: topCondition,
  note: z.string().optional(),
};

/**
 * A clause version as the core judges it: every field present, the treaty's
 * shared tests and the inherited changes already applied (core/clause-versions.ts).
 * `definitions` holds the named definitions this version (or an earlier one)
 * changed; the treaty's own apply to the rest.
 */
export const clauseVersion = z
  .object({ ...versionFields, definitions: z.record(slug, condition).optional() })
  .strict();
export type ClauseVersion = z.infer<typeof clauseVersion>;

/** Words only: changes the treaty words (and perhaps the code) of an inherited test or definition, not what it tests. */
export const labelOnly = z.object({ code: reasonCode.optional(), because: z.string().min(1) }).strict();

/**
 * A clause version as written in a file: the first gives everything; a later
 * one inherits every field from the version before and says only what changed
 * (docs/design.md §2). `text` given means new words: `language`, `translation`
 * and `paraphrase` are then this version's own, and `source` is required.
 */
export const clauseVersionInFile = z
  .object({
    ...versionFields,
    text: versionFields.text.optional(),
    source: source.optional(),
    duty: slug.optional(),
    satisfiedBy: versionFields.satisfiedBy.optional(),
    conditions: topCondition.optional(),
    /** Replace the outermost test carrying this reason code with a new test. */
    replace: z.record(reasonCode, condition).optional(),
    /** The treaty words for the outermost test carrying this reason code (what it tests is unchanged). */
    words: z.record(reasonCode, z.string().min(1)).optional(),
    /** Tests added after the inherited ones. */
    add: z.array(condition).min(1).optional(),
    /** Named definitions changed from this version on: a new test, new words only, or null (no longer part of the clause). */
    definitions: z.record(slug, z.union([condition, labelOnly, z.null()])).optional(),
  })
  .strict();
export type ClauseVersionInFile = z.infer<typeof clauseVersionInFile>;

/** Who holds a reading of a clause, and where they said so. */
export const reading = z
  .object({
    label: z.string().min(1),
    heldBy: z.array(z.string().min(1)).min(1),
    sources: z.array(source).min(1),
    note: z.string().optional(),
  })
  .strict();
export type Reading = z.infer<typeof reading>;

/**
 * A contested reading of a clause, selected by name (`--interpretation ID`).
 * It replaces, in every version of the clause, the test carrying a reason code
 * (`replace: { event-is-covered: {...} }`), and may change what satisfies the duty.
 */
export const interpretation = reading
  .extend({
    id: slug,
    /** Apply only to the clause versions in force from this date on (a reading of an amended text). */
    versionsFrom: isoDate.optional(),
    replace: z.record(reasonCode, condition).optional(),
    satisfiedBy: z.array(response).min(1).optional(),
  })
  .strict();
export type Interpretation = z.infer<typeof interpretation>;

const clauseFields = {
  id: slug,
  article: z.string().min(1),
  title: z.string().min(1),
  /** The reading the shipped verdicts follow, with who holds it (needed where interpretations are given). */
  defaultReading: reading.optional(),
  interpretations: z.array(interpretation).optional(),
  note: z.string().optional(),
};

export const clause = z.object({ ...clauseFields, versions: z.array(clauseVersion).min(1) }).strict();
export type Clause = z.infer<typeof clause>;

export const clauseInFile = z.object({ ...clauseFields, versions: z.array(clauseVersionInFile).min(1) }).strict();
export type ClauseInFile = z.infer<typeof clauseInFile>;

export const suspension = z
  .object({
    by: stateCode,
    towards: stateCode,
    from: isoDate,
    until: isoDate.optional(),
    source: source,
    note: z.string().optional(),
  })
  .strict();
export type Suspension = z.infer<typeof suspension>;

const treatyFields = {
  id: slug,
  name: z.string().min(1),
  organization: z.string().optional(),
  signed: isoDate,
  inForce: z.object({ from: isoDate, until: isoDate.optional(), note: z.string().optional() }).strict(),
  sources: z.array(source).min(1),
  notes: z.array(z.string()).optional(),
  parties: z.array(membership.omit({ treaty: true })).min(1),
  /** One party's obligations suspended towards one other party (ANZUS: the US towards New Zealand since 1986). */
  suspensions: z.array(suspension).optional(),
  definitions: z.record(slug, condition).optional(),
};

/** A treaty as the core judges it (the loaded file, its versions resolved); what-if and effect paths address this. */
export const treaty = z.object({ ...treatyFields, clauses: z.array(clause).min(1) }).strict();
export type Treaty = z.infer<typeof treaty>;

/** The treaty file kind: shared tests declared once, clause versions that inherit. */
export const treatyFile = z
  .object({
    ...treatyFields,
    /** Tests every clause of the treaty makes before its own (in force, the parties, not the attacker); each clause may give its own words for them. */
    sharedTests: z.array(condition).min(1).optional(),
    clauses: z.array(clauseInFile).min(1),
  })
  .strict()
  .meta({ title: 'casus treaty file', description: 'One treaty: parties with dated status and clauses as json-rules-engine rules' });
export type TreatyFile = z.infer<typeof treatyFile>;
