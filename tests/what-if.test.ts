/**
 * What-if files: every shipped what-if's `expect` is a test named by its sentence;
 * the report sets base beside variant and marks flips; `--set` gives the same as a
 * file; bad paths and cycles are input errors located at the change.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyWhatIf, checkExpectations, documentOf, judgeDocument, runWhatIf } from '../src/core/index.js';
import { loadCase } from '../src/load/load-what-if.js';
import { casus, hasStackTrace } from './helpers/cli.js';
import { SCENARIOS, scenariosAt, shippedRules } from './helpers/project.js';

const WHAT_IF_DIR = join(SCENARIOS, 'what-if');
const { model } = shippedRules();
const files = readdirSync(WHAT_IF_DIR).filter((f) => f.endsWith('.yaml')).sort();

describe.each(files)('shipped what-if %s', (file) => {
  const loaded = loadCase(join(WHAT_IF_DIR, file), model);
  it('loads without problems and has expectations', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.case!.expectations.length).toBeGreaterThan(0);
  });
  const c = loaded.case!;
  // Checked together: an `obligor: "*"` entry covers the obligors that have no entry of their own.
  // Judged inside each test, so that mutation testing knows which test reads which line of the core.
  it.each(c.expectations.map((e, i) => [e.says ?? e.clause, i] as const))('%s', async (_says, i) => {
    const report = await runWhatIf(model, c.scenario, c.layers);
    expect(checkExpectations(report.variant, c.expectations)[i]!.problems).toEqual([]);
  });
});

type Row = { event: string; clause: string; obligor: string; base: { status: string } | null; variant: { status: string } | null; flipped: boolean; reasons: { code: string; from: boolean | null; to: boolean | null }[] };
const jsonOf = (args: string[]) => {
  const r = casus([...args, '--format', 'json']);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout) as { whatIf: { id: string; base: { id: string } }; changed: { op: string; path: string }[]; flips: number; rows: Row[]; scenarios: { verdicts: unknown[] }[] };
};
const row = (rows: Row[], clause: string, obligor: string) => rows.find((r) => r.clause === clause && r.obligor === obligor)!;

describe('casus what-if', () => {
  it("sets the base's verdicts beside the variant's, marks the flips and names the tests that changed", () => {
    const r = casus(['what-if', 'scenarios/what-if/nagorno-karabakh-2023-russia-recognizes.yaml']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('What if Russia recognized Nagorno-Karabakh as Armenian');
    expect(r.stdout).toContain('on nagorno-karabakh-2023-requested');
    expect(r.stdout).toContain('add  world.recognitions[');
    expect(r.stdout).toMatch(/RUS\s+cst\/art-4\s+not-obliged · consistent\s+obliged · unmet\s+FLIP\s+territory-is-targets: fails → holds/);
    // Under the 1997 Russia–Armenia treaty too, Russia's own recognition decides (Art. 3 flips as well).
    expect(r.stdout).toMatch(/RUS\s+ru-am-1997\/art-3\s+not-obliged · consistent\s+obliged · unmet\s+FLIP/);
    expect(r.stdout).toContain('2 verdicts flipped, 0 otherwise changed, of 14 rows');
  });

  it("a what-if can be the base of another: Russia's recognition is judged on top of Armenia's request", () => {
    const doc = jsonOf(['what-if', 'scenarios/what-if/nagorno-karabakh-2023-russia-recognizes.yaml']);
    expect(doc.whatIf.base.id).toBe('nagorno-karabakh-2023-requested');
    expect(row(doc.rows, 'cst/art-4', 'RUS')).toMatchObject({ base: { status: 'not-obliged' }, variant: { status: 'obliged' }, flipped: true });
    expect(doc.flips).toBe(2);
  });

  it('lists immer patches as what changed, and can change a treaty: Article 4 without its request condition', () => {
    const doc = jsonOf(['what-if', 'scenarios/what-if/cst-art-4-without-request-condition.yaml']);
    expect(doc.changed).toEqual([{ op: 'remove', path: 'treaties.cst.clauses.art-4.versions.2012-12-19.conditions.all.requested' }]);
    expect(row(doc.rows, 'cst/art-4', 'RUS')).toMatchObject({ base: { status: 'obliged-if-requested' }, variant: { status: 'obliged' }, reasons: [{ code: 'requested', from: false, to: null }] });
  });

  it('--set on a scenario gives the same variant as the what-if file that makes the same change', () => {
    const file = jsonOf(['what-if', 'scenarios/what-if/nagorno-karabakh-2023-requested.yaml']);
    const set = jsonOf(['what-if', 'scenarios/nagorno-karabakh-2023.yaml', '--set', 'events.offensive.requests=[{by: ARM, clause: cst/art-4, to: cst, date: 2023-09-19}]']);
    expect(set.rows).toEqual(file.rows);
    expect(set.scenarios[1]!.verdicts).toEqual(file.scenarios[1]!.verdicts);
  });

  it('--set is repeatable, takes YAML values and may add to a what-if file', () => {
    const doc = jsonOf([
      'what-if', 'scenarios/what-if/nagorno-karabakh-2023-requested.yaml',
      '--set', 'world.recognitions=[{by: RUS, territory: nagorno-karabakh, sovereign: ARM, from: 1991-12-26}]',
      '--set', 'events.offensive.actual=[]',
    ]);
    expect(doc.whatIf.base.id).toBe('nagorno-karabakh-2023');
    expect(row(doc.rows, 'cst/art-4', 'RUS').variant).toMatchObject({ status: 'obliged' });
  });

  it('the JSON keeps the run contract for the base and the variant', () => {
    const doc = jsonOf(['what-if', 'scenarios/what-if/kazakhstan-2022-official-account.yaml']);
    expect(doc.scenarios).toHaveLength(2);
    expect(Object.keys(doc.scenarios[1]!.verdicts[0] as object)).toEqual(['event', 'date', 'clause', 'obligor', 'beneficiary', 'status', 'duty', 'actual', 'assessment', 'reasons']);
  });

  it('casus test checks the expectations of what-if files, given a folder', () => {
    const r = casus(['test', 'scenarios/what-if/']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('kazakhstan-2022-official-account (4 expectations)');
    // Every expectation of every what-if file passes: the total is counted, not fixed.
    const listed = [...r.stdout.matchAll(/\((\d+) expectations?\)/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(listed).toBeGreaterThan(0);
    expect(r.stdout).toMatch(new RegExp(`\\n${listed} passed, 0 failed\\n$`));
  });

  it('casus validate loads what-if chains and finds no problem in the shipped ones', () => {
    const r = casus(['validate', 'scenarios/what-if/']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/\d+ files checked: no problems/);
  });
});

describe('what-if input errors exit 2, located at the change, never a stack trace', () => {
  const refused = (args: string[]) => {
    const r = casus(args);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(hasStackTrace(r.stderr)).toBe(false);
    return r.stderr;
  };

  it('a path through an event that does not exist names the unknown id and the ids that exist, with file:line:column', () => {
    const err = refused(['what-if', 'tests/fixtures/what-if/bad-path.yaml']);
    expect(err).toContain('tests/fixtures/what-if/bad-path.yaml:7:5: error [bad-change-path] events.nosuch.requests: no item with id "nosuch" in events; the ids there are: offensive');
  });

  it('the same from --set, located at the --set that names it', () => {
    const err = refused(['what-if', 'scenarios/nagorno-karabakh-2023.yaml', '--set', 'events.offensive.kind=armed-attack', '--set', 'events.nosuch.requests=[]']);
    expect(err).toContain('--set:2:1: error [bad-change-path] events.nosuch.requests: no item with id "nosuch" in events; the ids there are: offensive');
  });

  it('a cycle of bases is an input error naming the chain', () => {
    const err = refused(['what-if', 'tests/fixtures/what-if/cycle-a.yaml']);
    expect(err).toContain('[base-cycle] base: the chain of bases comes back on itself: tests/fixtures/what-if/cycle-a.yaml → tests/fixtures/what-if/cycle-b.yaml → tests/fixtures/what-if/cycle-a.yaml');
  });

  it('a change that leaves an invalid scenario is checked like a scenario file, at the change', () => {
    const err = refused(['what-if', 'tests/fixtures/what-if/bad-value.yaml']);
    expect(err).toMatch(/bad-value\.yaml:6:5: error \[unknown-state\] events\.offensive\.attacker: unknown state "AZR"\n {2}hint: did you mean "AZE"\?/);
    expect(refused(['what-if', 'scenarios/nagorno-karabakh-2023.yaml', '--set', 'events.offensive.kind=war'])).toContain('[invalid-value] events.offensive.kind');
  });

  it('a path into the prototype is refused', () => {
    expect(refused(['what-if', 'scenarios/nagorno-karabakh-2023.yaml', '--set', '__proto__.polluted=true'])).toContain('"__proto__" may not be used in a path');
  });

  it('a scenario without --set is not a what-if, and says what to do', () => {
    expect(refused(['what-if', 'scenarios/nagorno-karabakh-2023.yaml'])).toContain('is a scenario, not a what-if: add --set PATH=VALUE');
  });

  it('a --set without a value', () => {
    expect(refused(['what-if', 'scenarios/nagorno-karabakh-2023.yaml', '--set', 'events.offensive.kind'])).toContain('is not PATH=VALUE');
  });
});

describe('a what-if can change what a clause means', () => {
  it("a changed named definition is judged anew, not from the engine built for the old one", async () => {
    const { model: m, scenarios } = scenariosAt(join(SCENARIOS, 'armenia-border-2022.yaml'));
    const at = 'treaties.cst.clauses.art-4.versions.2012-12-19.conditions.all.event-is-covered';
    const aggression = { fact: 'eventKind', operator: 'in', value: ['armed-attack'], code: 'event-is-covered', because: 'aggression' };
    const defined = applyWhatIf(documentOf(m, scenarios[0]!), [
      { set: 'treaties.cst.definitions', value: { aggression } },
      { set: at, value: { condition: 'aggression' } },
    ]).result;
    const rus = async (doc: typeof defined) => (await judgeDocument(doc, { clauses: ['cst/art-4'], obligors: ['RUS'] })).verdicts[0]!.status;
    expect(await rus(defined)).toBe('obliged');
    const narrowed = applyWhatIf(defined, [{ set: 'treaties.cst.definitions.aggression.value', value: ['armed-clash'] }]).result;
    const art4 = (doc: typeof defined) => doc.treaties.find((t) => t.id === 'cst')!.clauses.find((c) => c.id === 'art-4')!.versions[1];
    expect(art4(narrowed)).toBe(art4(defined));
    expect(await rus(narrowed)).toBe('not-obliged');
  });
});
