/**
 * The facts and readings an audit of the casebook put right, each checked through the command
 * line on real files: dates of membership, and the NATO Council's 2001 test for non-state attacks
 * as explain shows it.
 */
import { describe, expect, it } from 'vitest';
import { casus } from './helpers/cli.js';

describe('facts the audit corrected', () => {
  it('the states that did not sign the 1999 CST extension were parties through 1999-04-20 and not from 1999-04-21', () => {
    const r = casus(['test', 'tests/fixtures/law/cst-1999.yaml']);
    expect(r.stdout).toContain('7 passed, 0 failed');
    expect(r.exitCode).toBe(0);
  });

  it("Suruc 2015: explain says the Council's 2001 reading governs, the attack was not determined to be directed from abroad, and the words alone would oblige", () => {
    const r = casus(['explain', 'scenarios/turkey-article-4-2003-2020.yaml', '--event', 'suruc-bombing', '--clause', 'nato/art-5', '--obligor', 'USA']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('not obliged ⚖ contested');
    expect(r.stdout).toContain('attack-directed-from-abroad, adopted 2001-09-12');
    expect(r.stdout).toContain('whether the attack was directed from abroad is not determined');
    expect(r.stdout).toMatch(/default \(the clause's default reading\): obliged/);
  });

  it('a US-Philippines row in the South China Sea before 2023 names Pompeo\'s 2019 assertion as the reading that would change it', () => {
    const r = casus(['explain', 'scenarios/edge-cases/us-philippines-pacific.yaml', '--event', 'vessel-second-thomas-shoal-2020', '--clause', 'us-phl/art-4', '--obligor', 'USA']);
    expect(r.stdout).toMatch(/south-china-sea-is-pacific \(asserted 2019-03-01\): obliged/);
    expect(r.stdout).toContain('held by US Secretary of State Pompeo, Manila, 2019-03-01');
  });
});
