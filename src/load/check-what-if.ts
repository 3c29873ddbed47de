/**
 * What-if files, checked before anything runs: the `base` must be a data file
 * in the what-if's own folder or below it (a what-if shared from elsewhere may
 * not make casus read other files on the reader's disk); a chain of bases must
 * end in a scenario without coming back on itself; every change must lead
 * somewhere in the base scenario and leave a scenario that still holds
 * together; every `expect` must name an event, clause, state and reason that
 * exist. Self-contained: it uses the core's own `applyChanges` for the dry run.
 * Reads files (the bases), so it lives at the edge.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { applyChanges, ChangeError } from '../core/changes.js';
import { mergeWorld, type Model } from '../core/simulate.js';
import { scenarioFile, whatIfFile, type Scenario, type WhatIf } from '../schema/scenario.js';
import { checkScenario, checkWorld, vocabularyOf, type Loaded } from './check-references.js';
import { applyEachChecked } from './check-changes.js';
import { didYouMean, listSome, type Diagnostic } from './diagnostics.js';
import { displayPath, isWhatIfValue, loadScenarioFile, readSource } from './load-files.js';
import { diagnosticAt, type PathSegment, type SourceFile } from './parse-source.js';
import { fieldName, validateShape } from './validate-shape.js';

const DATA_FILE = /\.(ya?ml|json)$/i;

/** Is `inner` the folder `outer` or inside it? */
function isInside(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

export type BaseResolution = { path: string } | { code: string; message: string; hint?: string };

/** Where a what-if's `base` points, or why it may not be followed. */
export function resolveBase(whatIfPath: string, base: string): BaseResolution {
  const folder = dirname(resolve(whatIfPath));
  const outside = {
    code: 'base-outside-folder',
    message: `the base "${base}" is outside the what-if's folder`,
    hint: 'put the what-if beside its base scenario (or in a folder above it) and name the base relative to it, e.g. base: armenia-border-2022.yaml',
  };
  if (isAbsolute(base) || base.includes('\0')) return outside;
  const target = resolve(folder, base);
  if (!isInside(folder, target)) return outside;
  if (!DATA_FILE.test(target)) return { code: 'bad-base', message: `the base "${base}" is not a .yaml, .yml or .json file` };
  let isFile = false;
  try {
    isFile = statSync(target).isFile();
  } catch {
    isFile = false;
  }
  if (!isFile) {
    // Near misses among the data files of the folder the base names (within the what-if's folder).
    let names: string[] = [];
    try {
      const near = dirname(target);
      if (isInside(folder, near)) names = readdirSync(near).filter((f) => DATA_FILE.test(f)).map((f) => relative(folder, resolve(near, f)).split(sep).join('/'));
    } catch {
      names = [];
    }
    return { code: 'unknown-base', message: `the base "${base}" does not exist`, ...(didYouMean(base, names) ? { hint: didYouMean(base, names)! } : {}) };
  }
  // A link inside the folder may still point elsewhere.
  if (!isInside(realpathSync(folder), realpathSync(target))) return outside;
  return { path: target };
}

interface Step {
  path: string;
  whatIf: WhatIf;
}

/** Follow `base` links to the scenario at the end; report a cycle or a broken link on this file's `base`. */
function followBases(first: Loaded<WhatIf>, firstPath: string, model: Model): { chain: Step[]; scenario?: Scenario; diagnostics: Diagnostic[] } {
  const at = (code: string, message: string, hint?: string) => [diagnosticAt(first.source, code, ['base'], 'base', message, hint)];
  const chain: Step[] = [{ path: resolve(firstPath), whatIf: first.value }];
  const seen = [realpathSync(firstPath)];
  for (;;) {
    const current = chain[chain.length - 1]!;
    const next = resolveBase(current.path, current.whatIf.base);
    if (!('path' in next)) {
      if (current.path === chain[0]!.path) return { chain, diagnostics: at(next.code, next.message, next.hint) };
      return { chain, diagnostics: at('bad-base', `the base ${displayPath(current.path)} has a problem: ${next.message}`, `run casus validate ${displayPath(current.path)}`) };
    }
    const real = realpathSync(next.path);
    if (seen.includes(real)) {
      const names = [...chain.map((s) => displayPath(s.path)), displayPath(next.path)];
      return { chain, diagnostics: at('base-cycle', `the chain of bases comes back on itself: ${names.join(' → ')}`, 'a chain of what-ifs must end in a scenario') };
    }
    seen.push(real);
    const { source, diagnostics } = readSource(next.path);
    const broken = () => at('bad-base', `the base ${displayPath(next.path)} has problems`, `run casus validate ${displayPath(next.path)}`);
    if (!source || diagnostics.length) return { chain, diagnostics: broken() };
    if (isWhatIfValue(source.value)) {
      const shaped = validateShape(whatIfFile, source);
      if (!shaped.value) return { chain, diagnostics: broken() };
      chain.push({ path: next.path, whatIf: shaped.value });
      continue;
    }
    const loaded = loadScenarioFile(next.path, model);
    if (!loaded.scenario || loaded.diagnostics.length) return { chain, diagnostics: broken() };
    return { chain, scenario: loaded.scenario.value, diagnostics: [] };
  }
}

/** The problems a scenario has as a value (shape, then references), for the dry run of the changes. */
function scenarioProblems(model: Model) {
  return (value: Scenario, source: SourceFile): Diagnostic[] => {
    const shaped = validateShape(scenarioFile, source);
    if (!shaped.value) return shaped.diagnostics;
    const world = mergeWorld(model.world, shaped.value.world);
    const vocab = vocabularyOf(world, model.treaties);
    const loaded = { source, value: shaped.value };
    return [...checkScenario(loaded, vocab), ...(value.world ? checkWorld({ source, value: value.world }, vocab, ['world']) : [])];
  };
}

/** Every expectation of the what-if names an event of the changed scenario, a clause, a state and a reason that exist. */
function checkExpectations(loaded: Loaded<WhatIf>, scenario: Scenario, model: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  const world = mergeWorld(model.world, scenario.world);
  const vocab = vocabularyOf(world, model.treaties);
  const events = scenario.events.map((e) => e.id);
  const known = (code: string, path: PathSegment[], value: string, set: Iterable<string>, what: string) => {
    const all = [...set];
    if (all.includes(value)) return;
    out.push(diagnosticAt(loaded.source, code, path, fieldName(loaded.value, path), `unknown ${what} "${value}"`,
      didYouMean(value, all) ?? `expected ${what}s such as ${listSome(all.sort(), 6)}`));
  };
  (loaded.value.expect ?? []).forEach((x, i) => {
    const p: PathSegment[] = ['expect', i];
    known('unknown-event', [...p, 'event'], x.event, events, 'event');
    known('unknown-clause', [...p, 'clause'], x.clause, vocab.clauses, 'clause');
    if (x.obligor !== '*') known('unknown-state', [...p, 'obligor'], x.obligor, vocab.states, 'state');
    if (x.because) known('unknown-reason-code', [...p, 'because'], x.because, vocab.reasonCodes, 'reason code');
  });
  return out;
}

/**
 * Check one what-if file against its base: shape, base, chain, changes and
 * expectations. Every problem is returned; nothing is run.
 */
export function checkWhatIf(path: string, model: Model): Diagnostic[] {
  const { source, diagnostics } = readSource(path);
  if (!source) return diagnostics;
  const shaped = validateShape(whatIfFile, source);
  if (!shaped.value) return shaped.diagnostics;
  const loaded: Loaded<WhatIf> = { source, value: shaped.value };
  const followed = followBases(loaded, path, model);
  if (!followed.scenario) return followed.diagnostics;
  // The bases' own changes, from the scenario up; each base answers for its own (casus validate on it).
  let scenario = followed.scenario;
  for (const step of followed.chain.slice(1).reverse()) {
    try {
      scenario = applyChanges(scenario, step.whatIf.changes).result;
    } catch (e) {
      if (!(e instanceof ChangeError)) throw e;
      return [diagnosticAt(source, 'bad-base', ['base'], 'base', `the changes of the base ${displayPath(step.path)} cannot be applied`, `run casus validate ${displayPath(step.path)}`)];
    }
  }
  const applied = applyEachChecked(scenario, loaded.value.changes, source, (i) => ['changes', i], scenarioProblems(model));
  return [...applied.diagnostics, ...checkExpectations(loaded, applied.result, model)];
}
