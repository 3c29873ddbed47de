/** The page's what-if toggles: which facts a class can flip, and the what-if file they amount to. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyChanges, simulateScenario } from '../../src/core/index.js';
import { renderWhatIfYaml } from '../../src/report/render-what-if-file.js';
import { whatIfFile, type Scenario } from '../../src/schema/scenario.js';
import { changesOfChoices, togglesFor, whatIfTitle } from '../../src/web/what-if-toggles.js';
import { SCENARIOS, scenariosAt } from '../helpers/project.js';

const { model, scenarios } = scenariosAt(SCENARIOS);
const byId = (id: string) => scenarios.find((s) => s.id === id)!;
const karabakh = byId('nagorno-karabakh-2023');
const armenia2022 = byId('armenia-border-2022');

async function art4(scenario: Scenario, choices: Record<string, string>) {
  const varied = applyChanges(scenario, changesOfChoices(model, scenario, 'offensive', choices)).result;
  const report = await simulateScenario(model, varied);
  return Object.fromEntries(report.verdicts.filter((v) => v.clause === 'cst/art-4').map((v) => [v.obligor, v.status]));
}

describe('what-if toggles', () => {
  it("offer the request, the kind of event, each party's recognition of a disputed place and each party's standing", () => {
    const toggles = togglesFor(model, karabakh, 'offensive');
    expect(toggles.find((t) => t.key === 'request:cst/art-4')).toMatchObject({ value: false });
    expect(toggles.find((t) => t.key === 'kind')).toMatchObject({ value: 'armed-attack' });
    expect(toggles.find((t) => t.key === 'recognition:RUS')).toMatchObject({ value: 'AZE', territory: 'nagorno-karabakh' });
    expect(toggles.find((t) => t.key === 'membership:cst:UZB')).toMatchObject({ value: 'suspended' });
  });

  it('offer no recognition to flip where the place is a state\'s own territory', () => {
    expect(togglesFor(model, armenia2022, 'offensive').some((t) => t.kind === 'recognition')).toBe(false);
  });

  it('change nothing while every choice equals the scenario', () => {
    expect(changesOfChoices(model, karabakh, 'offensive', { 'request:cst/art-4': 'false', kind: 'armed-attack' })).toEqual([]);
  });

  it('Karabakh 2023: had Armenia asked under Article 4, still no one was obliged', async () => {
    const statuses = await art4(karabakh, { 'request:cst/art-4': 'true' });
    expect(Object.values(statuses).length).toBeGreaterThan(0);
    expect(new Set(Object.values(statuses))).toEqual(new Set(['not-obliged']));
  });

  it("Karabakh 2023: asked, and in Russia's view Armenia's: Russia alone is obliged", async () => {
    const statuses = await art4(karabakh, { 'request:cst/art-4': 'true', 'recognition:RUS': 'ARM' });
    expect(statuses.RUS).toBe('obliged');
    expect(statuses.KAZ).toBe('not-obliged');
  });

  it('Armenia 2022: without the request, the members would have been obliged only if asked', async () => {
    const statuses = await art4(armenia2022, { 'request:cst/art-4': 'false' });
    expect(statuses.RUS).toBe('obliged-if-requested');
    expect(statuses.UZB).toBe('not-obliged');
  });

  it('copy as a what-if file: valid DESIGN §2 YAML whose changes give the same verdicts', async () => {
    const choices = { 'request:cst/art-4': 'true', 'recognition:RUS': 'ARM', 'membership:cst:UZB': 'member' };
    const toggles = togglesFor(model, karabakh, 'offensive');
    const changes = changesOfChoices(model, karabakh, 'offensive', choices);
    const yaml = renderWhatIfYaml({ id: 'nagorno-karabakh-2023-what-if', title: whatIfTitle(toggles, choices), base: 'nagorno-karabakh-2023.yaml', changes });
    expect(yaml).toContain('base: nagorno-karabakh-2023.yaml');
    expect(yaml).toMatch(/^ {2}- \{ set: events\.offensive\.requests, value: \[/m);
    expect(yaml).toContain('- { add: world.recognitions, value: { by: RUS, territory: nagorno-karabakh, sovereign: ARM, from: 2023-09-19 } }');
    const parsed = whatIfFile.safeParse(parse(yaml));
    expect(parsed.success).toBe(true);
    const fromFile = await simulateScenario(model, applyChanges(karabakh, parsed.data!.changes).result);
    const fromToggles = await simulateScenario(model, applyChanges(karabakh, changes).result);
    expect(fromFile).toEqual(fromToggles);
    expect(parsed.data!.title).toBe("What if ARM had invoked cst/art-4, and RUS saw Nagorno-Karabakh as ARM's, and UZB were a full member of cst?");
  });
});
