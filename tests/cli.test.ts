/** The command line end to end: {exitCode, stdout, stderr} for each command, good input and bad. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { casus, hasStackTrace } from './helpers/cli.js';

const E5 = 'scenarios/armenia-border-2022.yaml';

describe('casus run', () => {
  it('prints, per event, the date, what happened and where, a row per obligor and clause, and a summary', () => {
    const r = casus(['run', E5]);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('2022-09-13');
    expect(r.stdout).toContain('armed attack by Azerbaijan against Armenia, on its own territory');
    expect(r.stdout).toMatch(/RUS\s+cst\/art-4\s+obliged\s+monitoring-mission\s+UNMET\s+Armenia asked for help, and every condition of the clause held/);
    expect(r.stdout).toMatch(/obligations arose \(\d+ settled, \d+ contested\): 6 honored, 6 unmet/);
  });

  it('runs a whole folder: every casebook scenario, with a closing summary over all of them', () => {
    const r = casus(['run', 'scenarios/']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/All \d+ scenarios:/);
    for (const id of ['osh-2010', 'kazakhstan-2022', 'nagorno-karabakh-2023', 'armenia-freeze-2024']) expect(r.stdout).toContain(`scenario ${id}`);
  });

  it('prints plain text without colour codes when NO_COLOR is set, and colour when asked', () => {
    expect(casus(['run', E5]).stdout).not.toContain('\u001b[');
    expect(casus(['run', E5, '--color']).stdout).toContain('\u001b[');
  });

  it('gives the JSON document of the contract', () => {
    const r = casus(['run', E5, '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    const v = doc.scenarios[0].verdicts.find((x: { obligor: string; clause: string }) => x.obligor === 'RUS' && x.clause === 'cst/art-4');
    expect(Object.keys(v)).toEqual(['event', 'date', 'clause', 'obligor', 'beneficiary', 'status', 'duty', 'actual', 'assessment', 'reasons']);
    expect(v).toMatchObject({ event: 'offensive', date: '2022-09-13', beneficiary: 'ARM', status: 'obliged', duty: 'assist-including-military', actual: 'monitoring-mission', assessment: 'unmet' });
    expect(Object.keys(v.reasons[0])).toEqual(['code', 'condition', 'holds', 'because']);
    expect(v.reasons.find((x: { code: string }) => x.code === 'requested')).toMatchObject({ holds: true, because: 'at request of this Member State' });
  });

  it('filters by --clause and --obligor', () => {
    const doc = JSON.parse(casus(['run', E5, '--format', 'json', '--clause', 'cst/art-4', '--obligor', 'RUS']).stdout);
    expect(doc.scenarios[0].verdicts.map((v: { clause: string; obligor: string }) => `${v.clause} ${v.obligor}`)).toEqual(['cst/art-4 RUS']);
  });

  it('refuses an unknown --clause with a suggestion and exit 2', () => {
    const r = casus(['run', E5, '--clause', 'cst/art-5']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('unknown clause "cst/art-5"');
    expect(r.stdout).toBe('');
  });
});

describe('casus explain', () => {
  it("quotes the clause, shows each test and the recognition that decided the territory", () => {
    const r = casus(['explain', 'scenarios/nagorno-karabakh-2023.yaml', '--event', 'offensive', '--clause', 'cst/art-4', '--obligor', 'RUS']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Russia (RUS) under CST Article 4 - collective defence: not obliged');
    expect(r.stdout).toContain('Collective Security Treaty, Article 4 (Collective defence) [cst/art-4]');
    expect(r.stdout).toContain('at request of this Member State');
    expect(r.stdout).toMatch(/✗ fails {2}In Russia's view, the place was not Armenia's territory\.\n\s+code: +territory-is-targets/);
    expect(r.stdout).toContain("in Russia's view Nagorno-Karabakh is Azerbaijan's");
    expect(r.stdout).toContain("Nagorno-Karabakh: Azerbaijan's (no recognition of its own, so the territory's default sovereign)");
  });

  it('names the events that exist when the event id is wrong', () => {
    const r = casus(['explain', E5, '--event', 'ofensive', '--clause', 'cst/art-4', '--obligor', 'RUS']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('did you mean "offensive"?');
  });
});

describe('casus test', () => {
  it('checks every expectation of the casebook and passes', () => {
    const r = casus(['test', 'scenarios/']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/\n\d+ passed, 0 failed\n$/);
  });

  it('exits 1 and says what differed when an expectation is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-'));
    const text = readFileSync(E5, 'utf8').replace('status: obliged, duty: assist-including-military, assessment: unmet', 'status: not-obliged');
    writeFileSync(join(dir, 'wrong.yaml'), text);
    const r = casus(['test', join(dir, 'wrong.yaml')]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('RUS: status is obliged, expected not-obliged');
    expect(r.stdout).toMatch(/\d+ passed, 1 failed/);
  });
});

describe('casus validate', () => {
  it('finds no problem in the shipped scenarios and rules', () => {
    const r = casus(['validate', 'scenarios/', 'rules/']);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/\d+ files checked: no problems/);
  });
});

describe('casus list', () => {
  it('lists the treaties, their clauses and the casebook', () => {
    const r = casus(['list']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('cst/art-4');
    expect(r.stdout).toContain('Art. 4, Collective defence [2 versions: from 1994-04-20; from 2012-12-19]');
    expect(r.stdout).toContain('armenia-border-2022');
  });
});

describe("a user's mistakes exit 2 with file, line, column, field and a suggestion; never a stack trace or half a report", () => {
  const dir = mkdtempSync(join(tmpdir(), 'casus-bad-'));
  const base = readFileSync(E5, 'utf8');
  const cases: Array<[string, string, RegExp[]]> = [
    ['an unknown state code', base.replace('attacker: AZE', 'attacker: RSU'), [/bad\.yaml:\d+:\d+: error \[unknown-state\] events\.offensive\.attacker: unknown state "RSU"/, /did you mean "RUS"/]],
    ['an unknown clause', base.replace('clause: cst/art-4, obligor: UZB', 'clause: cst/art-44, obligor: UZB'), [/\[unknown-clause\] events\.offensive\.expect\[\d\]\.clause: unknown clause "cst\/art-44"/, /did you mean "cst\/art-4"\?/]],
    ['a date that does not exist', base.replace('date: 2022-09-13\n    title', 'date: 2022-02-30\n    title'), [/\[invalid-date\] events\.offensive\.date: string "2022-02-30" is not a date that exists on the calendar/]],
    ['a missing field', base.replace('    target: ARM\n', ''), [/\[missing-field\] events\.offensive\.target: required field is missing/]],
    ['a misspelt field', base.replace('    territory: ARM\n', '    teritory: ARM\n'), [/\[unknown-field\] events\.offensive\.teritory: "teritory" is not a field here/, /did you mean "territory"\?/]],
    ['an unknown event kind', base.replace('kind: armed-attack', 'kind: armed-atack'), [/\[invalid-value\] events\.offensive\.kind/, /did you mean "armed-attack"\?/]],
    ['broken YAML', base.replace('events:\n', 'events:\n  - id: [unclosed\n'), [/bad\.yaml:\d+:\d+: error \[yaml-syntax\]/]],
  ];
  it.each(cases)('%s', (_name, text, patterns) => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, text);
    for (const command of [['run', file], ['validate', file], ['test', file]]) {
      const r = casus(command);
      expect(r.exitCode).toBe(2);
      expect(r.stdout).toBe('');
      for (const p of patterns) expect(r.stderr).toMatch(p);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });

  it('reports every problem in every file, not only the first', () => {
    const a = join(dir, 'a.yaml');
    const b = join(dir, 'b.yaml');
    writeFileSync(a, base.replace('attacker: AZE', 'attacker: RSU').replace('target: ARM', 'target: ARN'));
    writeFileSync(b, base.replace('kind: armed-attack', 'kind: war'));
    const r = casus(['validate', a, b]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('"RSU"');
    expect(r.stderr).toContain('"ARN"');
    expect(r.stderr).toContain('b.yaml');
    expect(r.stderr).toMatch(/3 problems found; nothing was run/);
  });

  it('a file that is not there', () => {
    const r = casus(['run', 'scenarios/nosuch.yaml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('scenarios/nosuch.yaml:1:1: error [unreadable-file] no such file or folder');
  });

  it('an unknown command', () => {
    const r = casus(['rn', 'scenarios/']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('casus:');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
