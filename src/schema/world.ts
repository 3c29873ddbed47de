/**
 * The world file kind: states, non-state actors, special territories and sea
 * areas, and who recognizes whom as sovereign where. Files in rules/world/ and
 * the optional `world:` block of a scenario share this schema.
 */
import { z } from 'zod';
import { continent, isoDate, membership, ocean, slug, source, stateCode } from './common.js';

export const state = z
  .object({
    id: stateCode,
    name: z.string().min(1),
    continent,
    island: z.boolean().optional(),
    latitude: z.number().min(-90).max(90).optional(),
    note: z.string().optional(),
  })
  .strict();
export type State = z.infer<typeof state>;

export const actor = z
  .object({
    id: slug,
    name: z.string().min(1),
    kind: z.literal('non-state'),
    note: z.string().optional(),
  })
  .strict();
export type Actor = z.infer<typeof actor>;

/** A dated holder: of sovereignty or of administration. */
export const datedState = z
  .object({ state: stateCode.nullable(), from: isoDate.optional(), until: isoDate.optional(), note: z.string().optional() })
  .strict();

export const territory = z
  .object({
    id: slug,
    name: z.string().min(1),
    /**
     * A state code, a dated list, or null (high seas; a strip whose border is undelimited).
     * May be left out: the place then has no default sovereign, exactly as null says (DESIGN §1).
     */
    sovereign: z
      .union([stateCode, z.array(datedState).min(1)], {
        error: 'a state code (e.g. FRA), a dated list of holders, or null for no sovereign (or leave sovereign out)',
      })
      .nullable()
      .optional(),
    continent: continent.optional(),
    island: z.boolean().optional(),
    ocean: ocean.optional(),
    latitude: z.number().min(-90).max(90).optional(),
    /** East positive. Read by no rule: it places the page's map marker, with `latitude`. */
    longitude: z.number().min(-180).max(180).optional(),
    tags: z.array(slug).optional(),
    administrations: z.array(datedState).optional(),
    sources: z.array(source).optional(),
    note: z.string().optional(),
  })
  .strict();
export type Territory = z.infer<typeof territory>;

export const recognition = z
  .object({
    by: stateCode,
    territory: slug,
    /** null: the recognizing state sees no sovereign here (e.g. it regards the place as independent). */
    sovereign: stateCode.nullable(),
    from: isoDate,
    until: isoDate.optional(),
    source: source.optional(),
    note: z.string().optional(),
  })
  .strict();
export type Recognition = z.infer<typeof recognition>;

/** Great-power status over a period (the Correlates of War major-power list): a dated state attribute. */
export const greatPower = z
  .object({ state: stateCode, from: isoDate, until: isoDate.optional(), source: source.optional(), note: z.string().optional() })
  .strict();
export type GreatPower = z.infer<typeof greatPower>;

/** One state's declaration of war on another. A `declaration-of-war` event adds one from its date on. */
export const declarationOfWar = z
  .object({ by: stateCode, on: stateCode, date: isoDate, source: source.optional(), note: z.string().optional() })
  .strict();
export type DeclarationOfWar = z.infer<typeof declarationOfWar>;

export const worldMembership = membership.extend({ treaty: slug });
export type WorldMembership = z.infer<typeof worldMembership>;

export const worldFile = z
  .object({
    sources: z.array(source).optional(),
    notes: z.array(z.string()).optional(),
    states: z.array(state).optional(),
    actors: z.array(actor).optional(),
    territories: z.array(territory).optional(),
    recognitions: z.array(recognition).optional(),
    /** Memberships here are added to (and, for the same treaty and state, override) the treaty files' parties. */
    memberships: z.array(worldMembership).optional(),
    greatPowers: z.array(greatPower).optional(),
    declarationsOfWar: z.array(declarationOfWar).optional(),
  })
  .strict()
  .meta({ title: 'casus world file', description: 'States, actors, territories and recognitions (rules/world/*.yaml)' });
export type WorldFile = z.infer<typeof worldFile>;

/** The merged world the core works on. */
export interface World {
  states: State[];
  actors: Actor[];
  territories: Territory[];
  recognitions: Recognition[];
  memberships: WorldMembership[];
  greatPowers: GreatPower[];
  declarationsOfWar: DeclarationOfWar[];
}
