/**
 * The compiled rules cache, end to end through the command line: each test
 * points CASUS_CACHE_DIR at its own temporary folder (never the user's cache),
 * and compares what casus says with what it says without the cache.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { casus, ROOT } from './helpers/cli.js';

const E5 = 'scenarios/armenia-border-2022.yaml';

function cacheDir(): string {
  return mkdtempSync(join(tmpdir(), 'casus-cache-test-'));
}

/** The one cache entry in a folder. */
function entryIn(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  expect(files).toHaveLength(1);
  return join(dir, files[0]!);
}

/** Each test starts several casus processes: on a busy machine that takes longer than the default 30 s. */
const SLOW = 180_000;

const run = (dir: string, args: string[] = []) => casus(['run', E5, '--format', 'json', ...args], { env: { CASUS_CACHE_DIR: dir } });

describe('the compiled rules cache', () => {
  it('is written by the first run and read by the next, which says the same bytes as a run without it', () => {
    const dir = cacheDir();
    const first = run(dir);
    expect(first.exitCode).toBe(0);
    const entry = readFileSync(entryIn(dir), 'utf8');
    expect(entry.split('\n')[0]).toMatch(/"key":"[0-9a-f]{64}","sha256":"[0-9a-f]{64}"/);
    const second = run(dir);
    expect(second.stdout).toBe(first.stdout);
    expect(casus(['run', E5, '--format', 'json', '--no-cache']).stdout).toBe(first.stdout);
  }, SLOW);

  it('never changes a verdict when its file is damaged: truncated, garbled, or edited without its hash', () => {
    const dir = cacheDir();
    const truth = run(dir);
    expect(truth.exitCode).toBe(0);
    expect(JSON.parse(truth.stdout).scenarios[0].verdicts.some((v: { status: string }) => v.status === 'obliged')).toBe(true);
    const path = entryIn(dir);
    const good = readFileSync(path, 'utf8');
    const newline = good.indexOf('\n');
    const damaged: Record<string, string> = {
      'cut in half': good.slice(0, good.length / 2),
      'header only': good.slice(0, newline + 1),
      'empty': '',
      'not JSON': 'garbage\n{{{',
      'one byte changed': `${good.slice(0, newline + 500)}${good[newline + 500] === 'a' ? 'b' : 'a'}${good.slice(newline + 501)}`,
      // Every party suspended: trusted, this would turn every obligation off.
      'parties suspended, hash left as it was': good.replaceAll('"status":"member"', '"status":"suspended"'),
      'a name changed, hash left as it was': good.replaceAll('"name":"Russia"', '"name":"Ruritania"'),
    };
    for (const [how, text] of Object.entries(damaged)) {
      writeFileSync(path, text);
      const r = run(dir);
      expect({ how, exitCode: r.exitCode, stderr: r.stderr }).toEqual({ how, exitCode: 0, stderr: '' });
      expect(r.stdout, how).toBe(truth.stdout);
    }
  }, SLOW);

  it('ignores a stale entry: after a rules file changes, the run follows the file', () => {
    const dir = cacheDir();
    const rules = mkdtempSync(join(tmpdir(), 'casus-cache-rules-'));
    cpSync(join(ROOT, 'rules'), rules, { recursive: true });
    const before = casus(['run', E5, '--rules', rules], { env: { CASUS_CACHE_DIR: dir } });
    expect(before.stdout).toContain('against Armenia');
    const states = join(rules, 'world', 'states.yaml');
    writeFileSync(states, readFileSync(states, 'utf8').replace('name: Armenia,', 'name: Ruritania,'));
    const after = casus(['run', E5, '--rules', rules], { env: { CASUS_CACHE_DIR: dir } });
    expect(after.exitCode).toBe(0);
    expect(after.stdout).toContain('against Ruritania');
    expect(after.stdout).toBe(casus(['run', E5, '--rules', rules, '--no-cache']).stdout);
  }, SLOW);

  it('is neither read nor written with --no-cache or CASUS_NO_CACHE=1', () => {
    const dir = cacheDir();
    expect(run(dir, ['--no-cache']).exitCode).toBe(0);
    expect(casus(['run', E5], { env: { CASUS_CACHE_DIR: dir, CASUS_NO_CACHE: '1' } }).exitCode).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  }, SLOW);

  it('keeps checked scenarios too, keyed by their bytes: a damaged entry is ignored, an edited scenario is read afresh', () => {
    const dir = cacheDir();
    const scenario = join(mkdtempSync(join(tmpdir(), 'casus-cache-scenario-')), 'e5.yaml');
    writeFileSync(scenario, readFileSync(join(ROOT, E5)));
    const runIt = () => casus(['run', scenario, '--format', 'json'], { env: { CASUS_CACHE_DIR: dir } });
    const truth = runIt();
    expect(truth.exitCode).toBe(0);
    const entries = readdirSync(join(dir, 'scenarios')).filter((f) => f.endsWith('.json'));
    expect(entries).toHaveLength(1);
    const path = join(dir, 'scenarios', entries[0]!);
    const good = readFileSync(path, 'utf8');
    expect(good).toContain('"armed-attack"');
    // The attack made a mere clash, hash left as it was: trusted, this would change verdicts.
    for (const text of [good.replaceAll('"armed-attack"', '"armed-clash"'), good.slice(0, good.length / 2), '']) {
      writeFileSync(path, text);
      expect(runIt().stdout).toBe(truth.stdout);
    }
    writeFileSync(scenario, readFileSync(scenario, 'utf8').replaceAll('kind: armed-attack', 'kind: armed-clash'));
    const edited = runIt();
    expect(edited.exitCode).toBe(0);
    expect(edited.stdout).not.toBe(truth.stdout);
    expect(edited.stdout).toBe(casus(['run', scenario, '--format', 'json', '--no-cache']).stdout);
  }, SLOW);

  it('keeps no cache of rules with a problem: they are refused the same way every time', () => {
    const dir = cacheDir();
    const rules = mkdtempSync(join(tmpdir(), 'casus-cache-rules-'));
    cpSync(join(ROOT, 'rules'), rules, { recursive: true });
    const cst = join(rules, 'treaties', 'cst.yaml');
    writeFileSync(cst, readFileSync(cst, 'utf8').replace('state: RUS', 'state: RUZ'));
    const first = casus(['run', E5, '--rules', rules], { env: { CASUS_CACHE_DIR: dir } });
    expect(first.exitCode).toBe(2);
    expect(first.stderr).toContain('RUZ');
    expect(readdirSync(dir)).toEqual([]);
    expect(casus(['run', E5, '--rules', rules], { env: { CASUS_CACHE_DIR: dir } }).stderr).toBe(first.stderr);
  }, SLOW);
});
