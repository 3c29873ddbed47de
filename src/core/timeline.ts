/**
 * A scenario is a timeline: events may carry `effects` that change the world
 * (or a treaty) from their date on. The fold keeps successive immutable states
 * with immer, structurally shared, and pairs each event with the state it is
 * judged against: the situation after the effects of every event up to and
 * including it, in date order. Pure.
 */
import type { Scenario, ScenarioEvent } from '../schema/scenario.js';
import type { Treaty } from '../schema/treaty.js';
import type { World, WorldFile } from '../schema/world.js';
import { applyChanges } from './changes.js';

export interface Situation {
  world: World;
  treaties: Treaty[];
}

export interface TimelineStep {
  event: ScenarioEvent;
  situation: Situation;
}

/** Events in date order; events on the same date keep their order in the file. */
export function chronological(events: readonly ScenarioEvent[]): ScenarioEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => (a.event.date < b.event.date ? -1 : a.event.date > b.event.date ? 1 : a.index - b.index))
    .map((x) => x.event);
}

export function foldTimeline(initial: Situation, events: readonly ScenarioEvent[]): TimelineStep[] {
  const steps: TimelineStep[] = [];
  let situation = initial;
  for (const event of chronological(events)) {
    if (event.effects?.length) situation = applyChanges(situation, event.effects).result;
    steps.push({ event, situation });
  }
  return steps;
}

/** The shared world with a scenario's own additions; same ids are replaced, lists appended. */
export function mergeWorld(base: World, extra: WorldFile | undefined): World {
  if (!extra) return base;
  const byId = <T extends { id: string }>(a: readonly T[], b: readonly T[] | undefined): T[] => {
    if (!b?.length) return a as T[];
    const replaced = new Set(b.map((x) => x.id));
    return [...a.filter((x) => !replaced.has(x.id)), ...b];
  };
  return {
    states: byId(base.states, extra.states),
    actors: byId(base.actors, extra.actors),
    territories: byId(base.territories, extra.territories),
    recognitions: [...base.recognitions, ...(extra.recognitions ?? [])],
    memberships: [...base.memberships, ...(extra.memberships ?? [])],
  };
}

/** A scenario's timeline over the model: its world merged in, each event with the situation on its date. */
export function foldScenario(model: Situation, scenario: Pick<Scenario, 'world' | 'events'>): TimelineStep[] {
  return foldTimeline({ world: mergeWorld(model.world, scenario.world), treaties: model.treaties }, scenario.events);
}

/**
 * Fold the timeline and find one event's step: the helper explain, duties,
 * why-not and the page share. `steps` lists every event, for "did you mean".
 */
export function findStep(model: Situation, scenario: Pick<Scenario, 'world' | 'events'>, eventId: string): { step: TimelineStep | undefined; steps: TimelineStep[] } {
  const steps = foldScenario(model, scenario);
  return { step: steps.find((s) => s.event.id === eventId), steps };
}
