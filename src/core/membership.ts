/**
 * Who is a party to a treaty on a date, and with what standing. Pure.
 * A treaty file's parties and the world's memberships (scenario overrides,
 * timeline effects) are read together; the entry that began last wins.
 */
import type { MembershipStatus } from '../schema/common.js';
import type { Treaty } from '../schema/treaty.js';
import type { World } from '../schema/world.js';
import { isActiveOn, latestActive } from './dates.js';

export type StatusOnDate = MembershipStatus | 'none';

/** Statuses under which a state still counts as a party (docs/design.md §1: rows are given to these). */
export const PARTY_STATUSES: readonly StatusOnDate[] = ['member', 'suspended', 'frozen'];

export function membershipEntries(treaty: Treaty, world: World, state: string) {
  return [
    ...treaty.parties.filter((p) => p.state === state),
    ...world.memberships.filter((m) => m.treaty === treaty.id && m.state === state),
  ];
}

export function statusOn(treaty: Treaty, world: World, state: string, date: string): StatusOnDate {
  const entries = membershipEntries(treaty, world, state);
  const active = latestActive(entries, date);
  if (active) return active.status;
  return entries.some((e) => e.until !== undefined && e.until <= date) ? 'withdrawn' : 'none';
}

export function treatyInForceOn(treaty: Treaty, date: string): boolean {
  return isActiveOn(treaty.inForce, date);
}

/** Every state ever listed for the treaty, in first-listed order. */
export function statesOf(treaty: Treaty, world: World): string[] {
  const seen = new Set<string>();
  for (const p of treaty.parties) seen.add(p.state);
  for (const m of world.memberships) if (m.treaty === treaty.id) seen.add(m.state);
  return [...seen];
}

/** Parties on the date (member, suspended or frozen), sorted by code for stable output. */
export function partiesOn(treaty: Treaty, world: World, date: string): string[] {
  return statesOf(treaty, world)
    .filter((s) => PARTY_STATUSES.includes(statusOn(treaty, world, s, date)))
    .sort();
}

/** Has the state been a party at any time (member, suspended or frozen)? */
export function everParty(treaty: Treaty, world: World, state: string): boolean {
  return membershipEntries(treaty, world, state).some((e) => e.status !== 'withdrawn');
}
