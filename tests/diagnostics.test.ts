/**
 * Diagnostics are data: {code, file, line, column, pointer, field, message,
 * hint}, collected for every file before anything is refused, and worded by
 * one renderer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { didYouMean, renderDiagnostics } from '../src/load/diagnostics.js';
import { loadScenarios } from '../src/load/load-files.js';
import { ROOT } from './helpers/cli.js';
import { shippedRules } from './helpers/project.js';

beforeAll(() => process.chdir(ROOT));
const { model } = shippedRules();
const fixture = (name: string) => join(ROOT, 'tests', 'fixtures', 'invalid', 'scenarios', name);

describe('a diagnostic', () => {
  it('names the code, the file relative to the working folder, line, column, JSON pointer, field, message and near miss', () => {
    const { diagnostics } = loadScenarios([fixture('unknown-state.yaml')], model);
    expect(diagnostics).toEqual([
      {
        code: 'unknown-state',
        file: 'tests/fixtures/invalid/scenarios/unknown-state.yaml',
        line: 9,
        column: 15,
        pointer: '/events/0/attacker',
        field: 'events.offensive.attacker',
        message: 'unknown state "AEZ"',
        hint: 'did you mean "AZE"?',
      },
    ]);
  });

  it('is collected for every file before anything is refused', () => {
    const tooDeep = join(ROOT, 'tests', 'fixtures', 'invalid', 'files', 'too-deep.yaml');
    const { diagnostics } = loadScenarios([fixture('unknown-state.yaml'), fixture('invalid-date.yaml'), tooDeep, fixture('request-before-event.yaml')], model);
    expect(diagnostics.map((d) => `${d.file.split('/').pop()} ${d.code}`).sort()).toEqual([
      'invalid-date.yaml invalid-date',
      // The two files that load both have the id "fixture": a check across files.
      'request-before-event.yaml duplicate-id',
      'request-before-event.yaml request-before-event',
      'too-deep.yaml too-deep',
      'unknown-state.yaml unknown-state',
    ]);
  });

  it('is rendered one way: where, code, field, what is wrong, then the hint; each problem once, in order', () => {
    const d = { code: 'unknown-state', file: 'a.yaml', line: 3, column: 7, pointer: '/events/0/target', field: 'events.e.target', message: 'unknown state "ARN"', hint: 'did you mean "ARM"?' };
    expect(renderDiagnostics([{ ...d, line: 9 }, d, d])).toBe(
      'a.yaml:3:7: error [unknown-state] events.e.target: unknown state "ARN"\n  hint: did you mean "ARM"?\n' +
        'a.yaml:9:7: error [unknown-state] events.e.target: unknown state "ARN"\n  hint: did you mean "ARM"?\n' +
        '2 problems found; nothing was run.\n',
    );
  });
});

describe('the near miss', () => {
  it.each([
    ['RSU', ['RUS', 'ROU', 'USA'], 'did you mean "RUS" or "ROU"?'],
    ['armed-atack', ['armed-attack', 'armed-clash'], 'did you mean "armed-attack"?'],
    ['cst/art-44', ['cst/art-4', 'cst/art-2'], 'did you mean "cst/art-4"?'],
    ['zzz', ['RUS', 'ARM'], undefined],
  ])('%s among %j: %s', (value, candidates, expected) => {
    expect(didYouMean(value, candidates)).toBe(expected);
  });
});
