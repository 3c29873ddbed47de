/**
 * A scenario is a timeline: events may carry `effects` that change the world
 * (or a treaty) from their date on. The fold keeps successive immutable states
 * with immer, structurally shared, and pairs each event with the state it is
 * judged against: the situation after the effects of every event up to and
 * including it, in date order. Pure.
 */
import type { ScenarioEvent } from '../schema/scenario.js';
import type { Treaty } from '../schema/treaty.js';
import type { World } from '../schema/world.js';
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
  return [...timelineSteps(initial, events)];
}

/** The same steps one at a time: a long timeline's past states need not be kept. */
export function* timelineSteps(initial: Situation, events: readonly ScenarioEvent[]): Generator<TimelineStep> {
  let situation = initial;
  for (const event of chronological(events)) {
    if (event.effects?.length) situation = applyChanges(situation, event.effects).result;
    yield { event, situation };
  }
}
