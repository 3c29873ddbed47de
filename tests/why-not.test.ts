/**
 * Why-not answers for the named cases: "had Armenia asked" is one change for
 * the 2022-style cases; for Karabakh 2023 a request alone is not enough. Every
 * set is checked again by saving it as a what-if and running that.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { whyNot, type WhyNotResult } from '../src/core/index.js';
import { loadCase } from '../src/load/load-what-if.js';
import { casus, hasStackTrace } from './helpers/cli.js';
import { SCENARIOS, shippedRules } from './helpers/project.js';

const { model } = shippedRules();

async function answer(file: string, obligor: string, event?: string): Promise<WhyNotResult> {
  const c = loadCase(join(SCENARIOS, file), model).case!;
  const r = await whyNot(c.document, { event: event ?? c.document.events[0]!.id, clause: 'cst/art-4', obligor });
  if ('field' in r) throw new Error(`no row: ${JSON.stringify(r)}`);
  return r;
}

const changesOf = (r: WhyNotResult, i: number) => r.sets[i]!.candidates.map((c) => c.change);

describe('why-not: the smallest sets of changes that flip a verdict', () => {
  it('had Armenia asked in 2022 (what-if: no request), Russia would have been bound: one change, the request', async () => {
    const r = await answer('what-if/armenia-border-2022-no-request.yaml', 'RUS');
    expect(r.row.status).toBe('obliged-if-requested');
    expect(r.sets).toHaveLength(1);
    expect(changesOf(r, 0)).toEqual([{ add: 'events.offensive.requests', value: { by: 'ARM', clause: 'cst/art-4', date: '2022-09-13' } }]);
    expect(r.sets[0]!.verdict?.status).toBe('obliged');
    expect(r.sets[0]!.reasons).toEqual([{ code: 'requested', condition: 'aidRequestedUnderClause equal true', from: false, to: true }]);
  });

  it('had Armenia invoked Article 4 rather than Article 2 alone in 2022, one change again', async () => {
    const r = await answer('what-if/armenia-border-2022-article-2-only.yaml', 'KAZ');
    expect(r.sets.map((s) => s.candidates.length)).toEqual([1]);
    expect(r.sets[0]!.candidates[0]!.label).toBe('ARM asks for help under cst/art-4');
  });

  it('for Karabakh 2023 a request alone is not enough: Russia would also have to regard Karabakh as Armenian', async () => {
    const r = await answer('nagorno-karabakh-2023.yaml', 'RUS');
    expect(r.row.status).toBe('not-obliged');
    const alone = r.nearMisses.find((m) => m.candidate.test === 'requested')!;
    expect(alone.status).toBe('not-obliged');
    expect(alone.stillFailing).toEqual(['territory-is-targets']);
    expect(r.sets.length).toBeGreaterThan(0);
    for (const s of r.sets) {
      expect(s.candidates.map((c) => c.test).sort()).toEqual(['requested', 'territory-is-targets']);
      expect(s.verdict?.status).toBe('obliged');
    }
    expect(changesOf(r, 0)).toContainEqual({ add: 'world.recognitions', value: { by: 'RUS', territory: 'nagorno-karabakh', sovereign: 'ARM', from: '2023-09-19' } });
  });

  it("Kazakhstan 2022 needs both an armed attack and an established aggressor; the government's own account is one such pair", async () => {
    const r = await answer('kazakhstan-2022.yaml', 'RUS');
    expect(r.sets.every((s) => s.candidates.length === 2)).toBe(true);
    expect(r.sets.map((s) => changesOf(r, r.sets.indexOf(s)))).toContainEqual([
      { set: 'events.unrest.kind', value: 'armed-attack' },
      { set: 'events.unrest.attacker', value: 'kazakhstan-armed-groups' },
    ]);
  });

  it("draws on the treaty area too: with an area test added to the clause by a what-if, one change to the place's continent flips it", async () => {
    const areaTest = { fact: 'placeContinent', operator: 'in', value: ['europe'], code: 'in-treaty-area', because: 'a hypothetical treaty area: Europe only' };
    const c = loadCase(join(SCENARIOS, 'armenia-border-2022.yaml'), model, [{ add: 'treaties.cst.clauses.art-4.versions.2012-12-19.conditions.all', value: areaTest }]).case!;
    const r = await whyNot(c.document, { event: 'offensive', clause: 'cst/art-4', obligor: 'RUS' });
    if ('field' in r) throw new Error('no row');
    expect(r.row.status).toBe('not-obliged');
    expect(r.sets.map((s) => s.candidates.map((x) => x.change))).toEqual([[{ set: 'world.states.ARM.continent', value: 'europe' }]]);
  });

  it('an obliged verdict is released by one change to any test it rests on', async () => {
    const r = await answer('armenia-border-2022.yaml', 'RUS');
    expect(r.goal).toBe('not-obliged');
    expect(r.sets.every((s) => s.candidates.length === 1 && s.verdict?.status !== 'obliged')).toBe(true);
    expect(r.sets.map((s) => s.candidates[0]!.test)).toEqual(expect.arrayContaining(['requested', 'event-is-covered', 'obligor-is-party']));
  });
});

describe('casus why-not', () => {
  it('prints each set as what-if changes, and says when no single change is enough', () => {
    const r = casus(['why-not', 'scenarios/nagorno-karabakh-2023.yaml', '--clause', 'cst/art-4', '--obligor', 'RUS']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('No single change is enough:');
    expect(r.stdout).toContain('ARM asks for help under cst/art-4 → not-obliged: territory-is-targets still fails');
    expect(r.stdout).toContain('- { add: world.recognitions, value: { by: RUS, territory: nagorno-karabakh, sovereign: ARM, from: 2023-09-19 } }');
  });

  it('--save writes a what-if file that casus what-if runs, and the verdict flips there', () => {
    // A class's own folder laid out like the casebook: the scenario, and a what-if/ folder beside it.
    const dir = mkdtempSync(join(tmpdir(), 'casus-why-not-'));
    mkdirSync(join(dir, 'what-if'));
    copyFileSync(join(SCENARIOS, 'armenia-border-2022.yaml'), join(dir, 'armenia-border-2022.yaml'));
    copyFileSync(join(SCENARIOS, 'what-if', 'armenia-border-2022-no-request.yaml'), join(dir, 'what-if', 'armenia-border-2022-no-request.yaml'));
    const saved = join(dir, 'what-if', 'had-armenia-asked.yaml');
    const r = casus(['why-not', join(dir, 'what-if', 'armenia-border-2022-no-request.yaml'), '--clause', 'cst/art-4', '--obligor', 'RUS', '--save', saved]);
    expect(r.exitCode).toBe(0);
    const text = readFileSync(saved, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*schemas\/what-if\.schema\.json\n/);
    expect(text).toContain('- { add: events.offensive.requests, value: { by: ARM, clause: cst/art-4, date: 2022-09-13 } }');
    const w = casus(['what-if', saved]);
    expect(w.exitCode).toBe(0);
    expect(w.stdout).toMatch(/RUS\s+cst\/art-4\s+obliged-if-requested · consistent\s+obliged · unmet\s+FLIP/);
  });

  it('JSON lists the sets with their changes', () => {
    const doc = JSON.parse(casus(['why-not', 'scenarios/kazakhstan-2022.yaml', '--clause', 'cst/art-4', '--obligor', 'RUS', '--format', 'json']).stdout);
    expect(doc.row).toMatchObject({ status: 'not-obliged', failing: ['event-is-covered', 'attacker-is-covered'] });
    expect(doc.sets[0].size).toBe(2);
  });

  it('an obligor with no row exits 2 with the obligors there are', () => {
    const r = casus(['why-not', 'scenarios/nagorno-karabakh-2023.yaml', '--clause', 'cst/art-4', '--obligor', 'RSU']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--obligor "RSU" has no row');
    expect(r.stderr).toContain('did you mean "RUS"?');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('a file with several events needs --event', () => {
    const r = casus(['why-not', 'scenarios/armenia-appeals-2021.yaml', '--clause', 'cst/art-4', '--obligor', 'RUS']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('name one with --event (sev-lich-advance, november-clash)');
  });
});
