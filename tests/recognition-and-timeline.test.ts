/** Territory is judged from each obligor's own recognition; a timeline's effects change the world from their date. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkExpectations, expectationsOf, simulate, sovereigntyInViewOf } from '../src/core/index.js';
import { FIXTURES, scenariosAt } from './helpers/project.js';

describe('recognition decides whose territory it is, obligor by obligor', () => {
  const { model, scenarios } = scenariosAt(join(FIXTURES, 'crimea-strike-hypothetical.yaml'));

  it("a strike on Crimea is an attack on Russia in Russia's view and on Ukraine in Kazakhstan's", () => {
    expect(sovereigntyInViewOf(model.world, 'crimea', 'RUS', '2023-06-01').sovereign).toBe('RUS');
    expect(sovereigntyInViewOf(model.world, 'crimea', 'KAZ', '2023-06-01').sovereign).toBe('UKR');
    expect(sovereigntyInViewOf(model.world, 'crimea', 'RUS', '2014-01-01').sovereign).toBe('UKR');
  });

  it.each(
    (() => {
      const s = scenarios[0]!;
      return expectationsOf(s).map((e) => [e.says ?? e.obligor, e] as const);
    })(),
  )('%s', async (_says, e) => {
    const report = await simulate(model, scenarios);
    const [result] = checkExpectations(report.scenarios[0]!, [e]);
    expect(result!.problems).toEqual([]);
  });
});

describe('a scenario is a timeline of world states', () => {
  const { model, scenarios } = scenariosAt(join(FIXTURES, 'timeline-hypothetical.yaml'));

  it('an effect changes the world from its event on, in date order whatever the order in the file', async () => {
    const report = await simulate(model, scenarios);
    const results = checkExpectations(report.scenarios[0]!, expectationsOf(scenarios[0]!));
    expect(results.filter((r) => !r.passed)).toEqual([]);
    expect(report.scenarios[0]!.events.map((e) => e.id)).toEqual(['first-attack', 'withdrawal', 'second-attack']);
  });

  it('the shared world is left untouched by a scenario\'s effects', async () => {
    const before = JSON.stringify(model.world.memberships);
    await simulate(model, scenarios);
    expect(JSON.stringify(model.world.memberships)).toBe(before);
    expect(model.world.memberships.some((m) => m.state === 'KGZ')).toBe(false);
  });
});
