/**
 * The what-if toggles of the classroom page, as data: which facts of an event
 * a class may flip (a request, the kind of event, each party's recognition of
 * a disputed territory, each party's standing), their values in the scenario,
 * and the DESIGN §2 changes that the chosen values amount to. Pure: no DOM.
 */
import {
  changesFor, chronological, clausesJudged, findStep, partiesOn, sovereigntyInViewOf, statusOn, type Model,
} from '../core/index.js';
import { eventKind, membershipStatus } from '../schema/common.js';
import type { Change, Scenario, ScenarioEvent } from '../schema/scenario.js';
import type { Treaty } from '../schema/treaty.js';
import type { World } from '../schema/world.js';

/** One flippable fact. `value` is what the scenario says; a choice different from it becomes a change. */
export type Toggle =
  | { kind: 'request'; key: string; by: string; clause: string; label: string; value: boolean }
  | { kind: 'event-kind'; key: string; label: string; value: string; options: readonly string[] }
  | { kind: 'recognition'; key: string; viewer: string; territory: string; territoryName: string; label: string; value: string; options: readonly string[] }
  | { kind: 'membership'; key: string; treaty: string; state: string; label: string; value: string; options: readonly string[] };

/** The choices a class has made: toggle key -> chosen value (as text; booleans "true"/"false"). */
export type Choices = Readonly<Record<string, string>>;

/** Recognition choice meaning "no state is sovereign here" (the high seas; "independent"). */
export const NO_SOVEREIGN = 'none';

export function situationAt(model: Model, scenario: Scenario, eventId: string): { event: ScenarioEvent; world: World; treaties: Treaty[] } | undefined {
  const { step } = findStep(model, scenario, eventId);
  return step && { event: step.event, world: step.situation.world, treaties: step.situation.treaties };
}

/** The treaties the core judges this event under (simulate's own rule), each once. */
function relevantTreaties(world: World, treaties: Treaty[], event: ScenarioEvent): Treaty[] {
  return [...new Set(clausesJudged({ world, treaties }, event).map(([t]) => t))];
}

/** The toggles that matter for one event, with their values in the scenario as written. */
export function togglesFor(model: Model, scenario: Scenario, eventId: string): Toggle[] {
  const at = situationAt(model, scenario, eventId);
  if (!at) return [];
  const { event, world, treaties } = at;
  const toggles: Toggle[] = [];
  const relevant = relevantTreaties(world, treaties, event);
  for (const treaty of relevant) {
    for (const clause of treaty.clauses) {
      const ref = `${treaty.id}/${clause.id}`;
      const asked = (event.requests ?? []).some((r) => r.by === event.target && r.clause === ref);
      toggles.push({ kind: 'request', key: `request:${ref}`, by: event.target, clause: ref, label: `${event.target} asked under ${ref} (Art. ${clause.article}, ${clause.title})`, value: asked });
    }
  }
  toggles.push({ kind: 'event-kind', key: 'kind', label: 'Kind of event', value: event.kind, options: eventKind.options });
  const territory = world.territories.find((t) => t.id === event.territory);
  const parties = [...new Set(relevant.flatMap((t) => partiesOn(t, world, event.date)))].sort();
  if (territory) {
    const candidates = new Set<string>([event.target, ...(event.attacker && world.states.some((s) => s.id === event.attacker) ? [event.attacker] : [])]);
    const views = parties.map((viewer) => ({ viewer, sovereign: sovereigntyInViewOf(world, territory.id, viewer, event.date).sovereign }));
    for (const v of views) if (v.sovereign) candidates.add(v.sovereign);
    const options = [...[...candidates].sort(), NO_SOVEREIGN];
    for (const v of views) {
      toggles.push({
        kind: 'recognition', key: `recognition:${v.viewer}`, viewer: v.viewer, territory: territory.id, territoryName: territory.name,
        label: `in ${v.viewer}'s view`, value: v.sovereign ?? NO_SOVEREIGN, options,
      });
    }
  }
  for (const treaty of relevant) {
    const states = [...new Set([...parties, event.target])].sort();
    for (const state of states) {
      toggles.push({
        kind: 'membership', key: `membership:${treaty.id}:${state}`, treaty: treaty.id, state,
        label: `${state} under ${treaty.id}`, value: statusOn(treaty, world, state, event.date) === 'none' ? 'withdrawn' : statusOn(treaty, world, state, event.date),
        options: membershipStatus.options,
      });
    }
  }
  return toggles;
}

/** Only choices that differ from the scenario count as flips. */
export function activeChoices(toggles: readonly Toggle[], choices: Choices): Toggle[] {
  return toggles.filter((t) => choices[t.key] !== undefined && choices[t.key] !== String(t.value));
}

/**
 * The changes, in the what-if syntax, that the choices amount to. Standing and
 * recognition are changed from the event's date on, the way a what-if file says "from then".
 */
export function changesOfChoices(
  model: Model, scenario: Scenario, eventId: string, choices: Choices, toggles: readonly Toggle[] = togglesFor(model, scenario, eventId),
): Change[] {
  const event = scenario.events.find((e) => e.id === eventId);
  if (!event) return [];
  const active = activeChoices(toggles, choices);
  const changes: Change[] = [];
  const requestFlips = active.filter((t): t is Extract<Toggle, { kind: 'request' }> => t.kind === 'request');
  if (requestFlips.length) {
    // One `set` of the whole list: the file then reads as the requests that were made, not as edits.
    const original = scenario.events.find((e) => e.id === eventId)?.requests ?? [];
    let requests = [...original];
    for (const t of requestFlips) {
      if (choices[t.key] === 'true') requests.push({ by: event.target, clause: t.clause, date: event.date });
      else requests = requests.filter((r) => !(r.by === event.target && r.clause === t.clause));
    }
    changes.push({ set: `events.${eventId}.requests`, value: requests });
  }
  const at = situationAt(model, scenario, eventId);
  for (const t of active) {
    const chosen = choices[t.key]!;
    // The change that sets a fact comes from the fact's own record (core changesFor), as why-not's do.
    const ctx = at && { world: at.world, event, clauseRef: '', obligor: t.kind === 'membership' ? t.state : '', treaty: at.treaties.find((x) => t.kind === 'membership' && x.id === t.treaty) ?? at.treaties[0]! };
    if (t.kind === 'event-kind' && ctx) changes.push(...changesFor('eventKind', chosen, ctx).map((c) => c.change));
    if (t.kind === 'recognition') {
      changes.push({ add: 'world.recognitions', value: { by: t.viewer, territory: t.territory, sovereign: chosen === NO_SOVEREIGN ? null : chosen, from: event.date } });
    }
    if (t.kind === 'membership' && ctx) changes.push(...changesFor('obligorStatusOnDate', chosen, ctx).map((c) => c.change));
  }
  return changes;
}

/** The events of a scenario in the order the timeline shows them. */
export function eventsInOrder(scenario: Scenario): ScenarioEvent[] {
  return chronological(scenario.events);
}

/** A phrase for one flip, for the what-if's title and the page's list of flips. */
export function describeFlip(t: Toggle, chosen: string): string {
  switch (t.kind) {
    case 'request':
      return chosen === 'true' ? `${t.by} had invoked ${t.clause}` : `${t.by} had not invoked ${t.clause}`;
    case 'event-kind':
      return `the event were a${/^[aeiou]/.test(chosen) ? 'n' : ''} ${chosen}`;
    case 'recognition':
      return `${t.viewer} saw ${t.territoryName} as ${chosen === NO_SOVEREIGN ? 'no state' : chosen}'s`;
    case 'membership':
      return chosen === 'member' ? `${t.state} were a full member of ${t.treaty}` : `${t.state} were ${chosen} in ${t.treaty}`;
  }
}

export function whatIfTitle(toggles: readonly Toggle[], choices: Choices): string {
  const flips = activeChoices(toggles, choices).map((t) => describeFlip(t, choices[t.key]!));
  return flips.length ? `What if ${flips.join(', and ')}?` : 'No change';
}
