/**
 * Clause versions that inherit, and dates no version covers (docs/design.md §2):
 * a later version says only what changed; a clause with no wording in force on
 * a date binds no one then, and no wording is quoted for it.
 */
import { describe, expect, it } from 'vitest';
import { applyChanges, explainVerdict, simulateScenario, versionOn } from '../src/core/index.js';
import { resolveTreaty } from '../src/core/clause-versions.js';
import { renderExplain } from '../src/report/render-explain.js';
import { execute } from '../src/cli/main.js';
import type { Treaty, TreatyFile } from '../src/schema/treaty.js';
import { scenariosAt, SCENARIOS } from './helpers/project.js';
import { join } from 'node:path';

const { model, scenarios } = scenariosAt(join(SCENARIOS, 'armenia-border-2022.yaml'));
const border = scenarios[0]!;
const cst = model.treaties.find((t) => t.id === 'cst')!;
const art4 = cst.clauses.find((c) => c.id === 'art-4')!;
const codes = (v: Treaty['clauses'][number]['versions'][number]) => ('all' in v.conditions ? v.conditions.all : []).map((c) => ('code' in c ? c.code : '?'));

describe('a clause version inherits what it does not change', () => {
  it("CST Art. 4 as amended keeps the 1992 duty and what satisfies it, and adds the request after the inherited tests", () => {
    const [v1992, v2012] = art4.versions;
    expect(v2012!.duty).toBe(v1992!.duty);
    expect(v2012!.satisfiedBy).toEqual(v1992!.satisfiedBy);
    expect(codes(v1992!)).toEqual(['treaty-in-force', 'obligor-is-party', 'target-is-party', 'obligor-is-not-attacker', 'event-is-covered', 'attacker-is-covered', 'territory-is-targets']);
    expect(codes(v2012!)).toEqual([...codes(v1992!), 'requested']);
    // New words are new words: the 1992 Russian text's translation is not carried over to the English rendering.
    expect(v2012!.language).toBe('en');
    expect(v2012!.translation).toBeUndefined();
    // A version without `until` runs until the next begins.
    expect(v1992!.until).toBe('2012-12-19');
  });

  it('the shared tests of a treaty come first in every clause, each clause with its own treaty words', () => {
    const art2 = cst.clauses.find((c) => c.id === 'art-2')!;
    const words = (c: typeof art2) => ('all' in c.versions[0]!.conditions ? c.versions[0]!.conditions.all[1] : undefined);
    expect(codes(art2.versions[0]!).slice(0, 4)).toEqual(codes(art4.versions[0]!).slice(0, 4));
    expect(words(art2)).not.toEqual(words(art4));
  });

  it('a later version that replaces a test by a code no earlier version has is refused with the place to fix', () => {
    const file = { ...cst, clauses: [{ ...art4, versions: [art4.versions[0]!, { from: '2012-12-19', replace: { 'no-such-code': { fact: 'eventKind', operator: 'equal', value: 'threat', code: 'x', because: 'y' } } }] }] } as unknown as TreatyFile;
    const { problems } = resolveTreaty(file);
    expect(problems).toEqual([expect.objectContaining({ code: 'unknown-reason-code', path: ['clauses', 0, 'versions', 1, 'replace', 'no-such-code'] })]);
  });
});

describe('a date no clause version covers: the clause is not in force', () => {
  // Issue 14, item 6: end the 2012 wording in 2015, and 2022 falls in no version.
  const ended = applyChanges(model, [{ set: 'treaties.cst.clauses.art-4.versions.2012-12-19.until', value: '2015-01-01' }]).result;

  it('versionOn gives no version after the last one ends, and none before the first begins', () => {
    const clause = ended.treaties.find((t) => t.id === 'cst')!.clauses.find((c) => c.id === 'art-4')!;
    expect(versionOn(clause, '2022-09-13')).toBeUndefined();
    expect(versionOn(clause, '1990-01-01')).toBeUndefined();
    expect(versionOn(clause, '2014-12-31')?.from).toBe('2012-12-19');
  });

  it("Russia is not obliged in 2022 once the amended wording has ended, for the reason treaty-in-force, never under the 1992 wording", async () => {
    const report = await simulateScenario(ended, border, { clauses: ['cst/art-4'] });
    const rus = report.verdicts.find((v) => v.obligor === 'RUS')!;
    expect(rus.status).toBe('not-obliged');
    expect(rus.decisive).toBe('treaty-in-force');
    expect(rus.reasons.map((r) => [r.code, r.holds])).toEqual([['treaty-in-force', false]]);
    const before = await simulateScenario(model, border, { clauses: ['cst/art-4'] });
    expect(before.verdicts.find((v) => v.obligor === 'RUS')!.status).toBe('obliged');
  });

  it('explain quotes no wording on a date none is in force', async () => {
    const x = await explainVerdict(ended, border, 'offensive', 'cst/art-4', 'RUS');
    if (!('verdict' in x)) throw new Error('expected an explanation');
    expect(x.version).toBeUndefined();
    const text = renderExplain(x);
    expect(text).toContain('The clause is not in force on 2022-09-13');
    expect(text).not.toContain(art4.versions[0]!.text.slice(0, 40));
    expect(text).not.toContain(art4.versions[1]!.text.slice(0, 40));
  });

  it('the what-if of the issue, through the command line: Russia becomes not obliged, not obliged under the expired wording', async () => {
    const r = await execute(['what-if', 'scenarios/what-if/armenia-border-2022-no-request.yaml', '--set', 'treaties.cst.clauses.art-4.versions.2012-12-19.until=2015-01-01', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const doc = JSON.parse(r.stdout) as { rows: Array<{ clause: string; obligor: string; variant: { status: string }; reasons: Array<{ code: string; to: boolean | null }> }> };
    const rus = doc.rows.find((v) => v.clause === 'cst/art-4' && v.obligor === 'RUS')!;
    expect(rus.variant.status).toBe('not-obliged');
    expect(rus.reasons[0]).toEqual({ code: 'treaty-in-force', from: true, to: false });
  });
});
