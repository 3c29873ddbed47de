/**
 * The rules read like the treaty: every clause version has its article, the
 * quoted operative words and a source, and every test names a reason code, the
 * treaty words it encodes, and a fact from the catalogue.
 */
import { describe, expect, it } from 'vitest';
import type { Condition } from '../src/schema/treaty.js';
import { FACT_IDS } from '../src/core/index.js';
import { shippedRules } from './helpers/project.js';

const rules = shippedRules();

function leaves(c: Condition): Array<Record<string, unknown>> {
  if ('all' in c) return c.all.flatMap(leaves);
  if ('any' in c) return c.any.flatMap(leaves);
  if ('not' in c) return leaves(c.not);
  return [c as Record<string, unknown>];
}

describe('the shipped rules', () => {
  it('load without a single diagnostic', () => expect(rules.diagnostics).toEqual([]));

  describe.each(rules.model.treaties.map((t) => [t.id, t] as const))('treaty %s', (_id, treaty) => {
    it('names its sources', () => expect(treaty.sources.length).toBeGreaterThan(0));
    for (const clause of treaty.clauses) {
      it(`${treaty.id}/${clause.id}: every version has article, quoted words, a source, a duty and what satisfies it`, () => {
        expect(clause.article).toMatch(/\S/);
        for (const v of clause.versions) {
          expect(v.text.trim().length).toBeGreaterThan(40);
          expect(v.source.title).toMatch(/\S/);
          expect(v.duty).toMatch(/\S/);
          expect(v.satisfiedBy.length).toBeGreaterThan(0);
        }
      });
      it(`${treaty.id}/${clause.id}: every condition reads a catalogue fact and says which treaty words it encodes`, () => {
        for (const v of clause.versions) {
          for (const leaf of leaves(v.conditions)) {
            if ('condition' in leaf) continue;
            expect(FACT_IDS.has(String(leaf.fact)), `fact ${String(leaf.fact)}`).toBe(true);
            expect(String(leaf.because)).toMatch(/\S/);
            expect(String(leaf.code)).toMatch(/^[a-z-]+$/);
          }
        }
      });
    }
  });

  it('the CST Article 4 gains its request condition with the 2010 amendment, and not before', () => {
    const art4 = rules.model.treaties.find((t) => t.id === 'cst')!.clauses.find((c) => c.id === 'art-4')!;
    const codes = art4.versions.map((v) => leaves(v.conditions).map((l) => l.code));
    expect(codes[0]).not.toContain('requested');
    expect(codes[1]).toContain('requested');
    expect(art4.versions[1]!.dateNote).toMatch(/not confirmed/);
  });
});
