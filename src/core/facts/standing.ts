/** Facts about standing under the treaty on the event's date: in force, who is a party, suspensions. Pure. */
import { isActiveOn } from '../dates.js';
import { PARTY_STATUSES, treatyInForceOn } from '../membership.js';
import type { FactContext, FactRecord, FactValue } from './fact.js';

const STATUS_VALUES = ['member', 'suspended', 'frozen', 'withdrawn', 'none'] as const;

/** Give `state` the standing `value` from the event's date on. */
function membershipChange(state: string, value: FactValue, ctx: FactContext) {
  const { treaty, event } = ctx;
  if (value === 'none') return [];
  return [{
    label: `${state}'s standing in ${treaty.id} is ${String(value)} from ${event.date}`,
    change: { add: 'world.memberships', value: { treaty: treaty.id, state, status: value, from: event.date } },
  }];
}

const standingInWords = (state: string, status: FactValue, date: string) => `${state} is ${status === 'none' ? 'not a party' : String(status)} on ${date}`;

export const treatyInForceOnDate: FactRecord = {
  id: 'treatyInForceOnDate', type: 'boolean', description: 'The treaty is in force on the event date',
  derive: (s) => treatyInForceOn(s.ctx.treaty, s.date),
  inWords: (facts, ctx) => (facts.treatyInForceOnDate ? undefined : `the treaty is not in force on ${ctx.event.date}`),
};

export const obligorStatusOnDate: FactRecord = {
  id: 'obligorStatusOnDate', type: 'enum', values: STATUS_VALUES, description: "The obligor's standing under the treaty on the event date",
  derive: (s) => s.statusOf(s.ctx.obligor),
  inWords: (facts, ctx) => standingInWords(ctx.obligor, facts.obligorStatusOnDate!, ctx.event.date),
  changesTo: (value, ctx) => membershipChange(ctx.obligor, value, ctx),
};

export const targetStatusOnDate: FactRecord = {
  id: 'targetStatusOnDate', type: 'enum', values: STATUS_VALUES, description: "The attacked state's standing under the treaty on the event date",
  derive: (s) => s.statusOf(s.ctx.event.target),
  inWords: (facts, ctx) => standingInWords(ctx.event.target, facts.targetStatusOnDate!, ctx.event.date),
  changesTo: (value, ctx) => membershipChange(ctx.event.target, value, ctx),
};

export const attackerIsPartyOnDate: FactRecord = {
  id: 'attackerIsPartyOnDate', type: 'boolean', description: 'The attacker is itself a party (member, suspended or frozen) on the date',
  derive: (s) => s.ctx.event.attacker !== undefined && PARTY_STATUSES.includes(s.statusOf(s.ctx.event.attacker)),
};

export const obligationSuspendedTowardsTarget: FactRecord = {
  id: 'obligationSuspendedTowardsTarget', type: 'boolean',
  description: "The obligor's obligations towards the attacked state are suspended on the date (a treaty's per-pair suspensions)",
  derive: (s) => (s.ctx.treaty.suspensions ?? []).some((x) => x.by === s.ctx.obligor && x.towards === s.ctx.event.target && isActiveOn(x, s.date)),
  inWords: (facts, ctx) =>
    facts.obligationSuspendedTowardsTarget ? `${ctx.obligor}'s obligations towards ${ctx.event.target} are suspended on ${ctx.event.date}` : undefined,
};
