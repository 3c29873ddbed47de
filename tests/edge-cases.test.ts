/**
 * The edge cases that decide each clause (scenarios/edge-cases/): islands either side of the
 * Tropic, Europe against Africa, accession dates, a suspended pair, administration against
 * sovereignty, non-state attackers, forces against territory, discretion over means. Every
 * `expect` is a test named by the sentence above it.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { describeExpectation, expectationsOf } from '../src/core/index.js';
import { expectationResult } from './helpers/expectations.js';
import { SCENARIOS, scenariosAt } from './helpers/project.js';

const EDGE = join(SCENARIOS, 'edge-cases');
const { model, scenarios } = scenariosAt(EDGE);

describe('the edge-case files', () => {
  it('cover every treaty (the CST only for dated standing: the casebook holds the edges of its clauses)', () => {
    const clauses = new Set(scenarios.flatMap((s) => expectationsOf(s).map((e) => e.clause.split('/')[0])));
    expect([...clauses].sort()).toEqual(['anglo-japanese', 'anglo-polish-1939', 'anzus', 'arab-jdec', 'cst', 'eu', 'franco-russian', 'london-1839', 'nato', 'rio', 'ru-am-1997', 'seato', 'triple-alliance', 'uar-jordan-1967', 'us-jpn', 'us-kor', 'us-phl', 'warsaw']);
  });
});

// Each expectation judges its scenario inside its own test (see casebook.test.ts).
describe.each(scenarios.map((s) => [s.id, s] as const))('edge cases %s', (_id, scenario) => {
  const expectations = expectationsOf(scenario);
  it('has expectations, each named by a sentence', () => {
    expect(expectations.length).toBeGreaterThan(0);
    for (const e of expectations) expect(e.says, `${e.event} ${e.clause}`).toMatch(/\.$/);
  });
  it.each(expectations.map((e, i) => [e.says ?? describeExpectation(e), i] as const))('%s', async (_says, i) => {
    expect((await expectationResult(model, scenario, i)).problems).toEqual([]);
  });
});
