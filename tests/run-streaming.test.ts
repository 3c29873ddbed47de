/**
 * `casus run` written as it is judged: json gives the bytes the whole-report
 * renderer gives, ndjson one contract verdict a line with its scenario's id,
 * csv one verdict a row (RFC 4180), text the same report as before; bad input
 * still yields no report at all; a reader that stops reading ends the run quietly.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../src/core/simulate.js';
import { execute } from '../src/cli/main.js';
import { renderJson } from '../src/report/render-json.js';
import { renderText } from '../src/report/render-text.js';
import { csvField, CSV_COLUMNS } from '../src/report/stream-report.js';
import { BIN, hasStackTrace, ROOT } from './helpers/cli.js';
import { scenariosAt, SCENARIOS } from './helpers/project.js';

type Verdict = { event: string; clause: string; obligor: string; status: string; actual: string | null; assessment: string; reasons: { code: string; holds: boolean }[] };
type JsonReport = { scenarios: { id: string; verdicts: Verdict[] }[] };

/** The casebook's JSON report, as the CLI writes it and as the whole-report renderer makes it: made once. */
let streamedJson = '';
let renderedJson = '';
beforeAll(async () => {
  process.chdir(ROOT);
  const { model, scenarios } = scenariosAt(SCENARIOS);
  streamedJson = await run('scenarios/', '--format', 'json');
  renderedJson = renderJson(await simulate(model, scenarios));
}, 120_000);

async function run(...args: string[]) {
  const r = await execute(['run', ...args]);
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

/** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') rows.push([...row, field]), (row = []), (field = ''), i++;
    else field += c;
  }
  expect(field).toBe('');
  return rows;
}

describe('casus run --format json, written as it is judged', () => {
  it('gives the same bytes as the whole report rendered at once, for the whole casebook', () => {
    expect(streamedJson.length).toBeGreaterThan(100_000);
    expect(streamedJson).toBe(renderedJson);
  });

  it('gives the same bytes where a scenario has no rows and where the filters leave none', async () => {
    const { model, scenarios } = scenariosAt(SCENARIOS);
    // Iceland is a NATO party only: every CST and Rio case has no row for it.
    const only = { obligors: ['ISL'] };
    const streamed = await run('scenarios/', '--format', 'json', '--obligor', 'ISL');
    expect(streamed).toBe(renderJson(await simulate(model, scenarios, only)));
    const doc = JSON.parse(streamed) as JsonReport;
    expect(doc.scenarios.some((s) => s.verdicts.length === 0)).toBe(true);
    expect(doc.scenarios.some((s) => s.verdicts.length > 0)).toBe(true);
  });
});

describe('casus run --format ndjson', () => {
  it('writes each verdict of the JSON report on a line of its own, with its scenario id, in the same order', async () => {
    const json = JSON.parse(streamedJson) as JsonReport;
    const text = await run('scenarios/', '--format', 'ndjson');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n').map((l) => JSON.parse(l) as Verdict & { scenario: string });
    const expected = json.scenarios.flatMap((s) => s.verdicts.map((v) => ({ scenario: s.id, ...v })));
    expect(lines.length).toBe(expected.length);
    expect(lines.length).toBeGreaterThan(500);
    expect(lines).toEqual(expected);
    expect(Object.keys(lines[0]!)[0]).toBe('scenario');
  });
});

describe('casus run --format csv', () => {
  it('writes a header, then one row per verdict with what the JSON says', async () => {
    const json = JSON.parse(streamedJson) as JsonReport;
    const text = await run('scenarios/', '--format', 'csv');
    const [header, ...rows] = readCsv(text);
    expect(header).toEqual([...CSV_COLUMNS]);
    const verdicts = json.scenarios.flatMap((s) => s.verdicts.map((v) => ({ scenario: s.id, ...v })));
    expect(rows.length).toBe(verdicts.length);
    const column = (name: (typeof CSV_COLUMNS)[number]) => header!.indexOf(name);
    rows.forEach((row, i) => {
      const v = verdicts[i]!;
      expect(row.length).toBe(CSV_COLUMNS.length);
      expect([row[column('scenario')], row[column('event')], row[column('clause')], row[column('obligor')], row[column('status')], row[column('assessment')]])
        .toEqual([v.scenario, v.event, v.clause, v.obligor, v.status, v.assessment]);
      expect(row[column('actual')]).toBe(v.actual ?? '');
      const failing = [...new Set(v.reasons.filter((r) => !r.holds).map((r) => r.code))];
      expect(row[column('failing')]).toBe(failing.join(';'));
      // The decisive reason is one of the failing ones, and there is one exactly when the row is not obliged.
      expect(row[column('decisive')] === '').toBe(v.status === 'obliged');
      if (v.status !== 'obliged') expect(failing).toContain(row[column('decisive')]);
    });
  });

  it('quotes a field holding a comma, a quote or a line break, doubling its quotes (RFC 4180)', () => {
    expect(csvField('cst/art-4')).toBe('cst/art-4');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(readCsv(`${['a,b', 'say "no"', 'x\ny'].map(csvField).join(',')}\r\n`)).toEqual([['a,b', 'say "no"', 'x\ny']]);
  });
});

describe('casus run as text, an event at a time', () => {
  it('prints the report the whole-report renderer prints, with the summary of all scenarios', async () => {
    const { model, scenarios } = scenariosAt(SCENARIOS);
    const text = await run('scenarios/');
    expect(text).toBe(renderText(await simulate(model, scenarios)));
    expect(text).toMatch(new RegExp(`\\nAll ${scenarios.length} scenarios: \\d+ obligations arose`));
  });
});

describe('never half a report', () => {
  it('refuses bad input in any streamed format before writing a byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-stream-'));
    writeFileSync(join(dir, 'bad.yaml'), 'id: bad\ntitle: Bad\nevents:\n  - { id: e, date: 2022-13-01, kind: armed-attack, target: ARM, territory: ARM }\n');
    for (const format of ['text', 'json', 'ndjson', 'csv']) {
      const r = await execute(['run', 'scenarios/armenia-border-2022.yaml', join(dir, 'bad.yaml'), '--format', format]);
      expect(r.exitCode).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('bad.yaml');
    }
  });
});

describe('a reader that stops reading (issue 14, item 9)', () => {
  it('`casus run scenarios/ | head -1` ends quietly with exit 0 and no stack trace', async () => {
    const child = spawn(process.execPath, [BIN, 'run', 'scenarios/'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const first = await new Promise<string>((done) => {
      let seen = '';
      child.stdout.on('data', (b: Buffer) => {
        seen += b.toString();
        // As `head -1` does: read the first line, then close the pipe.
        if (seen.includes('\n')) {
          child.stdout.destroy();
          done(seen.split('\n')[0]!);
        }
      });
    });
    const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
    expect(first).toBe("Armenia's appeals over Azerbaijani advances on the border, May and November 2021");
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(hasStackTrace(stderr)).toBe(false);
  });
});
