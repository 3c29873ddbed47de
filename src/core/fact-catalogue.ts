/**
 * The fact catalogue: every fact a clause condition may read, built from the
 * one-record-per-fact files in facts/ (docs/design.md §4), and `deriveFacts`,
 * the pure function that computes them for one (event, treaty, clause,
 * obligor) on the event's date, in the obligor's view.
 *
 * Rules files name facts only from this list; they are checked against it when
 * they load, so the engine never meets an undefined fact. To add a fact, write
 * its record in the file of its subject and list it here.
 */
import { attackDirectedFromAbroad, attackerKind, eventKind, obligorIsAttacker, targetKind } from './facts/event.js';
import {
  attackerContinent, attackingStates, attackProvokedByTarget, attackSupportedBy, nonPartyGreatPowersAtWarWithTarget, obligorExemptTowardsAttacker,
  obligorState, statesAtWarWithTarget, targetAtWarWithAttacker, targetProtectedByTreaty, targetState, designatedStateInvitedAction,
} from './facts/belligerency.js';
import { FactScope, type FactChange, type FactContext, type FactRecord, type FactValue, type Facts } from './facts/fact.js';
import { placeContinent, placeIsIsland, placeIsMetropolitanTerritory, placeLatitude, placeOcean, placeTags } from './facts/place.js';
import { aidRequestedUnderClause, anyPartyRequestedUnderClause, treatyInvokedByTarget } from './facts/requests.js';
import { attackerIsPartyOnDate, obligationSuspendedTowardsTarget, obligorStatusOnDate, targetStatusOnDate, treatyInForceOnDate } from './facts/standing.js';
import {
  placeAdministeredByPartyOnDate, placeAdministeredByTargetOnDate, territoryAdministeredByOnDate, territoryBelongsToTargetInObligorsView,
  territoryBelongsToTargetInTargetsView, territorySovereignInObligorsView, territorySovereignIsPartyInObligorsView,
} from './facts/territory.js';

export type { FactChange, FactContext, FactRecord, FactValue, Facts } from './facts/fact.js';

export const FACT_CATALOGUE: readonly FactRecord[] = [
  treatyInForceOnDate, obligorStatusOnDate, targetStatusOnDate, obligorIsAttacker, attackerIsPartyOnDate,
  eventKind, attackerKind, targetKind, attackDirectedFromAbroad,
  territoryBelongsToTargetInObligorsView, territorySovereignInObligorsView, territorySovereignIsPartyInObligorsView, territoryAdministeredByOnDate,
  placeContinent, placeIsIsland, placeOcean, placeLatitude, placeTags,
  territoryBelongsToTargetInTargetsView, placeIsMetropolitanTerritory, placeAdministeredByTargetOnDate, placeAdministeredByPartyOnDate,
  obligationSuspendedTowardsTarget,
  aidRequestedUnderClause, treatyInvokedByTarget, anyPartyRequestedUnderClause,
  obligorState, targetState, statesAtWarWithTarget, attackingStates, attackSupportedBy, attackerContinent,
  nonPartyGreatPowersAtWarWithTarget, attackProvokedByTarget, targetAtWarWithAttacker, targetProtectedByTreaty, obligorExemptTowardsAttacker,
  designatedStateInvitedAction,
];

export const FACT_IDS: ReadonlySet<string> = new Set(FACT_CATALOGUE.map((f) => f.id));

const BY_ID: ReadonlyMap<string, FactRecord> = new Map(FACT_CATALOGUE.map((f) => [f.id, f]));

export function factRecord(id: string): FactRecord | undefined {
  return BY_ID.get(id);
}

/** Is this a request fact (who asked whom)? */
export function isRequestFact(id: string): boolean {
  return BY_ID.get(id)?.request === true;
}

/**
 * The catalogue's facts for one row, each derived the first time it is read:
 * a row reads the few facts its clause tests (and, if its reasons are worded,
 * the few those words name), not all of them. Read-only, and not to be spread
 * or listed (the facts are getters of the class, not own fields): a caller
 * that needs every fact as data takes deriveFacts.
 */
class FactsOnDemand {
  readonly #scope: FactScope;
  readonly #known = new Map<string, FactValue>();
  constructor(scope: FactScope) {
    this.#scope = scope;
  }
  static {
    for (const record of FACT_CATALOGUE) {
      Object.defineProperty(FactsOnDemand.prototype, record.id, {
        get(this: FactsOnDemand) {
          if (!this.#known.has(record.id)) this.#known.set(record.id, record.derive(this.#scope));
          return this.#known.get(record.id);
        },
      });
    }
  }
}

/** The facts of one row, derived as they are read (FactsOnDemand): the same values deriveFacts gives. */
export function factsOnDemand(ctx: FactContext): Facts {
  return new FactsOnDemand(new FactScope(ctx)) as unknown as Facts;
}

/** Derive every catalogue fact. Pure: the same context always gives the same facts. */
export function deriveFacts(ctx: FactContext): Facts {
  const scope = new FactScope(ctx);
  const facts: Facts = {};
  for (const record of FACT_CATALOGUE) facts[record.id] = record.derive(scope);
  return facts;
}

/** A reader's sentence for a fact's value, where the bare value would puzzle a class. */
export function factInWords(id: string, facts: Facts, ctx: FactContext): string | undefined {
  return BY_ID.get(id)?.inWords?.(facts, ctx);
}

/** The what-if changes that would give `fact` the value `value` for this row: the one place that knows. */
export function changesFor(fact: string, value: FactValue, ctx: FactContext): FactChange[] {
  return BY_ID.get(fact)?.changesTo?.(value, ctx) ?? [];
}

/** Where the event happened, as the treaty-area tests see it: "the forces of USA at Idlib: asia, 35.9°N". */
export function placeInWords(facts: Facts, ctx: FactContext): string {
  const { event, world, obligor } = ctx;
  const name = world.territories.find((t) => t.id === event.territory)?.name ?? world.states.find((s) => s.id === event.territory)?.name ?? event.territory;
  const lat = facts.placeLatitude;
  const parts = [
    facts.placeContinent ?? 'at sea',
    facts.placeIsIsland === true ? 'an island' : undefined,
    facts.placeOcean ? `in the ${String(facts.placeOcean)}` : undefined,
    typeof lat === 'number' ? `${Math.abs(lat)}°${lat >= 0 ? 'N' : 'S'}` : undefined,
  ].filter((p): p is string => p !== undefined);
  const what = facts.targetKind === 'territory' ? '' : `${event.target}'s ${String(facts.targetKind)} at `;
  const sovereign = facts.territorySovereignInObligorsView;
  const whose = sovereign === null || sovereign === undefined ? "no state's" : `${String(sovereign)}'s`;
  return `${what}${name} (${parts.join(', ')}), ${whose} in ${obligor}'s view`;
}
