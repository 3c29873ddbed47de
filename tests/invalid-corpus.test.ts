/**
 * The corpus of invalid fixtures (tests/fixtures/invalid): one or more per
 * diagnostic code, each named after the code it must produce, each with its
 * rendered message pinned in the .txt beside it. Every fixture is refused with
 * exit 2 and no stack trace, and every command that reads the file refuses it
 * with the same words. Paths in messages are relative to the repository, so
 * the pinned text does not depend on where the repository lives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execute } from '../src/cli/main.js';
import { DIAGNOSTIC_CODES } from '../src/load/diagnostics.js';
import { hasStackTrace, ROOT } from './helpers/cli.js';

const INVALID = join(ROOT, 'tests', 'fixtures', 'invalid');
/** Folders that hold what a fixture needs (a valid base scenario), not fixtures. */
const SUPPORT = new Set(['bases']);

interface Case {
  name: string;
  /** Path as given on the command line (relative to the repository). */
  path: string;
  expected: string;
  code: string;
  category: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const category of readdirSync(INVALID).sort()) {
    for (const entry of readdirSync(join(INVALID, category)).sort()) {
      if (entry.endsWith('.txt') || SUPPORT.has(entry)) continue;
      const stem = entry.replace(/\.(ya?ml|json)$/, '');
      const path = relative(ROOT, join(INVALID, category, entry));
      out.push({ name: `${category}/${entry}`, path, expected: join(INVALID, category, `${stem}.txt`), code: stem.split('--')[0]!, category });
    }
  }
  return out;
}

/**
 * The pinned message. A test run never writes a pin: a missing one fails. `npm run update-pins`
 * (CASUS_UPDATE_PINS=1) writes what the run produced instead, for review in the diff.
 */
function pinned(file: string, produced: string): string {
  if (process.env.CASUS_UPDATE_PINS === '1') writeFileSync(file, produced);
  if (!existsSync(file)) throw new Error(`no pinned message at ${relative(ROOT, file)}: run \`npm run update-pins\` and review the file it writes`);
  return readFileSync(file, 'utf8');
}

const ALL = cases();
const stderrOf = new Map<string, string>();

beforeAll(() => process.chdir(ROOT));

describe('the invalid corpus', () => {
  it('holds at least 60 fixtures', () => expect(ALL.length).toBeGreaterThanOrEqual(60));

  it.each(ALL.map((c) => [c.name, c] as const))('%s: exit 2, the pinned message, its code', async (_name, c) => {
    const args = statSync(join(ROOT, c.path)).isDirectory() && c.category !== 'rules' ? ['validate', `${c.path}/`] : ['validate', c.path];
    const r = await execute(args);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toContain(`error [${c.code}]`);
    expect(r.stderr).toMatch(/\n\d+ problems? found; nothing was run\.\n$/);
    expect(r.stderr).not.toContain(ROOT);
    stderrOf.set(c.name, r.stderr);
    expect(r.stderr).toBe(pinned(c.expected, r.stderr));
  });
});

describe('a file over the size limit and a file that is not there', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casus-corpus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('file-too-large: a 50 MB file is refused from its size, before a byte is decoded', async () => {
    const file = join(dir, 'huge.yaml');
    const fd = openSync(file, 'w');
    writeSync(fd, Buffer.from([0xff, 0xfe])); // not UTF-8: if it were read, it would be refused for that instead
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const started = performance.now();
    const r = await execute(['validate', file]);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.replace(file, '<tmp>/huge.yaml')).toBe(
      '<tmp>/huge.yaml:1:1: error [file-too-large] the file is 52,428,800 bytes; the limit is 2,097,152 bytes (2 MiB)\n' +
        '  hint: casus files are small text files: split this one, or check that it is the file you meant\n' +
        '1 problem found; nothing was run.\n',
    );
    stderrOf.set('file-too-large', r.stderr);
  });

  it('unreadable-file: a path that is not there', async () => {
    const r = await execute(['validate', 'tests/fixtures/invalid/files/not-there.yaml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('tests/fixtures/invalid/files/not-there.yaml:1:1: error [unreadable-file] no such file or folder\n1 problem found; nothing was run.\n');
    stderrOf.set('unreadable-file', r.stderr);
  });
});

describe('the diagnostic codes', () => {
  it('every documented code is produced by some fixture, and every code produced is documented', () => {
    const produced = new Set([...stderrOf.values()].flatMap((t) => [...t.matchAll(/error \[([a-z0-9-]+)\]/g)].map((m) => m[1]!)));
    const documented = new Set(Object.keys(DIAGNOSTIC_CODES));
    // `invalid` is the fallback for a zod issue no rule words; no file is known to reach it.
    expect([...documented].filter((c) => !produced.has(c) && c !== 'invalid').sort()).toEqual([]);
    expect([...produced].filter((c) => !documented.has(c)).sort()).toEqual([]);
  });

  it('every fixture is named after a documented code', () => {
    expect(ALL.map((c) => c.code).filter((c) => !(c in DIAGNOSTIC_CODES))).toEqual([]);
  });
});

describe('every command refuses bad input with exit 2 and the same messages', () => {
  const scenarioLike = ALL.filter((c) => ['scenarios', 'files', 'scenario-sets'].includes(c.category));
  it.each(scenarioLike.map((c) => [c.name, c] as const))('%s: run, test and explain say what validate says', async (name, c) => {
    const path = c.category === 'scenario-sets' ? `${c.path}/` : c.path;
    const expected = (await execute(['validate', path])).stderr;
    for (const args of [['run', path], ['run', path, '--format', 'json'], ['test', path], ['explain', path, '--event', 'offensive', '--clause', 'cst/art-4', '--obligor', 'RUS']]) {
      const r = await execute(args);
      expect([r.exitCode, r.stdout], `${args[0]} ${name}`).toEqual([2, '']);
      expect(r.stderr, `${args.join(' ')}`).toBe(expected);
    }
  });

  const rules = ALL.filter((c) => c.category === 'rules');
  it.each(rules.map((c) => [c.name, c] as const))('%s: run and list with these --rules say what validate says', async (_name, c) => {
    const expected = (await execute(['validate', c.path])).stderr;
    for (const args of [['run', 'scenarios/armenia-border-2022.yaml', '--rules', c.path], ['list', '--rules', c.path]]) {
      const r = await execute(args);
      expect([r.exitCode, r.stdout, r.stderr]).toEqual([2, '', expected]);
    }
  });
});
