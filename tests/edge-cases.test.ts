/**
 * The edge cases that decide each clause (scenarios/edge-cases/): islands either side of the
 * Tropic, Europe against Africa, accession dates, a suspended pair, administration against
 * sovereignty, non-state attackers, forces against territory, discretion over means. Every
 * `expect` is a test named by the sentence above it.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkExpectations, expectationsOf, simulate } from '../src/core/index.js';
import { SCENARIOS, scenariosAt } from './helpers/project.js';

const EDGE = join(SCENARIOS, 'edge-cases');
const { model, scenarios } = scenariosAt(EDGE);
const report = await simulate(model, scenarios);

describe('the edge-case files', () => {
  it('cover every treaty (the CST only for dated standing: the casebook holds the edges of its clauses)', () => {
    const clauses = new Set(scenarios.flatMap((s) => expectationsOf(s).map((e) => e.clause.split('/')[0])));
    expect([...clauses].sort()).toEqual(['anzus', 'cst', 'eu', 'nato', 'rio', 'ru-am-1997', 'us-jpn', 'us-phl']);
  });
});

describe.each(scenarios.map((s, i) => [s.id, i] as const))('edge cases %s', (_id, i) => {
  const results = checkExpectations(report.scenarios[i]!, expectationsOf(scenarios[i]!));
  it('has expectations, each named by a sentence', () => {
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.expectation.says, `${r.event} ${r.expectation.clause}`).toMatch(/\.$/);
  });
  it.each(results.map((r) => [r.says, r] as const))('%s', (_says, r) => {
    expect(r.problems).toEqual([]);
  });
});
