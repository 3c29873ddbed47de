/**
 * Request facts: who asked whom for what under the treaty. These are the
 * facts that make a test "the request" (FactRecord.request): a row whose only
 * failing tests read them is obliged-if-requested (docs/design.md §3). Pure.
 */
import { PARTY_STATUSES } from '../membership.js';
import { eventPath, type FactContext, type FactRecord, type FactValue } from './fact.js';

function requestReaches(to: string | undefined, obligor: string, treatyId: string): boolean {
  return to === undefined || to === obligor || to === treatyId;
}

/** Ask under this clause, or withdraw every request under it. */
function requestChange(value: FactValue, ctx: FactContext) {
  const { event, clauseRef } = ctx;
  const at = eventPath(ctx);
  if (value === true) return [{ label: `${event.target} asks for help under ${clauseRef}`, change: { add: `${at}.requests`, value: { by: event.target, clause: clauseRef, date: event.date } } }];
  const kept = (event.requests ?? []).filter((r) => r.clause !== clauseRef);
  return [{ label: `no request under ${clauseRef}`, change: kept.length ? { set: `${at}.requests`, value: kept } : { remove: `${at}.requests` } }];
}

export const treatyInvokedByTarget: FactRecord = {
  id: 'treatyInvokedByTarget', type: 'boolean', request: true,
  description: 'The attacked state invoked the treaty, under any of its clauses, addressed to this obligor, its organization or all parties',
  derive: ({ ctx }) => (ctx.event.requests ?? []).some(
    (r) => r.clause?.startsWith(`${ctx.treaty.id}/`) === true && r.by === ctx.event.target && requestReaches(r.to, ctx.obligor, ctx.treaty.id),
  ),
};

export const aidRequestedUnderClause: FactRecord = {
  id: 'aidRequestedUnderClause', type: 'boolean', request: true,
  description: 'The attacked state requested action under this clause, addressed to this obligor, its organization or all parties',
  derive: ({ ctx }) => (ctx.event.requests ?? []).some(
    (r) => r.clause === ctx.clauseRef && r.by === ctx.event.target && requestReaches(r.to, ctx.obligor, ctx.treaty.id),
  ),
  inWords: (facts, { event, clauseRef }) =>
    facts.aidRequestedUnderClause ? `${event.target} requested it under ${clauseRef}` : `${event.target} made no request under ${clauseRef}`,
  changesTo: requestChange,
};

export const anyPartyRequestedUnderClause: FactRecord = {
  id: 'anyPartyRequestedUnderClause', type: 'boolean', request: true,
  description: 'Some party requested action under this clause for this event',
  derive: (s) => (s.ctx.event.requests ?? []).some((r) => r.clause === s.ctx.clauseRef && PARTY_STATUSES.includes(s.statusOf(r.by))),
  changesTo: requestChange,
};
