/**
 * `casus sweep FILE --vary FACT_OR_PATH[=VALUES]... [--event ID]`: every
 * combination of the chosen facts' or paths' values, judged and counted.
 * A fact takes its catalogue values (booleans, enums) unless VALUES (YAML)
 * narrows them; a path takes VALUES, or for a boolean both, for an event's
 * kind every kind, otherwise "as is" and "removed". Returns {exitCode, stdout,
 * stderr}; progress goes to the callback the shell gives (a bar on a terminal).
 */
import { ClauseEvaluator } from '../../core/evaluate-clause.js';
import { FACT_CATALOGUE, type FactValue } from '../../core/fact-catalogue.js';
import { sweep, worldCount, type SweepDimension } from '../../core/sweep.js';
import { valueAtPath, type WhatIfDocument } from '../../core/what-if.js';
import { eventKind, membershipStatus, targetKind } from '../../schema/common.js';
import { changePath, type Change } from '../../schema/scenario.js';
import { didYouMean, listSome } from '../../load/diagnostics.js';
import { checkOptionChanges, parseOptionValue } from '../../load/load-what-if.js';
import { renderSweepJson, renderSweepText } from '../../report/render-sweep.js';
import { yamlInline } from '../../report/render-what-if.js';
import { caseOrRefuse, checkCodes } from '../load-or-refuse.js';
import { isOutput, ok, refuse, styleOf, usage, type CommonOptions, type Output } from '../output.js';

/** More worlds than this is a mistake more often than a plan. */
export const MAX_WORLDS = 1 << 16;

export interface SweepCommandOptions extends CommonOptions {
  file: string;
  vary: string[];
  event?: string[];
  clause?: string[];
  obligor?: string[];
  set?: string[];
  format?: 'text' | 'json';
  progress?: (done: number, total: number) => void;
}

const FACTS = new Map(FACT_CATALOGUE.map((f) => [f.id, f]));

function fitsFact(id: string, value: unknown): boolean {
  const f = FACTS.get(id)!;
  if (value === null) return f.nullable === true;
  if (f.type === 'boolean') return typeof value === 'boolean';
  if (f.type === 'number') return typeof value === 'number';
  if (f.type === 'list') return Array.isArray(value) && value.every((x) => typeof x === 'string');
  if (typeof value !== 'string') return false;
  return f.values ? f.values.includes(value) : true;
}

/** Path values when none are given: what the place in the document can sensibly hold. */
function defaultPathValues(path: string, current: unknown): unknown[] | 'toggle' | undefined {
  const last = path.split('.').at(-1);
  if (typeof current === 'boolean') return [current, !current];
  if (last === 'kind' && path.startsWith('events.')) return [...eventKind.options];
  if (last === 'targetKind') return [...targetKind.options];
  if (last === 'status') return [...membershipStatus.options];
  return current === undefined ? undefined : 'toggle';
}

function dimensionOf(spec: string, doc: WhatIfDocument): SweepDimension | string {
  const eq = spec.indexOf('=');
  const name = (eq < 0 ? spec : spec.slice(0, eq)).trim();
  let given: unknown[] | undefined;
  if (eq >= 0) {
    const parsed = parseOptionValue(spec.slice(eq + 1), `--vary ${name}`);
    if (typeof parsed === 'string') return parsed;
    given = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
    if (!given.length) return `--vary ${name}: give at least one value`;
  }
  const fact = FACTS.get(name);
  if (fact) {
    const values = given ?? (fact.type === 'boolean' ? [false, true] : fact.values ? [...fact.values] : undefined);
    if (!values) return `--vary ${name}: this fact is a ${fact.type}; give its values, e.g. --vary ${name}=[...]`;
    const bad = values.find((v) => !fitsFact(name, v));
    if (bad !== undefined) return `--vary ${name}: ${JSON.stringify(bad)} is not a value this fact takes${fact.values ? ` (${listSome([...fact.values], 10)})` : ` (a ${fact.type})`}`;
    return { kind: 'fact', name, values: values as FactValue[] };
  }
  if (!name.includes('.') || !changePath.safeParse(name).success) {
    const hint = didYouMean(name, FACTS.keys());
    return `--vary "${name}" is neither a fact nor a path${hint ? `; ${hint}` : ''} (facts: ${listSome([...FACTS.keys()], 6)}; paths look like events.offensive.kind)`;
  }
  const current = valueAtPath(doc, name);
  const values = given ?? defaultPathValues(name, current);
  if (values === undefined) return `--vary ${name}: there is nothing at this path to vary; give values, e.g. --vary ${name}=[a, b]`;
  if (values === 'toggle') return { kind: 'path', name, values: [{ label: 'as is', changes: [] }, { label: 'removed', changes: [{ remove: name }] }] };
  return { kind: 'path', name, values: values.map((value) => ({ label: yamlInline(value), changes: [{ set: name, value } as Change] })) };
}

export async function sweepCommand(o: SweepCommandOptions): Promise<Output> {
  const loaded = caseOrRefuse(o);
  if (isOutput(loaded)) return loaded;
  const doc = loaded.case.document;
  if (!o.vary.length) return usage('name at least one --vary FACT or --vary PATH');
  const dimensions: SweepDimension[] = [];
  for (const spec of o.vary) {
    const d = dimensionOf(spec, doc);
    if (typeof d === 'string') return usage(d);
    if (dimensions.some((x) => x.name === d.name)) return usage(`--vary ${d.name} is given twice`);
    // Each path value is checked as a what-if change would be: the path resolves, the result is a valid scenario.
    if (d.kind === 'path') for (const v of d.values) {
      const problems = checkOptionChanges(doc, v.changes, `--vary ${d.name}`);
      if (problems.length) return refuse(problems);
    }
    dimensions.push(d);
  }
  const total = worldCount(dimensions);
  if (total > MAX_WORLDS) return usage(`${total} worlds is more than ${MAX_WORLDS}: vary fewer facts or give fewer values`);
  const events = doc.events.map((e) => e.id);
  for (const e of o.event ?? []) if (!events.includes(e)) return usage(`--event "${e}" is not an event of ${o.file}; ${didYouMean(e, events) ?? `events are: ${listSome(events)}`}`);
  const bad = checkCodes(doc, o.clause, o.obligor);
  if (bad) return bad;
  const result = await sweep(doc, dimensions, {
    ...(o.event?.length ? { events: o.event } : {}),
    ...(o.clause?.length ? { clauses: o.clause } : {}),
    ...(o.obligor?.length ? { obligors: o.obligor } : {}),
    evaluator: new ClauseEvaluator(true),
    ...(o.progress ? { onProgress: o.progress } : {}),
  });
  const title = `${loaded.case.layers.at(-1)?.id ?? loaded.case.scenario.id}${o.event?.length ? ` (event ${o.event.join(', ')})` : ''}`;
  return ok(o.format === 'json' ? renderSweepJson(result) : renderSweepText(result, title, styleOf(o)));
}
