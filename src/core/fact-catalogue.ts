/**
 * The fact catalogue: every fact a clause condition may read, with its type
 * and meaning, and `deriveFacts`, the pure function that computes them for one
 * (event, treaty, clause, obligor) on the event's date, in the obligor's view.
 *
 * Rules files name facts only from this list; they are checked against it when
 * they load, so the engine never meets an undefined fact.
 */
import { eventKind, continent, ocean, targetKind } from '../schema/common.js';
import type { ScenarioEvent } from '../schema/scenario.js';
import type { Treaty } from '../schema/treaty.js';
import type { World } from '../schema/world.js';
import { PARTY_STATUSES, statusOn, treatyInForceOn } from './membership.js';
import { administratorOn, findTerritory, sovereigntyInViewOf } from './recognition.js';
import { isActiveOn } from './dates.js';
import {
  attackingStates, nonPartyGreatPowersAtWarWithTarget, obligorExemptTowardsAttacker, protectedByTreatyOn, statesAtWarWith,
  targetAtWarWithAttacker,
} from './belligerency.js';

const STATUS_VALUES = ['member', 'suspended', 'frozen', 'withdrawn', 'none'] as const;

export interface FactDefinition {
  id: string;
  type: 'boolean' | 'enum' | 'number' | 'string' | 'list';
  /** Allowed values for an enum (and for list items), checked in rule files at load. */
  values?: readonly string[];
  nullable?: boolean;
  description: string;
}

export const FACT_CATALOGUE: readonly FactDefinition[] = [
  { id: 'treatyInForceOnDate', type: 'boolean', description: 'The treaty is in force on the event date' },
  { id: 'obligorStatusOnDate', type: 'enum', values: STATUS_VALUES, description: "The obligor's standing under the treaty on the event date" },
  { id: 'targetStatusOnDate', type: 'enum', values: STATUS_VALUES, description: "The attacked state's standing under the treaty on the event date" },
  { id: 'obligorIsAttacker', type: 'boolean', description: 'The obligor is the attacker' },
  { id: 'attackerIsPartyOnDate', type: 'boolean', description: 'The attacker is itself a party (member, suspended or frozen) on the date' },
  { id: 'eventKind', type: 'enum', values: eventKind.options, description: 'What kind of event this is' },
  { id: 'attackerKind', type: 'enum', values: ['state', 'non-state', 'none'], description: 'Whether the attacker is a state, a non-state actor, or not established' },
  { id: 'targetKind', type: 'enum', values: targetKind.options, description: "What of the target's was hit: its territory, forces, a vessel or an aircraft" },
  { id: 'territoryBelongsToTargetInObligorsView', type: 'boolean', description: "The place is the target's territory in the obligor's own recognition on the date" },
  { id: 'territorySovereignInObligorsView', type: 'string', nullable: true, description: "Whose the place is in the obligor's own recognition (null: no sovereign)" },
  { id: 'territorySovereignIsPartyInObligorsView', type: 'boolean', description: "The place belongs, in the obligor's view, to a state that is a party on the date" },
  { id: 'territoryAdministeredByOnDate', type: 'string', nullable: true, description: 'The state administering the place on the date' },
  { id: 'placeContinent', type: 'enum', values: continent.options, nullable: true, description: 'The continent of the place (null for sea areas)' },
  { id: 'placeIsIsland', type: 'boolean', description: 'The place is an island or island group' },
  { id: 'placeOcean', type: 'enum', values: ocean.options, nullable: true, description: 'The ocean or sea the place lies in or on' },
  { id: 'placeLatitude', type: 'number', nullable: true, description: 'Latitude of the place in decimal degrees' },
  { id: 'placeTags', type: 'list', description: 'Free words on the territory that a clause may test (e.g. algerian-departments-of-france)' },
  { id: 'territoryBelongsToTargetInTargetsView', type: 'boolean', description: "The place is the attacked state's territory in its own recognition on the date (for readings that defer to it where the obligor sees no sovereign)" },
  { id: 'placeIsMetropolitanTerritory', type: 'boolean', description: "The place is a state's metropolitan territory: named by its state code, not an overseas, special or disputed territory or a sea" },
  { id: 'placeAdministeredByTargetOnDate', type: 'boolean', description: 'The attacked state administers (has jurisdiction over) the place on the date' },
  { id: 'placeAdministeredByPartyOnDate', type: 'boolean', description: 'A state that is a party on the date administers (has jurisdiction over) the place' },
  { id: 'obligationSuspendedTowardsTarget', type: 'boolean', description: "The obligor's obligations towards the attacked state are suspended on the date (a treaty's per-pair suspensions)" },
  { id: 'aidRequestedUnderClause', type: 'boolean', description: 'The attacked state requested action under this clause, addressed to this obligor, its organization or all parties' },
  { id: 'treatyInvokedByTarget', type: 'boolean', description: 'The attacked state invoked the treaty, under any of its clauses, addressed to this obligor, its organization or all parties' },
  { id: 'targetState', type: 'string', description: 'The attacked state (for clauses that name who owes whom: "in case Italy ... should be attacked by France")' },
  { id: 'obligorState', type: 'string', description: 'The obligor (for clauses that bind one named party only: "This same obligation shall devolve upon Italy")' },
  { id: 'statesAtWarWithTarget', type: 'number', description: 'How many states are at war with the attacked state on the date (declarations either way, or attacking in this event)' },
  { id: 'attackingStates', type: 'list', description: 'Every state attacking in the event: the attacker and its co-belligerents' },
  { id: 'attackSupportedBy', type: 'list', description: 'The states backing the attacker, by the sources ("Austria supported by Germany")' },
  { id: 'attackerContinent', type: 'enum', values: continent.options, nullable: true, description: "The continent of the attacking state (null for a non-state attacker or none): \"a European Power\"" },
  { id: 'nonPartyGreatPowersAtWarWithTarget', type: 'number', description: 'How many great powers (Correlates of War list, on the date) that are not parties are at war with the attacked state on the date' },
  { id: 'attackProvokedByTarget', type: 'boolean', description: 'The sources name the attacked state among those whose acts provoked the attack' },
  { id: 'targetAtWarWithAttacker', type: 'boolean', description: 'The attacked state and an attacker have declared war, one on the other, by the date ("involved in war")' },
  { id: 'targetProtectedByTreaty', type: 'boolean', description: 'The treaty names the attacked state as one it protects on the date (a protocol state, a guaranteed neutral)' },
  { id: 'obligorExemptTowardsAttacker', type: 'boolean', description: 'An exemption of the obligor towards an attacker is in force (a treaty of general arbitration)' },
  { id: 'anyPartyRequestedUnderClause', type: 'boolean', description: 'Some party requested action under this clause for this event' },
];

export const FACT_IDS: ReadonlySet<string> = new Set(FACT_CATALOGUE.map((f) => f.id));

export type FactValue = string | number | boolean | null | readonly string[];
export type Facts = Record<string, FactValue>;

export interface FactContext {
  world: World;
  treaty: Treaty;
  clauseRef: string;
  event: ScenarioEvent;
  obligor: string;
}

export function attackerKindOf(world: World, attacker: string | undefined): 'state' | 'non-state' | 'none' {
  if (attacker === undefined) return 'none';
  return world.actors.some((a) => a.id === attacker) ? 'non-state' : 'state';
}

function requestReaches(to: string | undefined, obligor: string, treatyId: string): boolean {
  return to === undefined || to === obligor || to === treatyId;
}

/** Derive every catalogue fact. Pure: the same context always gives the same facts. */
export function deriveFacts(ctx: FactContext): Facts {
  const { world, treaty, event, obligor, clauseRef } = ctx;
  const date = event.date;
  const view = sovereigntyInViewOf(world, event.territory, obligor, date);
  const territory = findTerritory(world, event.territory);
  const state = territory ? undefined : world.states.find((s) => s.id === event.territory);
  const requests = (event.requests ?? []).filter((r) => r.clause === clauseRef);
  const attackerStatus = event.attacker === undefined ? 'none' : statusOn(treaty, world, event.attacker, date);
  const administrator = administratorOn(world, event.territory, date);
  return {
    treatyInForceOnDate: treatyInForceOn(treaty, date),
    obligorStatusOnDate: statusOn(treaty, world, obligor, date),
    targetStatusOnDate: statusOn(treaty, world, event.target, date),
    obligorIsAttacker: event.attacker === obligor || (event.coBelligerents ?? []).includes(obligor),
    attackerIsPartyOnDate: PARTY_STATUSES.includes(attackerStatus),
    eventKind: event.kind,
    attackerKind: attackerKindOf(world, event.attacker),
    targetKind: event.targetKind ?? 'territory',
    territoryBelongsToTargetInObligorsView: view.sovereign === event.target,
    territorySovereignInObligorsView: view.sovereign,
    territoryBelongsToTargetInTargetsView: sovereigntyInViewOf(world, event.territory, event.target, date).sovereign === event.target,
    territorySovereignIsPartyInObligorsView:
      view.sovereign !== null && PARTY_STATUSES.includes(statusOn(treaty, world, view.sovereign, date)),
    territoryAdministeredByOnDate: administrator,
    placeIsMetropolitanTerritory: territory === undefined && state !== undefined,
    placeAdministeredByTargetOnDate: administrator === event.target,
    placeAdministeredByPartyOnDate: administrator !== null && PARTY_STATUSES.includes(statusOn(treaty, world, administrator, date)),
    obligationSuspendedTowardsTarget: (treaty.suspensions ?? []).some(
      (s) => s.by === obligor && s.towards === event.target && isActiveOn(s, date),
    ),
    placeContinent: territory ? territory.continent ?? null : state?.continent ?? null,
    placeIsIsland: (territory ? territory.island : state?.island) ?? false,
    placeOcean: territory?.ocean ?? null,
    placeLatitude: territory ? territory.latitude ?? null : state?.latitude ?? null,
    placeTags: territory?.tags ?? [],
    treatyInvokedByTarget: (event.requests ?? []).some(
      (r) => r.clause?.startsWith(`${treaty.id}/`) === true && r.by === event.target && requestReaches(r.to, obligor, treaty.id),
    ),
    aidRequestedUnderClause: requests.some((r) => r.by === event.target && requestReaches(r.to, obligor, treaty.id)),
    anyPartyRequestedUnderClause: requests.some((r) => PARTY_STATUSES.includes(statusOn(treaty, world, r.by, date))),
    targetState: event.target,
    obligorState: obligor,
    statesAtWarWithTarget: statesAtWarWith(world, event.target, event).length,
    attackingStates: attackingStates(world, event),
    attackSupportedBy: (event.supportedBy ?? []).map((x) => x.state),
    attackerContinent: attackerContinentOf(world, event),
    nonPartyGreatPowersAtWarWithTarget: nonPartyGreatPowersAtWarWithTarget(world, treaty, event).length,
    attackProvokedByTarget: (event.provokedBy ?? []).some((x) => x.state === event.target),
    targetAtWarWithAttacker: targetAtWarWithAttacker(world, event),
    targetProtectedByTreaty: protectedByTreatyOn(treaty, event.target, date),
    obligorExemptTowardsAttacker: obligorExemptTowardsAttacker(world, treaty, event, obligor),
  };
}

function attackerContinentOf(world: World, event: ScenarioEvent): string | null {
  return world.states.find((s) => s.id === event.attacker)?.continent ?? null;
}

function nameOf(world: World, code: string): string {
  return world.states.find((s) => s.id === code)?.name ?? code;
}

function namesOf(world: World, codes: readonly string[]): string {
  const names = codes.map((c) => nameOf(world, c));
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A reader's sentence for a fact's value, where the bare value would puzzle a class. */
export function factInWords(id: string, facts: Facts, ctx: FactContext): string | undefined {
  const { event, obligor, clauseRef } = ctx;
  const place = ctx.world.territories.find((t) => t.id === event.territory)?.name ?? event.territory;
  switch (id) {
    case 'territoryBelongsToTargetInObligorsView': {
      const s = facts.territorySovereignInObligorsView;
      return `in ${obligor}'s view ${place} is ${s === null ? 'no state\'s' : `${s}'s`}`;
    }
    case 'obligorStatusOnDate':
      return `${obligor} is ${facts.obligorStatusOnDate === 'none' ? 'not a party' : facts.obligorStatusOnDate} on ${event.date}`;
    case 'targetStatusOnDate':
      return `${event.target} is ${facts.targetStatusOnDate === 'none' ? 'not a party' : facts.targetStatusOnDate} on ${event.date}`;
    case 'aidRequestedUnderClause':
      return facts.aidRequestedUnderClause ? `${event.target} requested it under ${clauseRef}` : `${event.target} made no request under ${clauseRef}`;
    case 'eventKind':
      return `the event is ${facts.eventKind}`;
    case 'attackerKind':
      return facts.attackerKind === 'none' ? 'no attacker is established' : `the attacker is a ${facts.attackerKind} actor`;
    case 'treatyInForceOnDate':
      return facts.treatyInForceOnDate ? undefined : `the treaty is not in force on ${event.date}`;
    case 'obligorIsAttacker':
      return facts.obligorIsAttacker ? `${obligor} is the attacker` : undefined;
    case 'obligationSuspendedTowardsTarget':
      return facts.obligationSuspendedTowardsTarget ? `${obligor}'s obligations towards ${event.target} are suspended on ${event.date}` : undefined;
    case 'placeAdministeredByTargetOnDate':
    case 'placeAdministeredByPartyOnDate':
    case 'territoryAdministeredByOnDate':
      return `${place} is administered by ${facts.territoryAdministeredByOnDate ?? 'no state'} on ${event.date}`;
    case 'attackingStates': {
      const list = facts.attackingStates as readonly string[];
      return list.length ? `attacked by ${namesOf(ctx.world, list)}` : 'no state attacker is established';
    }
    case 'obligorState':
      return `the obligor is ${nameOf(ctx.world, obligor)}`;
    case 'targetState':
      return `the attacked state is ${nameOf(ctx.world, event.target)}`;
    case 'statesAtWarWithTarget': {
      const atWar = statesAtWarWith(ctx.world, event.target, event);
      return atWar.length ? `${nameOf(ctx.world, event.target)} is at war with ${namesOf(ctx.world, atWar)} on ${event.date}` : `${nameOf(ctx.world, event.target)} is at war with no state on ${event.date}`;
    }
    case 'attackSupportedBy': {
      const list = facts.attackSupportedBy as readonly string[];
      return list.length ? `the attacker is supported by ${namesOf(ctx.world, list)}` : 'no state is recorded as supporting the attacker';
    }
    case 'attackerContinent':
      return facts.attackerContinent === null ? 'the attacker is not a state' : `the attacker is a state in ${String(facts.attackerContinent)}`;
    case 'nonPartyGreatPowersAtWarWithTarget': {
      const powers = nonPartyGreatPowersAtWarWithTarget(ctx.world, ctx.treaty, event);
      const atWar = statesAtWarWith(ctx.world, event.target, event);
      return powers.length
        ? `${nameOf(ctx.world, event.target)} is at war with ${powers.length} great power${powers.length === 1 ? '' : 's'} outside the treaty on ${event.date} (${namesOf(ctx.world, powers)})`
        : `${nameOf(ctx.world, event.target)} is at war with no great power outside the treaty on ${event.date}${atWar.length ? ` (only ${namesOf(ctx.world, atWar)})` : ''}`;
    }
    case 'attackProvokedByTarget': {
      const by = (event.provokedBy ?? []).map((x) => x.state);
      if (!by.length) return 'the sources name no provocation';
      return facts.attackProvokedByTarget
        ? `the sources name ${nameOf(ctx.world, event.target)} among those who provoked it (${namesOf(ctx.world, by)})`
        : `the sources name ${namesOf(ctx.world, by)} as provoking it, not ${nameOf(ctx.world, event.target)}`;
    }
    case 'targetAtWarWithAttacker':
      return facts.targetAtWarWithAttacker
        ? `${nameOf(ctx.world, event.target)} and its attacker are at war (a declaration of war by ${event.date})`
        : `no declaration of war between ${nameOf(ctx.world, event.target)} and its attacker by ${event.date}`;
    case 'targetProtectedByTreaty':
      return facts.targetProtectedByTreaty
        ? `${nameOf(ctx.world, event.target)} is a state the treaty protects on ${event.date}`
        : `the treaty does not protect ${nameOf(ctx.world, event.target)} on ${event.date}`;
    case 'obligorExemptTowardsAttacker':
      return facts.obligorExemptTowardsAttacker ? `${obligor} is exempt from war with the attacker on ${event.date}` : undefined;
    default:
      return undefined;
  }
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
  const whose = sovereign === null || sovereign === undefined ? 'no state\'s' : `${String(sovereign)}'s`;
  return `${what}${name} (${parts.join(', ')}), ${whose} in ${obligor}'s view`;
}
