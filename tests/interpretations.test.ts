/**
 * Contested readings: each diverges from the default where its words say it should, and
 * nowhere else, across the casebook and the edge cases; selected by name on the command
 * line; shown with who holds it and a source.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { compareReadings, type ClauseReadings } from '../src/core/compare-readings.js';
import { casus, hasStackTrace } from './helpers/cli.js';
import { SCENARIOS, scenariosAt } from './helpers/project.js';

const { model, scenarios } = scenariosAt(SCENARIOS, join(SCENARIOS, 'edge-cases'));
/** Judged inside each test, so that mutation testing knows which test reads which line of the core. */
const judged = (): Promise<ClauseReadings[]> => compareReadings(model, scenarios);

/** The events (scenario/event) whose verdicts a reading changes. */
function changedEvents(readings: ClauseReadings[], clause: string, id: string): string[] {
  const c = readings.find((x) => x.clause === clause)!;
  return [...new Set((c.divergences[id] ?? []).map((d) => `${d.scenario}/${d.event}`))].sort();
}

describe('contested readings diverge where they should and nowhere else', () => {
  it('NATO without a gravity threshold turns every incident inside the Article 6 area, and only those, into an Article 5 case', async () => {
    const readings = await judged();
    expect(changedEvents(readings, 'nato/art-5', 'no-gravity-threshold')).toEqual([
      'edge-nato-article-6/airspace-incident',
      'nato-article-4-2014-2025/drones-over-poland',
      'nato-article-4-2014-2025/mig-31s-over-estonia',
      'turkey-article-4-2003-2020/akcakale-shelling',
      'turkey-article-4-2003-2020/rf-4e-shot-down',
    ]);
  });

  it('reading Article 5 as answering only states removes the attacks by non-state groups that engaged it (11 September, Paris), and nothing else; Suruc, never determined to be directed from abroad, was not engaged', async () => {
    const readings = await judged();
    expect(changedEvents(readings, 'nato/art-5', 'state-attacker-only')).toEqual([
      'paris-attacks-2015/attacks',
      'september-11-2001/attacks',
    ]);
    const sept11 = readings.find((x) => x.clause === 'nato/art-5')!.divergences['state-attacker-only']!.filter((d) => d.scenario === 'september-11-2001');
    expect(sept11).toHaveLength(18);
    for (const d of sept11) expect([d.default.status, d.reading.status, d.reading.decisive]).toEqual(['obliged', 'not-obliged', 'attacker-is-covered']);
  });

  it('the Rio Treaty read as in September 2001 reaches terrorist attacks by non-state groups, and only those', async () => {
    const readings = await judged();
    expect(changedEvents(readings, 'rio/art-3', 'terrorist-attack-is-attack-on-all')).toEqual(['edge-rio/non-state-attack', 'september-11-2001/attacks']);
    const d = readings.find((x) => x.clause === 'rio/art-3')!.divergences['terrorist-attack-is-attack-on-all']!;
    // The United States never asked under Article 3, so in 2001 the reading makes the duty one owed only on request.
    for (const row of d.filter((x) => x.scenario === 'september-11-2001')) expect(row.reading.status).toBe('obliged-if-requested');
  });

  it("ANZUS with the Pacific Area governing drops the attack on New York and Washington, and no attack on Australia, New Zealand or Guam", async () => {
    const readings = await judged();
    expect(changedEvents(readings, 'anzus/art-4', 'pacific-area-governs')).toEqual(['september-11-2001/attacks']);
  });

  it('the South China Sea read as the Pacific changes only armed attacks on public vessels there before the parties adopted that reading in 2023 (a Philippine vessel in 2020, USS Maddox in the Gulf of Tonkin in 1964), not the water-cannon incident', async () => {
    const readings = await judged();
    expect(changedEvents(readings, 'us-phl/art-4', 'south-china-sea-is-pacific')).toEqual(['edge-us-philippines/vessel-second-thomas-shoal-2020', 'vietnam-1964-1965/maddox-attacked']);
    const changed = readings.find((x) => x.clause === 'us-phl/art-4')!.divergences['south-china-sea-is-pacific']!;
    expect(changed.map((d) => [d.scenario, d.obligor, d.default.status, d.reading.status]).sort()).toEqual([
      ['edge-us-philippines', 'USA', 'not-obliged', 'obliged'],
      ['vietnam-1964-1965', 'PHL', 'not-obliged', 'obliged'],
    ]);
  });

  it('EU 42(7) limited to where EU law applies drops New Caledonia and keeps the Canary Islands', async () => {
    const readings = await judged();
    expect(changedEvents(readings, 'eu/art-42-7', 'eu-law-territory-only')).toEqual(['edge-eu/new-caledonia']);
  });

  it("the CSTO's 2022 reading makes the Kazakhstan deployment an obligation honored instead of help beyond duty, and leaves Osh 2010 under the 1992 text alone", async () => {
    const readings = await judged();
    expect(changedEvents(readings, 'cst/art-4', 'outside-interference-is-aggression')).toEqual(['kazakhstan-2022/unrest']);
    for (const d of readings.find((x) => x.clause === 'cst/art-4')!.divergences['outside-interference-is-aggression']!)
      expect([d.default.assessment, d.reading.status, d.reading.assessment]).toEqual(['beyond-duty', 'obliged', 'honored']);
  });

  it("Armenia's reading of the 2021 incursion as aggression would have bound the members had it asked under Article 4, and changes no other event", async () => {
    const readings = await judged();
    expect(changedEvents(readings, 'cst/art-4', 'incursion-is-aggression')).toEqual(['armenia-appeals-2021/sev-lich-advance']);
    for (const d of readings.find((x) => x.clause === 'cst/art-4')!.divergences['incursion-is-aggression']!)
      expect([d.default.status, d.reading.status]).toEqual(['not-obliged', 'obliged-if-requested']);
  });

  it('every reading names who holds it and a source, the default reading included', async () => {
    const readings = await judged();
    for (const c of readings) {
      expect(c.readings[0]!.id).toBe('default');
      for (const r of c.readings) {
        expect(r.heldBy.length, `${c.clause} ${r.id}`).toBeGreaterThan(0);
        expect(r.sources.length, `${c.clause} ${r.id}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('casus run with readings', () => {
  it('--interpretations all shows each reading with who holds it, its source, and the verdicts it changes', () => {
    const r = casus(['run', 'scenarios/september-11-2001.yaml', '--interpretations', 'all']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('nato/art-5: 5 readings');
    expect(r.stdout).toContain('held by: International Court of Justice, Legal Consequences of the Construction of a Wall');
    expect(r.stdout).toContain('source:  ICJ, Legal Consequences of the Construction of a Wall');
    expect(r.stdout).toMatch(/state-attacker-only changes 18 verdicts/);
    expect(r.stdout).toMatch(/september-11-2001\s+attacks\s+2001-09-11\s+DEU\s+obliged\/honored\s+not-obliged\/beyond-duty \(attacker-is-covered fails\)/);
    expect(r.stdout).toContain('no-gravity-threshold changes no verdict in these scenarios');
  });

  it('--interpretation NAME applies one reading to the report', () => {
    const rows = (args: string[]) =>
      JSON.parse(casus(['run', 'scenarios/kazakhstan-2022.yaml', '--format', 'json', '--clause', 'cst/art-4', '--obligor', 'RUS', ...args]).stdout).scenarios[0].verdicts;
    expect(rows([])[0]).toMatchObject({ status: 'not-obliged', assessment: 'beyond-duty' });
    expect(rows(['--interpretation', 'outside-interference-is-aggression'])[0]).toMatchObject({ status: 'obliged', assessment: 'honored' });
  });

  it('the text report says which reading it applied, and who holds it', () => {
    const r = casus(['run', 'scenarios/kazakhstan-2022.yaml', '--interpretation', 'outside-interference-is-aggression', '--clause', 'cst/art-4']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      "Reading applied to cst/art-4: outside-interference-is-aggression, held by The Collective Security Council, 2022-01-06: forces sent to Kazakhstan 'in accordance with Article 4', citing a threat caused 'inter alia by outside interference'; President Tokayev of Kazakhstan, who called the January 2022 events an attack by 'terrorist gangs' trained abroad",
    );
    // Judged under that reading the row is obliged, and marked contested: the default reading would not oblige.
    expect(r.stdout).toMatch(/RUS\s+cst\/art-4\s+obliged ⚖ contested\s+military-aid\s+honored/);
  });

  it('an unknown reading is a user mistake: exit 2 with the near miss, no stack trace', () => {
    const r = casus(['run', 'scenarios/kazakhstan-2022.yaml', '--interpretation', 'outside-interference']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('unknown interpretation "outside-interference"');
    expect(r.stderr).toContain('outside-interference-is-aggression');
    expect(hasStackTrace(r.stderr)).toBe(false);
    const s = casus(['run', 'scenarios/kazakhstan-2022.yaml', '--interpretations', 'some']);
    expect(s.exitCode).toBe(2);
    expect(s.stderr).toContain('--interpretations takes "all"');
  });
});
