/** Load the shipped rules and scenarios through the public loading API. */
import { join } from 'node:path';
import { loadRules, loadScenarios } from '../../src/load/load-files.js';
import { ROOT } from './cli.js';

export const SCENARIOS = join(ROOT, 'scenarios');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');

export function shippedRules() {
  const rules = loadRules(join(ROOT, 'rules'));
  if (rules.diagnostics.length) throw new Error(`shipped rules have problems: ${JSON.stringify(rules.diagnostics, null, 2)}`);
  return rules;
}

export function scenariosAt(...paths: string[]) {
  const { model } = shippedRules();
  const loaded = loadScenarios(paths, model);
  if (loaded.diagnostics.length) throw new Error(`scenarios have problems: ${JSON.stringify(loaded.diagnostics, null, 2)}`);
  return { model, scenarios: loaded.scenarios.map((s) => s.value) };
}
