/**
 * What `casus test` does with its files: read each once, sort what-if files
 * from scenarios (file-kind.ts), load each what-if with its chain of
 * bases, and check its `expect` entries (which name their event) against the
 * variant's verdicts. Reads files through the loader; otherwise pure.
 */
import { checkExpectations, type EventExpectation, type ExpectationResult } from '../core/expectations.js';
import type { Model } from '../core/simulate.js';
import { judgeDocument } from '../core/what-if.js';
import type { Loaded } from '../load/check-references.js';
import type { Diagnostic } from '../load/diagnostics.js';
import { checkScenarioSource, expandPaths, readSource } from '../load/load-files.js';
import { loadCase, type Case, type CaseCache } from '../load/load-what-if.js';
import type { Scenario } from '../schema/scenario.js';
import { fileKind } from './file-kind.js';

/** The command line's files and folders, loaded: scenarios and what-if cases, with every problem. */
export function loadScenariosAndWhatIfs(paths: readonly string[], model: Model): { scenarios: Loaded<Scenario>[]; cases: Case[]; diagnostics: Diagnostic[] } {
  const { files, diagnostics } = expandPaths(paths);
  const scenarios: Loaded<Scenario>[] = [];
  const cases: Case[] = [];
  // Each what-if of a chain is loaded once, whichever of them comes first.
  const loaded: CaseCache = new Map();
  for (const file of files) {
    const { source, diagnostics: unreadable } = readSource(file);
    diagnostics.push(...unreadable);
    if (!source) continue;
    // A what-if is loaded with its whole chain of bases; a scenario from the text already read.
    const r = fileKind(source) === 'what-if' ? loadCase(file, model, [], loaded) : checkScenarioSource(source, model);
    diagnostics.push(...r.diagnostics);
    if ('case' in r && r.case) cases.push(r.case);
    if ('scenario' in r && r.scenario) scenarios.push(r.scenario);
  }
  return { scenarios, cases, diagnostics };
}

/**
 * The `expect` entries a what-if's changes put on the variant's events (`set:
 * events.strike.expect`, an added event, a replaced one): those not already on
 * the base scenario's event of the same id. The base's own stay unchecked: they
 * speak of the base, not of the variant.
 */
export function expectationsSetByChanges(c: Case): EventExpectation[] {
  const before = new Map(c.scenario.events.map((e) => [e.id, new Set((e.expect ?? []).map((x) => JSON.stringify(x)))]));
  return c.document.events.flatMap((e) =>
    (e.expect ?? []).filter((x) => !before.get(e.id)?.has(JSON.stringify(x))).map((x) => ({ ...x, event: e.id })),
  );
}

/** Each what-if's expectations (its own and those its changes set), checked against its variant's verdicts (the base need not be judged). */
export async function checkWhatIfCases(cases: readonly Case[]): Promise<Array<{ id: string; results: ExpectationResult[] }>> {
  const out: Array<{ id: string; results: ExpectationResult[] }> = [];
  for (const c of cases) {
    const variant = await judgeDocument(c.document);
    const id = c.layers[c.layers.length - 1]?.id ?? c.scenario.id;
    out.push({ id, results: checkExpectations({ ...variant, id }, [...c.expectations, ...expectationsSetByChanges(c)]) });
  }
  return out;
}
