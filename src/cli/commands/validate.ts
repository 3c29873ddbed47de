/**
 * `casus validate PATHS...`: rules folders, rule files, scenarios and what-ifs
 * checked, every problem in every file reported as file:line:column. A file's
 * kind comes from its `$schema` line or its fields (file-kind.ts), not its folder.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { mergeWorld } from '../../core/simulate.js';
import type { Scenario } from '../../schema/scenario.js';
import { treatyFile } from '../../schema/treaty.js';
import { worldFile } from '../../schema/world.js';
import { checkTreaty, checkWorld, vocabularyOf, type Loaded } from '../../load/check-references.js';
import type { Diagnostic } from '../../load/diagnostics.js';
import { DEFAULT_RULES_DIR, checkScenarioSource, duplicateScenarioIds, expandPaths, loadRules, loadScenarios, readSource } from '../../load/load-files.js';
import { loadCase, type CaseCache } from '../../load/load-what-if.js';
import { checkLesson } from '../../load/load-lessons.js';
import { validateShape } from '../../load/validate-shape.js';
import { fileKind } from '../file-kind.js';
import { ok, refuse, type CommonOptions, type Output } from '../output.js';

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
    const { source, diagnostics: unreadable } = readSource(file);
    diagnostics.push(...unreadable);
    count++;
    if (!source) continue;
    switch (fileKind(source)) {
      case 'treaty': {
        const r = validateShape(treatyFile, source);
        diagnostics.push(...r.diagnostics);
        if (r.value) diagnostics.push(...checkTreaty({ source, value: r.value }, vocab));
        break;
      }
      case 'world': {
        const r = validateShape(worldFile, source);
        diagnostics.push(...r.diagnostics);
        // A world file checked on its own may name the states and territories it defines.
        if (r.value) diagnostics.push(...checkWorld({ source, value: r.value }, vocabularyOf(mergeWorld(rules.model.world, r.value), rules.model.treaties)));
        break;
      }
      case 'what-if':
        // A what-if is checked with its whole chain of bases.
        diagnostics.push(...loadCase(file, rules.model, [], chains).diagnostics);
        break;
      case 'lesson':
        // A lesson is checked against the cases in the folder above it.
        diagnostics.push(...checkLesson(source, loadScenarios([dirname(dirname(file))], rules.model).scenarios.map((x) => x.value), rules.model).diagnostics);
        break;
      default: {
        const loaded = checkScenarioSource(source, rules.model);
        diagnostics.push(...loaded.diagnostics);
        if (loaded.scenario) scenarios.push(loaded.scenario);
      }
    }
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
