/**
 * Facts about who fought whom, for the clauses of 1882-1955: the attacking
 * states and their backers, the continent of the attacker ("a European
 * Power"), the great powers at war with the attacked state, provocation,
 * "involved in war", a protected non-party, an exemption. Pure; the reckoning
 * itself is in ../belligerency.ts.
 */
import { continent } from '../../schema/common.js';
import type { World } from '../../schema/world.js';
import {
  attackingStates as attackingStatesOf, nonPartyGreatPowersAtWarWithTarget as greatPowersAtWar, obligorExemptTowardsAttacker as exempt,
  protectedByTreatyOn, statesAtWarWith, targetAtWarWithAttacker as atWarWithAttacker,
} from '../belligerency.js';
import { eventPath, type FactRecord } from './fact.js';

function nameOf(world: World, code: string): string {
  return world.states.find((s) => s.id === code)?.name ?? code;
}

/** "France, Britain and Russia". */
export function namesOf(world: World, codes: readonly string[]): string {
  const names = codes.map((c) => nameOf(world, c));
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export const obligorState: FactRecord = {
  id: 'obligorState', type: 'string',
  description: 'The obligor (for clauses that bind one named party only: "This same obligation shall devolve upon Italy")',
  derive: (s) => s.ctx.obligor,
  inWords: (_facts, ctx) => `the obligor is ${nameOf(ctx.world, ctx.obligor)}`,
};

export const targetState: FactRecord = {
  id: 'targetState', type: 'string',
  description: 'The attacked state (for clauses that name who owes whom: "In case Italy ... should be attacked by France")',
  derive: (s) => s.ctx.event.target,
  inWords: (_facts, ctx) => `the attacked state is ${nameOf(ctx.world, ctx.event.target)}`,
};

export const attackingStates: FactRecord = {
  id: 'attackingStates', type: 'list',
  description: 'Every state attacking in the event: the attacker and its co-belligerents',
  derive: (s) => attackingStatesOf(s.ctx.world, s.ctx.event),
  inWords: (facts, ctx) => {
    const list = facts.attackingStates as readonly string[];
    return list.length ? `attacked by ${namesOf(ctx.world, list)}` : 'no state attacker is established';
  },
};

export const attackSupportedBy: FactRecord = {
  id: 'attackSupportedBy', type: 'list',
  description: 'The states backing the attacker, by the sources ("Austria supported by Germany")',
  derive: (s) => (s.ctx.event.supportedBy ?? []).map((x) => x.state),
  inWords: (facts, ctx) => {
    const list = facts.attackSupportedBy as readonly string[];
    return list.length ? `the attacker is supported by ${namesOf(ctx.world, list)}` : 'no state is recorded as supporting the attacker';
  },
  changesTo: (value, ctx) => [{
    label: (value as readonly string[]).length ? `the attacker is supported by ${(value as readonly string[]).join(', ')}` : 'no state supports the attacker',
    change: { set: `${eventPath(ctx)}.supportedBy`, value: (value as readonly string[]).map((state) => ({ state })) },
  }],
};

export const attackerContinent: FactRecord = {
  id: 'attackerContinent', type: 'enum', values: continent.options, nullable: true,
  description: 'The continent of the attacking state (null for a non-state attacker or none): "a European Power"',
  derive: (s) => s.ctx.world.states.find((x) => x.id === s.ctx.event.attacker)?.continent ?? null,
  inWords: (facts) => (facts.attackerContinent === null ? 'the attacker is not a state' : `the attacker is a state in ${String(facts.attackerContinent)}`),
};

export const statesAtWarWithTarget: FactRecord = {
  id: 'statesAtWarWithTarget', type: 'number',
  description: 'How many states are at war with the attacked state on the date (declarations either way, or attacking in this event)',
  derive: (s) => statesAtWarWith(s.ctx.world, s.ctx.event.target, s.ctx.event).length,
  inWords: (_facts, ctx) => {
    const atWar = statesAtWarWith(ctx.world, ctx.event.target, ctx.event);
    const target = nameOf(ctx.world, ctx.event.target);
    return atWar.length ? `${target} is at war with ${namesOf(ctx.world, atWar)} on ${ctx.event.date}` : `${target} is at war with no state on ${ctx.event.date}`;
  },
};

export const nonPartyGreatPowersAtWarWithTarget: FactRecord = {
  id: 'nonPartyGreatPowersAtWarWithTarget', type: 'number',
  description: 'How many great powers (Correlates of War list, on the date) that are not parties are at war with the attacked state on the date',
  derive: (s) => greatPowersAtWar(s.ctx.world, s.ctx.treaty, s.ctx.event).length,
  inWords: (_facts, ctx) => {
    const powers = greatPowersAtWar(ctx.world, ctx.treaty, ctx.event);
    const atWar = statesAtWarWith(ctx.world, ctx.event.target, ctx.event);
    const target = nameOf(ctx.world, ctx.event.target);
    return powers.length
      ? `${target} is at war with ${powers.length} great power${powers.length === 1 ? '' : 's'} outside the treaty on ${ctx.event.date} (${namesOf(ctx.world, powers)})`
      : `${target} is at war with no great power outside the treaty on ${ctx.event.date}${atWar.length ? ` (only ${namesOf(ctx.world, atWar)})` : ''}`;
  },
};

export const attackProvokedByTarget: FactRecord = {
  id: 'attackProvokedByTarget', type: 'boolean',
  description: 'The sources name the attacked state among those whose acts provoked the attack',
  derive: (s) => (s.ctx.event.provokedBy ?? []).some((x) => x.state === s.ctx.event.target),
  inWords: (facts, ctx) => {
    const by = (ctx.event.provokedBy ?? []).map((x) => x.state);
    const target = nameOf(ctx.world, ctx.event.target);
    if (!by.length) return 'the sources name no provocation';
    return facts.attackProvokedByTarget
      ? `the sources name ${target} among those who provoked it (${namesOf(ctx.world, by)})`
      : `the sources name ${namesOf(ctx.world, by)} as provoking it, not ${target}`;
  },
  changesTo: (value, ctx) => [{
    label: value ? `the attacked state provoked the attack` : 'no one provoked the attack',
    change: { set: `${eventPath(ctx)}.provokedBy`, value: value ? [{ state: ctx.event.target }] : [] },
  }],
};

export const targetAtWarWithAttacker: FactRecord = {
  id: 'targetAtWarWithAttacker', type: 'boolean',
  description: 'The attacked state and an attacker have declared war, one on the other, by the date ("involved in war")',
  derive: (s) => atWarWithAttacker(s.ctx.world, s.ctx.event),
  inWords: (facts, ctx) => {
    const target = nameOf(ctx.world, ctx.event.target);
    return facts.targetAtWarWithAttacker
      ? `${target} and its attacker are at war (a declaration of war by ${ctx.event.date})`
      : `no declaration of war between ${target} and its attacker by ${ctx.event.date}`;
  },
};

export const targetProtectedByTreaty: FactRecord = {
  id: 'targetProtectedByTreaty', type: 'boolean',
  description: 'The treaty names the attacked state as one it protects on the date (a protocol state, a guaranteed neutral)',
  derive: (s) => protectedByTreatyOn(s.ctx.treaty, s.ctx.event.target, s.date),
  inWords: (facts, ctx) => {
    const target = nameOf(ctx.world, ctx.event.target);
    return facts.targetProtectedByTreaty ? `${target} is a state the treaty protects on ${ctx.event.date}` : `the treaty does not protect ${target} on ${ctx.event.date}`;
  },
};

export const obligorExemptTowardsAttacker: FactRecord = {
  id: 'obligorExemptTowardsAttacker', type: 'boolean',
  description: 'An exemption of the obligor towards an attacker is in force (a treaty of general arbitration)',
  derive: (s) => exempt(s.ctx.world, s.ctx.treaty, s.ctx.event, s.ctx.obligor),
  inWords: (facts, ctx) => (facts.obligorExemptTowardsAttacker ? `${ctx.obligor} is exempt from war with the attacker on ${ctx.event.date}` : undefined),
};

export const designatedStateInvitedAction: FactRecord = {
  id: 'designatedStateInvitedAction', type: 'boolean', request: true,
  description: 'The attacked state is a party, or, a state the treaty designates, it invited or consented to this obligor\'s action under this clause (SEATO Art. IV(3))',
  derive: (s) => !protectedByTreatyOn(s.ctx.treaty, s.ctx.event.target, s.date) || (s.ctx.event.requests ?? []).some(
    (r) => r.clause === s.ctx.clauseRef && r.by === s.ctx.event.target && (r.to === undefined || r.to === s.ctx.obligor || r.to === s.ctx.treaty.id),
  ),
  inWords: (facts, ctx) => {
    if (!protectedByTreatyOn(ctx.treaty, ctx.event.target, ctx.event.date)) return undefined;
    const target = nameOf(ctx.world, ctx.event.target);
    return facts.designatedStateInvitedAction ? `${target} invited or consented to ${ctx.obligor}'s action` : `${target} did not invite ${ctx.obligor}`;
  },
  changesTo: (value, ctx) => (value === true
    ? [{ label: `${ctx.event.target} invites ${ctx.obligor} to act`, change: { add: `${eventPath(ctx)}.requests`, value: { by: ctx.event.target, to: ctx.obligor, clause: ctx.clauseRef, date: ctx.event.date } } }]
    : []),
};
