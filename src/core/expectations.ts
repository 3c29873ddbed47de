/**
 * Check a scenario's `expect` entries against its report (docs/design.md §2). Pure.
 * `obligor: "*"` covers every row of that clause and event whose obligor has no
 * entry of its own, and fails if there is none; `absent` means no row;
 * `because: CODE` means that reason held false in the row; `rows: N` that the
 * clause has N rows for the event, every obligor counted.
 */
import type { Expectation, Scenario } from '../schema/scenario.js';
import type { ScenarioReport, Verdict } from './simulate.js';

export interface ExpectationResult {
  scenario: string;
  event: string;
  expectation: Expectation;
  /** The sentence naming the check. */
  says: string;
  passed: boolean;
  /** What was found, for each row checked. */
  problems: string[];
}

export type EventExpectation = Expectation & { event: string };

export function describeExpectation(e: EventExpectation): string {
  const status = Array.isArray(e.status) ? e.status.join(' or ') : e.status;
  const extras = [
    e.because && `because ${e.because} fails`, e.assessment && `assessment ${e.assessment}`, e.duty && `duty ${e.duty}`,
    e.rows !== undefined && `${e.rows} row${e.rows === 1 ? '' : 's'}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${e.event}: ${e.clause} for ${e.obligor === '*' ? 'every obligor' : e.obligor} is ${status}${extras ? ` (${extras})` : ''}`;
}

function checkRow(e: Expectation, row: Verdict): string[] {
  const problems: string[] = [];
  const statuses = Array.isArray(e.status) ? e.status : [e.status];
  if (!statuses.includes(row.status)) problems.push(`${row.obligor}: status is ${row.status}, expected ${statuses.join(' or ')}`);
  if (e.because) {
    const reason = row.reasons.find((r) => r.code === e.because && !r.holds);
    if (!reason) {
      const failing = row.reasons.filter((r) => !r.holds).map((r) => r.code);
      problems.push(`${row.obligor}: ${e.because} did not fail (failing: ${failing.join(', ') || 'none'})`);
    }
  }
  if (e.assessment && row.assessment !== e.assessment) problems.push(`${row.obligor}: assessment is ${row.assessment}, expected ${e.assessment}`);
  if (e.duty && row.duty !== e.duty) problems.push(`${row.obligor}: duty is ${row.duty}, expected ${e.duty}`);
  return problems;
}

export function checkExpectations(
  report: ScenarioReport,
  expectations: readonly EventExpectation[],
): ExpectationResult[] {
  return expectations.map((e) => {
    const rows = report.verdicts.filter((v) => v.event === e.event && v.clause === e.clause);
    const statuses = Array.isArray(e.status) ? e.status : [e.status];
    let problems: string[];
    if (e.obligor === '*') {
      const named = new Set(expectations.filter((x) => x.event === e.event && x.clause === e.clause && x.obligor !== '*').map((x) => x.obligor));
      const covered = rows.filter((r) => !named.has(r.obligor));
      problems = covered.length ? covered.flatMap((r) => checkRow(e, r)) : [`no rows for ${e.clause} on ${e.event}`];
    } else {
      const row = rows.find((r) => r.obligor === e.obligor);
      if (!row) problems = statuses.includes('absent') ? [] : [`${e.obligor}: no row (expected ${statuses.join(' or ')})`];
      else problems = statuses.includes('absent') && statuses.length === 1 ? [`${e.obligor}: has a row, expected none`] : checkRow(e, row);
    }
    if (e.rows !== undefined && rows.length !== e.rows) problems.push(`${e.clause} has ${rows.length} row${rows.length === 1 ? '' : 's'} for ${e.event}, expected ${e.rows}`);
    return {
      scenario: report.id,
      event: e.event,
      expectation: e,
      says: e.says ?? describeExpectation(e),
      passed: problems.length === 0,
      problems,
    };
  });
}

/** The expectations written on a scenario's events. */
export function expectationsOf(scenario: Scenario): EventExpectation[] {
  return scenario.events.flatMap((ev) => (ev.expect ?? []).map((e) => ({ ...e, event: ev.id })));
}
