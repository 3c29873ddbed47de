/**
 * Where contested readings change verdicts: the casebook is judged once under
 * each clause's default reading and once under each named interpretation, and
 * the rows whose status or assessment differ are listed. Pure.
 */
import type { Scenario } from '../schema/scenario.js';
import type { Reading } from '../schema/treaty.js';
import { interpretationsOf } from './interpretations.js';
import { simulate, type Model, type SimulateOptions, type Verdict } from './simulate.js';
import { compareText } from './compare-text.js';

export interface ReadingSummary extends Reading {
  /** The interpretation id; `default` for the reading the shipped verdicts follow. */
  id: string;
}

export interface Divergence {
  scenario: string;
  event: string;
  date: string;
  obligor: string;
  beneficiary: string;
  default: Pick<Verdict, 'status' | 'assessment' | 'decisive'>;
  reading: Pick<Verdict, 'status' | 'assessment' | 'decisive'>;
}

export interface ClauseReadings {
  clause: string;
  readings: ReadingSummary[];
  /** Per interpretation id, the rows it changes; empty where it changes none in these scenarios. */
  divergences: Record<string, Divergence[]>;
  /** Rows of this clause in the scenarios (0: the scenarios never engage it). */
  rows: number;
}

const keyOf = (scenario: string, v: Verdict) => `${scenario}|${v.event}|${v.clause}|${v.obligor}`;
const pick = (v: Verdict) => ({ status: v.status, assessment: v.assessment, decisive: v.decisive });

export async function compareReadings(model: Model, scenarios: readonly Scenario[], options: SimulateOptions = {}): Promise<ClauseReadings[]> {
  const base = await simulate(model, scenarios, { ...options, interpretations: [] });
  const baseRows = new Map<string, Verdict>();
  for (const s of base.scenarios) for (const v of s.verdicts) baseRows.set(keyOf(s.id, v), v);
  const byClause = new Map<string, ClauseReadings>();
  for (const { clause, clauseValue, reading } of interpretationsOf(model.treaties)) {
    if (options.clauses?.length && !options.clauses.includes(clause)) continue;
    let entry = byClause.get(clause);
    if (!entry) {
      const d = clauseValue.defaultReading;
      entry = {
        clause,
        readings: d ? [{ id: 'default', ...d }] : [],
        divergences: {},
        rows: [...baseRows.values()].filter((v) => v.clause === clause).length,
      };
      byClause.set(clause, entry);
    }
    const { id, label, heldBy, sources, note } = reading;
    entry.readings.push({ id, label, heldBy, sources, ...(note ? { note } : {}) });
    const other = await simulate(model, scenarios, { ...options, clauses: options.clauses ?? [], interpretations: [id] });
    const changed: Divergence[] = [];
    for (const s of other.scenarios) {
      for (const v of s.verdicts) {
        if (v.clause !== clause) continue;
        const b = baseRows.get(keyOf(s.id, v));
        if (!b || (b.status === v.status && b.assessment === v.assessment)) continue;
        changed.push({ scenario: s.id, event: v.event, date: v.date, obligor: v.obligor, beneficiary: v.beneficiary, default: pick(b), reading: pick(v) });
      }
    }
    entry.divergences[id] = changed;
  }
  return [...byClause.values()].sort((a, b) => compareText(a.clause, b.clause));
}
