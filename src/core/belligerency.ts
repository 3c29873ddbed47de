/**
 * Who is at war with whom on a date, who attacked together, who backed the
 * attacker, who provoked, and which states are great powers: the facts the
 * 1882-1955 clauses read ("without direct provocation", "two or more Great
 * Powers", "Austria supported by Germany", "a European Power"). Pure.
 */
import type { ScenarioEvent } from '../schema/scenario.js';
import type { Treaty } from '../schema/treaty.js';
import type { World } from '../schema/world.js';
import { isActiveOn } from './dates.js';
import { PARTY_STATUSES, statusOn } from './membership.js';

/** Every state attacking in the event: the named attacker, then its co-belligerents. Non-state actors are left out. */
export function attackingStates(world: World, event: ScenarioEvent): string[] {
  const named = event.attacker !== undefined && !world.actors.some((a) => a.id === event.attacker) ? [event.attacker] : [];
  return [...new Set([...named, ...(event.coBelligerents ?? [])])];
}

export function isGreatPowerOn(world: World, state: string, date: string): boolean {
  return world.greatPowers.some((g) => g.state === state && isActiveOn(g, date));
}

/**
 * The states at war with `state` on the date: a declaration of war either way made on or
 * before it, or an attack in this very event. A declaration is not undone here by a peace:
 * the casebook's wars do not end within a scenario.
 */
export function statesAtWarWith(world: World, state: string, event: ScenarioEvent): string[] {
  const found = new Set<string>();
  for (const d of world.declarationsOfWar) {
    if (d.date > event.date) continue;
    if (d.by === state) found.add(d.on);
    if (d.on === state) found.add(d.by);
  }
  if (event.target === state) for (const a of attackingStates(world, event)) found.add(a);
  found.delete(state);
  return [...found].sort();
}

/** "two or more Great Powers nonsignatory to the present Treaty": great powers at war with the target that are not parties on the date. */
export function nonPartyGreatPowersAtWarWithTarget(world: World, treaty: Treaty, event: ScenarioEvent): string[] {
  return statesAtWarWith(world, event.target, event).filter(
    (s) => isGreatPowerOn(world, s, event.date) && !PARTY_STATUSES.includes(statusOn(treaty, world, s, event.date)),
  );
}

/** The target has declared war on an attacker, or an attacker on it, by the date: it is "involved in war" with it. */
export function targetAtWarWithAttacker(world: World, event: ScenarioEvent): boolean {
  const attackers = attackingStates(world, event);
  return world.declarationsOfWar.some(
    (d) => d.date <= event.date && ((d.by === event.target && attackers.includes(d.on)) || (d.on === event.target && attackers.includes(d.by))),
  );
}

/** The treaty names the target as a state it protects on the date, though it need not be a party (SEATO's protocol states, Belgium in 1839). */
export function protectedByTreatyOn(treaty: Treaty, state: string, date: string): boolean {
  return (treaty.protects ?? []).some((p) => p.state === state && isActiveOn(p, date));
}

/** Has the treaty ever protected the state (its rows are then given, as for a party)? */
export function everProtectedBy(treaty: Treaty, state: string): boolean {
  return (treaty.protects ?? []).some((p) => p.state === state);
}

/** An exemption of the obligor towards one of the attackers is in force (Anglo-Japanese 1911, Art. IV). */
export function obligorExemptTowardsAttacker(world: World, treaty: Treaty, event: ScenarioEvent, obligor: string): boolean {
  const attackers = attackingStates(world, event);
  return (treaty.exemptions ?? []).some((x) => x.by === obligor && attackers.includes(x.towards) && isActiveOn(x, event.date));
}
