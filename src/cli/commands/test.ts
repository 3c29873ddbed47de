/**
 * `casus test PATHS...`: every `expect` entry of the scenarios and what-ifs
 * checked against the verdicts; exit 1 on a mismatch. What-if files are
 * checked against their variant's verdicts.
 */
import { checkExpectations, expectationsOf } from '../../core/expectations.js';
import { simulate } from '../../core/simulate.js';
import { duplicateScenarioIds } from '../../load/load-files.js';
import { rulesOrRefuse } from '../load-or-refuse.js';
import { isOutput, refuse, styleOf, usage, type CommonOptions, type Output } from '../output.js';
import { checkWhatIfCases, loadScenariosAndWhatIfs } from '../what-if-expectations.js';

export interface TestOptions extends CommonOptions {
  paths: string[];
}

export async function testCommand(o: TestOptions): Promise<Output> {
  const rules = rulesOrRefuse(o);
  if (isOutput(rules)) return rules;
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
