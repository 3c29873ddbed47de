/**
 * The file edge: find, read and check rules and scenario files, and build the
 * model the pure core works on. Every problem in every file is collected
 * before anything runs; a caller refuses to run while any remains.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioFile, type Scenario } from '../schema/scenario.js';
import { treatyFile, type Treaty, type TreatyFile } from '../schema/treaty.js';
import { resolveTreaty } from '../core/clause-versions.js';
import { worldFile, type World, type WorldFile } from '../schema/world.js';
import type { Model } from '../core/simulate.js';
import { mergeWorld } from '../core/timeline.js';
import { checkScenario, checkTreaty, checkWorld, vocabularyOf, type Loaded } from './check-references.js';
import { checkEffects } from './check-changes.js';
import type { Diagnostic } from './diagnostics.js';
import { LIMITS, diagnosticAt, parseSource, tooLarge, type SourceFile } from './parse-source.js';
import { fieldName, validateShape } from './validate-shape.js';
import {
  readCachedRules, readCachedScenario, rulesCacheDir, rulesCacheKey, scenarioCacheKey, writeCachedRules, writeCachedScenario,
} from './rules-cache.js';
import type { z } from 'zod';

/** The rules shipped with casus (the package's own rules/ folder). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_RULES_DIR = join(PACKAGE_ROOT, 'rules');

const DATA_FILE = /\.(ya?ml|json)$/i;

/** How a path is shown in messages: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function problem(file: string, code: string, message: string, hint?: string): Diagnostic {
  return { code, file, line: 1, column: 1, pointer: '', field: '', message, ...(hint ? { hint } : {}) };
}

/**
 * Read a regular file, never more than `max` bytes: a file over the limit is
 * refused from its size without being read, and a file that grows while it is
 * read (or a device that never ends) stops at the limit.
 */
function readAtMost(path: string, max: number): { bytes: Uint8Array; tooLarge?: undefined } | { tooLarge: number } {
  // Checked before opening: opening a named pipe would wait for a writer.
  const notAFile = (stat: { isFile(): boolean; isDirectory(): boolean }) =>
    Object.assign(new Error('not a file'), { code: stat.isDirectory() ? 'EISDIR' : 'ENOTFILE' });
  const before = statSync(path);
  if (!before.isFile()) throw notAFile(before);
  if (before.size > max) return { tooLarge: before.size };
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw notAFile(stat);
    if (stat.size > max) return { tooLarge: stat.size };
    // Sized to the file (one byte more, to notice growth), not to the limit: no 2 MiB to fill per
    // file. Every byte returned was read into it; a file that grows gets a bigger buffer, up to the limit.
    let buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > max) break;
        const bigger = Buffer.allocUnsafe(Math.min(max + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > max) return { tooLarge: length };
    return { bytes: buffer.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}

/** Why a path could not be read, in words (a loop of links is not a missing file). */
function whyUnreadable(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'ENOTFILE': return 'not a regular file';
    case 'ELOOP': return 'the path is a loop of symbolic links (a link that leads back to itself)';
    case 'EACCES': case 'EPERM': return 'permission denied';
    default: return `cannot read the file (${code ?? 'error'})`;
  }
}

export function readSource(path: string): { source?: SourceFile; diagnostics: Diagnostic[] } {
  const read = readBytes(path);
  return read.bytes ? parseSource(displayPath(path), read.bytes) : { diagnostics: read.diagnostics };
}

/** A file's bytes, up to the size limit, or why they cannot be read. */
function readBytes(path: string): { bytes?: Uint8Array; diagnostics: Diagnostic[] } {
  const file = displayPath(path);
  try {
    const read = readAtMost(path, LIMITS.maxBytes);
    if (read.tooLarge !== undefined) return { diagnostics: [tooLarge(file, read.tooLarge)] };
    return { bytes: read.bytes, diagnostics: [] };
  } catch (e) {
    return { diagnostics: [problem(file, 'unreadable-file', whyUnreadable(e))] };
  }
}

function loadAs<S extends z.ZodType>(schema: S, path: string): { loaded?: Loaded<z.infer<S>>; diagnostics: Diagnostic[] } {
  const { source, diagnostics } = readSource(path);
  if (!source) return { diagnostics };
  const shaped = validateShape(schema, source);
  if (shaped.value === undefined) return { diagnostics: shaped.diagnostics };
  return { loaded: { source, value: shaped.value }, diagnostics: [] };
}

export function dataFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => DATA_FILE.test(f)).sort().map((f) => join(dir, f));
  } catch {
    return [];
  }
}

export interface LoadedRules {
  model: Model;
  worldFiles: Loaded<WorldFile>[];
  treatyFiles: Loaded<TreatyFile>[];
  diagnostics: Diagnostic[];
}

export function emptyWorld(): World {
  return { states: [], actors: [], territories: [], recognitions: [], memberships: [], greatPowers: [], declarationsOfWar: [] };
}

export function worldOf(files: readonly WorldFile[]): World {
  return files.reduce<World>((w, f) => mergeWorld(w, f), emptyWorld());
}

export interface LoadRulesOptions {
  /** false: neither read nor write the compiled rules cache on disk (rules-cache.ts); `--no-cache`. */
  cache?: boolean;
}

/** rules/world/*.yaml and rules/treaties/*.yaml, checked against each other. */
export function loadRules(rulesDir: string = DEFAULT_RULES_DIR, options: LoadRulesOptions = {}): LoadedRules {
  const files = rulesFiles(rulesDir);
  // The same rules, read again by one process (the in-process commands of the tests and the
  // fuzz run, a long-lived caller), are parsed once: the key is the files' exact contents and
  // the working folder (paths in messages are relative to it).
  const key = files && memoryKey(rulesDir, files);
  const cached = key === undefined ? undefined : rulesMemory.get(key);
  if (cached) return { ...cached, diagnostics: [...cached.diagnostics] };
  // Across processes, rules without a problem come from the compiled cache when its key matches.
  const diskKey = files && options.cache !== false && rulesCacheDir() !== undefined
    ? rulesCacheKey(files.map((f) => ({ name: relative(rulesDir, f.path), bytes: f.bytes })))
    : undefined;
  const fromDisk = diskKey === undefined ? undefined : readCachedRules(rulesDir, diskKey);
  const loaded = fromDisk ? fromCompiled(fromDisk, rulesDir) : loadRulesUncached(rulesDir);
  if (!fromDisk && diskKey !== undefined && !loaded.diagnostics.length) writeCachedRules(rulesDir, diskKey, loaded.model);
  // Scenarios checked against these rules may be cached under the rules' key (loadScenarioFile).
  if (diskKey !== undefined && !loaded.diagnostics.length) cachedRulesKey.set(loaded.model, diskKey);
  if (key !== undefined) {
    if (rulesMemory.size >= 8) rulesMemory.delete(rulesMemory.keys().next().value!);
    rulesMemory.set(key, loaded);
  }
  return { ...loaded, diagnostics: [...loaded.diagnostics] };
}

const rulesMemory = new Map<string, LoadedRules>();

/** The compiled cache's key of rules loaded without a problem while the cache is on. */
const cachedRulesKey = new WeakMap<Model, string>();

/** Every rules file's path and bytes, or undefined when one cannot be read whole (loading then reports it). */
function rulesFiles(rulesDir: string): Array<{ path: string; bytes: Uint8Array }> | undefined {
  const out: Array<{ path: string; bytes: Uint8Array }> = [];
  for (const path of [...dataFilesIn(join(rulesDir, 'world')), ...dataFilesIn(join(rulesDir, 'treaties'))]) {
    try {
      const read = readAtMost(path, LIMITS.maxBytes);
      if (read.tooLarge !== undefined) return undefined;
      out.push({ path, bytes: read.bytes });
    } catch {
      return undefined;
    }
  }
  return out;
}

function memoryKey(rulesDir: string, files: ReadonlyArray<{ path: string; bytes: Uint8Array }>): string {
  const hash = createHash('sha256').update(process.cwd()).update('\0');
  for (const f of files) hash.update(f.path).update('\0').update(f.bytes).update('\0');
  return `${resolve(rulesDir)}\0${hash.digest('hex')}`;
}

/**
 * Rules from the compiled cache. Only rules without a problem are cached, so
 * there are no diagnostics; each file's parsed source (with its line map) is
 * read again only if a caller asks for it.
 */
function fromCompiled(model: Model, rulesDir: string): LoadedRules {
  const lazily = <S extends z.ZodType>(schema: S, path: string): Loaded<z.infer<S>> => {
    let loaded: Loaded<z.infer<S>> | undefined;
    const get = () => {
      if (!loaded) {
        loaded = loadAs(schema, path).loaded;
        if (!loaded) throw new Error(`${displayPath(path)} changed while casus was reading the rules`);
      }
      return loaded;
    };
    return { get source() { return get().source; }, get value() { return get().value; } };
  };
  return {
    model,
    worldFiles: dataFilesIn(join(rulesDir, 'world')).map((p) => lazily(worldFile, p)),
    treatyFiles: dataFilesIn(join(rulesDir, 'treaties')).map((p) => lazily(treatyFile, p)),
    diagnostics: [],
  };
}

function loadRulesUncached(rulesDir: string): LoadedRules {
  const diagnostics: Diagnostic[] = [];
  const worldFiles: Loaded<WorldFile>[] = [];
  const treatyFiles: Loaded<TreatyFile>[] = [];
  const worldPaths = dataFilesIn(join(rulesDir, 'world'));
  const treatyPaths = dataFilesIn(join(rulesDir, 'treaties'));
  if (!worldPaths.length && !treatyPaths.length)
    diagnostics.push(problem(displayPath(rulesDir), 'no-rules', 'no rules found here', 'expected world/*.yaml and treaties/*.yaml'));
  for (const p of worldPaths) {
    const r = loadAs(worldFile, p);
    diagnostics.push(...r.diagnostics);
    if (r.loaded) worldFiles.push(r.loaded);
  }
  for (const p of treatyPaths) {
    const r = loadAs(treatyFile, p);
    diagnostics.push(...r.diagnostics);
    if (r.loaded) treatyFiles.push(r.loaded);
  }
  const world = worldOf(worldFiles.map((f) => f.value));
  // The core judges resolved treaties: shared tests in place, every version complete (problems are checkTreaty's to report).
  const treaties = treatyFiles.map((f) => resolveTreaty(f.value).treaty);
  const vocab = vocabularyOf(world, treaties);
  for (const f of worldFiles) diagnostics.push(...checkWorld(f, vocab));
  for (const f of treatyFiles) diagnostics.push(...checkTreaty(f, vocab));
  diagnostics.push(...duplicatesAcrossWorldFiles(worldFiles, treaties));
  const seen = new Map<string, string>();
  for (const f of treatyFiles) {
    const other = seen.get(f.value.id);
    if (other) diagnostics.push(diagnosticAt(f.source, 'duplicate-id', ['id'], 'id', `the treaty id "${f.value.id}" is also used by ${other}`, 'give each treaty file its own id'));
    seen.set(f.value.id, f.source.file);
  }
  // Readings are chosen by bare id on the command line, so an id names one reading in all the rules.
  const readings = new Map<string, string>();
  for (const f of treatyFiles)
    for (const c of f.value.clauses)
      for (const r of c.interpretations ?? []) {
        const other = readings.get(r.id);
        if (other) diagnostics.push(problem(f.source.file, 'duplicate-id', `interpretation id "${r.id}" is also used by ${other}`));
        readings.set(r.id, `${f.value.id}/${c.id}`);
      }
  return { model: { world, treaties }, worldFiles, treatyFiles, diagnostics };
}

/**
 * A state, actor or territory defined in two world files (one would silently
 * replace the other), and an actor that takes a treaty's id (an organization
 * is named by its treaty id, so `by: cst` would be ambiguous).
 */
function duplicatesAcrossWorldFiles(files: readonly Loaded<WorldFile>[], treaties: readonly Treaty[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const treatyIds = new Set(treaties.map((t) => t.id));
  for (const kind of ['states', 'actors', 'territories'] as const) {
    const firstIn = new Map<string, string>();
    for (const f of files) {
      (f.value[kind] ?? []).forEach((item, i) => {
        const other = firstIn.get(item.id);
        const path = [kind, i, 'id'];
        if (other !== undefined && other !== f.source.file)
          out.push(diagnosticAt(f.source, 'duplicate-id', path, fieldName(f.value, path), `"${item.id}" is also defined in ${other}`, 'define each state, actor and territory in one world file'));
        else if (kind === 'actors' && treatyIds.has(item.id))
          out.push(diagnosticAt(f.source, 'duplicate-id', path, fieldName(f.value, path), `the actor id "${item.id}" is also a treaty's id, which names its organization`, 'give the actor another id'));
        if (!firstIn.has(item.id)) firstIn.set(item.id, f.source.file);
      });
    }
  }
  return out;
}

/** Expand the command line's files and folders into scenario files (a folder: its *.yaml, not sub-folders). */
export function expandPaths(paths: readonly string[]): { files: string[]; diagnostics: Diagnostic[] } {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch (e) {
      diagnostics.push(problem(displayPath(p), 'unreadable-file', whyUnreadable(e)));
      continue;
    }
    if (isDir) files.push(...dataFilesIn(p));
    else files.push(resolve(p));
  }
  return { files: [...new Set(files.map((f) => resolve(f)))], diagnostics };
}

/** Check one scenario file's shape and references; name its expectations from the comments above them. */
export function loadScenarioFile(path: string, model: Model): { scenario?: Loaded<Scenario>; diagnostics: Diagnostic[] } {
  const read = readBytes(path);
  if (!read.bytes) return { diagnostics: read.diagnostics };
  const bytes = read.bytes;
  const rulesKey = rulesCacheDir() === undefined ? undefined : cachedRulesKey.get(model);
  const key = rulesKey === undefined ? undefined : scenarioCacheKey(rulesKey, bytes);
  const cached = key === undefined ? undefined : readCachedScenario(path, key);
  if (cached !== undefined) return { scenario: fromCompiledScenario(path, bytes, cached as Scenario), diagnostics: [] };
  const { source, diagnostics } = parseSource(displayPath(path), bytes);
  if (!source) return { diagnostics };
  const checked = checkScenarioSource(source, model);
  if (key !== undefined && checked.scenario && !checked.diagnostics.length) writeCachedScenario(path, key, checked.scenario.value);
  return checked;
}

/** A scenario from the compiled cache: its checked value, and its source parsed from the same bytes only if a caller reads it. */
function fromCompiledScenario(path: string, bytes: Uint8Array, value: Scenario): Loaded<Scenario> {
  const file = displayPath(path);
  let parsed: SourceFile | undefined;
  const get = (): SourceFile => {
    if (!parsed) {
      parsed = parseSource(file, bytes).source;
      if (!parsed) throw new Error(`${file} no longer parses as it did when it was checked`);
    }
    return parsed;
  };
  const source: SourceFile = {
    file,
    get value() { return get().value; },
    get schema() { return get().schema; },
    locate: (at, key) => get().locate(at, key),
    commentAbove: (at) => get().commentAbove(at),
  };
  return { source, value };
}

/** Shape and references of an already-read scenario source. */
export function checkScenarioSource(source: SourceFile, model: Model): { scenario?: Loaded<Scenario>; diagnostics: Diagnostic[] } {
  if (isWhatIfValue(source.value))
    return { diagnostics: [problem(source.file, 'what-if-file', 'this is a what-if file (it has a base), not a scenario', `run it with: casus what-if ${source.file}`)] };
  const shaped = validateShape(scenarioFile, source);
  if (shaped.value === undefined) return { diagnostics: shaped.diagnostics };
  const scenario = shaped.value;
  const loaded: Loaded<Scenario> = { source, value: scenario };
  const world = mergeWorld(model.world, scenario.world);
  const vocab = vocabularyOf(world, model.treaties);
  const problems = [
    ...checkScenario(loaded, vocab),
    ...(scenario.world ? checkWorld({ source, value: scenario.world }, vocab, ['world']) : []),
  ];
  // Effects are tried on the world before anything runs, only once the rest is sound.
  if (!problems.length)
    problems.push(...checkEffects(scenario, { world, treaties: model.treaties }, source));
  scenario.events.forEach((e, i) =>
    (e.expect ?? []).forEach((x, j) => {
      if (x.says === undefined) {
        const comment = source.commentAbove(['events', i, 'expect', j]);
        if (comment) x.says = comment;
      }
    }),
  );
  return { scenario: loaded, diagnostics: problems };
}

export function isWhatIfValue(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'base' in value;
}

/** Load every scenario named on the command line; collect every problem. What-if files are skipped here. */
export function loadScenarios(paths: readonly string[], model: Model): { scenarios: Loaded<Scenario>[]; diagnostics: Diagnostic[] } {
  const expanded = expandPaths(paths);
  const diagnostics = [...expanded.diagnostics];
  const scenarios: Loaded<Scenario>[] = [];
  for (const file of expanded.files) {
    const r = loadScenarioFile(file, model);
    diagnostics.push(...r.diagnostics);
    if (r.scenario) scenarios.push(r.scenario);
  }
  diagnostics.push(...duplicateScenarioIds(scenarios));
  return { scenarios, diagnostics };
}

/** Two scenario files with one id (reports and `expect` checks name scenarios by id). */
export function duplicateScenarioIds(scenarios: readonly Loaded<{ id: string }>[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = new Map<string, string>();
  for (const s of scenarios) {
    const other = ids.get(s.value.id);
    if (other) out.push(diagnosticAt(s.source, 'duplicate-id', ['id'], 'id', `the scenario id "${s.value.id}" is also used by ${other}`, 'give each scenario its own id'));
    else ids.set(s.value.id, s.source.file);
  }
  return out;
}
