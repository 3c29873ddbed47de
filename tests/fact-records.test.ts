/**
 * The fact records (src/core/facts/): each fact is one record, and the
 * what-if changes a record offers really give its fact the value asked for,
 * checked by deriving the facts again on the changed document.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { applyChanges, changesFor, deriveFacts, documentOf, FACT_CATALOGUE, findStep, splitDocument, type FactValue } from '../src/core/index.js';
import { scenariosAt, SCENARIOS } from './helpers/project.js';

const { model, scenarios } = scenariosAt(join(SCENARIOS, 'nagorno-karabakh-2023.yaml'));
const scenario = scenarios[0]!;
const doc = documentOf(model, scenario);

function factsOf(d: typeof doc, eventId: string, obligor: string) {
  const { model: m, scenario: s } = splitDocument(d);
  const { step } = findStep(m, s, eventId);
  const treaty = step!.situation.treaties.find((t) => t.id === 'cst')!;
  const ctx = { world: step!.situation.world, treaty, clauseRef: 'cst/art-4', event: step!.event, obligor, events: s.events };
  return { facts: deriveFacts(ctx), ctx };
}

const DOMAIN: Record<string, FactValue[]> = { placeTags: [['a-new-tag']] };

describe('one record per fact', () => {
  it('every record has an id, a type and a description, and ids are unique', () => {
    expect(new Set(FACT_CATALOGUE.map((f) => f.id)).size).toBe(FACT_CATALOGUE.length);
    for (const f of FACT_CATALOGUE) {
      expect(f.description.length, f.id).toBeGreaterThan(10);
      if (f.type === 'enum') expect(f.values?.length, f.id).toBeGreaterThan(1);
    }
  });

  it('the request facts are the facts about who asked whom', () => {
    // designatedStateInvitedAction: under SEATO's protocol a designated state must invite action before any is taken.
    expect(FACT_CATALOGUE.filter((f) => f.request).map((f) => f.id).sort()).toEqual(['aidRequestedUnderClause', 'anyPartyRequestedUnderClause', 'designatedStateInvitedAction', 'treatyInvokedByTarget']);
  });

  const event = scenario.events[0]!.id;
  const { facts, ctx } = factsOf(doc, event, 'KAZ');
  const cases = FACT_CATALOGUE.filter((f) => f.changesTo).flatMap((f) => {
    const domain = DOMAIN[f.id] ?? (f.type === 'boolean' ? [true, false] : [...(f.values ?? [])]);
    return domain.filter((v) => JSON.stringify(v) !== JSON.stringify(facts[f.id])).map((v) => [f.id, v] as const);
  });

  it.each(cases)('the changes offered to set %s to %j give it that value', (id, value) => {
    const offered = changesFor(id, value, ctx);
    for (const { change } of offered) {
      const changed = applyChanges(doc, [change]).result;
      const after = factsOf(changed, event, 'KAZ').facts[id];
      if (id === 'placeTags') expect(after).toEqual(expect.arrayContaining(value as string[]));
      else expect(after, JSON.stringify(change)).toEqual(value);
    }
  });
});
