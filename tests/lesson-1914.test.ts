/**
 * The lesson "Why Italy stayed out in 1914" says what the shipped 1914 case judges: every cell
 * it opens is a row of the case, with the status and the failing test its words describe. If a
 * verdict of the case changes, the lesson's words are wrong, and this fails.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, casus } from './helpers/cli.js';

type Row = { event: string; clause: string; obligor: string; status: string; assessment: string; reasons: { code: string; holds: boolean }[]; contested?: { reading: string }[] };
type Step = { case: string; event: string; cell?: { clause: string; obligor: string } };

const lesson = parse(readFileSync(join(ROOT, 'scenarios', 'lessons', 'why-italy-stayed-out-1914.yaml'), 'utf8')) as { steps: Step[] };
let cached: Row[] | undefined;
const rows = (): Row[] => {
  if (cached) return cached;
  const r = casus(['run', 'scenarios/july-august-1914.yaml', '--format', 'json']);
  expect(r.exitCode).toBe(0);
  return (cached = JSON.parse(r.stdout).scenarios[0].verdicts as Row[]);
};
const row = (event: string, clause: string, obligor: string): Row | undefined =>
  rows().find((v) => v.event === event && v.clause === clause && v.obligor === obligor);
const failing = (v: Row) => v.reasons.filter((r) => !r.holds).map((r) => r.code);

describe('the lesson "Why Italy stayed out in 1914"', () => {
  it('walks the shipped 1914 case only, and every cell it opens is a row of it', () => {
    expect(new Set(lesson.steps.map((s) => s.case))).toEqual(new Set(['july-august-1914']));
    for (const s of lesson.steps.filter((s) => s.cell)) expect(row(s.event, s.cell!.clause, s.cell!.obligor)).toBeDefined();
  });

  it('on 4 August Article III did not bind Italy: the count of Great Powers held, "without direct provocation" failed', () => {
    const v = row('britain-declares-war-on-germany', 'triple-alliance/art-3', 'ITA')!;
    expect([v.status, v.assessment]).toEqual(['not-obliged', 'consistent']);
    expect(failing(v)).toEqual(['unprovoked']);
    expect(v.reasons.find((r) => r.code === 'two-or-more-great-powers')?.holds).toBe(true);
  });

  it("France's attack in Alsace was Article II's own case, and only the provocation test failed for Italy; Austria-Hungary owed Germany nothing under Article II", () => {
    const italy = row('french-offensive-in-alsace', 'triple-alliance/art-2', 'ITA')!;
    expect([italy.status, italy.assessment]).toEqual(['not-obliged', 'consistent']);
    expect(failing(italy)).toEqual(['unprovoked']);
    expect(failing(row('french-offensive-in-alsace', 'triple-alliance/art-2', 'AUH')!)).toContain('target-is-covered');
  });

  it('the Franco-Russian convention, with no provocation test, bound France when Germany declared war on Russia, and the row is contested', () => {
    const v = row('germany-declares-war-on-russia', 'franco-russian/art-1', 'FRA')!;
    expect([v.status, v.assessment]).toEqual(['obliged', 'honored']);
    expect(v.contested?.length).toBeGreaterThan(0);
  });

  it("on the German account of the outbreak, the what-if the lesson names, Italy was bound under Articles II and III and its neutrality unmet", () => {
    const r = casus(['what-if', 'scenarios/what-if/july-august-1914-german-account.yaml', '--format', 'json']);
    expect(r.exitCode).toBe(0);
    type Compared = { event: string; clause: string; obligor: string; variant: { status: string; assessment: string }; flipped: boolean };
    const compared = (JSON.parse(r.stdout).rows as Compared[]).filter((v) => v.obligor === 'ITA' && v.clause.startsWith('triple-alliance/'));
    const flipped = compared.filter((v) => v.flipped).map((v) => `${v.event} ${v.clause} ${v.variant.status} ${v.variant.assessment}`);
    expect(flipped).toContain('french-offensive-in-alsace triple-alliance/art-2 obliged unmet');
    expect(flipped).toContain('britain-declares-war-on-germany triple-alliance/art-3 obliged unmet');
  });
});
