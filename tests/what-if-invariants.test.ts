/**
 * What-if invariants, as properties over the casebook (fast-check): an empty
 * change gives identical verdicts; immer's patches replay a change and its
 * inverse patches give back the base; memoized and naive sweeps agree; and a what-if
 * agrees with the same scenario edited by hand and judged by simulate alone.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyPatches } from 'immer';
import {
  applyWhatIf, ClauseEvaluator, documentOf, judgeDocument, runWhatIf, simulateScenario, sweep,
  type SweepDimension, type WhatIfDocument,
} from '../src/core/index.js';
import { eventKind, targetKind } from '../src/schema/common.js';
import type { Change } from '../src/schema/scenario.js';
import { SCENARIOS, scenariosAt } from './helpers/project.js';

const { model, scenarios } = scenariosAt(SCENARIOS);
const docs = scenarios.map((s) => documentOf(model, s));
const CST = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK', 'UZB'];
const DATES = ['1991-12-26', '2010-06-10', '2020-09-27', '2022-01-02', '2022-09-13', '2023-09-19'];

/** A change that names things the casebook has, shaped as what-if files write them. */
const changeSpec = fc.oneof(
  fc.record({ t: fc.constant('kind' as const), e: fc.nat(), kind: fc.constantFrom(...eventKind.options) }),
  fc.record({ t: fc.constant('targetKind' as const), e: fc.nat(), kind: fc.constantFrom(...targetKind.options) }),
  fc.record({ t: fc.constant('request' as const), e: fc.nat(), clause: fc.constantFrom('cst/art-4', 'cst/art-2'), to: fc.constantFrom(undefined, 'cst', 'RUS') }),
  fc.record({ t: fc.constant('noRequests' as const), e: fc.nat() }),
  fc.record({ t: fc.constant('attacker' as const), e: fc.nat(), attacker: fc.constantFrom(undefined, 'AZE', 'kazakhstan-armed-groups') }),
  fc.record({ t: fc.constant('recognition' as const), by: fc.constantFrom(...CST), territory: fc.constantFrom('nagorno-karabakh', 'crimea'), sovereign: fc.constantFrom('ARM', 'AZE', 'RUS', 'UKR', null), from: fc.constantFrom(...DATES) }),
  fc.record({ t: fc.constant('membership' as const), state: fc.constantFrom(...CST), status: fc.constantFrom('member', 'suspended', 'frozen', 'withdrawn'), from: fc.constantFrom(...DATES) }),
  fc.record({ t: fc.constant('dropTest' as const), code: fc.constantFrom('requested', 'territory-is-targets', 'event-is-covered', 'attacker-is-covered') }),
);
type Spec = typeof changeSpec extends fc.Arbitrary<infer T> ? T : never;

function toChange(doc: WhatIfDocument, spec: Spec): Change {
  const event = 'e' in spec ? doc.events[spec.e % doc.events.length]! : undefined;
  const at = `events.${event?.id}`;
  switch (spec.t) {
    case 'kind': return { set: `${at}.kind`, value: spec.kind };
    case 'targetKind': return { set: `${at}.targetKind`, value: spec.kind };
    case 'request': return { add: `${at}.requests`, value: { by: event!.target, clause: spec.clause, date: event!.date, ...(spec.to ? { to: spec.to } : {}) } };
    case 'noRequests': return { set: `${at}.requests`, value: [] };
    case 'attacker': return spec.attacker === undefined ? { set: `${at}.note`, value: 'no attacker change' } : { set: `${at}.attacker`, value: spec.attacker };
    case 'recognition': return { add: 'world.recognitions', value: { by: spec.by, territory: spec.territory, sovereign: spec.sovereign, from: spec.from } };
    case 'membership': return { add: 'world.memberships', value: { treaty: 'cst', state: spec.state, status: spec.status, from: spec.from } };
    case 'dropTest': return { remove: `treaties.cst.clauses.art-4.versions.2012-12-19.conditions.all.${spec.code}` };
  }
}

const caseArb = fc.record({
  i: fc.nat({ max: docs.length - 1 }),
  specs: fc.array(changeSpec, { maxLength: 4 }),
}).map(({ i, specs }) => {
  const doc = docs[i]!;
  // Each test of the clause can be dropped once: a second drop has nothing to address.
  const seen = new Set<string>();
  const changes = specs.filter((s) => s.t !== 'dropTest' || (!seen.has(s.code) && seen.add(s.code))).map((s) => toChange(doc, s));
  return { doc, scenario: scenarios[i]!, changes };
});

describe('what-if invariants', () => {
  it('an empty change gives identical verdicts, no patch and no flip', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: scenarios.length - 1 }), async (i) => {
        const s = scenarios[i]!;
        const report = await runWhatIf(model, s, [{ id: 'empty', title: 'nothing changed', changes: [] }]);
        expect(report.variant.verdicts).toEqual(report.base.verdicts);
        expect(report.base.verdicts).toEqual((await simulateScenario(model, s)).verdicts);
        expect(report.patches).toEqual([]);
        expect(report.flips).toBe(0);
      }),
      { numRuns: 20 },
    );
  });

  it("a change's patches replay it, and its inverse patches give back the base and the base's verdicts", async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ doc, changes }) => {
        const applied = applyWhatIf(doc, changes);
        expect(applyPatches(doc, applied.patches)).toEqual(applied.result);
        const restored = applyPatches(applied.result, applied.inversePatches);
        expect(restored).toEqual(doc);
        expect((await judgeDocument(restored)).verdicts).toEqual((await judgeDocument(doc)).verdicts);
      }),
      { numRuns: 60 },
    );
  });

  const FACT_DOMAINS: Array<[string, unknown[]]> = [
    ['aidRequestedUnderClause', [false, true]],
    ['eventKind', [...eventKind.options]],
    ['attackerKind', ['state', 'non-state', 'none']],
    ['territoryBelongsToTargetInObligorsView', [false, true]],
    ['obligorStatusOnDate', ['member', 'suspended', 'frozen', 'withdrawn', 'none']],
    ['placeIsIsland', [false, true]],
    ['targetKind', [...targetKind.options]],
  ];
  const dimensionsArb = fc
    .uniqueArray(fc.nat({ max: FACT_DOMAINS.length - 1 }), { minLength: 1, maxLength: 3 })
    .chain((indices) =>
      fc.tuple(...indices.map((i) => fc.subarray(FACT_DOMAINS[i]![1], { minLength: 1 }).map((values) => ({ kind: 'fact', name: FACT_DOMAINS[i]![0], values }) as SweepDimension))),
    );

  it('memoized and naive sweeps give the same answers on random scenarios, with no more engine runs', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, dimensionsArb, async ({ doc, changes }, dimensions) => {
        const variant = applyWhatIf(doc, changes).result;
        const memo = await sweep(variant, dimensions, { evaluator: new ClauseEvaluator(true) });
        const naive = await sweep(variant, dimensions, { evaluator: new ClauseEvaluator(false) });
        expect(memo.worlds).toEqual(naive.worlds);
        expect(memo.decisive).toEqual(naive.decisive);
        expect(memo.engineRuns).toBeLessThanOrEqual(naive.engineRuns);
      }),
      { numRuns: 40 },
    );
    // 40 random sweeps, memoized and naive: about 26 s on main and 38 s on this branch on the shared
    // two-core machine (the branch's cost here is not understood yet: see notes/i9-law.md); the
    // check is of answers, not speed, so the harness limit is raised rather than the runs cut.
  }, 90_000);

  it('memoized and naive judgments give the same full verdicts, reasons and words included', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ doc, changes }) => {
        const variant = applyWhatIf(doc, changes).result;
        const a = await judgeDocument(variant, { judge: { evaluator: new ClauseEvaluator(true) } });
        const b = await judgeDocument(variant, { judge: { evaluator: new ClauseEvaluator(false) } });
        expect(a).toEqual(b);
      }),
      { numRuns: 40 },
    );
  });

  it('a what-if gives the verdicts of the same scenario edited by hand and judged on its own', async () => {
    // The what-if path (immer document, change paths, judgeDocument) against a plain object edit
    // of the scenario judged by simulateScenario: the two share only the judging of rows.
    const edits = fc.oneof(
      fc.record({ t: fc.constant('request' as const), clause: fc.constantFrom('cst/art-4', 'cst/art-2', 'nato/art-4', 'nato/art-5') }),
      fc.record({ t: fc.constant('kind' as const), kind: fc.constantFrom(...eventKind.options) }),
      fc.record({ t: fc.constant('recognition' as const), by: fc.constantFrom(...CST), sovereign: fc.constantFrom('ARM', 'AZE', 'RUS', null) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: scenarios.length - 1 }), fc.nat(), edits, async (i, e, edit) => {
        const scenario = scenarios[i]!;
        const event = scenario.events[e % scenario.events.length]!;
        let change: Change;
        let byHand: typeof scenario;
        if (edit.t === 'request') {
          const request = { by: event.target, clause: edit.clause, date: event.date };
          change = { add: `events.${event.id}.requests`, value: request };
          byHand = { ...scenario, events: scenario.events.map((x) => (x === event ? { ...x, requests: [...(x.requests ?? []), request] } : x)) };
        } else if (edit.t === 'kind') {
          change = { set: `events.${event.id}.kind`, value: edit.kind };
          byHand = { ...scenario, events: scenario.events.map((x) => (x === event ? { ...x, kind: edit.kind } : x)) };
        } else {
          const recognition = { by: edit.by, territory: event.territory, sovereign: edit.sovereign, from: event.date };
          change = { add: 'world.recognitions', value: recognition };
          byHand = { ...scenario, world: { ...scenario.world, recognitions: [...(scenario.world?.recognitions ?? []), recognition] } };
        }
        const report = await runWhatIf(model, scenario, [{ id: 'edit', title: 'one edit', changes: [change] }]);
        expect(report.variant.verdicts).toEqual((await simulateScenario(model, byHand)).verdicts);
      }),
      { numRuns: 30 },
    );
  });

  it('judgments run at the same time give the same verdicts as one at a time (engines are not shared between runs)', async () => {
    const alone: unknown[] = [];
    for (const doc of docs) alone.push(await judgeDocument(doc, { judge: { evaluator: new ClauseEvaluator(false) } }));
    const together = await Promise.all(docs.map((doc) => judgeDocument(doc, { judge: { evaluator: new ClauseEvaluator(false) } })));
    expect(together).toEqual(alone);
  });
});
