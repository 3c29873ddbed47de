/**
 * What an obligor actually did, and how that compares with what it owed. Pure.
 * A state's own entries win; otherwise its treaty organization's entries count
 * for it (docs/design.md §1). The strongest recorded response is the one assessed.
 */
import { RESPONSES, type Assessment, type Response, type VerdictStatus } from '../schema/common.js';
import type { ScenarioEvent } from '../schema/scenario.js';

export interface ActualResponse {
  response: Response | null;
  /** Whose entry it was: the obligor's own, or the organization's. */
  recordedBy: string | null;
  notes: string[];
}

const strength = (r: Response) => RESPONSES.indexOf(r);

/**
 * `takesPart`: the obligor is a full member on the date. A suspended or frozen
 * party does not take part in the organization's acts, so they are not its own.
 */
export function actualResponseOf(
  event: ScenarioEvent,
  obligor: string,
  treatyId: string,
  clauseRef: string,
  takesPart = true,
): ActualResponse {
  const entries = (event.actual ?? []).filter((a) => a.clause === undefined || a.clause === clauseRef);
  const own = entries.filter((a) => a.by === obligor);
  const chosen = own.length ? own : takesPart ? entries.filter((a) => a.by === treatyId) : [];
  if (!chosen.length) return { response: null, recordedBy: null, notes: [] };
  const strongest = chosen.reduce((a, b) => (strength(b.response) > strength(a.response) ? b : a));
  return {
    response: strongest.response,
    recordedBy: strongest.by,
    notes: chosen.flatMap((a) => (a.note ? [a.note] : [])),
  };
}

/** Words rather than deeds: what a discretionary clause accepts as its duty met, but never as going beyond it. */
const WORDS: readonly Response[] = ['statement', 'consultation'];

/**
 * `discretionary`: the clause leaves the means to each party ("such action as it deems
 * necessary"). Then a statement or consultations meet the duty when one is owed (they are
 * in satisfiedBy), but where none is owed, words are not help beyond duty: only deeds are.
 */
export function assess(status: VerdictStatus, actual: Response | null, satisfiedBy: readonly Response[], discretionary = false): Assessment {
  if (actual === null) return 'unrecorded';
  const satisfying = satisfiedBy.includes(actual);
  if (status === 'obliged') return satisfying ? 'honored' : 'unmet';
  // Not (yet) obliged: help that would have satisfied the duty went beyond it.
  if (discretionary && WORDS.includes(actual)) return 'consistent';
  return satisfying ? 'beyond-duty' : 'consistent';
}
