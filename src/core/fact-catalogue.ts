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
  { id: 'attackDirectedFromAbroad', type: 'boolean', nullable: true, description: "The attack was directed from abroad: the event says so, or a foreign state attacked (null: not determined, for a non-state group the event says nothing of)" },
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

/** Directed from abroad: as the event says; else yes for a foreign state's attack; else not determined (null). */
function directedFromAbroad(world: World, event: ScenarioEvent): boolean | null {
  if (event.directedFromAbroad !== undefined) return event.directedFromAbroad;
  if (attackerKindOf(world, event.attacker) === 'state') return event.attacker !== event.target;
  return null;
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
    obligorIsAttacker: event.attacker === obligor,
    attackerIsPartyOnDate: PARTY_STATUSES.includes(attackerStatus),
    eventKind: event.kind,
    attackerKind: attackerKindOf(world, event.attacker),
    targetKind: event.targetKind ?? 'territory',
    attackDirectedFromAbroad: directedFromAbroad(world, event),
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
  };
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
    case 'attackDirectedFromAbroad':
      return facts.attackDirectedFromAbroad === null
        ? 'whether the attack was directed from abroad is not determined'
        : `the attack was ${facts.attackDirectedFromAbroad ? '' : 'not '}directed from abroad`;
    case 'obligorIsAttacker':
      return facts.obligorIsAttacker ? `${obligor} is the attacker` : undefined;
    case 'obligationSuspendedTowardsTarget':
      return facts.obligationSuspendedTowardsTarget ? `${obligor}'s obligations towards ${event.target} are suspended on ${event.date}` : undefined;
    case 'placeAdministeredByTargetOnDate':
    case 'placeAdministeredByPartyOnDate':
    case 'territoryAdministeredByOnDate':
      return `${place} is administered by ${facts.territoryAdministeredByOnDate ?? 'no state'} on ${event.date}`;
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
