/**
 * Metamorphic properties over the real casebook, through the core API (fast-check): each
 * changes one thing in a real scenario or in the shipped rules, by plain object edits in
 * this file (not casus's own change machinery), and states how the verdicts may move.
 * - adding a request never removes an obligation;
 * - removing a party from a treaty never adds one;
 * - one obligor's view of a territory changes only that obligor's rows;
 * - an event moved to a date after a party's withdrawal has no row for that party.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulateScenario, type Model, type Verdict } from '../src/core/index.js';
import type { Scenario, ScenarioEvent } from '../src/schema/scenario.js';
import { SCENARIOS, scenariosAt } from './helpers/project.js';

const { model, scenarios } = scenariosAt(SCENARIOS);
/** Enough runs to visit most scenarios, few enough for a 2-core machine. */
const RUNS = { numRuns: 40 };

const clauseRefs = model.treaties.flatMap((t) => t.clauses.map((c) => `${t.id}/${c.id}`));
const states = model.world.states.map((s) => s.id);
const events = scenarios.flatMap((scenario) => scenario.events.map((event) => ({ scenario, event })));
const anEvent = fc.constantFrom(...events);

/** The rows of one event, judged on its own date with everything before it applied. */
async function rowsOf(m: Model, scenario: Scenario, eventId: string): Promise<Verdict[]> {
  return (await simulateScenario(m, scenario, { events: [eventId] })).verdicts;
}
const key = (v: Verdict) => `${v.clause} ${v.obligor}`;
const obliged = (rows: Verdict[]) => rows.filter((v) => v.status === 'obliged').map(key).sort();
/** A scenario with one event replaced. */
const withEvent = (scenario: Scenario, id: string, edit: (e: ScenarioEvent) => ScenarioEvent): Scenario => ({
  ...scenario,
  events: scenario.events.map((e) => (e.id === id ? edit(structuredClone(e)) : e)),
});

describe('metamorphic properties of the verdicts', () => {
  it('adding a request never removes an obligation, nor a row', async () => {
    await fc.assert(
      fc.asyncProperty(anEvent, fc.constantFrom(...clauseRefs), fc.boolean(), async ({ scenario, event }, clause, addressed) => {
        const asked = withEvent(scenario, event.id, (e) => ({
          ...e,
          requests: [...(e.requests ?? []), { by: e.target, date: e.date, ...(addressed ? { clause } : {}) }],
        }));
        const [before, after] = [await rowsOf(model, scenario, event.id), await rowsOf(model, asked, event.id)];
        expect(after.map(key)).toEqual(before.map(key));
        const now = new Map(after.map((v) => [key(v), v.status]));
        for (const k of obliged(before)) expect(now.get(k), k).toBe('obliged');
      }),
      RUNS,
    );
  });

  it('removing a party from a treaty never adds an obligation', async () => {
    const parties = model.treaties.flatMap((t) => [...new Set(t.parties.map((p) => p.state))].map((state) => ({ treaty: t.id, state })));
    await fc.assert(
      fc.asyncProperty(anEvent, fc.constantFrom(...parties), async ({ scenario, event }, { treaty, state }) => {
        const without: Model = {
          world: { ...model.world, memberships: model.world.memberships.filter((m) => !(m.treaty === treaty && m.state === state)) },
          treaties: model.treaties.map((t) => (t.id === treaty ? { ...t, parties: t.parties.filter((p) => p.state !== state) } : t)),
        };
        const [before, after] = [await rowsOf(model, scenario, event.id), await rowsOf(without, scenario, event.id)];
        const had = new Set(obliged(before));
        expect(obliged(after).filter((k) => !had.has(k))).toEqual([]);
        expect(after.filter((v) => v.clause.startsWith(`${treaty}/`) && v.obligor === state)).toEqual([]);
      }),
      RUNS,
    );
  });

  it("changing one obligor's view of the territory changes that obligor's rows only", async () => {
    await fc.assert(
      fc.asyncProperty(anEvent, fc.nat(), fc.constantFrom(null, ...states), async ({ scenario, event }, pick, sovereign) => {
        const before = await rowsOf(model, scenario, event.id);
        const obligors = [...new Set(before.map((v) => v.obligor))];
        fc.pre(obligors.length > 0);
        const by = obligors[pick % obligors.length]!;
        const seen: Scenario = {
          ...scenario,
          world: {
            ...scenario.world,
            recognitions: [...(scenario.world?.recognitions ?? []), { by, territory: event.territory, sovereign, from: event.date }],
          },
        };
        const after = await rowsOf(model, seen, event.id);
        expect(after.map(key)).toEqual(before.map(key));
        const others = (rows: Verdict[]) => rows.filter((v) => v.obligor !== by);
        expect(others(after)).toEqual(others(before));
      }),
      RUNS,
    );
  });

  it("an event moved to a date after a party's withdrawal has no row for that party", async () => {
    // Withdrawals read from the treaty files here: a party entry with an end date, after which
    // no entry of that state in that treaty begins until (at least) the date the event is moved to.
    const withdrawals = model.treaties.flatMap((t) =>
      t.parties.flatMap((p) => {
        if (!p.until) return [];
        const rejoined = t.parties.filter((q) => q.state === p.state && q.from >= p.until!).map((q) => q.from).sort()[0];
        const lastDay = rejoined ?? '2030-01-01';
        return lastDay > p.until ? [{ treaty: t.id, state: p.state, from: p.until, before: lastDay }] : [];
      }),
    );
    // Only the casebook's events under that treaty where the party had a row, and whose world adds no membership.
    const cases: Array<{ scenario: Scenario; event: ScenarioEvent; w: (typeof withdrawals)[number] }> = [];
    for (const scenario of scenarios) {
      const touchesMemberships = (scenario.world?.memberships?.length ?? 0) > 0 || scenario.events.some((e) => JSON.stringify(e.effects ?? []).includes('memberships'));
      if (touchesMemberships) continue;
      for (const event of scenario.events) {
        const rows = await rowsOf(model, scenario, event.id);
        for (const w of withdrawals) if (rows.some((v) => v.treaty === w.treaty && v.obligor === w.state)) cases.push({ scenario, event, w });
      }
    }
    expect(new Set(cases.map((c) => `${c.w.treaty} ${c.w.state}`)).size).toBeGreaterThanOrEqual(3);
    const DAY = 86_400_000;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...cases), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), async ({ scenario, event, w }, at) => {
        const [from, before] = [Date.parse(w.from), Date.parse(w.before)];
        const date = new Date(from + Math.floor((at * (before - from)) / DAY) * DAY).toISOString().slice(0, 10);
        const moved = withEvent(scenario, event.id, (e) => ({
          ...e,
          date,
          requests: e.requests?.map((r) => ({ ...r, date })),
          actual: e.actual?.map((a) => ({ ...a, date })),
        }));
        const rows = await rowsOf(model, moved, event.id);
        expect(rows.filter((v) => v.treaty === w.treaty && v.obligor === w.state), `${w.state} under ${w.treaty} on ${date}`).toEqual([]);
      }),
      RUNS,
    );
  });
});
