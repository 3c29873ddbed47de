/** casus sweep: every combination judged, counted, and the decisive dimensions named. */
import { describe, expect, it } from 'vitest';
import { casus, hasStackTrace } from './helpers/cli.js';
import { FACT_CATALOGUE } from '../src/core/fact-catalogue.js';

const E5 = 'scenarios/armenia-border-2022.yaml';

describe('casus sweep', () => {
  it('judges every combination of a fact and a path, with counts per status and the decisive dimensions', () => {
    const r = casus(['sweep', E5, '--vary', 'aidRequestedUnderClause', '--vary', 'events.offensive.kind=[armed-attack, armed-clash]', '--clause', 'cst/art-4', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc.worlds.map((w: { values: Record<string, string> }) => Object.values(w.values))).toEqual([
      ['false', 'armed-attack'], ['false', 'armed-clash'], ['true', 'armed-attack'], ['true', 'armed-clash'],
    ]);
    expect(doc.worlds.map((w: { counts: Record<string, number> }) => w.counts)).toEqual([
      { obliged: 0, 'obliged-if-requested': 5, 'not-obliged': 1 },
      { obliged: 0, 'obliged-if-requested': 0, 'not-obliged': 6 },
      { obliged: 5, 'obliged-if-requested': 0, 'not-obliged': 1 },
      { obliged: 0, 'obliged-if-requested': 0, 'not-obliged': 6 },
    ]);
    expect(doc.decisive).toEqual([
      { name: 'aidRequestedUnderClause', pairs: 2, flips: 1 },
      { name: 'events.offensive.kind', pairs: 2, flips: 2 },
    ]);
  });

  it('a fact no clause reads is never decisive, and its worlds never reach the engine again', () => {
    const r = casus(['sweep', E5, '--vary', 'placeIsIsland', '--vary', 'territoryBelongsToTargetInObligorsView']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Decisive: territoryBelongsToTargetInObligorsView/);
    expect(r.stdout).toContain('Never decisive here: placeIsIsland');
    const doc = JSON.parse(casus(['sweep', E5, '--vary', 'placeIsIsland', '--vary', 'territoryBelongsToTargetInObligorsView', '--format', 'json']).stdout);
    const verdicts = doc.worlds.reduce((n: number, w: { verdicts: unknown[] }) => n + w.verdicts.length, 0);
    expect(doc.engineRuns).toBeLessThan(verdicts / 4);
  });

  it('a path with no values given toggles between as is and removed', () => {
    const r = casus(['sweep', 'scenarios/kazakhstan-2022.yaml', '--vary', 'events.unrest.requests', '--vary', 'eventKind=[internal-unrest, armed-attack]', '--vary', 'attackerKind=[none, non-state]', '--clause', 'cst/art-4']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/as is\s+armed-attack\s+non-state\s+5\s+0\s+1/);
    expect(r.stdout).toMatch(/removed\s+armed-attack\s+non-state\s+0\s+5\s+1/);
  });

  it('prints no progress bar when stderr is not a terminal', () => {
    const r = casus(['sweep', E5, '--vary', 'eventKind', '--vary', 'attackerKind', '--vary', 'targetKind']);
    expect(r.exitCode).toBe(0);
    // Every value of each fact varied, in every combination.
    const worlds = ['eventKind', 'attackerKind', 'targetKind'].reduce((n, id) => n * FACT_CATALOGUE.find((f) => f.id === id)!.values!.length, 1);
    expect(worlds).toBeGreaterThan(50);
    expect(r.stdout).toContain(`${worlds} worlds`);
    expect(r.stderr).toBe('');
  });

  it.each([
    [['--vary', 'nosuchFact'], 'is neither a fact nor a path'],
    [['--vary', 'eventKind=[war]'], '"war" is not a value this fact takes'],
    [['--vary', 'events.nosuch.kind=[incident]'], 'no item with id "nosuch" in events; the ids there are: offensive'],
    [['--vary', 'events.offensive.kind=[war]'], '[invalid-value] events.offensive.kind'],
    [['--vary', 'placeLatitude'], 'give its values'],
  ])('refuses a bad --vary %j with exit 2', (args, message) => {
    const r = casus(['sweep', E5, ...args]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe('same input, same bytes', () => {
  it.each([
    [['what-if', 'scenarios/what-if/kazakhstan-2022-official-account.yaml', '--format', 'json']],
    [['why-not', 'scenarios/kazakhstan-2022.yaml', '--clause', 'cst/art-4', '--obligor', 'RUS']],
    [['sweep', E5, '--vary', 'eventKind', '--vary', 'events.offensive.requests', '--format', 'json']],
  ])('casus %j twice', (args) => {
    const a = casus(args);
    expect(a.exitCode).toBe(0);
    expect(casus(args).stdout).toBe(a.stdout);
  });
});
