/**
 * `npm run hang-check` (also the first step of `npm run fuzz`): the small
 * hostile files of issue 14 that once hung casus or exhausted its memory, made
 * afresh and run through the real CLI, each timed. Every one must end within
 * 5 s with the exit it should give (0 for a large valid input, 2 for a located
 * refusal), never exit 3, a stack trace or a kill by the 60 s guard. Prints each case's wall time and exits 1
 * if any fails. A check run by hand on a quiet machine, not a timed unit test.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'casus.js');
const LIMIT_MS = 5_000;
const GUARD_MS = 60_000;

const scenario = readFileSync(join(ROOT, 'scenarios', 'armenia-border-2022.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'casus-hang-check-'));
const at = (...parts: string[]) => join(dir, ...parts);
const write = (path: string, text: string) => {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
};

// 1. The definition bomb: forty definitions, each using the next twice (2^40 tests once inlined).
const bomb = [
  ...Array.from({ length: 40 }, (_, i) => `      d${i}: { all: [{ condition: d${i + 1} }, { condition: d${i + 1} }] }`),
  '      d40: { fact: eventKind, operator: equal, value: armed-attack, code: event-is-covered, because: x }',
].join('\n');
write(at('x', 'armenia-border-2022.yaml'), scenario);
write(at('x', 'what-if', 'bomb.yaml'), `id: b\ntitle: B\nbase: ../armenia-border-2022.yaml\nchanges:\n  - set: treaties.cst.definitions\n    value:\n${bomb}\n  - { add: treaties.cst.clauses.art-4.versions.2012-12-19.conditions.all, value: { condition: d0 } }\n`);
write(at('bomb-effect.yaml'), scenario.replace(/\n {4}requests:/, `\n    effects:\n      - set: treaties.cst.definitions\n        value:\n${bomb.replace(/^/gm, '    ')}\n      - { add: treaties.cst.clauses.art-4.versions.2012-12-19.conditions.all, value: { condition: d0 } }\n    requests:`));
cpSync(join(ROOT, 'rules'), at('rules'), { recursive: true });
const cst = readFileSync(at('rules', 'treaties', 'cst.yaml'), 'utf8');
write(at('rules', 'treaties', 'cst.yaml'), `${cst}\ndefinitions:\n${bomb.replace(/^ {4}/gm, '')}\n`);

// 2. A mapping of 80,000 keys (the duplicate-key check was quadratic).
write(at('keys.yaml'), `id: x\ntitle: T\nx:\n${Array.from({ length: 80_000 }, (_, i) => `  k${i}: 1\n`).join('')}`);
// 3. A 200 KB territory id (the edit distance of "did you mean" was quadratic in it).
write(at('long-id.yaml'), scenario.replace(/territory: ARM/, `territory: ${'a'.repeat(200_000)}`));
// 4. Very many diagnostics (they overflowed the stack).
write(at('tags.yaml'), `${'- !t '.repeat(100_000)}x\n`);
write(at('braces.yaml'), `x: [${'}'.repeat(300_000)}]\n`);
// 5. Quadratic paths: a chain of 200 what-ifs, 40,000 effects in one event, 10,000 events.
for (let i = 0; i < 200; i++) {
  write(at('chain', 'what-if', `w${String(i).padStart(3, '0')}.yaml`),
    `id: w${i}\ntitle: Step ${i}\nbase: ${i ? `w${String(i - 1).padStart(3, '0')}.yaml` : '../armenia-border-2022.yaml'}\nchanges:\n  - { set: events.offensive.title, value: "step ${i}" }\n`);
}
write(at('chain', 'armenia-border-2022.yaml'), scenario);
write(at('effects.yaml'), scenario.replace(/\n {4}requests:/, `\n    effects:\n${'      - { set: treaties.cst.name, value: CST }\n'.repeat(40_000)}    requests:`));
const events = Array.from({ length: 10_000 }, (_, i) =>
  `  - { id: e${i}, date: 2022-09-13, title: "Event ${i}", kind: armed-attack, attacker: AZE, target: ARM, territory: ARM }`).join('\n');
write(at('events.yaml'), `id: many-events\ntitle: Ten thousand events\nsources: [{ title: generated }]\nevents:\n${events}\n`);

// Each case with the exit it must give: 2 where the input is refused, 0 where it is a (large) valid input.
const CASES: Array<[string, string[], 0 | 2]> = [
  ['1. definition bomb in a what-if: what-if', ['what-if', at('x', 'what-if', 'bomb.yaml')], 2],
  ['1. definition bomb in a what-if: validate', ['validate', at('x', 'what-if', 'bomb.yaml')], 2],
  ['1. definition bomb in an effect: run', ['run', at('bomb-effect.yaml')], 2],
  ['1. definition bomb in a rules file: validate', ['validate', at('rules')], 2],
  ['2. 80,000 keys in one mapping: validate', ['validate', at('keys.yaml')], 2],
  ['3. a 200 KB territory id: validate', ['validate', at('long-id.yaml')], 2],
  ['4. 100,000 unknown tags: validate', ['validate', at('tags.yaml')], 2],
  ['4. 300,000 stray braces: validate', ['validate', at('braces.yaml')], 2],
  ['5. a chain of 200 what-ifs: test', ['test', at('chain', 'what-if'), '--allow-empty'], 0],
  ['5. 40,000 effects in one event: validate', ['validate', at('effects.yaml')], 0],
  ['5. 10,000 events: run (text)', ['run', at('events.yaml')], 0],
];

let failed = 0;
console.log(`Hostile inputs of issue 14, each through bin/casus.js (limit ${LIMIT_MS / 1000} s wall time):\n`);
for (const [name, args, exit] of CASES) {
  const start = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: GUARD_MS, maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - start;
  const trace = /\n\s+at .+:\d+:\d+\)?\n/.test(r.stderr ?? '') || /Maximum call stack/.test(r.stderr ?? '');
  const problems = [
    r.status === null ? `killed after ${GUARD_MS / 1000} s (${r.signal})` : '',
    r.status !== null && r.status !== exit ? `exit ${r.status}, expected ${exit}` : '',
    trace ? 'a stack trace' : '',
    ms > LIMIT_MS ? 'over the limit' : '',
  ].filter(Boolean);
  if (problems.length) failed++;
  console.log(`  ${problems.length ? 'FAIL' : 'ok  '}  ${(ms / 1000).toFixed(2).padStart(6)} s  exit ${String(r.status ?? '-').padEnd(2)} ${name}${problems.length ? `: ${problems.join(', ')}` : ''}`);
}
rmSync(dir, { recursive: true, force: true });
console.log(`\n${CASES.length - failed} of ${CASES.length} within the limit.`);
process.exitCode = failed ? 1 : 0;
