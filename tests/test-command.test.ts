/** `casus test` never passes on nothing, and checks the expectations a what-if's changes set. */
import { describe, expect, it } from 'vitest';
import { casus } from './helpers/cli.js';

const dir = 'tests/fixtures/test-command';

describe('casus test never passes on nothing', () => {
  it('a file with no expectation says so and exits 1', () => {
    const r = casus(['test', `${dir}/no-expectations.yaml`]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('no expectations: nothing in this file is checked');
    expect(r.stdout).toContain('no expectations in this run: nothing was checked');
  });

  it('with --allow-empty the same file passes, still saying nothing was checked', () => {
    const r = casus(['test', `${dir}/no-expectations.yaml`, '--allow-empty']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('no expectations in this run: nothing was checked');
  });

  it("a what-if's change that sets `expect` on the variant's event is checked, and passes when it holds", () => {
    const r = casus(['test', `${dir}/sets-expect-passing.yaml`]);
    expect(r.stdout).toContain('1 passed, 0 failed');
    expect(r.exitCode).toBe(0);
  });

  it("a what-if's change that adds a wrong expectation on the variant's event fails the run", () => {
    const r = casus(['test', `${dir}/sets-expect-failing.yaml`]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('RUS: status is obliged-if-requested, expected obliged');
  });
});
