/**
 * Guards on the code itself, run as part of `npm test`:
 * - the layers (dependency-cruiser, .dependency-cruiser.cjs): schema <- core <- load/report <- cli/web,
 *   no import against the flow, no import cycle, no `node:*` module in the pure core;
 * - nothing unused (knip, knip.jsonc): no unused file, export or dependency.
 * Each prints its findings, so a failure says what to fix.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { ROOT } from './helpers/cli.js';

const npmRun = (script: string) => {
  const r = spawnSync('npm', ['run', '-s', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { exitCode: r.status, output: `${r.stdout}${r.stderr}` };
};

describe('guards', () => {
  it('every import follows the layers, none closes a cycle, and the core imports no Node module', () => {
    const r = npmRun('guard:layers');
    expect(r.output).not.toMatch(/error /);
    expect(r.exitCode, r.output).toBe(0);
  }, 240_000);

  it('no file, export or dependency is unused', () => {
    const r = npmRun('guard:unused');
    expect(r.output.trim()).toBe('');
    expect(r.exitCode, r.output).toBe(0);
  }, 240_000);
});
