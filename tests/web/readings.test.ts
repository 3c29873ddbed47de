/** The page's contested readings: which are offered for an event, switching them, and what a copied what-if says of them. */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { explainVerdict, simulateScenario } from '../../src/core/index.js';
import { renderWhatIfYaml } from '../../src/report/render-what-if-file.js';
import { readingComment, readingsFor, readingsInEffect, switchReading } from '../../src/web/readings.js';
import { SCENARIOS, scenariosAt } from '../helpers/project.js';

const { model, scenarios } = scenariosAt(SCENARIOS);
const kazakhstan = scenarios.find((s) => s.id === 'kazakhstan-2022')!;
const OUTSIDE = 'outside-interference-is-aggression';
const INCURSION = 'incursion-is-aggression';

describe('contested readings on the page', () => {
  it('offer, for the clauses shown, each reading with its label, who holds it and a source; clauses without readings are left out', () => {
    const offered = readingsFor(model, ['cst/art-2', 'cst/art-4', 'ru-am-1997/art-3'], '2022-01-02');
    expect(offered.map((c) => c.clause)).toEqual(['cst/art-2', 'cst/art-4']);
    const [art2, art4] = offered;
    expect(art2!.readings.map((r) => r.id)).toEqual(['consultations-on-appeal', 'internal-unrest-threatens-security']);
    expect(art4!.defaultReading?.label).toMatch(/internal unrest is not aggression/);
    expect(art4!.readings.map((r) => r.id)).toEqual([OUTSIDE, INCURSION]);
    const outside = art4!.readings[0]!;
    expect(outside.label).toMatch(/outside interference/);
    expect(outside.heldBy.some((x) => x.includes('Collective Security Council'))).toBe(true);
    expect(outside.sources[0]!.url).toMatch(/^https:\/\//);
    expect(outside.applies).toBe(true);
  });

  it('mark a reading of the amended wording as not applying to an event before the amendment', () => {
    const [art4] = readingsFor(model, ['cst/art-4'], '2010-06-11');
    expect(art4!.readings.find((r) => r.id === OUTSIDE)).toMatchObject({ applies: false, versionsFrom: '2012-12-19' });
    expect(art4!.readings.find((r) => r.id === INCURSION)?.applies).toBe(true);
    // Switched on, it is not in effect there: the event is judged as the casebook reads it.
    expect(readingsInEffect([art4!], [OUTSIDE])).toEqual([]);
  });

  it('read a clause one way at a time: switching a reading on switches off the other reading of that clause', () => {
    const offered = readingsFor(model, ['cst/art-4', 'nato/art-5'], '2022-01-02');
    let selected = switchReading(offered, [], INCURSION, true);
    expect(selected).toEqual([INCURSION]);
    selected = switchReading(offered, selected, OUTSIDE, true);
    expect(selected).toEqual([OUTSIDE]);
    selected = switchReading(offered, selected, OUTSIDE, false);
    expect(selected).toEqual([]);
    expect(switchReading(offered, [OUTSIDE], 'no-such-reading', true)).toEqual([OUTSIDE]);
  });

  it('Kazakhstan 2022: judged under the reading that counts outside interference as aggression, the CSTO members are obliged under Article 4', async () => {
    const offered = readingsFor(model, ['cst/art-4'], '2022-01-02');
    const interpretations = readingsInEffect(offered, switchReading(offered, [], OUTSIDE, true)).map((r) => r.id);
    const base = await simulateScenario(model, kazakhstan);
    const read = await simulateScenario(model, kazakhstan, { interpretations });
    const art4 = (r: typeof base) => Object.fromEntries(r.verdicts.filter((v) => v.clause === 'cst/art-4').map((v) => [v.obligor, v.status]));
    expect(art4(base).RUS).toBe('not-obliged');
    expect(art4(read).RUS).toBe('obliged');
    expect(read.verdicts.find((v) => v.clause === 'cst/art-4' && v.obligor === 'RUS')?.reading).toBe(OUTSIDE);
    // The explanation is judged under the same reading, and says so.
    const x = await explainVerdict(model, kazakhstan, 'unrest', 'cst/art-4', 'RUS', { interpretations });
    expect('field' in x ? undefined : x.verdict).toMatchObject({ status: 'obliged', reading: OUTSIDE });
    const plain = await explainVerdict(model, kazakhstan, 'unrest', 'cst/art-4', 'RUS');
    expect('field' in plain ? undefined : plain.verdict).toMatchObject({ status: 'not-obliged', reading: null });
  });

  it('a copied what-if file says in a comment which reading was on, and stays a valid what-if', () => {
    const [art4] = readingsFor(model, ['cst/art-4'], '2022-01-02');
    const comment = readingComment(readingsInEffect([art4!], [OUTSIDE]), 'kazakhstan-2022.yaml');
    expect(readingComment([], 'kazakhstan-2022.yaml')).toBeUndefined();
    const yaml = renderWhatIfYaml({
      id: 'kazakhstan-2022-what-if', title: 'What if KAZ had not invoked cst/art-4?', base: 'kazakhstan-2022.yaml',
      changes: [{ set: 'events.unrest.requests', value: [] }], ...(comment ? { comment } : {}),
    });
    expect(yaml).toContain(`# judged under the reading: ${OUTSIDE}\n`);
    expect(yaml).toContain(`# (a reading is not a change, so this file does not carry it; casus run kazakhstan-2022.yaml --interpretation ${OUTSIDE} applies it)\n`);
    expect(parse(yaml)).toMatchObject({ base: 'kazakhstan-2022.yaml', changes: [{ set: 'events.unrest.requests', value: [] }] });
  });
});
