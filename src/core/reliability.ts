/**
 * The reliability summary of a run: obligations that arose and how they were
 * met, counted per treaty and per decade of the event, with the rate
 * honored / (honored + unmet). Pure. What these counts can and cannot say is
 * the renderer's closing paragraph (a casebook is not a sample).
 */
import type { Report, Verdict } from './simulate.js';

export interface ReliabilityRow {
  /** A treaty id, or a decade such as "2020s". */
  key: string;
  obliged: number;
  honored: number;
  unmet: number;
  /** Obligations that arose but whose response is not recorded. */
  unrecorded: number;
  beyondDuty: number;
  /** honored / (honored + unmet); null when neither occurred. */
  rate: number | null;
  /** Obligations some named reading of the clause denies (or reads another way). */
  contested: number;
  /** The rate on settled obligations only: honored / (honored + unmet) among rows no reading changes. */
  settledRate: number | null;
}

export interface Reliability {
  scenarios: number;
  events: number;
  rows: number;
  total: ReliabilityRow;
  byTreaty: ReliabilityRow[];
  byDecade: ReliabilityRow[];
}

function count(key: string, verdicts: readonly Verdict[]): ReliabilityRow {
  const obliged = verdicts.filter((v) => v.status === 'obliged');
  const honored = obliged.filter((v) => v.assessment === 'honored').length;
  const unmet = obliged.filter((v) => v.assessment === 'unmet').length;
  const settled = obliged.filter((v) => !v.contested.length);
  const settledHonored = settled.filter((v) => v.assessment === 'honored').length;
  const settledUnmet = settled.filter((v) => v.assessment === 'unmet').length;
  return {
    key,
    obliged: obliged.length,
    honored,
    unmet,
    unrecorded: obliged.filter((v) => v.assessment === 'unrecorded').length,
    beyondDuty: verdicts.filter((v) => v.assessment === 'beyond-duty').length,
    rate: honored + unmet ? honored / (honored + unmet) : null,
    contested: obliged.filter((v) => v.contested.length).length,
    settledRate: settledHonored + settledUnmet ? settledHonored / (settledHonored + settledUnmet) : null,
  };
}

function groupBy(verdicts: readonly Verdict[], keyOf: (v: Verdict) => string): ReliabilityRow[] {
  const groups = new Map<string, Verdict[]>();
  for (const v of verdicts) {
    const k = keyOf(v);
    groups.set(k, [...(groups.get(k) ?? []), v]);
  }
  return [...groups.keys()].sort().map((k) => count(k, groups.get(k)!));
}

export const decadeOf = (date: string): string => `${date.slice(0, 3)}0s`;

export function reliability(report: Report): Reliability {
  const verdicts = report.scenarios.flatMap((s) => s.verdicts);
  return {
    scenarios: report.scenarios.length,
    events: report.scenarios.reduce((n, s) => n + s.events.length, 0),
    rows: verdicts.length,
    total: count('all', verdicts),
    byTreaty: groupBy(verdicts, (v) => v.treaty),
    byDecade: groupBy(verdicts, (v) => decadeOf(v.date)),
  };
}
