/**
 * Every `expect` written in a casebook scenario is a test, named by the sentence
 * above it; plus the answers the product exists to give, asserted on the JSON
 * report of the real files.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { describeExpectation, expectationsOf } from '../src/core/index.js';
import { expectationResult } from './helpers/expectations.js';
import { casus } from './helpers/cli.js';
import { SCENARIOS, scenariosAt } from './helpers/project.js';

const { model, scenarios } = scenariosAt(SCENARIOS);

// Each expectation judges its scenario inside its own test, so that mutation testing
// knows which test reads which line of the core.
describe.each(scenarios.map((s) => [s.id, s] as const))('casebook %s', (_id, scenario) => {
  const expectations = expectationsOf(scenario);
  it('has expectations', () => expect(expectations.length).toBeGreaterThan(0));
  it.each(expectations.map((e, i) => [e.says ?? describeExpectation(e), i] as const))('%s', async (_says, i) => {
    expect((await expectationResult(model, scenario, i)).problems).toEqual([]);
  });
});

type JsonVerdict = { event: string; clause: string; obligor: string; status: string; assessment: string; reasons: { code: string; holds: boolean }[] };
const verdictsOf = (file: string): JsonVerdict[] => {
  const r = casus(['run', join('scenarios', file), '--format', 'json']);
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout).scenarios[0].verdicts;
};

describe('the answers casus exists to give', () => {
  it("Azerbaijan's 2022 strike on Armenia proper, with Armenia's request, obliged every other active CSTO member under Article 4, and none gave the aid", () => {
    const rows = verdictsOf('armenia-border-2022.yaml').filter((v) => v.clause === 'cst/art-4');
    const active = rows.filter((v) => v.obligor !== 'UZB');
    expect(active.map((v) => v.obligor).sort()).toEqual(['BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']);
    for (const v of active) expect([v.status, v.assessment]).toEqual(['obliged', 'unmet']);
  });

  it("an attack on Nagorno-Karabakh obliges no one, since every member recognizes it as Azerbaijan's", () => {
    const rows = verdictsOf('nagorno-karabakh-2023.yaml').filter((v) => v.clause === 'cst/art-4');
    expect(rows.length).toBeGreaterThan(0);
    for (const v of rows) {
      expect(v.status).toBe('not-obliged');
      expect(v.reasons.find((r) => r.code === 'territory-is-targets')?.holds).toBe(false);
    }
  });

  it('the 2022 deployment to Kazakhstan was owed by no one under Article 4: internal unrest is not aggression, so the contributors went beyond duty', () => {
    const rows = verdictsOf('kazakhstan-2022.yaml').filter((v) => v.clause === 'cst/art-4');
    for (const v of rows) expect(v.status).toBe('not-obliged');
    const contributors = rows.filter((v) => ['RUS', 'BLR', 'ARM', 'TJK', 'KGZ'].includes(v.obligor));
    expect(contributors).toHaveLength(5);
    for (const v of contributors) {
      expect(v.assessment).toBe('beyond-duty');
      expect(v.reasons.find((r) => r.code === 'event-is-covered')?.holds).toBe(false);
    }
  });

  it('Article 4 is read in the wording in force on the date: Osh 2010 under the 1992 text with no request test, 2020 under the amended text with one', () => {
    const rows = verdictsOf('karabakh-war-2020.yaml').filter((v) => v.clause === 'cst/art-4');
    expect(rows[0]!.reasons.map((r) => r.code)).toContain('requested');
    const osh = verdictsOf('osh-2010.yaml').filter((v) => v.clause === 'cst/art-4');
    expect(osh[0]!.reasons.map((r) => r.code)).not.toContain('requested');
  });
});
