/**
 * The loading steps the commands share: the rules, the scenarios, and the
 * --clause and --obligor codes, each either loaded or turned into the output
 * that refuses them (exit 2, every problem named). Reads files through the loader.
 */
import { resolve } from 'node:path';
import type { Model } from '../core/simulate.js';
import type { Change, Scenario } from '../schema/scenario.js';
import { didYouMean, listSome } from '../load/diagnostics.js';
import { DEFAULT_RULES_DIR, loadRules, loadScenarios, type LoadedRules } from '../load/load-files.js';
import { loadCase, parseSetOption, type Case } from '../load/load-what-if.js';
import { isOutput, refuse, usage, type CommonOptions, type Output } from './output.js';

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

/** --clause and --obligor checked against the treaties and states they may name; a near miss suggested. */
export function checkCodes(model: Model, clauses: readonly string[] = [], obligors: readonly string[] = []): Output | undefined {
  const known = model.treaties.flatMap((t) => t.clauses.map((c) => `${t.id}/${c.id}`));
  for (const c of clauses) if (!known.includes(c)) return usage(`unknown clause "${c}" for --clause; ${didYouMean(c, known) ?? `clauses are: ${listSome(known)}`}`);
  const states = model.world.states.map((s) => s.id);
  for (const s of obligors) if (!states.includes(s)) return usage(`unknown state "${s}" for --obligor; ${didYouMean(s, states) ?? 'use an ISO 3166-1 alpha-3 code'}`);
  return undefined;
}

/** Parse every --set; the first malformed one is a usage error. */
export function setsOrRefuse(sets: readonly string[] = []): Change[] | Output {
  const changes: Change[] = [];
  for (const text of sets) {
    const c = parseSetOption(text);
    if (typeof c === 'string') return usage(c);
    changes.push(c);
  }
  return changes;
}

/** Rules, then the file (scenario or what-if) with its --set changes, or the output that refuses them. */
export function caseOrRefuse(o: CommonOptions & { file: string; set?: string[] }): { model: Model; case: Case } | Output {
  const rules = rulesOrRefuse(o);
  if (isOutput(rules)) return rules;
  const sets = setsOrRefuse(o.set);
  if (isOutput(sets)) return sets;
  const loaded = loadCase(o.file, rules.model, sets);
  if (!loaded.case) return refuse(loaded.diagnostics);
  return { model: rules.model, case: loaded.case };
}
