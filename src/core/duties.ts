/**
 * One state's duties across every treaty, for the events of a scenario: each
 * clause that names it as obligor, and the conflicts that arise when it is
 * allied to both sides (the US in 1982: NATO with the United Kingdom, the Rio
 * Treaty with Argentina). Pure.
 */
import type { Scenario } from '../schema/scenario.js';
import { PARTY_STATUSES, statusOn } from './membership.js';
import { simulateScenario, type EventSummary, type Model, type Verdict } from './simulate.js';
import { foldScenario } from './timeline.js';

export interface Alliance {
  treaty: string;
  with: string;
}

export interface EventDuties {
  event: EventSummary;
  rows: Verdict[];
  /** Treaties under which the state is allied, on the date, to the attacked state. */
  alliedToTarget: Alliance[];
  /** Treaties under which it is allied, on the date, to the attacker. */
  alliedToAttacker: Alliance[];
  /** Allied to both sides of this event. */
  conflict: boolean;
}

export interface DutyConflict {
  /** The two sides, each with the clauses under which the state owes (or would owe on request) a duty to it. */
  sides: Array<{ state: string; clauses: string[]; events: string[] }>;
}

export interface DutiesReport {
  scenario: { id: string; title: string };
  state: string;
  events: EventDuties[];
  /** Duties owed, or owed on request, to both parties of one armed conflict in the scenario. */
  dutyConflicts: DutyConflict[];
}

const BINDING = new Set(['obliged', 'obliged-if-requested']);

export async function dutiesOf(model: Model, scenario: Scenario, state: string, eventId?: string): Promise<DutiesReport> {
  const report = await simulateScenario(model, scenario, { obligors: [state] });
  const steps = foldScenario(model, scenario);
  const events: EventDuties[] = [];
  for (const { event, situation } of steps) {
    const summary = report.events.find((e) => e.id === event.id)!;
    const isParty = (treatyId: string, who: string) => {
      const t = situation.treaties.find((x) => x.id === treatyId)!;
      return PARTY_STATUSES.includes(statusOn(t, situation.world, who, event.date));
    };
    const mine = situation.treaties.filter((t) => isParty(t.id, state));
    const alliedToTarget = event.target === state ? [] : mine.filter((t) => isParty(t.id, event.target)).map((t) => ({ treaty: t.id, with: event.target }));
    const attacker = event.attacker;
    const alliedToAttacker =
      attacker === undefined || attacker === state || !/^[A-Z]{3}$/.test(attacker)
        ? []
        : mine.filter((t) => isParty(t.id, attacker)).map((t) => ({ treaty: t.id, with: attacker }));
    events.push({
      event: summary,
      rows: report.verdicts.filter((v) => v.event === event.id),
      alliedToTarget,
      alliedToAttacker,
      conflict: alliedToTarget.length > 0 && alliedToAttacker.length > 0,
    });
  }
  // Opposing pairs: attacker and target of each event between two states.
  const pairs = new Map<string, [string, string]>();
  for (const { event } of steps) {
    if (!event.attacker || !/^[A-Z]{3}$/.test(event.attacker) || event.attacker === state || event.target === state) continue;
    const pair = [event.attacker, event.target].sort() as [string, string];
    pairs.set(pair.join('|'), pair);
  }
  const binding = report.verdicts.filter((v) => BINDING.has(v.status));
  const dutyConflicts: DutyConflict[] = [];
  for (const [a, b] of [...pairs.values()].sort()) {
    const side = (who: string) => {
      const rows = binding.filter((v) => v.beneficiary === who);
      return { state: who, clauses: [...new Set(rows.map((v) => v.clause))].sort(), events: [...new Set(rows.map((v) => v.event))] };
    };
    const sides = [side(a), side(b)];
    if (sides.every((x) => x.clauses.length > 0)) dutyConflicts.push({ sides });
  }
  const shown = eventId ? events.filter((e) => e.event.id === eventId) : events;
  return { scenario: { id: scenario.id, title: scenario.title }, state, events: shown, dutyConflicts };
}
