/**
 * The `casus why-not` report: the verdict and the tests in its way, then the
 * smallest sets of changes that flip it, each written as the what-if changes
 * it amounts to; and, when no single change suffices, what each leaves
 * failing. Also the what-if file a set can be saved as. Text and JSON. Pure.
 */
import { renderWhatIfYaml } from './render-what-if-file.js';
import type { Counterfactual, WhyNotResult } from '../core/why-not.js';
import { changeLine, reasonChangeWords } from './render-what-if.js';
import { PLAIN, type Style } from './style.js';
import { safeData } from '../core/safe-text.js';

function goalWords(r: WhyNotResult): string {
  return r.goal === 'obliged' ? 'make it obliged' : 'release it from the duty';
}

export function renderWhyNotText(r: WhyNotResult, s: Style = PLAIN): string {
  r = safeData(r); // text from files is shown, never obeyed (a title holding ESC [2J)
  const v = r.row;
  const out: string[] = [];
  out.push(s.bold(`${v.obligor} under ${v.clause} for ${v.event} (${v.date}): ${v.status}`));
  const failing = v.reasons.filter((x) => !x.holds);
  if (failing.length) for (const x of failing) out.push(`  ✗ ${x.code}: ${x.found}`);
  else out.push('  every test holds');
  out.push('');
  if (r.nearMisses.length) {
    out.push(s.bold('No single change is enough:'));
    for (const m of r.nearMisses) {
      const still = m.stillFailing.length ? `: ${m.stillFailing.join(', ')} still fail${m.stillFailing.length === 1 ? 's' : ''}` : '';
      out.push(`  ${m.candidate.label} → ${m.status}${still}`);
    }
    out.push('');
  }
  if (!r.sets.length) {
    out.push(`No set of up to ${r.maxSize} change${r.maxSize === 1 ? '' : 's'} drawn from the clause's tests would ${goalWords(r)} (${r.checked} sets judged).`);
  } else {
    const sizes = [...new Set(r.sets.map((x) => x.candidates.length))];
    out.push(s.bold(`The smallest sets of changes that would ${goalWords(r)}`) + s.dim(` (${r.sets.length} found, of size ${sizes.join(', ')}; ${r.checked} sets judged):`));
    r.sets.forEach((set, i) => {
      out.push(`  ${i + 1}. ${set.candidates.map((c) => c.label).join(' + ')} → ${set.verdict?.status ?? 'no row'}`);
      out.push(s.dim(`     tests: ${set.reasons.map(reasonChangeWords).join('; ') || 'none changed'}`));
      out.push('     changes:');
      for (const c of set.candidates) out.push(`       - ${changeLine(c.change)}`);
    });
  }
  if (r.uncovered.length) out.push('', s.dim(`No input change was found for: ${r.uncovered.join(', ')}.`));
  return out.join('\n') + '\n';
}

export function whyNotJson(r: WhyNotResult) {
  return {
    row: { event: r.row.event, clause: r.row.clause, obligor: r.row.obligor, status: r.row.status, failing: r.row.reasons.filter((x) => !x.holds).map((x) => x.code) },
    goal: r.goal,
    sets: r.sets.map((set) => ({
      size: set.candidates.length,
      status: set.verdict?.status ?? null,
      labels: set.candidates.map((c) => c.label),
      changes: set.candidates.map((c) => c.change),
      reasons: set.reasons.map((c) => ({ code: c.code, from: c.from, to: c.to })),
    })),
    nearMisses: r.nearMisses.map((m) => ({ label: m.candidate.label, change: m.candidate.change, status: m.status, stillFailing: m.stillFailing })),
    uncovered: r.uncovered,
    checked: r.checked,
  };
}

export function renderWhyNotJson(r: WhyNotResult): string {
  return `${JSON.stringify(whyNotJson(r), null, 2)}\n`;
}

/** A what-if file for one counterfactual set, ready to save beside its base; each change on one line, as the casebook writes them. */
export function whatIfFileText(o: { id: string; title: string; base: string; schema: string; set: Counterfactual; why: string }): string {
  return renderWhatIfYaml({ id: o.id, title: o.title, base: o.base, changes: o.set.candidates.map((c) => c.change), schema: o.schema, comment: o.why });
}
