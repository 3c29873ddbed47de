/**
 * The commands, callable without yargs: each takes plain options and returns
 * {exitCode, stdout, stderr}. Only the entry file writes and exits. Output is
 * built whole before anything is printed, so bad input never yields half a report.
 */
import { basename, dirname, join, resolve } from 'node:path';
import { readdirSync, statSync } from 'node:fs';
import {
  checkExpectations, expectationsOf, explainVerdict, mergeWorld, simulate, type Model,
} from '../core/index.js';
import type { Scenario } from '../schema/scenario.js';
import { renderDiagnostics, didYouMean, listSome, type Diagnostic } from '../load/diagnostics.js';
import {
  DEFAULT_RULES_DIR, PACKAGE_ROOT, checkScenarioSource, displayPath, duplicateScenarioIds, expandPaths, isWhatIfValue, loadRules,
  loadScenarios, readSource, type LoadedRules,
} from '../load/load-files.js';
import { validateShape } from '../load/validate-shape.js';
import { checkTreaty, checkWorld, vocabularyOf } from '../load/check-references.js';
import { checkReadings, readingBanner, runExtras } from './run-extras.js';
import { treatyFile } from '../schema/treaty.js';
import { worldFile } from '../schema/world.js';
import { renderExplain } from '../report/render-explain.js';
import { COLOR, PLAIN, type Style } from '../report/style.js';
import type { Loaded } from '../load/check-references.js';
import { loadCase, type CaseCache } from '../load/load-what-if.js';
import { checkWhatIfCases, loadScenariosAndWhatIfs } from './what-if-expectations.js';
import { renderReport, type Format } from './report-formats.js';

export interface Output {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface CommonOptions {
  rules?: string;
  color?: boolean;
}

export const ok = (stdout: string): Output => ({ exitCode: 0, stdout, stderr: '' });
export const refuse = (diagnostics: Diagnostic[]): Output => ({ exitCode: 2, stdout: '', stderr: renderDiagnostics(diagnostics) });
export const usage = (message: string): Output => ({ exitCode: 2, stdout: '', stderr: `casus: ${message}\n` });
export const styleOf = (o: CommonOptions): Style => (o.color ? COLOR : PLAIN);

export function rulesOrRefuse(o: CommonOptions): LoadedRules | Output {
  const rules = loadRules(o.rules ? resolve(o.rules) : DEFAULT_RULES_DIR);
  return rules.diagnostics.length ? refuse(rules.diagnostics) : rules;
}

export function scenariosOrRefuse(paths: readonly string[], model: Model): Scenario[] | Output {
  const { scenarios, diagnostics } = loadScenarios(paths, model);
  if (diagnostics.length) return refuse(diagnostics);
  if (!scenarios.length) return usage(`no scenario files found in ${paths.join(', ')}`);
  return scenarios.map((s) => s.value);
}

export const isOutput = (x: unknown): x is Output => typeof x === 'object' && x !== null && 'exitCode' in x;

function checkCodes(model: Model, clauses: readonly string[] = [], obligors: readonly string[] = []): Output | undefined {
  const known = model.treaties.flatMap((t) => t.clauses.map((c) => `${t.id}/${c.id}`));
  for (const c of clauses) if (!known.includes(c)) return usage(`unknown clause "${c}" for --clause; ${didYouMean(c, known) ?? `clauses are: ${listSome(known)}`}`);
  const states = model.world.states.map((s) => s.id);
  for (const s of obligors) if (!states.includes(s)) return usage(`unknown state "${s}" for --obligor; ${didYouMean(s, states) ?? 'use an ISO 3166-1 alpha-3 code'}`);
  return undefined;
}

export interface RunOptions extends CommonOptions {
  paths: string[];
  format?: Format;
  clause?: string[];
  obligor?: string[];
  /** Contested readings to apply by id (run-extras.ts). */
  interpretation?: string[];
  /** `all`: show where the readings' verdicts diverge instead of the report. */
  interpretations?: string;
  /** Print the reliability summary instead of the report. */
  summary?: boolean;
}

export async function runCommand(o: RunOptions): Promise<Output> {
  const rules = rulesOrRefuse(o);
  if (isOutput(rules)) return rules;
  const bad = checkCodes(rules.model, o.clause, o.obligor) ?? checkReadings(rules.model, o);
  if (bad) return bad;
  const scenarios = scenariosOrRefuse(o.paths, rules.model);
  if (isOutput(scenarios)) return scenarios;
  if (o.interpretations !== undefined || o.summary) return runExtras(rules.model, scenarios, o);
  const report = await simulate(rules.model, scenarios, { clauses: o.clause ?? [], obligors: o.obligor ?? [], interpretations: o.interpretation ?? [] });
  const format = o.format ?? 'text';
  // The banner names the reading applied; it is for people, so only the text report carries it.
  const banner = format === 'text' ? readingBanner(rules.model, o.interpretation ?? []) : '';
  return ok(banner + renderReport(format, report, scenarios, styleOf(o)));
}

export interface ExplainOptions extends CommonOptions {
  file: string;
  event: string;
  clause: string;
  obligor: string;
}

export async function explainCommand(o: ExplainOptions): Promise<Output> {
  const rules = rulesOrRefuse(o);
  if (isOutput(rules)) return rules;
  const scenarios = scenariosOrRefuse([o.file], rules.model);
  if (isOutput(scenarios)) return scenarios;
  const x = await explainVerdict(rules.model, scenarios[0]!, o.event, o.clause, o.obligor);
  if ('field' in x) {
    const hint = didYouMean(x.value, x.known) ?? `expected one of: ${listSome(x.known, 12)}`;
    return usage(`--${x.field} "${x.value}" has no row in ${displayPath(o.file)}; ${hint}`);
  }
  return ok(renderExplain(x, styleOf(o)));
}

export interface TestOptions extends CommonOptions {
  paths: string[];
}

export async function testCommand(o: TestOptions): Promise<Output> {
  const rules = rulesOrRefuse(o);
  if (isOutput(rules)) return rules;
  // What-if files (they have a base:) are checked against their variant's verdicts.
  const loaded = loadScenariosAndWhatIfs(o.paths, rules.model);
  const problems = [...loaded.diagnostics, ...duplicateScenarioIds(loaded.scenarios)];
  if (problems.length) return refuse(problems);
  const scenarios = loaded.scenarios.map((x) => x.value);
  if (!scenarios.length && !loaded.cases.length) return usage(`no scenario files found in ${o.paths.join(', ')}`);
  const s = styleOf(o);
  const report = await simulate(rules.model, scenarios);
  const groups = [
    ...report.scenarios.map((sr, i) => ({ id: sr.id, results: checkExpectations(sr, expectationsOf(scenarios[i]!)) })),
    ...(await checkWhatIfCases(loaded.cases)),
  ];
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const { id, results } of groups) {
    lines.push(s.bold(`${id}`) + s.dim(` (${results.length} expectation${results.length === 1 ? '' : 's'})`));
    for (const r of results) {
      if (r.passed) passed++;
      else failed++;
      lines.push(`  ${r.passed ? s.green('✓') : s.red('✗')} ${r.says}`);
      for (const p of r.problems) lines.push(s.red(`      ${p}`));
    }
  }
  lines.push('', `${passed} passed, ${failed} failed`);
  return { exitCode: failed ? 1 : 0, stdout: lines.join('\n') + '\n', stderr: '' };
}

export interface ValidateOptions extends CommonOptions {
  paths: string[];
}

function isRulesDir(p: string): boolean {
  try {
    return statSync(p).isDirectory() && readdirSync(p).some((f) => f === 'world' || f === 'treaties');
  } catch {
    return false;
  }
}

/** Validate rules folders, rule files and scenario files; report every problem in every file. */
export async function validateCommand(o: ValidateOptions): Promise<Output> {
  const rulesDirs = o.paths.filter(isRulesDir);
  const rest = o.paths.filter((p) => !rulesDirs.includes(p));
  const rules = loadRules(o.rules ? resolve(o.rules) : rulesDirs[0] ? resolve(rulesDirs[0]) : DEFAULT_RULES_DIR);
  const diagnostics: Diagnostic[] = [...rules.diagnostics];
  for (const extra of rulesDirs.slice(1)) diagnostics.push(...loadRules(resolve(extra)).diagnostics);
  const { files, diagnostics: missing } = expandPaths(rest);
  diagnostics.push(...missing);
  const chains: CaseCache = new Map(); // each what-if of a chain loaded once
  const vocab = vocabularyOf(rules.model.world, rules.model.treaties);
  let count = rules.worldFiles.length + rules.treatyFiles.length;
  const scenarios: Loaded<Scenario>[] = [];
  for (const file of files) {
    count++;
    const folder = basename(dirname(file));
    if (folder === 'treaties' || folder === 'world') {
      const { source, diagnostics: d } = readSource(file);
      diagnostics.push(...d);
      if (!source) continue;
      if (folder === 'treaties') {
        const r = validateShape(treatyFile, source);
        diagnostics.push(...r.diagnostics);
        if (r.value) diagnostics.push(...checkTreaty({ source, value: r.value }, vocab));
      } else {
        const r = validateShape(worldFile, source);
        diagnostics.push(...r.diagnostics);
        // A world file checked on its own may name the states and territories it defines.
        if (r.value) diagnostics.push(...checkWorld({ source, value: r.value }, vocabularyOf(mergeWorld(rules.model.world, r.value), rules.model.treaties)));
      }
      continue;
    }
    const { source, diagnostics: unreadable } = readSource(file);
    diagnostics.push(...unreadable);
    if (!source) continue;
    // A what-if is checked with its whole chain of bases.
    if (isWhatIfValue(source.value)) {
      diagnostics.push(...loadCase(file, rules.model, [], chains).diagnostics);
      continue;
    }
    const loaded = checkScenarioSource(source, rules.model);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.scenario) scenarios.push(loaded.scenario);
  }
  diagnostics.push(...duplicateScenarioIds(scenarios));
  const unique = dedupe(diagnostics);
  if (unique.length) return refuse(unique);
  return ok(`${count} file${count === 1 ? '' : 's'} checked: no problems.\n`);
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.file}|${d.line}|${d.column}|${d.code}|${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export interface ListOptions extends CommonOptions {
  scenarios?: string;
}

export async function listCommand(o: ListOptions): Promise<Output> {
  const rules = rulesOrRefuse(o);
  if (isOutput(rules)) return rules;
  const s = styleOf(o);
  const lines: string[] = [s.bold('Treaties')];
  for (const t of rules.model.treaties) {
    lines.push(`  ${t.id.padEnd(12)} ${t.name} (signed ${t.signed}, in force ${t.inForce.from}${t.inForce.until ? `–${t.inForce.until}` : ''})`);
    for (const c of t.clauses) {
      const versions = c.versions.map((v) => `from ${v.from}`).join('; ');
      lines.push(`    ${`${t.id}/${c.id}`.padEnd(16)} Art. ${c.article}, ${c.title} [${c.versions.length} version${c.versions.length === 1 ? '' : 's'}: ${versions}]`);
      for (const r of c.interpretations ?? []) lines.push(s.dim(`      --interpretation ${r.id}: ${r.label}`));
    }
  }
  const dir = o.scenarios ? resolve(o.scenarios) : join(PACKAGE_ROOT, 'scenarios');
  const { scenarios, diagnostics } = loadScenarios([dir], rules.model);
  lines.push('', s.bold(`Scenarios in ${displayPath(dir)}`));
  for (const sc of scenarios) {
    const dates = sc.value.events.map((e) => e.date).sort();
    lines.push(`  ${sc.value.id.padEnd(28)} ${dates[0]}  ${sc.value.title} (${sc.value.events.length} event${sc.value.events.length === 1 ? '' : 's'})`);
  }
  if (diagnostics.length) lines.push(s.dim(`  (${diagnostics.length} problem(s) in scenario files: run casus validate)`));
  lines.push('', s.dim(`${rules.model.world.states.length} states, ${rules.model.world.territories.length} territories, ${rules.model.world.recognitions.length} recognitions in the world`));
  return ok(lines.join('\n') + '\n');
}

