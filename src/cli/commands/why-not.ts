/**
 * `casus why-not FILE --event ID --clause ID --obligor CODE [--max-size N] [--save FILE]`:
 * the smallest sets of input changes that would flip one verdict, each shown
 * as what-if changes; `--save` writes the first as a what-if file. Writes only
 * the file --save names; returns {exitCode, stdout, stderr}.
 */
import { resolveBase } from '../../load/resolve-base.js';
import { dirname, join, relative, resolve } from 'node:path';
import { ClauseEvaluator } from '../../core/evaluate-clause.js';
import { whyNot } from '../../core/why-not.js';
import { didYouMean, listSome } from '../../load/diagnostics.js';
import { displayPath, PACKAGE_ROOT } from '../../load/load-files.js';
import { renderWhyNotJson, renderWhyNotText, whatIfFileText } from '../../report/render-why-not.js';
import { caseOrRefuse } from '../load-or-refuse.js';
import { saveFile } from '../save-file.js';
import { isOutput, ok, styleOf, usage, type CommonOptions, type Output } from '../output.js';

export interface WhyNotOptions extends CommonOptions {
  file: string;
  event?: string;
  clause: string;
  obligor: string;
  set?: string[];
  maxSize?: number;
  save?: string;
  /** Let --save replace an existing file (never one the what-if is made from). */
  force?: boolean;
  format?: 'text' | 'json';
}

/** A path as written inside a file: relative to that file's folder, with forward slashes. */
function relativeFrom(fromFile: string, to: string): string {
  return relative(dirname(resolve(fromFile)), resolve(to)).split('\\').join('/');
}

export async function whyNotCommand(o: WhyNotOptions): Promise<Output> {
  const maxSize = o.maxSize ?? 3;
  if (!Number.isInteger(maxSize) || maxSize < 1 || maxSize > 6) return usage(`--max-size must be a whole number from 1 to 6, not ${o.maxSize}`);
  const loaded = caseOrRefuse(o);
  if (isOutput(loaded)) return loaded;
  const doc = loaded.case.document;
  const events = doc.events.map((e) => e.id);
  const event = o.event ?? (events.length === 1 ? events[0]! : undefined);
  if (!event) return usage(`${displayPath(o.file)} has ${events.length} events: name one with --event (${listSome(events)})`);
  const result = await whyNot(doc, { event, clause: o.clause, obligor: o.obligor }, { maxSize, evaluator: new ClauseEvaluator(true) });
  if ('field' in result) {
    const hint = didYouMean(result.value, result.known) ?? `expected one of: ${listSome(result.known, 12)}`;
    return usage(`--${result.field} "${result.value}" has no row in ${displayPath(o.file)}; ${hint}`);
  }
  let saved = '';
  if (o.save) {
    const set = result.sets[0];
    if (!set) return usage(`nothing to save: no set of up to ${maxSize} changes would flip ${o.obligor} under ${o.clause}`);
    const id = `${loaded.case.layers.at(-1)?.id ?? loaded.case.scenario.id}-${o.obligor.toLowerCase()}-${o.clause.replace('/', '-')}`;
    const text = whatIfFileText({
      id,
      title: `What if ${set.candidates.map((c) => c.label).join(', and ')}?`,
      base: relativeFrom(o.save, o.file),
      schema: relativeFrom(o.save, join(PACKAGE_ROOT, 'schemas', 'what-if.schema.json')),
      set,
      why: `Found by casus why-not: the first of the smallest sets of changes that make ${o.obligor}'s verdict under ${o.clause} ${set.verdict?.status ?? 'absent'} (it was ${result.row.status}).`,
    });
    const refused = saveFile(o.save, text, { sources: [o.file, ...loaded.case.files], force: o.force, option: '--save' });
    if (refused) return usage(refused);
    saved = `\nSaved the first set as ${displayPath(o.save)}; run: casus what-if ${displayPath(o.save)}\n`;
    const reach = resolveBase(o.save, relativeFrom(o.save, o.file));
    // A base is followed only within the what-if's folder (resolve-base.ts): say so now, not at the next run.
    if (!('path' in reach)) saved += `Note: ${reach.message}, so casus will refuse to follow it; save the what-if beside its base or in a what-if/ folder beside it.\n`;
  }
  return ok(o.format === 'json' ? renderWhyNotJson(result) : renderWhyNotText(result, styleOf(o)) + saved);
}
