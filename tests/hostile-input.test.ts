/**
 * Hostile input: files written to do harm (a shared what-if from the internet)
 * get a clear refusal and do none. A rule `path` never reaches jsonpath-plus;
 * `__proto__` and `constructor` never reach an object's prototype; an alias
 * bomb, a 50 MB file and a hundred thousand nested brackets are refused fast
 * and without a crash; a what-if cannot make casus read outside its folder.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { execute } from '../src/cli/main.js';
import { evaluateClause, toEngineCondition } from '../src/core/evaluate-clause.js';
import { applyChanges, ChangeError } from '../src/core/changes.js';
import { parseSource, LIMITS } from '../src/load/parse-source.js';
import { isRealDate } from '../src/schema/common.js';
import type { ClauseVersion, Condition, Treaty } from '../src/schema/treaty.js';
import { casus, hasStackTrace, ROOT } from './helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'casus-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => process.chdir(ROOT));

const write = (name: string, text: string | Uint8Array) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');
const PRISTINE = prototypeKeys();
/** Nothing a file did may show on plain objects. */
afterEach(() => {
  expect(prototypeKeys()).toBe(PRISTINE);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((globalThis as Record<string, unknown>).casusPwned).toBeUndefined();
});

const TREATY = readFileSync(join(ROOT, 'tests/fixtures/invalid/treaties/unknown-field.yaml'), 'utf8');
const SCENARIO = readFileSync(join(ROOT, 'scenarios/armenia-border-2022.yaml'), 'utf8');
const SCRIPT = "$[?(@.constructor.constructor('globalThis.casusPwned = 1')())]";

describe('a rule `path` carrying a JSONPath script expression', () => {
  it('is refused by the schema: a leaf condition has no path field', async () => {
    const treaties = join(dir, 'path-rule', 'treaties');
    mkdirSync(treaties, { recursive: true });
    const file = join(treaties, 'pact.yaml');
    writeFileSync(file, TREATY.replace(/path: "[^"]*"/, `path: "${SCRIPT}"`));
    const r = await execute(['validate', file]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/error \[unknown-field\] clauses\.art-1\.versions\[0\]\.conditions\.all\[1\]\.path: "path" is not a field here/);
  });

  // json-rules-engine resolves a path into a fact that is a list or an object: that is what must never happen.
  const tagged = { fact: 'placeTags', operator: 'equal', value: 'island', code: 'in-treaty-area', because: 'an island' };
  const facts = { placeTags: ['island'] };

  it('would change the answer if json-rules-engine were handed it directly', async () => {
    const engine = new Engine([], { allowUndefinedFacts: false });
    engine.addRule({ conditions: { all: [{ ...tagged, path: '$[0]' }] }, event: { type: 'x' } });
    expect((await engine.run(facts)).results).toHaveLength(1);
  });

  it('never reaches the engine even if an object with a path gets past the schema', async () => {
    const version = (leaf: object) =>
      ({ from: '2000-01-01', text: 't', source: { title: 's' }, duty: 'assist', satisfiedBy: ['military-aid'], conditions: { all: [leaf] } }) as unknown as ClauseVersion;
    const treaty = { definitions: undefined } as unknown as Treaty;
    const plain = await evaluateClause(version(tagged), treaty, facts);
    for (const path of ['$[0]', SCRIPT]) {
      const withPath = await evaluateClause(version({ ...tagged, path, params: { x: 1 } }), treaty, facts);
      expect(withPath).toEqual(plain);
      expect(withPath.passed).toBe(false);
    }
    const cleaned = toEngineCondition({ all: [{ ...tagged, path: SCRIPT } as unknown as Condition] }) as { all: object[] };
    expect(Object.keys(cleaned.all[0]!).sort()).toEqual(['because', 'code', 'fact', 'operator', 'value']);
  });

  it('nor does a value that names another fact and a path', async () => {
    const leaf = { fact: 'eventKind', operator: 'equal', value: { fact: 'eventKind', path: SCRIPT }, code: 'c', because: 'b' };
    expect(() => toEngineCondition(leaf as unknown as Condition)).toThrow(/not a plain value/);
  });
});

describe('__proto__, constructor and prototype as keys', () => {
  const cases: Array<[string, string, string]> = [
    ['YAML __proto__ in an event', 'p1.yaml', SCENARIO.replace('    target: ARM\n', '    target: ARM\n    __proto__: { polluted: true }\n')],
    ['YAML constructor.prototype in a request', 'p2.yaml', SCENARIO.replace('        clause: cst/art-4\n', '        clause: cst/art-4\n        constructor: { prototype: { polluted: true } }\n')],
    ['JSON __proto__ at the top', 'p3.json', '{"id":"x","title":"x","__proto__":{"polluted":true},"events":[]}'],
    ['JSON __proto__ deep inside', 'p4.json', '{"id":"x","title":"x","events":[{"id":"e","date":"2022-09-13","kind":"incident","target":"ARM","territory":"ARM","requests":[{"__proto__":{"polluted":true}}]}]}'],
  ];
  it.each(cases)('%s: refused with forbidden-key, every command, nothing polluted', async (_name, fileName, text) => {
    const file = write(fileName, text);
    for (const command of ['validate', 'run', 'test']) {
      const r = await execute([command, file]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/error \[forbidden-key\] .*"(__proto__|constructor)" may not be used as a key/);
    }
  });

  it('in a what-if path: refused with forbidden-key on the change, nothing polluted', async () => {
    mkdirSync(join(dir, 'wi'), { recursive: true });
    writeFileSync(join(dir, 'wi', 'base.yaml'), SCENARIO);
    const file = join(dir, 'wi', 'what-if.yaml');
    writeFileSync(file, 'id: w\ntitle: W\nbase: base.yaml\nchanges:\n  - { set: events.offensive.__proto__.polluted, value: true }\n  - { set: constructor.prototype.polluted, value: true }\n  - { add: world.prototype, value: 1 }\n');
    const r = await execute(['validate', file]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.match(/error \[forbidden-key\]/g)).toHaveLength(3);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('in the core: applyChanges refuses the step itself', () => {
    for (const path of ['__proto__.polluted', 'a.constructor.prototype.polluted', 'prototype']) {
      expect(() => applyChanges({ a: {} }, [{ set: path, value: true }])).toThrow(ChangeError);
    }
  });
});

describe('resource exhaustion', () => {
  it('a "billion laughs" alias bomb is refused at the alias limit, at once', async () => {
    const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (const [i, l] of [...'bcdefghi'].entries()) lines.push(`${l}: &${l} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`);
    const file = write('bomb.yaml', lines.join('\n'));
    const started = performance.now();
    const r = await execute(['run', file]);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`[too-many-aliases] the file expands YAML aliases (*name) more than ${LIMITS.maxAliases} times`);
  });

  it('a few honest aliases are fine', () => {
    const r = parseSource('x.yaml', new TextEncoder().encode('a: &x [1, 2]\nb: *x\nc: *x\n'));
    expect(r.diagnostics).toEqual([]);
    expect(r.source!.value).toEqual({ a: [1, 2], b: [1, 2], c: [1, 2] });
  });

  it('a 50 MB file is refused from its size: not read, not decoded, not parsed', async () => {
    const file = join(dir, 'fifty.yaml');
    const fd = openSync(file, 'w');
    writeSync(fd, Buffer.from('id: [\xff'));
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const before = process.memoryUsage().arrayBuffers;
    const r = await execute(['validate', file]);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(10 * 1024 * 1024);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('error [file-too-large] the file is 52,428,800 bytes; the limit is 2,097,152 bytes (2 MiB)');
    expect(r.stderr).not.toMatch(/not-utf8|yaml-syntax/);
  });

  it.each([
    ['100,000 nested [', '['.repeat(100_000)],
    ['100,000 nested [ ] closed', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['100,000 nested { a:', `${'{a: '.repeat(100_000)}1${'}'.repeat(100_000)}`],
    ['100,000 nested block lists', `${'- '.repeat(100_000)}x\n`],
    ['nesting hidden behind a quote', `[a'b, ${'['.repeat(900)}${']'.repeat(900)}]`],
    ['65 levels', `a: ${'['.repeat(64)}${']'.repeat(64)}`],
  ])('%s: refused as too deep, quickly, without overflowing the stack', (_name, text) => {
    const started = performance.now();
    const r = parseSource('deep.yaml', new TextEncoder().encode(text));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['too-deep']);
  });

  it('64 levels is within the limit', () => {
    const r = parseSource('deep.yaml', new TextEncoder().encode(`a: ${'['.repeat(63)}${']'.repeat(63)}`));
    expect(r.diagnostics).toEqual([]);
  });

  it('through the real CLI: deep nesting and a bomb end in exit 2, never a crash or a stack trace', () => {
    for (const text of ['['.repeat(100_000), `${'- '.repeat(50_000)}x\n`]) {
      const r = casus(['validate', write('deep-cli.yaml', text)]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('[too-deep]');
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });
});

describe('YAML tags', () => {
  it('give plain data only: no byte arrays, sets, maps or dates from !!binary, !!set, !!omap or !!timestamp', () => {
    const text = 'a: !!binary aGVsbG8=\nb: !!set { x, y }\nc: !!omap [ k: 1 ]\nd: !!timestamp 2022-01-01\ne: !custom { z: 1 }\n';
    const r = parseSource('tags.yaml', new TextEncoder().encode(text));
    expect(r.diagnostics).toEqual([]);
    const plain = (v: unknown): boolean =>
      v === null || typeof v !== 'object' ? true
      : Array.isArray(v) ? v.every(plain)
      : Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every(plain);
    expect(plain(r.source!.value)).toBe(true);
    expect(r.source!.value).toMatchObject({ a: 'aGVsbG8=', d: '2022-01-01' });
  });
});

describe('text that is not UTF-8', () => {
  it.each([
    ['Latin-1', Buffer.from('id: x\ntitle: "Caf\xe9"\n', 'latin1')],
    ['UTF-16 with a byte order mark', Buffer.from('\ufeffid: x\n', 'utf16le')],
    ['a lone continuation byte', Buffer.from([0x69, 0x64, 0x3a, 0x20, 0x80])],
  ])('%s is refused with not-utf8', async (_name, bytes) => {
    const r = await execute(['validate', write('enc.yaml', bytes)]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('error [not-utf8] the file is not valid UTF-8 text');
  });
});

describe("a what-if's base outside the what-if's folder is not followed", () => {
  const home = join(dir, 'home');
  const shared = join(home, 'downloads');
  beforeAll(() => {
    mkdirSync(join(shared, 'cases'), { recursive: true });
    writeFileSync(join(home, 'secret.yaml'), SCENARIO);
    writeFileSync(join(shared, 'cases', 'armenia.yaml'), SCENARIO);
    symlinkSync(join(home, 'secret.yaml'), join(shared, 'link.yaml'));
  });
  const whatIf = (base: string) => {
    const file = join(shared, `what-if-${Math.abs(hash(base))}.yaml`);
    writeFileSync(file, `id: w\ntitle: W\nbase: ${JSON.stringify(base)}\nchanges: []\n`);
    return file;
  };

  it.each([['../secret.yaml'], [join(home, 'secret.yaml')], ['cases/../../secret.yaml'], ['link.yaml']])('base %s: refused with base-outside-folder', async (base) => {
    const r = await execute(['validate', whatIf(base)]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('error [base-outside-folder] base: the base');
  });

  it('a what-if kept in a what-if/ folder may name the scenarios beside that folder, and no further', async () => {
    mkdirSync(join(shared, 'what-if'), { recursive: true });
    const beside = join(shared, 'what-if', 'beside.yaml');
    writeFileSync(beside, 'id: w\ntitle: W\nbase: ../cases/armenia.yaml\nchanges: []\n');
    expect((await execute(['validate', beside])).exitCode).toBe(0);
    const further = join(shared, 'what-if', 'further.yaml');
    writeFileSync(further, 'id: w\ntitle: W\nbase: ../../secret.yaml\nchanges: []\n');
    const r = await execute(['validate', further]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('error [base-outside-folder] base: the base "../../secret.yaml"');
  });

  it('a base in the same folder or below it is followed', async () => {
    const r = await execute(['validate', whatIf('cases/armenia.yaml')]);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });
});

function hash(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}

describe('second round (issue 14): small files that used to hang, crash or write to the terminal', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('a mapping of 20,000 keys with one repeated: the duplicate is found, located, once', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  k${i}: 1\n`).join('');
    const r = parseSource('dup.yaml', bytes(`id: x\ntitle: T\nx:\n${keys}  k7: 2\n`));
    expect(r.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([['duplicate-key', 20_004, 'the field "k7" appears twice in one mapping']]);
  });

  it('200,000 syntax errors: the first 100 are shown and the rest counted, no stack overflow', async () => {
    const r = await execute(['validate', write('many-errors.yaml', `${'- !t '.repeat(100_000)}x`)]);
    expect(r.exitCode).toBe(2);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr.match(/error \[yaml-syntax\]/g)).toHaveLength(LIMITS.maxDiagnostics);
    expect(r.stderr).toMatch(/\n\.\.\. and \d+ more \(only the first 100 problems are listed: fix those and run again\)\n(\d+) problems found; nothing was run\.\n$/);
  });

  it('300,000 closing braces: exit 2, the first 100 problems and the count', async () => {
    const r = await execute(['validate', write('braces.yaml', `x: [${'}'.repeat(300_000)}]`)]);
    expect(r.exitCode).toBe(2);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toMatch(/\n300001 problems found; nothing was run\.\n$/);
  });

  it('a 200 KB territory: refused at the id limit, echoed cut short, no search for a near miss', async () => {
    const huge = 'x'.repeat(200_000);
    const r = await execute(['validate', write('huge-id.yaml', SCENARIO.replace(/territory: ARM/, `territory: ${huge}`))]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('error [too-big] events.offensive.territory: expected text of at most 100 characters');
    expect(r.stderr).toContain('(200000 characters)');
    expect(r.stderr.length).toBeLessThan(2000);
  });

  it('years 0000-0099 exist: 0050-06-01 is a date', () => {
    expect(isRealDate('0050-06-01')).toBe(true);
    expect(isRealDate('0000-02-29')).toBe(true); // year 0 is a leap year in the proleptic calendar
    expect(isRealDate('0099-02-29')).toBe(false);
  });

  it('exactly 100 aliases pass; 101 are refused', () => {
    const aliases = (n: number) => parseSource('a.yaml', bytes(`a: &x [1, 2]\nb: [${Array(n).fill('*x').join(', ')}]\n`)).diagnostics.map((d) => d.code);
    expect(aliases(LIMITS.maxAliases)).toEqual([]);
    expect(aliases(LIMITS.maxAliases + 1)).toEqual(['too-many-aliases']);
  });

  it('a file one byte over the limit says so in bytes', () => {
    const r = parseSource('big.yaml', new Uint8Array(LIMITS.maxBytes + 1));
    expect(r.diagnostics[0]!.message).toBe('the file is 2,097,153 bytes; the limit is 2,097,152 bytes (2 MiB)');
  });

  it('a loop of symbolic links is said to be one, not a missing file', async () => {
    symlinkSync(join(dir, 'loop-b.yaml'), join(dir, 'loop-a.yaml'));
    symlinkSync(join(dir, 'loop-a.yaml'), join(dir, 'loop-b.yaml'));
    const r = await execute(['validate', join(dir, 'loop-a.yaml')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('[unreadable-file] the path is a loop of symbolic links');
  });

  describe('what-if changes that removed what the core needs (were exit 3)', () => {
    it.each([['world={}', 'world.states'], ['world.memberships=null', 'world.memberships'], ['treaties=1', 'treaties']])('--set %s: exit 2, located', async (set, field) => {
      const r = await execute(['what-if', 'scenarios/armenia-border-2022.yaml', '--set', set]);
      expect([r.exitCode, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(new RegExp(`^--set:1:1: error \\[(missing-field|wrong-type)\\] ${field.replace('.', '\\.')}: `));
    });
  });

  describe('--set values go through the file parser', () => {
    it.each([
      ['constructor as a key', 'events.offensive.note={constructor: 1}', '"constructor" may not be used as a key'],
      ['nesting past the limit', `events.offensive.note=${'['.repeat(100)}`, 'values are nested more than 64 levels deep'],
      ['an alias bomb', `events.offensive.note=[&a [1,1,1,1,1,1,1,1,1,1], ${Array(20).fill('*a').join(',')}, [${Array(90).fill('*a').join(',')}]]`, 'more than 100 times'],
    ])('%s is refused', async (_name, set, message) => {
      const r = await execute(['what-if', 'scenarios/armenia-border-2022.yaml', '--set', set]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain(message);
    });

    it('a !!js/function tag gives plain text, as in a file, with no warning', async () => {
      const r = await execute(['what-if', 'scenarios/armenia-border-2022.yaml', '--set', 'events.offensive.title=!!js/function "x"']);
      expect([r.exitCode, r.stderr]).toEqual([0, '']);
    });
  });

  describe('terminal escapes in a title are shown, never obeyed', () => {
    const escapes = '\u001b[2J\u001b]0;pwned\u0007\u001b]52;c;ZXZpbA==\u0007\u009b31m<img src=x onerror=alert(1)>';
    const file = () => write('escapes.yaml', SCENARIO.replace(/^title: .*$/m, `title: ${JSON.stringify(`Title ${escapes}`)}`).replace(/(\n    title: )[^\n]*/, `$1${JSON.stringify(`Event ${escapes}`)}`));
    it.each([
      ['text', ['run', '--format', 'text']],
      ['text in colour', ['run', '--color']],
      ['markdown', ['run', '--format', 'markdown']],
      ['html', ['run', '--format', 'html']],
      ['explain', ['explain', '--event', 'offensive', '--clause', 'cst/art-4', '--obligor', 'RUS']],
      ['why-not', ['why-not', '--clause', 'cst/art-4', '--obligor', 'KAZ']],
      ['what-if', ['what-if', '--set', 'events.offensive.kind=armed-clash']],
      ['duties', ['duties', '--state', 'RUS']],
      ['summary', ['run', '--summary']],
    ])('%s', async (_name, args) => {
      const path = file();
      const r = await execute([args[0]!, path, ...args.slice(1)]);
      expect(r.exitCode, r.stderr).toBe(0);
      // Only casus's own colour codes remain; nothing else can reach the terminal as a control.
      const stripped = r.stdout.replace(/\u001b\[(?:1|2|22|31|32|33|36|39)m/g, '');
      expect(stripped).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      if (args[0] === 'run' && args.includes('markdown')) expect(r.stdout).not.toContain('<img');
    });

    it('JSON keeps the data: the title reads back exactly', async () => {
      const r = await execute(['run', file(), '--format', 'json']);
      expect(JSON.parse(r.stdout).scenarios[0].title).toBe(`Title ${escapes}`);
    });

    it('CSV keeps its CRLF line ends (RFC 4180), while a bare CR from a file is shown, never obeyed', async () => {
      const path = write('cr.yaml', SCENARIO.replace(/^title: .*$/m, 'title: "over\\rwrite"').replace(/(\n    title: )[^\n]*/, '$1"over\\rwrite"'));
      const r = await execute(['run', path, '--format', 'csv']);
      expect(r.exitCode, r.stderr).toBe(0);
      expect(r.stdout.split('\r\n').length).toBeGreaterThan(2);
      expect(r.stdout.replace(/\r\n/g, '')).not.toContain('\r');
    });

    it('a message that echoes a value shows its control characters', async () => {
      const r = await execute(['validate', write('esc-code.yaml', SCENARIO.replace('territory: ARM', 'territory: "A\\e[2JB"'))]);
      expect(r.stderr).toContain('A␛[2JB');
      expect(r.stderr).not.toContain('\u001b');
    });
  });
});
