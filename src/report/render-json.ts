/** The JSON report, exactly the docs/design.md §3 contract (fields in contract order). Pure. */
import type { Report } from '../core/simulate.js';

export function toContract(report: Report) {
  return {
    scenarios: report.scenarios.map((s) => ({
      id: s.id,
      title: s.title,
      verdicts: s.verdicts.map((v) => ({
        event: v.event,
        date: v.date,
        clause: v.clause,
        obligor: v.obligor,
        beneficiary: v.beneficiary,
        status: v.status,
        duty: v.duty,
        actual: v.actual,
        assessment: v.assessment,
        reasons: v.reasons.map((r) => ({ code: r.code, condition: r.condition, holds: r.holds, because: r.because })),
      })),
    })),
  };
}

export function renderJson(report: Report): string {
  return `${JSON.stringify(toContract(report), null, 2)}\n`;
}
