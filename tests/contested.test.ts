/**
 * Every verdict carries its certainty: a row's `contested` lists exactly the
 * named readings of its clause that, judged on their own, give the row another
 * status. Checked on the whole casebook (and the edge cases) against runs of
 * the casebook under each reading selected by name, a separate path through
 * the core; plus the reports and the command line that show it.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { simulate, type Report, type Verdict } from '../src/core/index.js';
import { interpretationsOf } from '../src/core/interpretations.js';
import { casus } from './helpers/cli.js';
import { SCENARIOS, scenariosAt } from './helpers/project.js';

const { model, scenarios } = scenariosAt(SCENARIOS, join(SCENARIOS, 'edge-cases'));
const report = await simulate(model, scenarios);

const key = (scenario: string, v: Verdict) => `${scenario}|${v.event}|${v.clause}|${v.obligor}`;
function statuses(r: Report): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of r.scenarios) for (const v of s.verdicts) m.set(key(s.id, v), v.status);
  return m;
}

/** Per reading id: each row's status when the casebook is judged under that reading alone. */
const byReading = new Map<string, Map<string, string>>();
byReading.set('default', statuses(await simulate(model, scenarios, { interpretations: ['default'], judge: { contested: false } })));
for (const { reading } of interpretationsOf(model.treaties)) {
  byReading.set(reading.id, statuses(await simulate(model, scenarios, { interpretations: [reading.id], judge: { contested: false } })));
}
const readingsOfClause = new Map<string, string[]>();
for (const t of model.treaties)
  for (const c of t.clauses)
    if (c.interpretations?.length) readingsOfClause.set(`${t.id}/${c.id}`, ['default', ...c.interpretations.map((i) => i.id)]);

describe('contested: every row, against each reading judged separately', () => {
  const rows = report.scenarios.flatMap((s) => s.verdicts.map((v) => [s.id, v] as const));

  it('the casebook has contested rows and settled rows', () => {
    expect(rows.filter(([, v]) => v.contested.length).length).toBeGreaterThan(10);
    expect(rows.filter(([, v]) => !v.contested.length).length).toBeGreaterThan(100);
  });

  it('each row lists exactly the readings that give it another status, with that status and who holds the reading', () => {
    const wrong: string[] = [];
    for (const [sid, v] of rows) {
      const k = key(sid, v);
      const expected = (readingsOfClause.get(v.clause) ?? [])
        .map((id) => ({ id, status: byReading.get(id)!.get(k)! }))
        .filter((r) => r.status !== v.status);
      const got = v.contested.map((c) => ({ id: c.reading, status: c.status }));
      if (JSON.stringify(got) !== JSON.stringify(expected)) wrong.push(`${k}: got ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
      for (const c of v.contested) if (!c.heldBy.trim()) wrong.push(`${k}: ${c.reading} names no holder`);
    }
    expect(wrong).toEqual([]);
  });

  it('the JSON report leaves `contested` out of a settled row and gives reading, status and heldBy on a contested one', () => {
    const r = casus(['run', 'scenarios/', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    const verdicts = JSON.parse(r.stdout).scenarios.flatMap((s: { verdicts: unknown[] }) => s.verdicts) as Array<Record<string, unknown>>;
    const contested = verdicts.filter((v) => 'contested' in v);
    expect(contested.length).toBeGreaterThan(0);
    for (const v of contested) {
      const list = v.contested as Array<Record<string, unknown>>;
      expect(list.length).toBeGreaterThan(0);
      for (const c of list) expect(Object.keys(c)).toEqual(['reading', 'status', 'heldBy']);
    }
  });
});

describe('contested rows in the reports', () => {
  it('the text report marks a contested row with a mark and a word and says which reading changes it', () => {
    const r = casus(['run', 'scenarios/september-11-2001.yaml']);
    expect(r.stdout).toMatch(/obliged ⚖ contested/);
    expect(r.stdout).toContain('not-obliged under the reading state-attacker-only');
  });

  it('the Markdown and HTML reports mark it too', () => {
    const md = casus(['run', 'scenarios/september-11-2001.yaml', '--format', 'markdown']).stdout;
    expect(md).toMatch(/● obliged ⚖ contested \|/);
    const html = casus(['run', 'scenarios/september-11-2001.yaml', '--format', 'html']).stdout;
    expect(html).toContain('<span class="contested"><span aria-hidden="true">⚖</span> contested</span>');
  });

  it('explain names each reading that would change the verdict, who holds it and its source', () => {
    const r = casus(['explain', 'scenarios/september-11-2001.yaml', '--event', 'attacks', '--clause', 'nato/art-5', '--obligor', 'GBR']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('⚖ Contested: the readings that would change this verdict');
    expect(r.stdout).toMatch(/state-attacker-only \(asserted\): not-obliged/);
    expect(r.stdout).toContain('held by International Court of Justice, Legal Consequences of the Construction of a Wall');
    expect(r.stdout).toContain('source: ICJ, Legal Consequences of the Construction of a Wall');
  });

  it('explain says a row is settled when every reading agrees', () => {
    const r = casus(['explain', 'scenarios/armenia-border-2022.yaml', '--event', 'offensive', '--clause', 'cst/art-4', '--obligor', 'RUS']);
    expect(r.stdout).toContain('Settled: every named reading of the clause gives the same status');
  });

  it('the closing line and --summary count settled and contested obligations apart', () => {
    const r = casus(['run', 'scenarios/september-11-2001.yaml']);
    expect(r.stdout).toMatch(/\d+ obligations arose \(\d+ settled, \d+ contested\)/);
    const s = casus(['run', 'scenarios/', '--summary']);
    expect(s.stdout).toContain('settled only');
    expect(s.stdout).toMatch(/contested/);
  });
});
