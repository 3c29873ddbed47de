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
import { selectedReading } from './interpretations.js';
import { DEFAULT_READING, readingsOfRow, type ContestedReading } from './contested.js';
import type { Interpretation, Reading } from '../schema/treaty.js';

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
  territoryView: SovereigntyView & { territoryName: string; viewer: string; sovereignName: string | null };
  actualNotes: string[];
  /** The reading the parties adopted that governs on the date, with its words and sources. */
  adopted: Interpretation | undefined;
  /** Each reading that would change the row: its status, who holds it, what it says and its sources. */
  contested: Array<ContestedReading & { label: string; sources: Reading['sources']; kind: 'adopted' | 'asserted' | 'default'; from: string | undefined }>;
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
  const readings = inForce
    ? readingsOfRow(clause, treaty, inForce, event.date, selectedReading(clause, interpretations), interpretations.includes(DEFAULT_READING))
    : undefined;
  const version = readings?.governing;
  const contested = verdict.contested.map((c) => {
    const r: Reading & { kind?: Interpretation['kind']; from?: string } | undefined =
      c.reading === DEFAULT_READING ? clause.defaultReading : clause.interpretations?.find((i) => i.id === c.reading);
    const kind = c.reading === DEFAULT_READING ? ('default' as const) : (r?.kind ?? 'asserted');
    return { ...c, label: r?.label.trim() ?? c.reading, sources: r?.sources ?? [], kind, from: r?.from };
  });
  const world = situation.world;
  const summary = summarize(world, event);
  const view = sovereigntyInViewOf(world, event.territory, obligor, event.date);
  return {
    scenario: { id: scenario.id, title: scenario.title },
    event: summary,
    version,
    versionSpans: versionSpans(clause),
    treatyName: treaty.name,
    verdict,
    territoryView: {
      ...view,
      sovereignName: view.sovereign === null ? null : world.states.find((s) => s.id === view.sovereign)?.name ?? view.sovereign,
      territoryName: findTerritory(world, event.territory)?.name ?? summary.territoryName,
      viewer: obligor,
    },
    actualNotes: actualResponseOf(event, obligor, treaty.id, clauseRef, statusOn(treaty, world, obligor, event.date) === 'member').notes,
    adopted: readings?.adopted,
    contested,
  };
}
