/**
 * What `casus test` does with what-if files: load each (with its chain of
 * bases), judge the variant, and check its `expect` entries, which name their
 * event. Reads files through the loader; otherwise pure.
 */
import { checkExpectations, type ExpectationResult } from '../core/expectations.js';
import type { Model } from '../core/simulate.js';
import { runWhatIf } from '../core/what-if.js';
import type { Diagnostic } from '../load/diagnostics.js';
import { expandPaths } from '../load/load-files.js';
import { isWhatIfFile, loadCase, type Case } from '../load/load-what-if.js';

/** Split the command line's files and folders into scenario files and what-if files. */
export function splitWhatIfFiles(paths: readonly string[]): { scenarioFiles: string[]; whatIfFiles: string[]; diagnostics: Diagnostic[] } {
  const { files, diagnostics } = expandPaths(paths);
  const whatIfFiles = files.filter(isWhatIfFile);
  return { scenarioFiles: files.filter((f) => !whatIfFiles.includes(f)), whatIfFiles, diagnostics };
}

export function loadWhatIfCases(files: readonly string[], model: Model): { cases: Case[]; diagnostics: Diagnostic[] } {
  const cases: Case[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const r = loadCase(file, model);
    diagnostics.push(...r.diagnostics);
    if (r.case) cases.push(r.case);
  }
  return { cases, diagnostics };
}

/** Each what-if's expectations, checked against its variant's verdicts. */
export async function checkWhatIfCases(cases: readonly Case[], model: Model): Promise<Array<{ id: string; results: ExpectationResult[] }>> {
  const out: Array<{ id: string; results: ExpectationResult[] }> = [];
  for (const c of cases) {
    const report = await runWhatIf(model, c.scenario, c.layers);
    out.push({ id: report.id, results: checkExpectations(report.variant, c.expectations) });
  }
  return out;
}
