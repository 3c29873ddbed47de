/**
 * The full reasoning behind one verdict: the clause's words in force on the
 * date, each test with the treaty words it encodes and what was found, the
 * recognition that decided whose territory it was, and what actually happened.
 * Pure.
 */
import type { Scenario } from '../schema/scenario.js';
import type { ClauseVersion } from '../schema/treaty.js';
import { actualResponseOf } from './assess.js';
import { findTerritory, sovereigntyInViewOf, type SovereigntyView } from './recognition.js';
import { judgeRow, summarize, versionOn, type EventSummary, type Model, type Verdict } from './simulate.js';
import { findStep } from './timeline.js';
import { versionSpans } from './clause-versions.js';
import { partiesOn, statusOn } from './membership.js';
import { applyInterpretation, selectedReading } from './interpretations.js';

export interface ExplainOptions {
  /** Named contested readings to judge under (interpretation ids), as in simulate. */
  interpretations?: readonly string[];
}

export interface Explanation {
  scenario: { id: string; title: string };
  event: EventSummary;
  /** The wording in force on the date; undefined where no version of the clause is in force (nothing is quoted). */
  version: ClauseVersion | undefined;
  /** When the clause's versions are in force, for the reader of a row with none in force. */
  versionSpans: string;
  treatyName: string;
  verdict: Verdict;
  territoryView: SovereigntyView & { territoryName: string; viewer: string };
  actualNotes: string[];
}

export type ExplainProblem = { field: 'event' | 'clause' | 'obligor'; value: string; known: string[] };

export async function explainVerdict(
  model: Model,
  scenario: Scenario,
  eventId: string,
  clauseRef: string,
  obligor: string,
  options: ExplainOptions = {},
): Promise<Explanation | ExplainProblem> {
  const { step, steps } = findStep(model, scenario, eventId);
  if (!step) return { field: 'event', value: eventId, known: steps.map((s) => s.event.id) };
  const [treatyId, clauseId] = clauseRef.split('/');
  const treaty = step.situation.treaties.find((t) => t.id === treatyId);
  const clause = treaty?.clauses.find((c) => c.id === clauseId);
  if (!treaty || !clause)
    return { field: 'clause', value: clauseRef, known: step.situation.treaties.flatMap((t) => t.clauses.map((c) => `${t.id}/${c.id}`)) };
  const { event, situation } = step;
  const parties = partiesOn(treaty, situation.world, event.date).filter((s) => s !== event.target);
  if (!parties.includes(obligor)) return { field: 'obligor', value: obligor, known: parties };
  const interpretations = options.interpretations ?? [];
  const verdict = await judgeRow(situation, event, treaty, clause, obligor, interpretations.length ? { interpretations } : {});
  // Under a reading, the version as read: the same words, perhaps another list of what meets the duty.
  const inForce = versionOn(clause, event.date);
  const reading = verdict.reading ? selectedReading(clause, interpretations) : undefined;
  const version = inForce && reading ? applyInterpretation(inForce, reading, treaty) : inForce;
  const world = situation.world;
  const summary = summarize(world, event);
  return {
    scenario: { id: scenario.id, title: scenario.title },
    event: summary,
    version,
    versionSpans: versionSpans(clause),
    treatyName: treaty.name,
    verdict,
    territoryView: {
      ...sovereigntyInViewOf(world, event.territory, obligor, event.date),
      territoryName: findTerritory(world, event.territory)?.name ?? summary.territoryName,
      viewer: obligor,
    },
    actualNotes: actualResponseOf(event, obligor, treaty.id, clauseRef, statusOn(treaty, world, obligor, event.date) === 'member').notes,
  };
}
