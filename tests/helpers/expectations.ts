/** Judge one `expect` entry of a scenario through the core API. */
import { checkExpectations, expectationsOf, simulateScenario, type ExpectationResult, type Model } from '../../src/core/index.js';
import type { Scenario } from '../../src/schema/scenario.js';

/**
 * The result of the scenario's i-th expectation. The scenario is judged afresh
 * (not shared between tests), and all its expectations are passed so that an
 * `obligor: "*"` entry covers only the obligors with no entry of their own.
 */
export async function expectationResult(model: Model, scenario: Scenario, i: number): Promise<ExpectationResult> {
  return checkExpectations(await simulateScenario(model, scenario), expectationsOf(scenario))[i]!;
}
