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
  /** A file or run with no expectation passes (exit 0) instead of failing. */
  allowEmpty?: boolean;
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
  let empty = 0;
  for (const { id, results } of groups) {
    lines.push(s.bold(`${id}`) + s.dim(` (${results.length} expectation${results.length === 1 ? '' : 's'})`));
    if (!results.length) {
      empty++;
      lines.push(`  ${o.allowEmpty ? s.dim('-') : s.red('✗')} no expectations: nothing in this file is checked`);
    }
    for (const r of results) {
      if (r.passed) passed++;
      else failed++;
      lines.push(`  ${r.passed ? s.green('✓') : s.red('✗')} ${r.says}`);
      for (const p of r.problems) lines.push(s.red(`      ${p}`));
    }
  }
  lines.push('', `${passed} passed, ${failed} failed` + (empty ? `; ${empty} file${empty === 1 ? '' : 's'} with no expectations` : ''));
  // Passing on nothing is not passing: an empty file or run fails unless --allow-empty says it may.
  if (passed + failed === 0) lines.push('no expectations in this run: nothing was checked');
  if (empty && !o.allowEmpty) lines.push('a file with no expectations fails the run; add `expect` entries, or pass --allow-empty');
  return { exitCode: failed || (empty && !o.allowEmpty) ? 1 : 0, stdout: lines.join('\n') + '\n', stderr: '' };
}
