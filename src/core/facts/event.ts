/** Facts about the event itself: its kind, who attacked, what of the target's was hit. Pure. */
import { eventKind as eventKinds, targetKind as targetKinds } from '../../schema/common.js';
import type { World } from '../../schema/world.js';
import { eventPath, type FactRecord } from './fact.js';

const STATE = /^[A-Z]{3}$/;

export function attackerKindOf(world: World, attacker: string | undefined): 'state' | 'non-state' | 'none' {
  if (attacker === undefined) return 'none';
  return world.actors.some((a) => a.id === attacker) ? 'non-state' : 'state';
}

export const obligorIsAttacker: FactRecord = {
  id: 'obligorIsAttacker', type: 'boolean', description: 'The obligor is the attacker',
  derive: (s) => s.ctx.event.attacker === s.ctx.obligor,
  inWords: (facts, ctx) => (facts.obligorIsAttacker ? `${ctx.obligor} is the attacker` : undefined),
};

export const eventKind: FactRecord = {
  id: 'eventKind', type: 'enum', values: eventKinds.options, description: 'What kind of event this is',
  derive: (s) => s.ctx.event.kind,
  inWords: (facts) => `the event is ${String(facts.eventKind)}`,
  changesTo: (value, ctx) => [{
    label: `the event is ${/^[aeiou]/.test(String(value)) ? 'an' : 'a'} ${String(value)}`,
    change: { set: `${eventPath(ctx)}.kind`, value },
  }],
};

export const attackerKind: FactRecord = {
  id: 'attackerKind', type: 'enum', values: ['state', 'non-state', 'none'],
  description: 'Whether the attacker is a state, a non-state actor, or not established',
  derive: (s) => attackerKindOf(s.ctx.world, s.ctx.event.attacker),
  inWords: (facts) => (facts.attackerKind === 'none' ? 'no attacker is established' : `the attacker is a ${String(facts.attackerKind)} actor`),
  changesTo: (value, ctx) => {
    const { event, world, obligor } = ctx;
    if (value === 'none') return [{ label: 'no attacker is established', change: { remove: `${eventPath(ctx)}.attacker` } }];
    const ids = value === 'non-state'
      ? world.actors.map((a) => a.id).sort()
      : [...new Set((ctx.events ?? [event]).map((e) => e.attacker).filter((a): a is string => a !== undefined && STATE.test(a)))]
        .filter((s) => s !== event.target && s !== obligor).sort();
    return ids.map((id) => ({ label: `the attacker is ${id} (a ${String(value)} actor)`, change: { set: `${eventPath(ctx)}.attacker`, value: id } }));
  },
};

export const targetKind: FactRecord = {
  id: 'targetKind', type: 'enum', values: targetKinds.options,
  description: "What of the target's was hit: its territory, forces, a vessel or an aircraft",
  derive: (s) => s.ctx.event.targetKind ?? 'territory',
  changesTo: (value, ctx) => [{ label: `what was hit is the target's ${String(value)}`, change: { set: `${eventPath(ctx)}.targetKind`, value } }],
};
