/**
 * Properties over many generated files (fast-check):
 * - a random valid scenario loads without a diagnostic, never crashes the
 *   runner, and gives the same bytes twice;
 * - a random mutation of a valid file (a deleted field, a wrong type, a
 *   garbled date, an unknown code, an unknown field) always ends in exit 2
 *   with at least one located diagnostic and never a stack trace.
 * `npm test` runs a few hundred cases; `npm run fuzz` runs over ten thousand
 * (CASUS_FUZZ_SEED replays a run).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { simulate } from '../src/core/index.js';
import { execute } from '../src/cli/main.js';
import { DIAGNOSTIC_CODES } from '../src/load/diagnostics.js';
import { loadScenarioFile } from '../src/load/load-files.js';
import { renderJson } from '../src/report/render-json.js';
import { renderText } from '../src/report/render-text.js';
import { definitionTree, invalidatingMutation, longId, treeCondition, treeFacts, TREATY, validScenario, vocabularyOf, WORLD, type Json } from './helpers/arbitraries.js';
import { MAX_CONDITION_NODES } from '../src/core/definitions.js';
import { casus, hasStackTrace, ROOT } from './helpers/cli.js';
import { shippedRules } from './helpers/project.js';

/**
 * Cases per in-process property: a few hundred in all by default; under `npm run fuzz`
 * (vitest --mode fuzz) 5,000 each, over 10,000 in all; CASUS_FUZZ_RUNS sets another number.
 */
const MODE = (import.meta as unknown as { env?: { MODE?: string } }).env?.MODE;
const FUZZ = process.env.CASUS_FUZZ_RUNS ? Number(process.env.CASUS_FUZZ_RUNS) : MODE === 'fuzz' ? 5000 : 0;
const runs = (normal: number, fuzz = FUZZ) => (FUZZ > 0 ? fuzz : normal);
const SEED = process.env.CASUS_FUZZ_SEED ? Number(process.env.CASUS_FUZZ_SEED) : undefined;
const settings = (numRuns: number) => ({ numRuns, ...(SEED === undefined ? {} : { seed: SEED }) });
const TIMEOUT = FUZZ > 0 ? 3_600_000 : 120_000;

const { model } = shippedRules();
const vocab = vocabularyOf(model);
const dir = mkdtempSync(join(tmpdir(), 'casus-properties-'));
beforeAll(() => process.chdir(ROOT));
afterAll(() => rmSync(dir, { recursive: true, force: true }), 60_000);

// A few file names in turn: each case is read before the next one is written.
let counter = 0;
const writeYaml = (value: unknown) => {
  const file = join(dir, `case-${counter++ % 8}.yaml`);
  writeFileSync(file, stringify(value));
  return file;
};

const DIAGNOSTIC_LINE = /^.+:\d+:\d+: error \[([a-z0-9-]+)\] /gm;

describe('random valid scenarios', () => {
  it('load without a diagnostic, run without a crash, and give the same bytes twice', async () => {
    let verdicts = 0;
    await fc.assert(
      fc.asyncProperty(validScenario(vocab), async (scenario) => {
        const file = writeYaml(scenario);
        const loaded = loadScenarioFile(file, model);
        expect(loaded.diagnostics).toEqual([]);
        const first = await simulate(model, [loaded.scenario!.value]);
        const second = await simulate(model, [loadScenarioFile(file, model).scenario!.value]);
        expect(renderJson(second)).toBe(renderJson(first));
        expect(renderText(second)).toBe(renderText(first));
        for (const v of first.scenarios[0]!.verdicts) expect(['obliged', 'not-obliged', 'obliged-if-requested']).toContain(v.status);
        verdicts += first.scenarios[0]!.verdicts.length;
      }),
      settings(runs(200)),
    );
    // The generated scenarios reach the engine: most events involve a party of the shipped treaty.
    expect(verdicts).toBeGreaterThan(0);
  }, TIMEOUT);

  it('through the real CLI: exit 0 and the same bytes twice', () => {
    fc.assert(
      fc.property(validScenario(vocab), (scenario) => {
        const file = writeYaml(scenario);
        const a = casus(['run', file, '--format', 'json']);
        const b = casus(['run', file, '--format', 'json']);
        expect([a.exitCode, a.stderr]).toEqual([0, '']);
        expect(b.stdout).toBe(a.stdout);
      }),
      settings(FUZZ > 0 ? 20 : 3),
    );
  }, TIMEOUT);
});

const shipped = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => parse(readFileSync(join(ROOT, 'scenarios', f), 'utf8')) as Json);

/** A shipped scenario or a generated valid one, with one mutation that makes it wrong. */
const mutated = fc
  .oneof(fc.constantFrom(...shipped), validScenario(vocab) as fc.Arbitrary<Json>)
  .chain((original) => invalidatingMutation(original, vocab).map((mutation) => ({ original, mutation })))
  .map(({ original, mutation }) => {
    const copy = structuredClone(original);
    mutation.apply(copy);
    return { value: copy, mutation };
  });

function expectRefusal(r: { exitCode: number; stdout: string; stderr: string }, what: string) {
  expect(r.exitCode, `${what}\n${r.stderr}`).toBe(2);
  expect(r.stdout).toBe('');
  expect(hasStackTrace(r.stderr), r.stderr).toBe(false);
  const codes = [...r.stderr.matchAll(DIAGNOSTIC_LINE)].map((m) => m[1]!);
  expect(codes.length, `${what}\n${r.stderr}`).toBeGreaterThan(0);
  for (const code of codes) expect(Object.keys(DIAGNOSTIC_CODES), what).toContain(code);
  expect(r.stderr).toMatch(/\n\d+ problems? found; nothing was run\.\n$/);
}

describe('random mutations of valid files', () => {
  it('always end in exit 2 with at least one diagnostic, never a stack trace (in-process commands)', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, fc.constantFrom('validate', 'run', 'test'), async ({ value, mutation }, command) => {
        const file = writeYaml(value);
        expectRefusal(await execute([command, file]), `${mutation.kind} at ${mutation.path.join('.')}`);
      }),
      settings(runs(150)),
    );
  }, TIMEOUT);

  it('through the real CLI as well', () => {
    fc.assert(
      fc.property(mutated, ({ value, mutation }) => {
        expectRefusal(casus(['run', writeYaml(value)]), `${mutation.kind} at ${mutation.path.join('.')}`);
      }),
      settings(FUZZ > 0 ? 20 : 5),
    );
  }, TIMEOUT);
});

describe('random mutations of valid rules files', () => {
  const rulesFiles = ['treaties/cst.yaml', 'world/states.yaml', 'world/territories.yaml'].map((name) => ({
    name,
    value: parse(readFileSync(join(ROOT, 'rules', name), 'utf8')) as Json,
    profile: name.startsWith('treaties') ? TREATY : WORLD,
  }));
  const mutatedRules = fc
    .constantFrom(...rulesFiles)
    .chain((file) => invalidatingMutation(file.value, vocab, file.profile).map((mutation) => ({ file, mutation })));

  it('always end in exit 2 with at least one diagnostic: validate on the file, run and list with the folder as --rules', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedRules, fc.constantFrom('validate', 'run', 'list'), async ({ file, mutation }, command) => {
        const rules = join(dir, `rules-${counter++ % 4}`);
        rmSync(rules, { recursive: true, force: true });
        mkdirSync(rules);
        cpSync(join(ROOT, 'rules'), rules, { recursive: true });
        const copy = structuredClone(file.value);
        mutation.apply(copy);
        writeFileSync(join(rules, file.name), stringify(copy));
        const args =
          command === 'validate' ? ['validate', join(rules, file.name)]
          : command === 'run' ? ['run', 'scenarios/armenia-border-2022.yaml', '--rules', rules]
          : ['list', '--rules', rules];
        expectRefusal(await execute(args), `${file.name}: ${mutation.kind} at ${mutation.path.join('.')}`);
      }),
      settings(runs(60, 1000)),
    );
  }, TIMEOUT);
});

describe('ids of any length (issue 14: a 200 KB territory took 68 s and was echoed whole)', () => {
  const field = fc.constantFrom('id', 'territory', 'attacker', 'target');
  it('a shipped scenario with one id made long or strange: exit 0 or 2, never a trace, the message short', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...shipped), field, longId, async (original, name, id) => {
        const copy = structuredClone(original) as { id: string; events: Array<Record<string, unknown>> };
        if (name === 'id') copy.id = id;
        else copy.events[0]![name] = id;
        const r = await execute(['validate', writeYaml(copy)]);
        expect([0, 2]).toContain(r.exitCode);
        expect(hasStackTrace(r.stderr)).toBe(false);
        expect(r.stderr.length).toBeLessThan(4000);
        expect(r.stderr).not.toContain('\u001b');
        if (id.length > 100) expect(r.exitCode).toBe(2);
      }),
      settings(runs(30, 300)),
    );
  }, TIMEOUT);
});

describe('random definition trees (issue 14: a 2.5 KB definition bomb grew to 4.1 GB)', () => {
  it('Article 4 read with generated definitions: a cycle or a tree past the limit is refused and located; any other tree is judged, and Russia is obliged exactly when the tree holds', async () => {
    // A what-if's base lies in its own folder: a copy of the shipped case beside the generated files.
    cpSync(join(ROOT, 'scenarios', 'armenia-border-2022.yaml'), join(dir, 'armenia-border-2022.yaml'));
    const base = 'armenia-border-2022.yaml';
    await fc.assert(
      fc.asyncProperty(definitionTree, async (defs) => {
        const file = writeYaml({
          id: 'generated-definitions',
          title: 'Article 4 with generated definitions',
          base,
          changes: [
            { set: 'treaties.cst.definitions', value: Object.fromEntries(defs.map((d, i) => [`d${i}`, treeCondition(d)])) },
            { add: 'treaties.cst.clauses.art-4.versions.2012-12-19.conditions.all', value: { condition: 'd0' } },
          ],
        });
        const r = await execute(['what-if', file, '--format', 'json']);
        expect(hasStackTrace(r.stderr), r.stderr).toBe(false);
        const facts = treeFacts(defs);
        const codes = [...r.stderr.matchAll(DIAGNOSTIC_LINE)].map((m) => m[1]!);
        if (facts.cycle) {
          expect(r.exitCode, r.stderr).toBe(2);
          expect(codes.every((c) => c === 'definition-cycle' || c === 'condition-too-large'), r.stderr).toBe(true);
          return;
        }
        const largest = Math.max(...facts.size);
        if (largest > MAX_CONDITION_NODES) {
          expect(r.exitCode, r.stderr).toBe(2);
          expect(codes, r.stderr).toContain('condition-too-large');
          expect(r.stderr).toMatch(/:\d+:\d+: error \[condition-too-large\] treaties\.cst\./);
        } else if (largest < MAX_CONDITION_NODES - 1000) {
          // The clause's own tests take far fewer than 1,000 nodes: this tree fits, and is judged.
          expect(r.exitCode, r.stderr).toBe(0);
          const rows = (JSON.parse(r.stdout) as { rows: Array<{ event: string; clause: string; obligor: string; variant: { status: string } }> }).rows;
          const russia = rows.find((x) => x.event === 'offensive' && x.clause === 'cst/art-4' && x.obligor === 'RUS')!;
          expect(russia.variant.status).toBe(facts.value(0) ? 'obliged' : 'not-obliged');
        } else expect([0, 2]).toContain(r.exitCode);
      }),
      settings(runs(25, 500)),
    );
  }, TIMEOUT);
});
