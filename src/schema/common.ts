/**
 * Building blocks shared by every file kind: dates, codes, sources and the
 * contract vocabularies (event kinds, responses, statuses). Pure data + zod.
 */
import { z } from 'zod';

/** A real calendar date written YYYY-MM-DD (2022-02-30 is refused). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date written YYYY-MM-DD', abort: true })
  .refine(isRealDate, { message: 'a date that exists on the calendar' })
  .meta({ description: 'An ISO date, YYYY-MM-DD', examples: ['2022-09-13'] });

export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(2000, mo - 1, d));
  // Date.UTC reads the years 0-99 as 1900-1999: the year is set apart, so 0050-06-01 exists.
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** ISO 3166-1 alpha-3 (with room for scenario-local hypothetical states such as XXA). */
export const stateCode = z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'a state code of three capital letters (ISO 3166-1 alpha-3, e.g. ARM)' });

/** Characters in an id, code or name: the longest shipped id has 39; a 200 KB one is refused, not searched for near misses. */
export const MAX_ID_LENGTH = 100;

/** Kebab-case identifiers for territories, actors, treaties, events, scenarios. */
export const slug = z
  .string()
  .max(MAX_ID_LENGTH, { abort: true })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'a kebab-case id (lower-case letters, digits and hyphens)' });

export const source = z
  .object({
    title: z.string().min(1),
    url: z.string().url().optional(),
    date: isoDate.optional(),
    note: z.string().optional(),
  })
  .strict()
  .meta({ description: 'A public source for a fact: a title and, where there is one, a URL' });
export type Source = z.infer<typeof source>;

export const continent = z.enum(['europe', 'asia', 'africa', 'north-america', 'south-america', 'oceania', 'antarctica']);

export const ocean = z.enum([
  'north-atlantic', 'south-atlantic', 'pacific', 'indian', 'arctic', 'mediterranean',
  'black-sea', 'baltic-sea', 'caribbean', 'south-china-sea', 'east-china-sea',
]);

/**
 * Event kinds (docs/design.md §1, contract; `status-change` added for political acts such as a freeze;
 * `declaration-of-war` apart from the first armed attack, since the 1914 clauses turn on who
 * attacked or declared war on whom).
 */
export const eventKind = z.enum([
  'armed-attack', 'armed-clash', 'incident', 'internal-unrest', 'terrorist-attack', 'threat', 'status-change',
  'declaration-of-war',
]);

/** Responses, weakest first (contract). The order is the strength order. */
export const RESPONSES = [
  'none', 'statement', 'consultation', 'sanctions', 'monitoring-mission', 'non-military-aid', 'military-aid',
] as const;
export const response = z.enum(RESPONSES);
export type Response = z.infer<typeof response>;

export const membershipStatus = z.enum(['member', 'suspended', 'frozen', 'withdrawn']);
export type MembershipStatus = z.infer<typeof membershipStatus>;

export const targetKind = z.enum(['territory', 'forces', 'vessel', 'aircraft']);

export const verdictStatus = z.enum(['obliged', 'not-obliged', 'obliged-if-requested']);
export type VerdictStatus = z.infer<typeof verdictStatus>;

export const assessment = z.enum(['honored', 'unmet', 'beyond-duty', 'consistent', 'unrecorded']);
export type Assessment = z.infer<typeof assessment>;

/** Reason codes (contract, extendable by a clause). */
export const REASON_CODES = [
  'treaty-in-force', 'obligor-is-party', 'target-is-party', 'obligor-is-not-attacker', 'event-is-covered',
  'attacker-is-covered', 'territory-is-targets', 'in-treaty-area', 'requested',
] as const;
/** @alias A reason code is spelled as a slug; the name says what the field holds. */
export const reasonCode = slug;

/** A clause is named treaty/clause, e.g. cst/art-4. */
export const clauseRef = z
  .string()
  .max(MAX_ID_LENGTH * 2 + 1, { abort: true })
  .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, { message: 'a clause named treaty/clause, e.g. cst/art-4' });

/** A dated membership of a state in a treaty (treaty files and scenario worlds). */
export const membership = z
  .object({
    treaty: slug.optional(),
    state: stateCode,
    status: membershipStatus,
    from: isoDate,
    until: isoDate.optional(),
    source: source.optional(),
    note: z.string().optional(),
  })
  .strict();
