/**
 * Loading what-if files (docs/design.md §2) and `--set` changes: follow the chain of
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
import { z } from 'zod';
import { mergedWorldShape } from './check-changes.js';
import { checkScenario, checkTreaty, checkWorld, vocabularyOf, type Loaded } from './check-references.js';
import { didYouMean, listSome, type Diagnostic } from './diagnostics.js';
import { displayPath, isWhatIfValue, loadScenarioFile, readSource } from './load-files.js';
import { diagnosticAt, parseSource, type SourceFile } from './parse-source.js';
import { resolveBase } from './resolve-base.js';
import { fieldName, validateShape } from './validate-shape.js';

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
  /** Every file read for it, absolute: the what-ifs of the chain of bases and the scenario at its root. */
  files: string[];
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
  const value = parseOptionValue(text.slice(eq + 1), `--set ${path}`);
  return typeof value === 'string' ? value : { set: path, value: value.value };
}

/**
 * A YAML value given on the command line (`--set PATH=VALUE`, `--vary PATH=VALUES`),
 * read by the same parser, with the same limits and key rules, as a file: no
 * `constructor` key, tags give plain data, no deeper than a file may nest.
 * A message naming the option if it is refused.
 */
export function parseOptionValue(text: string, option: string): { value: unknown } | string {
  const { source, diagnostics } = parseSource(option, new TextEncoder().encode(text));
  if (source) return { value: source.value };
  const d = diagnostics[0]!;
  const where = text.includes('\n') ? ` (line ${d.line}, column ${d.column})` : d.column > 1 ? ` (at character ${d.column})` : '';
  const said = d.code === 'yaml-syntax' ? `the value is not valid YAML: ${d.message}` : d.message;
  return `${option}: ${said}${where}${d.hint ? `; ${d.hint}` : ''}`;
}

type ChainFile = { file: string; source: SourceFile; whatIf: WhatIf };

interface Chain {
  scenario?: Loaded<Scenario>;
  /** Where the walk stopped at a file already loaded in this command: its variant, ready. */
  loaded?: Resolved;
  files: ChainFile[];
  diagnostics: Diagnostic[];
}

/** A what-if file's variant as one command loaded it: the root scenario, the layers up to this file, the document. */
interface Resolved {
  scenario: Scenario;
  layers: ChangeLayer[];
  document: WhatIfDocument;
  top?: ChainFile;
  /** Every file read for it, absolute: the scenario at the root and the what-ifs up to this one. */
  files: string[];
}

/**
 * What-if files one command has loaded, by absolute path: each variant (or the
 * problems that refused it) once. `casus test` on a chain of N what-ifs, each the
 * base of the next, then applies each file's changes once, not once per file
 * above it (which took minutes for 200).
 */
export type CaseCache = Map<string, Resolved | Diagnostic[]>;

/** Follow `base` from file to file until a scenario (or a file already loaded); refuse a cycle, naming the chain. */
function resolveChain(path: string, model: Model, cache?: CaseCache): Chain {
  const files: Chain['files'] = [];
  const seen: string[] = [];
  const seenSet = new Set<string>();
  let current = resolve(path);
  for (;;) {
    const naming = files[0];
    const hit = cache?.get(current);
    if (hit) return Array.isArray(hit) ? { files, diagnostics: hit } : { files, loaded: hit, diagnostics: [] };
    if (seenSet.has(current)) {
      // Reported on the file asked about, which is where the reader is looking.
      const first = files[files.length - 1]!;
      const chain = [...seen, current].map(displayPath).join(' → ');
      return { files, diagnostics: [diagnosticAt(first.source, 'base-cycle', ['base'], 'base', `the chain of bases comes back on itself: ${chain}`, 'a chain of what-ifs must end in a scenario')] };
    }
    seen.push(current);
    seenSet.add(current);
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
  const prefixed = (prefix: string, ds: Diagnostic[]) => ds.map((d) => ({ ...d, field: d.field ? prefix + d.field : prefix.replace(/\.$/, '') }));
  const scenarioSource = partSource(layer, scenarioPart, '');
  const scenario = validateShape(scenarioFile, scenarioSource);
  out.push(...scenario.diagnostics);
  const worldSource = partSource(layer, world, 'world.');
  // The merged world, not a world file: a change that removes world.states (or sets world to {}) is refused here.
  const shapedWorld = validateShape(mergedWorldShape, worldSource);
  out.push(...prefixed('world.', shapedWorld.diagnostics));
  const listOfTreaties = validateShape(treatiesShape, partSource(layer, { treaties }, ''));
  out.push(...listOfTreaties.diagnostics);
  const shapedTreaties = (Array.isArray(treaties) ? treaties : []).map((t: unknown, i) => {
    // A treaty without a text id (one a change broke) is named by its place in the list, never "treaties.undefined".
    const id = (t as { id?: unknown } | null)?.id;
    const prefix = typeof id === 'string' && id ? `treaties.${id}.` : `treaties[${i}].`;
    const src = partSource(layer, t, prefix);
    const r = validateShape(treaty, src);
    out.push(...prefixed(prefix, r.diagnostics));
    return r.value ? { source: src, value: r.value } : undefined;
  });
  if (out.length) return out;
  const vocab = vocabularyOf(world, treaties);
  out.push(...checkScenario({ source: scenarioSource, value: scenario.value! }, vocab));
  out.push(...prefixed('world.', checkWorld({ source: worldSource, value: shapedWorld.value! }, vocab)));
  for (const t of shapedTreaties) if (t) out.push(...prefixed(`treaties.${t.value.id}.`, checkTreaty(t, vocab)));
  return out;
}

/** The variant's treaties: a list (each then checked as a treaty file). */
const treatiesShape = z.object({ treaties: z.array(z.unknown()) });

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
 * With a cache, every what-if file of the chain is loaded once per command.
 */
export function loadCase(path: string, model: Model, sets: readonly Change[] = [], cache?: CaseCache): { case?: Case; diagnostics: Diagnostic[] } {
  const chain = resolveChain(path, model, cache);
  const refuse = (diagnostics: Diagnostic[], files: readonly ChainFile[]) => {
    for (const f of files) cache?.set(f.file, diagnostics);
    return { diagnostics };
  };
  if (chain.diagnostics.length || (!chain.scenario && !chain.loaded)) return refuse(chain.diagnostics, chain.files);
  const scenario = chain.loaded?.scenario ?? chain.scenario!.value;
  const layers: ChangeLayer[] = [...(chain.loaded?.layers ?? [])];
  let doc = chain.loaded?.document ?? documentOf(model, scenario);
  const files = [...(chain.loaded?.files ?? [resolve(chain.scenario!.source.file)])];
  for (const [i, f] of chain.files.entries()) {
    const layer: ChangeLayer = { id: f.whatIf.id, title: f.whatIf.title, changes: f.whatIf.changes, source: f.source };
    const applied = applyLayer(doc, layer);
    if (!applied.doc) return refuse(applied.diagnostics, chain.files.slice(i));
    doc = applied.doc;
    layers.push(layer);
    files.push(resolve(f.file));
    cache?.set(f.file, { scenario, layers: [...layers], document: doc, top: f, files: [...files] });
  }
  const last = chain.files[chain.files.length - 1] ?? chain.loaded?.top;
  const whatIfLayers = layers.length;
  if (sets.length) {
    const commandLine: ChangeLayer = { id: `${scenario.id}-variant`, title: `${scenario.title}, with --set`, changes: [...sets], source: commandLineSource(sets) };
    const applied = applyLayer(doc, commandLine);
    if (!applied.doc) return { diagnostics: applied.diagnostics };
    doc = applied.doc;
    // --set on a what-if joins its own changes, so the report's base stays the what-if's base.
    if (last) {
      const mine = layers[layers.length - 1]!;
      layers[layers.length - 1] = { ...mine, changes: [...mine.changes, ...sets] };
    } else layers.push(commandLine);
  }
  const expectations: EventExpectation[] = (last?.whatIf.expect ?? []).map((x, j) => {
    const says = x.says ?? last!.source.commentAbove(['expect', j]);
    return says === undefined ? { ...x } : { ...x, says };
  });
  const expectProblems = last ? checkWhatIfExpectations(layers[whatIfLayers - 1]!, expectations, doc) : [];
  if (expectProblems.length) return { diagnostics: expectProblems };
  return { case: { file: path, scenario, layers, document: doc, expectations, isWhatIf: whatIfLayers > 0, files }, diagnostics: [] };
}

