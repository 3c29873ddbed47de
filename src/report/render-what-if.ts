/**
 * The `casus what-if` report: what changed (immer's patches), then per event
 * the base's verdict beside the variant's, flips marked, and which tests
 * changed. Text and JSON. Pure (WhatIfReport -> string).
 */
import { stringify } from 'yaml';
import type { Change } from '../schema/scenario.js';
import type { ReasonChange, RowComparison, RowSide, WhatIfReport } from '../core/what-if.js';
import { toContract } from './render-json.js';
import { eventLine, table } from './render-text.js';
import { PLAIN, type Style } from './style.js';
import { compareText } from '../core/compare-text.js';
import { safeData } from '../core/safe-text.js';

/** A value on one line, as it would be written in a what-if file. */
export function yamlInline(value: unknown): string {
  if (value === undefined) return '';
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}

/** A change as one line of a what-if file's `changes` list. */
export function changeLine(change: Change): string {
  return yamlInline(change);
}

const holdsWord = (h: boolean | null) => (h === null ? 'absent' : h ? 'holds' : 'fails');

export function reasonChangeWords(r: ReasonChange): string {
  return `${r.code}: ${holdsWord(r.from)} → ${holdsWord(r.to)}`;
}

function sideCell(x: RowSide | null): string {
  return x ? `${x.status} · ${x.assessment}` : 'no row';
}

function flipCell(r: RowComparison, s: Style): string {
  if (r.flipped) return s.bold(s.yellow('FLIP'));
  return r.changed ? 'changed' : '';
}

export function renderWhatIfText(x: WhatIfReport, s: Style = PLAIN): string {
  x = safeData(x); // text from files is shown, never obeyed (a title holding ESC [2J)
  const out: string[] = [s.bold(x.title), s.dim(`what-if ${x.id}, on ${x.baseId} (${x.baseTitle})`), ''];
  out.push(s.bold('Changed (immer patches):'));
  if (!x.patches.length) out.push(s.dim('  nothing: the changes leave the base as it was'));
  const width = Math.max(0, ...x.patches.map((p) => p.op.length));
  for (const p of x.patches) out.push(`  ${p.op.padEnd(width)}  ${p.path}${p.op === 'remove' ? '' : ` = ${yamlInline(p.value)}`}`);
  out.push('');
  for (const e of x.variant.events) {
    const before = x.base.events.find((b) => b.id === e.id);
    out.push(`${s.bold(e.date)}  ${s.bold(e.title)}  ${s.dim(`[${e.id}]`)}`);
    out.push(`  ${eventLine(e)}`);
    if (before && eventLine(before) !== eventLine(e)) out.push(s.dim(`  (base: ${eventLine(before)})`));
    out.push('');
    const rows = x.rows.filter((r) => r.event === e.id).sort((a, b) => compareText(a.clause, b.clause) || compareText(a.obligor, b.obligor));
    if (!rows.length) {
      out.push(s.dim('  no clause applies in the base or the variant'), '');
      continue;
    }
    const header = ['obligor', 'clause', 'base', 'what-if', '', 'tests that changed'];
    const body = rows.map((r) => [r.obligor, r.clause, sideCell(r.base), sideCell(r.variant), flipCell(r, s), r.reasons.map(reasonChangeWords).join('; ')]);
    out.push(...table([header, ...body], s).map((l) => `  ${l}`), '');
  }
  const changed = x.rows.filter((r) => r.changed && !r.flipped).length;
  out.push(`  ${x.flips} verdict${x.flips === 1 ? '' : 's'} flipped, ${changed} otherwise changed, of ${x.rows.length} row${x.rows.length === 1 ? '' : 's'}`, '');
  return out.join('\n');
}

export function whatIfJson(x: WhatIfReport) {
  return {
    whatIf: { id: x.id, title: x.title, base: { id: x.baseId, title: x.baseTitle } },
    changes: x.changes,
    changed: x.patches,
    flips: x.flips,
    rows: x.rows.map((r) => ({
      event: r.event,
      clause: r.clause,
      obligor: r.obligor,
      base: r.base && { status: r.base.status, assessment: r.base.assessment },
      variant: r.variant && { status: r.variant.status, assessment: r.variant.assessment },
      flipped: r.flipped,
      reasons: r.reasons.map((c) => ({ code: c.code, from: c.from, to: c.to })),
    })),
    ...toContract({ scenarios: [x.base, x.variant] }),
  };
}

export function renderWhatIfJson(x: WhatIfReport): string {
  return `${JSON.stringify(whatIfJson(x), null, 2)}\n`;
}
