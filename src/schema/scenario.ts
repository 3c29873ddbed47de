/**
 * The scenario file kind (scenarios/*.yaml, docs/design.md §2, contract): dated events,
 * requests, what actually happened, and the expected legal answers. Also the
 * change syntax shared by event `effects` and what-if files.
 */
import { z } from 'zod';
import {
  assessment, clauseRef, eventKind, isoDate, MAX_ID_LENGTH, response, slug, source, stateCode, targetKind, verdictStatus,
} from './common.js';
import { worldFile } from './world.js';

/** Characters in a change path: a few ids joined by dots. */
export const MAX_CHANGE_PATH_LENGTH = 500;

/** A dotted path; list items are addressed by their id (`events.offensive.requests`). */
export const changePath = z
  .string()
  .max(MAX_CHANGE_PATH_LENGTH, { abort: true })
  .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_\/-]+)*$/, { message: 'a dotted path such as events.offensive.requests' });

export const change = z.union([
  z.object({ set: changePath, value: z.unknown() }).strict(),
  z.object({ add: changePath, value: z.unknown() }).strict(),
  z.object({ remove: changePath }).strict(),
]);
export type Change = z.infer<typeof change>;

/** A state code or a non-state actor id; `cst`-style organization ids are treaty ids. */
const actorRef = z.string().max(MAX_ID_LENGTH, { abort: true }).regex(/^([A-Z]{3}|[a-z0-9]+(-[a-z0-9]+)*)$/, {
  message: 'a state code (ARM) or an actor or organization id (al-qaeda, cst)',
});

export const request = z
  .object({
    by: stateCode,
    /** The clause invoked; omitted for an appeal made under no clause of a shipped treaty. */
    clause: clauseRef.optional(),
    /** A state or organization addressed; omitted means every party. */
    to: actorRef.optional(),
    date: isoDate,
    source: source.optional(),
    note: z.string().optional(),
  })
  .strict();

export const actual = z
  .object({
    by: actorRef,
    response,
    date: isoDate.optional(),
    /** Optional: the clause this response answers (otherwise it counts for every clause). */
    clause: clauseRef.optional(),
    source: source.optional(),
    note: z.string().optional(),
  })
  .strict();

/** A sourced claim that names one state: who supported the attacker, who provoked the attack. */
export const stateClaim = z
  .object({ state: stateCode, source: source.optional(), note: z.string().optional() })
  .strict();

export const expectation = z
  .object({
    clause: clauseRef,
    obligor: z.union([stateCode, z.literal('*')]),
    status: z.union([z.enum([...verdictStatus.options, 'absent']), z.array(z.enum([...verdictStatus.options, 'absent'])).min(1)]),
    because: slug.optional(),
    duty: slug.optional(),
    assessment: assessment.optional(),
    /** true: some named reading of the clause gives the row another status; false: every reading agrees. */
    contested: z.boolean().optional(),
    /** How many rows the clause has for the event, every obligor counted ("every other member" can then be stated). */
    rows: z.number().int().min(0).optional(),
    /** The sentence that names the test; the loader takes it from the comment above the entry when absent. */
    says: z.string().optional(),
  })
  .strict();
export type Expectation = z.infer<typeof expectation>;

export const event = z
  .object({
    id: slug,
    date: isoDate,
    title: z.string().optional(),
    kind: eventKind,
    attacker: actorRef.optional(),
    /** States attacking together with `attacker` (Czechoslovakia 1968: four armies); `attacker` stays the one named first. */
    coBelligerents: z.array(stateCode).optional(),
    /** States backing the attacker without (yet) fighting: "Austria supported by Germany". */
    supportedBy: z.array(stateClaim).optional(),
    /** Whose acts provoked the attack, by the sources (the non-provocation clauses read it); empty: none found. */
    provokedBy: z.array(stateClaim).optional(),
    target: stateCode,
    territory: z.string().min(1).max(MAX_ID_LENGTH),
    targetKind: targetKind.optional(),
    /**
     * Was the attack directed from abroad? (The North Atlantic Council's test of 2001-09-12 for a
     * terrorist attack.) Left out: for a foreign state's attack, yes; for a non-state group, not determined.
     */
    directedFromAbroad: z.boolean().optional(),
    sources: z.array(source).optional(),
    note: z.string().optional(),
    requests: z.array(request).optional(),
    actual: z.array(actual).optional(),
    effects: z.array(change).optional(),
    expect: z.array(expectation).optional(),
  })
  .strict();
export type ScenarioEvent = z.infer<typeof event>;

export const scenarioFile = z
  .object({
    id: slug,
    title: z.string().min(1),
    summary: z.string().optional(),
    sources: z.array(source).optional(),
    notes: z.array(z.string()).optional(),
    world: worldFile.optional(),
    events: z.array(event).min(1),
  })
  .strict()
  .meta({ title: 'casus scenario', description: 'Dated events, requests, actual responses and expected verdicts (docs/design.md §2)' });
export type Scenario = z.infer<typeof scenarioFile>;

export const whatIfFile = z
  .object({
    id: slug,
    title: z.string().min(1),
    summary: z.string().optional(),
    base: z.string().min(1),
    sources: z.array(source).optional(),
    notes: z.array(z.string()).optional(),
    changes: z.array(change),
    expect: z.array(expectation.extend({ event: slug })).optional(),
  })
  .strict()
  .meta({ title: 'casus what-if', description: 'Changes to a base scenario (docs/design.md §2)' });
export type WhatIf = z.infer<typeof whatIfFile>;
