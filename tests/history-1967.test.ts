/**
 * June 1967 under the Arab League treaty and the Egyptian-Jordanian pact: the verdicts the
 * case exists to show, asserted on the JSON report of the real files through the CLI. Who began
 * the war decides every row, so each row must say so, and the other reading must flip it.
 */
import { describe, expect, it } from 'vitest';
import { casus } from './helpers/cli.js';

type Row = {
  event: string;
  clause: string;
  obligor: string;
  beneficiary: string;
  status: string;
  assessment: string;
  contested?: { reading: string; status: string }[];
};

const rowsOf = (...extra: string[]): Row[] => {
  const r = casus(['run', 'scenarios/june-1967.yaml', '--format', 'json', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout).scenarios[0].verdicts;
};

// The default report is read once and shared by the tests that only look at it.
let defaultRows: Row[] | undefined;
const shipped = (): Row[] => (defaultRows ??= rowsOf());

describe('June 1967', () => {
  it("on 5 June every other party to the Arab League treaty owed Egypt aid, and each row names Israel's reading as the one that would undo it", () => {
    const rows = shipped().filter((v) => v.event === 'israeli-air-strike' && v.clause === 'arab-jdec/art-2');
    expect(rows.map((v) => v.obligor).sort()).toEqual(['DZA', 'IRQ', 'JOR', 'KWT', 'LBN', 'LBY', 'MAR', 'SAU', 'SDN', 'SYR', 'TUN', 'YEM']);
    for (const v of rows) {
      expect(v.beneficiary).toBe('EGY');
      expect(v.status).toBe('obliged');
      expect(v.contested).toEqual([expect.objectContaining({ reading: 'first-act-of-war-was-the-victims', status: 'not-obliged' })]);
    }
  });

  it('Jordan, Syria and Iraq, which fought from 5 June, honored the treaty on the default reading; the parties with nothing recorded stay unrecorded, not unmet', () => {
    const rows = shipped().filter((v) => v.event === 'israeli-air-strike' && v.clause === 'arab-jdec/art-2');
    const by = Object.fromEntries(rows.map((v) => [v.obligor, v.assessment]));
    expect(by).toMatchObject({ JOR: 'honored', SYR: 'honored', IRQ: 'honored', LBN: 'unrecorded', SAU: 'unrecorded' });
    expect(Object.values(by)).not.toContain('unmet');
  });

  it("read as Israel read it (the closure of the straits was Egypt's act of war), the treaty owed Egypt nothing and Jordan's war went beyond duty", () => {
    const rows = rowsOf('--interpretation', 'first-act-of-war-was-the-victims').filter((v) => v.clause === 'arab-jdec/art-2');
    expect(rows.length).toBeGreaterThan(0);
    for (const v of rows) expect(v.status).toBe('not-obliged');
    const jordan = rows.find((v) => v.event === 'israeli-air-strike' && v.obligor === 'JOR')!;
    expect(jordan.assessment).toBe('beyond-duty');
    expect(jordan.contested).toEqual([expect.objectContaining({ reading: 'default', status: 'obliged' })]);
  });

  it('under the pact of 30 May Egypt owed Jordan once Israel attacked it, and Iraq, a party from 4 June, owed both', () => {
    const pact = shipped().filter((v) => v.clause === 'uar-jordan-1967/art-1');
    const key = (v: Row) => `${v.event}:${v.obligor}:${v.status}`;
    expect(pact.map(key).sort()).toEqual([
      'israel-attacks-jordan:EGY:obliged',
      'israel-attacks-jordan:IRQ:obliged',
      'israeli-air-strike:IRQ:obliged',
      'israeli-air-strike:JOR:obliged',
    ]);
  });
});
