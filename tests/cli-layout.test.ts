/**
 * How the command line is put together (issue 13, issue 11): help and version
 * answered without loading yargs, the rules engine, immer, zod or yaml; the
 * quick help the same text yargs would print; a file's kind read from its
 * `$schema` line or its fields, never from its folder's name.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/command-table.js';
import { fileKind } from '../src/cli/file-kind.js';
import { topHelp } from '../src/cli/help.js';
import { execute } from '../src/cli/main.js';
import { parseAndRun } from '../src/cli/parse-argv.js';
import { BIN, ROOT } from './helpers/cli.js';

beforeAll(() => process.chdir(ROOT));

/** The module files one run of the CLI loads, recorded by a loader hook. */
function modulesLoadedBy(args: string[]): string[] {
  const log = join(mkdtempSync(join(tmpdir(), 'casus-modules-')), 'loaded.txt');
  writeFileSync(log, '');
  const hook = `data:text/javascript,${encodeURIComponent(
    `import { appendFileSync } from 'node:fs'; export async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }`,
  )}`;
  const register = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(hook)});`)}`;
  const r = spawnSync(process.execPath, ['--import', register, BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  expect(r.status).toBe(0);
  return readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith('file:'));
}

describe('loading only what a command needs', () => {
  const HEAVY = ['json-rules-engine', 'immer', 'zod', 'yaml', 'yargs'];

  it.each([['--help'], ['--version']])('`casus %s` loads none of the libraries, and none of the commands', (arg) => {
    const loaded = modulesLoadedBy([arg]);
    expect(loaded.some((u) => u.endsWith('/dist/cli/main.js'))).toBe(true);
    for (const library of HEAVY) expect(loaded.filter((u) => u.includes(`/node_modules/${library}/`))).toEqual([]);
    expect(loaded.filter((u) => /\/dist\/(core|load|schema|report|cli\/commands)\//.test(u))).toEqual([]);
  });

  it('`casus list` loads its own command and no other command', () => {
    const commands = modulesLoadedBy(['list']).filter((u) => u.includes('/dist/cli/commands/')).map((u) => u.replace(/^.*\/commands\//, ''));
    expect(commands).toEqual(['list.js']);
  });
});

describe('casus --help and --version', () => {
  it('the quick help is the very text yargs prints for --help', async () => {
    const viaYargs = await parseAndRun(['--help']);
    expect(viaYargs.exitCode).toBe(0);
    expect(topHelp()).toBe(viaYargs.stdout);
    const quick = await execute(['--help']);
    expect(quick).toEqual({ exitCode: 0, stdout: viaYargs.stdout, stderr: '' });
    for (const c of COMMANDS) expect(quick.stdout).toContain(`casus ${c.command}`);
  });

  it('--version prints the version in package.json, with or without yargs', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await execute(['--version'])).toEqual({ exitCode: 0, stdout: `${version}\n`, stderr: '' });
    expect((await parseAndRun(['--version', '--rules', 'rules'])).stdout).toBe(`${version}\n`);
  });

  it('a command after --help still gets its own help from yargs', async () => {
    const r = await execute(['run', '--help']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('casus run <paths..>');
    expect(r.stdout).toContain('"ndjson", "csv"');
  });
});

describe("a file's kind", () => {
  it('comes from the schema its $schema line names', () => {
    const kinds = ['scenario', 'what-if', 'lesson', 'treaty', 'world'] as const;
    for (const kind of kinds) expect(fileKind({ schema: `../../schemas/${kind}.schema.json`, value: { events: [] } })).toBe(kind);
  });

  it('else from its fields', () => {
    expect(fileKind({ value: { id: 'x', base: 'y.yaml', changes: [] } })).toBe('what-if');
    expect(fileKind({ value: { id: 'x', title: 'X', events: [] } })).toBe('scenario');
    expect(fileKind({ value: { id: 'pact', parties: [], clauses: [] } })).toBe('treaty');
    expect(fileKind({ value: { states: [], recognitions: [] } })).toBe('world');
    expect(fileKind({ value: { id: 'l', steps: [] } })).toBe('lesson');
    // Nothing to go by: read as a scenario, whose checks then say what is missing.
    expect(fileKind({ value: 'text' })).toBe('scenario');
  });

  it('not from its folder: a treaty outside treaties/ is checked as a treaty, a scenario inside one as a scenario', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-kind-'));
    mkdirSync(join(dir, 'treaties'));
    copyFileSync(join(ROOT, 'tests', 'fixtures', 'invalid', 'treaties', 'date-order--versions.yaml'), join(dir, 'pact.yaml'));
    copyFileSync(join(ROOT, 'scenarios', 'osh-2010.yaml'), join(dir, 'treaties', 'osh-2010.yaml'));
    const treaty = await execute(['validate', join(dir, 'pact.yaml')]);
    expect(treaty.exitCode).toBe(2);
    expect(treaty.stderr).toContain('error [date-order] clauses.art-1.versions[1].from: versions must be in date order');
    const scenario = await execute(['validate', join(dir, 'treaties', 'osh-2010.yaml')]);
    expect(scenario.exitCode).toBe(0);
    expect(scenario.stdout).toMatch(/^\d+ files checked: no problems\.\n$/);
    // Without its $schema line, a treaty is known by its fields.
    writeFileSync(join(dir, 'bare.yaml'), readFileSync(join(dir, 'pact.yaml'), 'utf8').replace(/^# yaml-language-server.*\n/, ''));
    expect((await execute(['validate', join(dir, 'bare.yaml')])).stderr).toContain('error [date-order]');
  });
});
