/**
 * What a row's status and decisive reason rest on: the request is known by the
 * facts a test reads, not by the spelling of its reason code; the decisive
 * reason is the first failing test other than the request; an expectation's
 * `because` holds only when the named reason fails; `rows` counts a clause's rows.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { applyChanges, checkExpectations, simulateScenario, type Model } from '../src/core/index.js';
import { renderText } from '../src/report/render-text.js';
import { scenariosAt, SCENARIOS } from './helpers/project.js';

const border = scenariosAt(join(SCENARIOS, 'armenia-border-2022.yaml'));
const karabakh = scenariosAt(join(SCENARIOS, 'nagorno-karabakh-2023.yaml'));
const noRequest = applyChanges(border.scenarios[0]!, [{ remove: 'events.offensive.requests' }]).result;
const REQUEST_PATH = 'treaties.cst.clauses.art-4.versions.2012-12-19.conditions.all.requested';

async function rus(model: Model, scenario = noRequest) {
  const report = await simulateScenario(model, scenario, { clauses: ['cst/art-4'] });
  return report.verdicts.find((v) => v.obligor === 'RUS')!;
}

describe('obliged if requested is decided by the facts a failing test reads', () => {
  it('with no request, Russia would have been bound had Armenia asked (obliged-if-requested)', async () => {
    expect((await rus(border.model)).status).toBe('obliged-if-requested');
  });

  it('renaming the request test\'s code changes nothing: the test still reads the request fact', async () => {
    const renamed = applyChanges(border.model, [{ set: `${REQUEST_PATH}.code`, value: 'asked-for-help' }]).result;
    const row = await rus(renamed);
    expect(row.status).toBe('obliged-if-requested');
    expect(row.decisive).toBe('asked-for-help');
  });

  it('a test coded "requested" that reads no request fact is an ordinary test: its failing makes the row not obliged', async () => {
    const misnamed = applyChanges(border.model, [{ set: REQUEST_PATH, value: { fact: 'eventKind', operator: 'equal', value: 'threat', code: 'requested', because: 'not a request' } }]).result;
    expect((await rus(misnamed, border.scenarios[0]!)).status).toBe('not-obliged');
  });

  it('the one-line reason of an obliged row says the request was made, because a test of the request held', async () => {
    const text = renderText({ scenarios: [await simulateScenario(border.model, border.scenarios[0]!, { clauses: ['cst/art-4'], obligors: ['RUS'] })] });
    expect(text).toContain('Armenia asked for help, and every condition of the clause held.');
  });
});

describe('the decisive reason', () => {
  it('Karabakh 2023: what decides Russia\'s row is that the place is not Armenia\'s in its view, not the missing request', async () => {
    const report = await simulateScenario(karabakh.model, karabakh.scenarios[0]!, { clauses: ['cst/art-4'], obligors: ['RUS'] });
    const row = report.verdicts[0]!;
    expect(row.reasons.filter((r) => !r.holds).map((r) => r.code)).toEqual(['territory-is-targets', 'requested']);
    expect(row.decisive).toBe('territory-is-targets');
    expect(renderText({ scenarios: [report] })).toContain('In Russia\'s view, the place was not Armenia\'s territory');
  });
});

describe('expectations', () => {
  const row = { event: 'offensive', clause: 'cst/art-4' } as const;
  it('`because` passes only when the named reason fails in the row', async () => {
    const report = await simulateScenario(border.model, noRequest, { clauses: ['cst/art-4'] });
    const [fails, holds] = checkExpectations(report, [
      { ...row, obligor: 'RUS', status: 'obliged-if-requested', because: 'requested' },
      { ...row, obligor: 'RUS', status: 'obliged-if-requested', because: 'treaty-in-force' },
    ]);
    expect(fails!.passed).toBe(true);
    expect(holds!.passed).toBe(false);
    expect(holds!.problems).toEqual(['RUS: treaty-in-force did not fail (failing: requested)']);
  });

  it('`rows` pins how many rows a clause has for the event', async () => {
    const report = await simulateScenario(border.model, border.scenarios[0]!, { clauses: ['cst/art-4'] });
    const count = report.verdicts.length;
    const [right, wrong] = checkExpectations(report, [
      { ...row, obligor: '*', status: ['obliged', 'not-obliged'], rows: count },
      { ...row, obligor: '*', status: ['obliged', 'not-obliged'], rows: count + 1 },
    ]);
    expect(right!.passed).toBe(true);
    expect(wrong!.problems).toContain(`cst/art-4 has ${count} rows for offensive, expected ${count + 1}`);
  });
});
