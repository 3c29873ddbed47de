/**
 * The README's commands, run as a reader would, checked on what they print: a verdict the
 * README promises, or a count worked out here from the files themselves (not from casus).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { casus, ROOT } from './helpers/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

const yamlIn = (dir: string) => readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.yaml')).sort();
const yamlUnder = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? yamlUnder(join(dir, d.name)) : d.name.endsWith('.yaml') ? [join(dir, d.name)] : [],
  );
/** How many `expect` entries the YAML files directly in `dir` hold, counted from the YAML. */
const expectCount = (dir: string) =>
  yamlIn(dir)
    .map((f) => parse(readFileSync(join(ROOT, dir, f), 'utf8')) as { events?: { expect?: unknown[] }[]; expect?: unknown[] })
    .reduce((n, doc) => n + (doc.expect?.length ?? 0) + (doc.events ?? []).reduce((m, e) => m + (e.expect?.length ?? 0), 0), 0);
/** A row of the text table: obligor, clause, then the words that follow, in order. */
const rowOf = (...words: string[]) => new RegExp(`^\\s+${words.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('\\s+')}`, 'm');

/** What each README command must print. A command the README gains needs a check here. */
const CHECKS: Record<string, (out: string) => void> = {
  'run scenarios/': (out) => {
    expect(out).toMatch(new RegExp(`^All ${yamlIn('scenarios').length} scenarios: \\d+ obligations arose`, 'm'));
    // Armenia, September 2022: Russia was obliged under Article 4 and gave no aid.
    expect(out).toMatch(rowOf('RUS', 'cst/art-4', 'obliged', 'monitoring-mission', 'UNMET', 'Armenia asked for help, and every condition of the clause held.'));
  },
  'run scenarios/ --summary': (out) => {
    expect(out.split('\n')[0]).toMatch(new RegExp(`^Reliability in ${yamlIn('scenarios').length} scenarios, \\d+ events, \\d+ rows$`));
    // Two tables, by treaty and by decade: each line adds up (settled + contested = obliged, and
    // honored + unmet + unrecorded = obliged), the lines add up to "all", and both tables have the same "all".
    const table = (first: string) => {
      const block = out.split('\n\n').find((b) => b.trimStart().startsWith(first))!;
      return [...block.matchAll(/^  ([a-z0-9-]+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+/gm)].map((m) => ({ id: m[1]!, n: m.slice(2, 9).map(Number) }));
    };
    const [byTreaty, byDecade] = [table('treaty'), table('decade')];
    const treatyIds = yamlIn('rules/treaties').map((f) => (parse(readFileSync(join(ROOT, 'rules/treaties', f), 'utf8')) as { id: string }).id);
    expect(byTreaty.map((l) => l.id)).toEqual([...treatyIds.sort(), 'all']);
    for (const lines of [byTreaty, byDecade]) {
      for (const { id, n: [obliged, settled, contested, honored, unmet, unrecorded] } of lines) {
        expect(honored! + unmet! + unrecorded!, id).toBe(obliged);
        expect(settled! + contested!, id).toBe(obliged);
      }
      const all = lines.at(-1)!;
      for (let k = 0; k < 7; k++) expect(lines.slice(0, -1).reduce((sum, l) => sum + l.n[k]!, 0)).toBe(all.n[k]);
    }
    expect(byDecade.at(-1)!.n).toEqual(byTreaty.at(-1)!.n);
  },
  'run scenarios/september-11-2001.yaml --interpretations all': (out) => {
    expect(out).toMatch(/state-attacker-only changes 18 verdicts/);
    expect(out).toMatch(/september-11-2001\s+attacks\s+2001-09-11\s+AUS\s+obliged\/honored\s+not-obliged\/consistent \(in-treaty-area fails\)/);
  },
  'run scenarios/kazakhstan-2022.yaml --interpretation outside-interference-is-aggression': (out) => {
    expect(out).toMatch(/^Reading applied to cst\/art-4: outside-interference-is-aggression, held by /);
    // Under the Council's reading Russia was obliged and honored the duty; the row is marked, since the default reading denies it.
    expect(out).toMatch(rowOf('RUS', 'cst/art-4', 'obliged ⚖ contested', 'military-aid', 'honored'));
  },
  'duties scenarios/falklands-1982.yaml --state USA': (out) => {
    expect(out).toContain('CONFLICT: USA is party to alliances on both sides of this event');
    expect(out).toContain('DUTY CONFLICT: USA owes, or would owe on request, duties to both sides: to ARG under rio/art-3 and to GBR under nato/art-4');
  },
  'run scenarios/armenia-border-2022.yaml --format markdown': (out) => {
    expect(out).toMatch(/^# Azerbaijani offensive into Armenia proper, September 2022$/m);
    expect(out).toContain('| RUS | cst/art-4 | ● obliged | monitoring-mission | ✗ unmet |');
  },
  'run scenarios/nagorno-karabakh-2023.yaml --format html': (out) => {
    expect(out).toMatch(/^<!doctype html>/);
    expect(out).toContain('<title>Azerbaijan&#39;s operation in Nagorno-Karabakh, September 2023</title>');
    expect(out).toMatch(/not obliged/);
  },
  'export --out site/': (out) => expect(out).toMatch(new RegExp(`wrote the classroom page \\(\\d+ files, ${yamlIn('scenarios').length} scenarios\\) to site/`)),
  'run scenarios/armenia-border-2022.yaml --format json': (out) => {
    const rows = (JSON.parse(out).scenarios[0].verdicts as { clause: string; obligor: string; status: string; assessment: string }[]).filter(
      (v) => v.clause === 'cst/art-4',
    );
    expect(rows.filter((v) => v.status === 'obliged').map((v) => v.obligor).sort()).toEqual(['BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']);
    expect(rows.find((v) => v.obligor === 'UZB')?.status).toBe('not-obliged');
  },
  'explain scenarios/armenia-border-2022.yaml --event offensive --clause cst/art-4 --obligor RUS': (out) => {
    expect(out.split('\n')[0]).toBe('Russia (RUS) under CST Article 4 - collective defence: obliged');
    expect(out).toContain('as in force from 2012-12-19');
    expect(out).toMatch(/assessment: unmet/);
  },
  'run scenarios/ --format csv': (out) => {
    const [header, ...rows] = out.trimEnd().split('\r\n');
    expect(header).toBe('scenario,event,date,clause,obligor,beneficiary,status,duty,actual,assessment,decisive,failing');
    expect(rows).toContain('armenia-border-2022,offensive,2022-09-13,cst/art-4,RUS,ARM,obliged,assist-including-military,monitoring-mission,unmet,,');
  },
  'test scenarios/': (out) => expect(out).toMatch(new RegExp(`^${expectCount('scenarios')} passed, 0 failed$`, 'm')),
  'validate scenarios/ rules/': (out) =>
    expect(out.trim()).toBe(`${yamlIn('scenarios').length + yamlUnder('rules').length} files checked: no problems.`),
  list: (out) => {
    for (const f of yamlIn('rules/treaties')) expect(out, f).toMatch(new RegExp(`^  ${(parse(readFileSync(join(ROOT, 'rules/treaties', f), 'utf8')) as { id: string }).id}\\s`, 'm'));
    for (const f of yamlIn('scenarios')) expect(out, f).toMatch(new RegExp(`^  ${f.replace(/\.yaml$/, '')}\\s+\\d{4}-\\d\\d-\\d\\d`, 'm'));
  },
  'what-if scenarios/what-if/nagorno-karabakh-2023-russia-recognizes.yaml': (out) => {
    // Russia's recognition moves Karabakh into Armenia for Russia alone: its two duties flip, no other row does.
    expect(out).toMatch(rowOf('RUS', 'cst/art-4', 'not-obliged · consistent', 'obliged · unmet', 'FLIP', 'territory-is-targets: fails → holds'));
    expect(out).toMatch(rowOf('RUS', 'ru-am-1997/art-3', 'not-obliged · consistent', 'obliged · unmet', 'FLIP'));
    expect(out).toContain('2 verdicts flipped, 0 otherwise changed, of 14 rows');
  },
  'what-if scenarios/nagorno-karabakh-2023.yaml --set events.offensive.kind=armed-clash': (out) => {
    expect(out).toContain('replace  events.offensive.kind = armed-clash');
    expect(out).toMatch(rowOf('RUS', 'cst/art-4', 'not-obliged · consistent', 'not-obliged · consistent', 'changed', 'event-is-covered: holds → fails'));
    expect(out).toContain('0 verdicts flipped');
  },
  'test scenarios/edge-cases/': (out) => expect(out).toMatch(new RegExp(`^${expectCount('scenarios/edge-cases')} passed, 0 failed$`, 'm')),
  'test scenarios/what-if/': (out) => expect(out).toMatch(new RegExp(`^${expectCount('scenarios/what-if')} passed, 0 failed$`, 'm')),
  'why-not scenarios/nagorno-karabakh-2023.yaml --clause cst/art-4 --obligor RUS': (out) => {
    expect(out.split('\n')[0]).toBe('RUS under cst/art-4 for offensive (2023-09-19): not-obliged');
    expect(out).toContain('No single change is enough');
    expect(out).toMatch(/1\. RUS regards Nagorno-Karabakh as ARM's \+ ARM asks for help under cst\/art-4 → obliged/);
  },
  'why-not scenarios/what-if/armenia-border-2022-no-request.yaml --clause cst/art-4 --obligor RUS': (out) => {
    expect(out.split('\n')[0]).toBe('RUS under cst/art-4 for offensive (2022-09-13): obliged-if-requested');
    expect(out).toMatch(/1\. ARM asks for help under cst\/art-4 → obliged/);
  },
  'sweep scenarios/armenia-border-2022.yaml --vary aidRequestedUnderClause --vary eventKind --clause cst/art-4': (out) => {
    // Only an armed attack engages Article 4, and then only on request: five obligors (Uzbekistan is suspended).
    expect(out).toMatch(/^\s+true\s+armed-attack\s+5\s+0\s+1\s/m);
    expect(out).toMatch(/^\s+false\s+armed-attack\s+0\s+5\s+1\s/m);
    expect(out).toContain('Totals: 5 obliged, 5 obliged if requested');
  },
};

describe('the README', () => {
  it('gives the two set-up commands, and package.json backs them', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
    expect(pkg.scripts.start).toBe('node bin/casus.js run scenarios/');
    expect(pkg.scripts.prepare).toBeDefined();
  });

  // `serve` runs until stopped, so it is started and stopped in serve-and-export.test.ts instead.
  const longRunning = (line: string) => line.startsWith('serve');
  const all = [...readme.matchAll(/^npx casus (.+?)(?:\s{2,}#.*)?$/gm)].map((m) => m[1]!.trim().split(/\s+/).join(' '));
  const shown = all.filter((line) => !longRunning(line));
  it('shows how to start the classroom page', () => expect(all.some(longRunning)).toBe(true));
  it('has a check here for every command it shows', () => expect(shown.filter((line) => !(line in CHECKS))).toEqual([]));
  it.each(shown.filter((line) => line in CHECKS))('npx casus %s prints what the README says', (line) => {
    const r = casus(line.split(' '));
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    CHECKS[line]!(r.stdout);
  });
});
