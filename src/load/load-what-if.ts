/**
 * Loading what-if files (DESIGN §2) and `--set` changes: follow the chain of
 * bases (each relative to the file naming it; a what-if may be the base of
 * another; a cycle is an input error), apply each layer's changes to check
 * that every path resolves, and check the variant like any scenario. Every
 * problem is located at the change that caused it. Reads files; otherwise pure.
 */
import { dirname, resolve } from 'node:path';
import { ChangeError, pathOf } from '../core/changes.js';
import type { EventExpectation } from '../core/expectations.js';
import type { Model } from '../core/simulate.js';
import { applyWhatIf, documentOf, type WhatIfDocument, type WhatIfLayer } from '../core/what-if.js';
import { changePath, scenarioFile, whatIfFile, type Change, type Scenario, type WhatIf } from '../schema/scenario.js';
import { treaty } from '../schema/treaty.js';
import { worldFile } from '../schema/world.js';
import { checkScenario, checkTreaty, checkWorld, vocabularyOf, type Loaded } from './check-references.js';
import { didYouMean, listSome, type Diagnostic } from './diagnostics.js';
import { displayPath, isWhatIfValue, loadScenarioFile, readSource } from './load-files.js';
import { diagnosticAt, type SourceFile } from './parse-source.js';
import { resolveBase } from './resolve-base.js';
import { fieldName, validateShape } from './validate-shape.js';
import { parse as parseYaml } from 'yaml';

/** One layer of changes and where it was written (a what-if file, or the command line). */
export interface ChangeLayer extends WhatIfLayer {
  source: SourceFile;
}

/** A scenario or what-if file made ready to judge: the root scenario and the layers above it, root-most first. */
export interface Case {
  file: string;
  scenario: Scenario;
  layers: ChangeLayer[];
  /** The variant: every layer applied. */
  document: WhatIfDocument;
  /** The last what-if file's expectations, named from the comment above each. */
  expectations: EventExpectation[];
  isWhatIf: boolean;
}

/** A source for changes given on the command line: a problem is shown at "--set:N", the N-th --set. */
function commandLineSource(changes: readonly Change[], option = '--set'): SourceFile {
  return {
    file: option,
    value: { changes },
    locate: (path) => ({ line: typeof path[1] === 'number' ? path[1] + 1 : 1, column: 1 }),
    commentAbove: () => undefined,
  };
}

/** Parse `PATH=VALUE` (VALUE read as YAML) into a set change; a message for a malformed one. */
export function parseSetOption(text: string): Change | string {
  const eq = text.indexOf('=');
  if (eq <= 0) return `--set "${text}" is not PATH=VALUE (e.g. --set events.offensive.kind=armed-attack)`;
  const path = text.slice(0, eq).trim();
  if (!changePath.safeParse(path).success) return `--set "${path}" is not a dotted path such as events.offensive.requests`;
  try {
    return { set: path, value: parseYaml(text.slice(eq + 1)) as unknown };
  } catch (e) {
    return `--set ${path}: the value is not valid YAML (${(e as Error).message.split('\n')[0]})`;
  }
}

interface Chain {
  scenario?: Loaded<Scenario>;
  files: Array<{ file: string; source: SourceFile; whatIf: WhatIf }>;
  diagnostics: Diagnostic[];
}

/** Follow `base` from file to file until a scenario; refuse a cycle, naming the chain. */
function resolveChain(path: string, model: Model): Chain {
  const files: Chain['files'] = [];
  const seen: string[] = [];
  let current = resolve(path);
  for (;;) {
    const naming = files[0];
    if (seen.includes(current)) {
      // Reported on the file asked about, which is where the reader is looking.
      const first = files[files.length - 1]!;
      const chain = [...seen, current].map(displayPath).join(' → ');
      return { files, diagnostics: [diagnosticAt(first.source, 'base-cycle', ['base'], 'base', `the chain of bases comes back on itself: ${chain}`, 'a chain of what-ifs must end in a scenario')] };
    }
    seen.push(current);
    const { source, diagnostics } = readSource(current);
    if (!source) {
      if (naming && diagnostics[0]?.code === 'unreadable-file')
        return { files, diagnostics: [diagnosticAt(naming.source, 'unreadable-file', ['base'], 'base', `no such file: ${displayPath(current)}`, 'base is relative to the what-if file that names it')] };
      return { files, diagnostics };
    }
    if (!isWhatIfValue(source.value)) {
      const r = loadScenarioFile(current, model);
      return { ...(r.scenario ? { scenario: r.scenario } : {}), files, diagnostics: r.diagnostics };
    }
    const shaped = validateShape(whatIfFile, source);
    if (!shaped.value) return { files, diagnostics: shaped.diagnostics };
    files.unshift({ file: current, source, whatIf: shaped.value });
    const next = resolveBase(current, shaped.value.base);
    if (!('path' in next)) return { files, diagnostics: [diagnosticAt(source, next.code, ['base'], 'base', next.message, next.hint)] };
    current = next.path;
  }
}

/** The change a problem at `field` comes from: the last one whose path leads there (or lies under it). */
function changeFor(changes: readonly Change[], field: string): number {
  for (let i = changes.length - 1; i >= 0; i--) {
    const p = pathOf(changes[i]!);
    if (field === p || field.startsWith(`${p}.`) || field.startsWith(`${p}[`) || p.startsWith(`${field}.`)) return i;
  }
  return 0;
}

/** Check one part of the variant (scenario, world or a treaty) as if it were a file, locating problems at the changes. */
function partSource(layer: ChangeLayer, value: unknown, prefix: string): SourceFile {
  return {
    file: layer.source.file,
    value,
    locate: (path) => layer.source.locate(['changes', changeFor(layer.changes, prefix + fieldName(value, path))]),
    commentAbove: () => undefined,
  };
}

function checkVariant(doc: WhatIfDocument, layer: ChangeLayer): Diagnostic[] {
  const { world, treaties, ...scenarioPart } = doc;
  const out: Diagnostic[] = [];
  const prefixed = (prefix: string, ds: Diagnostic[]) => ds.map((d) => ({ ...d, field: d.field ? prefix + d.field : d.field }));
  const scenarioSource = partSource(layer, scenarioPart, '');
  const scenario = validateShape(scenarioFile, scenarioSource);
  out.push(...scenario.diagnostics);
  const worldSource = partSource(layer, world, 'world.');
  const shapedWorld = validateShape(worldFile, worldSource);
  out.push(...prefixed('world.', shapedWorld.diagnostics));
  const shapedTreaties = treaties.map((t) => {
    const src = partSource(layer, t, `treaties.${t.id}.`);
    const r = validateShape(treaty, src);
    out.push(...prefixed(`treaties.${t.id}.`, r.diagnostics));
    return r.value ? { source: src, value: r.value } : undefined;
  });
  if (out.length) return out;
  const vocab = vocabularyOf(world, treaties);
  out.push(...checkScenario({ source: scenarioSource, value: scenario.value! }, vocab));
  out.push(...prefixed('world.', checkWorld({ source: worldSource, value: shapedWorld.value! }, vocab)));
  for (const t of shapedTreaties) if (t) out.push(...prefixed(`treaties.${t.value.id}.`, checkTreaty(t, vocab)));
  return out;
}

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

function changeProblem(layer: ChangeLayer, e: ChangeError): Diagnostic {
  const segments = e.path.split('.');
  const at = segments.indexOf(e.segment);
  const where = at > 0 ? segments.slice(0, at).join('.') : 'the top level';
  const message = e.message.startsWith('no item with id')
    ? `no item with id "${e.segment}" in ${where}; the ids there are: ${listSome(e.known, 12)}`
    : `${e.message}${e.known.length ? `; ${where} has: ${listSome(e.known, 12)}` : ''}`;
  if (FORBIDDEN_SEGMENTS.has(e.segment))
    return diagnosticAt(layer.source, 'forbidden-key', ['changes', Math.max(0, e.index)], e.path, e.message,
      'a path names fields and list items by id; these words could reach the internals of the program');
  return diagnosticAt(layer.source, 'bad-change-path', ['changes', Math.max(0, e.index)], e.path, message,
    didYouMean(e.segment, e.known) ?? (e.known.length ? undefined : 'paths name list items by their id: events.<event id>.requests'));
}

/** Apply one layer and check the result; problems are located at the layer's changes. */
function applyLayer(doc: WhatIfDocument, layer: ChangeLayer): { doc?: WhatIfDocument; diagnostics: Diagnostic[] } {
  let next: WhatIfDocument;
  try {
    next = applyWhatIf(doc, layer.changes).result;
  } catch (e) {
    if (!(e instanceof ChangeError)) throw e;
    // Report every change that leads nowhere, not only the first: try each on its own.
    const problems = layer.changes.flatMap((change, index) => {
      try {
        applyWhatIf(doc, [change]);
        return [];
      } catch (each) {
        if (!(each instanceof ChangeError)) throw each;
        each.index = index;
        return [changeProblem(layer, each)];
      }
    });
    return { diagnostics: problems.length ? problems : [changeProblem(layer, e)] };
  }
  const problems = checkVariant(next, layer);
  return problems.length ? { diagnostics: problems } : { doc: next, diagnostics: [] };
}

/** Check changes given with a command-line option (`--vary`) against a document, as a what-if's would be. */
export function checkOptionChanges(doc: WhatIfDocument, changes: readonly Change[], option: string): Diagnostic[] {
  return applyLayer(doc, { id: '', title: '', changes, source: commandLineSource(changes, option) }).diagnostics;
}

/** Expectations of a what-if name an event as well; check the names against the variant. */
function checkWhatIfExpectations(layer: ChangeLayer, expect: readonly EventExpectation[], doc: WhatIfDocument): Diagnostic[] {
  const vocab = vocabularyOf(doc.world, doc.treaties);
  const events = doc.events.map((e) => e.id);
  const out: Diagnostic[] = [];
  const known = (path: (string | number)[], value: string, set: Iterable<string>, what: string) => {
    const list = [...set];
    if (!list.includes(value))
      out.push(diagnosticAt(layer.source, `unknown-${what.replace(/ /g, '-')}`, path, fieldName(layer.source.value, path), `unknown ${what} "${value}"`, didYouMean(value, list) ?? `expected one of: ${listSome(list.sort(), 8)}`));
  };
  expect.forEach((x, j) => {
    known(['expect', j, 'event'], x.event, events, 'event');
    known(['expect', j, 'clause'], x.clause, vocab.clauses, 'clause');
    if (x.obligor !== '*') known(['expect', j, 'obligor'], x.obligor, vocab.states, 'state');
    if (x.because) known(['expect', j, 'because'], x.because, vocab.reasonCodes, 'reason code');
  });
  return out;
}

/**
 * Load a scenario or what-if file, with optional `--set` changes on top (they
 * join the what-if's own changes, or make a one-layer what-if of a scenario).
 */
export function loadCase(path: string, model: Model, sets: readonly Change[] = []): { case?: Case; diagnostics: Diagnostic[] } {
  const chain = resolveChain(path, model);
  if (chain.diagnostics.length || !chain.scenario) return { diagnostics: chain.diagnostics };
  const scenario = chain.scenario.value;
  const layers: ChangeLayer[] = chain.files.map((f) => ({ id: f.whatIf.id, title: f.whatIf.title, changes: f.whatIf.changes, source: f.source }));
  const commandLine: ChangeLayer = { id: `${scenario.id}-variant`, title: `${scenario.title}, with --set`, changes: [...sets], source: commandLineSource(sets) };
  if (sets.length) layers.push(commandLine);
  let doc = documentOf(model, scenario);
  for (const layer of layers) {
    const applied = applyLayer(doc, layer);
    if (!applied.doc) return { diagnostics: applied.diagnostics };
    doc = applied.doc;
  }
  // --set on a what-if joins its own changes, so the report's base stays the what-if's base.
  const last = chain.files[chain.files.length - 1];
  if (sets.length && last) {
    layers.pop();
    const mine = layers[layers.length - 1]!;
    layers[layers.length - 1] = { ...mine, changes: [...mine.changes, ...sets] };
  }
  const expectations: EventExpectation[] = (last?.whatIf.expect ?? []).map((x, j) => {
    const says = x.says ?? last!.source.commentAbove(['expect', j]);
    return says === undefined ? { ...x } : { ...x, says };
  });
  const expectProblems = last ? checkWhatIfExpectations(layers[chain.files.length - 1]!, expectations, doc) : [];
  if (expectProblems.length) return { diagnostics: expectProblems };
  return { case: { file: path, scenario, layers, document: doc, expectations, isWhatIf: chain.files.length > 0 }, diagnostics: [] };
}

