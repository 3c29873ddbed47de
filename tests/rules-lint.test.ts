/**
 * The rules read like the treaty: every clause version has its article, the
 * quoted operative words and a source, and every test names a reason code, the
 * treaty words it encodes, and a fact from the catalogue.
 */
import { describe, expect, it } from 'vitest';
import type { Condition } from '../src/schema/treaty.js';
import { FACT_IDS } from '../src/core/index.js';
import { effectiveDefinitions, inlineDefinitions } from '../src/core/evaluate-clause.js';
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

describe('the treaties beyond the CST', () => {
  const treaty = (id: string) => rules.model.treaties.find((t) => t.id === id)!;
  const allLeaves = (id: string) => {
    const t = treaty(id);
    return [
      ...Object.values(t.definitions ?? {}).flatMap(leaves),
      ...t.clauses.flatMap((c) => c.versions.flatMap((v) => leaves(v.conditions))),
    ];
  };

  it('are the eight contract ids and the eight historical treaties', () => {
    expect(rules.model.treaties.map((t) => t.id).sort()).toEqual(['anglo-japanese', 'anglo-polish-1939', 'anzus', 'cst', 'eu', 'franco-russian', 'london-1839', 'nato', 'rio', 'ru-am-1997', 'seato', 'triple-alliance', 'us-jpn', 'us-kor', 'us-phl', 'warsaw']);
  });

  it('NATO lists all 32 members with the date each became bound', () => {
    const nato = treaty('nato');
    expect(new Set(nato.parties.map((p) => p.state)).size).toBe(32);
    const from = Object.fromEntries(nato.parties.map((p) => [p.state, p.from]));
    expect(from).toMatchObject({ USA: '1949-08-24', TUR: '1952-02-18', DEU: '1955-05-06', ESP: '1982-05-30', POL: '1999-03-12', EST: '2004-03-29', MNE: '2017-06-05', MKD: '2020-03-27', FIN: '2023-04-04', SWE: '2024-03-07' });
  });

  it("NATO's Article 6 names no place but those the treaty itself names: it is judged from the place's attributes", () => {
    const named = allLeaves('nato').filter((l) => ['territorySovereignInObligorsView', 'territoryAdministeredByOnDate', 'placeTags'].includes(String(l.fact)));
    // Turkey and the Algerian departments by name; Austria and Germany as the areas where occupation forces stood on
    // 1949-08-24 (Art. 6(2) as amended in 1951); and a kind of water, not a place: the North Atlantic's marginal seas.
    expect(named.map((l) => JSON.stringify(l.value)).sort()).toEqual(['"TUR"', '"algerian-departments-of-france"', '"marginal-sea-of-the-north-atlantic"', '["AUT","DEU"]']);
    const facts = new Set(allLeaves('nato').map((l) => l.fact));
    for (const f of ['placeContinent', 'placeIsIsland', 'placeOcean', 'placeLatitude', 'targetKind']) expect(facts.has(f), f).toBe(true);
  });

  it('NATO Article 5 is read with Article 6 in its 1949 wording, as amended in 1951, and without Algeria from 1962-07-03', () => {
    const art5 = treaty('nato').clauses.find((c) => c.id === 'art-5')!;
    expect(art5.versions.map((v) => [v.from, v.until ?? null])).toEqual([['1949-08-24', '1952-02-18'], ['1952-02-18', '1962-07-03'], ['1962-07-03', null]]);
    // The conditions as judged: definitions inlined, each version with the definitions in force for it.
    const nato = treaty('nato');
    const algeria = art5.versions.map((v) => JSON.stringify(inlineDefinitions(v.conditions, effectiveDefinitions(v, nato))).includes('algerian-departments-of-france'));
    expect(algeria).toEqual([true, true, false]);
    expect(art5.versions[2]!.discretion).toMatch(/deems necessary/);
  });

  it('a clause known only from reports is marked as a paraphrase and says so in its own text', () => {
    const paraphrased = rules.model.treaties.flatMap((t) => t.clauses.flatMap((c) => c.versions.filter((v) => v.paraphrase).map(() => `${t.id}/${c.id}`)));
    expect(paraphrased).toEqual(['anglo-japanese/art-2', 'ru-am-1997/art-2', 'ru-am-1997/art-3']);
    for (const t of rules.model.treaties)
      for (const c of t.clauses) for (const v of c.versions) if (v.paraphrase) expect(v.text, `${t.id}/${c.id} from ${v.from}`).toMatch(/^PARAPHRASE, not the treaty's words/);
  });

  it('the US suspension towards New Zealand is data, read through a fact, not a change to the parties', () => {
    const anzus = treaty('anzus');
    expect(anzus.suspensions).toEqual([expect.objectContaining({ by: 'USA', towards: 'NZL', from: '1986-08-12' })]);
    expect(anzus.parties.map((p) => [p.state, p.status])).toEqual([['AUS', 'member'], ['NZL', 'member'], ['USA', 'member']]);
    expect(allLeaves('anzus').some((l) => l.fact === 'obligationSuspendedTowardsTarget')).toBe(true);
  });

  it('US-Japan Article V turns on administration, not sovereignty', () => {
    const area = allLeaves('us-jpn').filter((l) => l.code === 'in-treaty-area');
    expect(area).toEqual([expect.objectContaining({ fact: 'territoryAdministeredByOnDate', value: 'JPN' })]);
  });

  it('every contested reading replaces a test the clause has, and names who holds it and a source', () => {
    for (const t of rules.model.treaties)
      for (const c of t.clauses) {
        if (!c.interpretations?.length) continue;
        expect(c.defaultReading?.heldBy.length, `${t.id}/${c.id}`).toBeGreaterThan(0);
        for (const r of c.interpretations) {
          expect(r.heldBy.length).toBeGreaterThan(0);
          expect(r.sources.length).toBeGreaterThan(0);
        }
      }
  });
});
