/** Same input, same bytes; and the core stays pure so it runs in the browser too. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { casus, ROOT } from './helpers/cli.js';

describe('determinism', () => {
  it.each([['text'], ['json']])('running the casebook twice gives the same bytes (%s)', (format) => {
    const a = casus(['run', 'scenarios/', '--format', format]);
    const b = casus(['run', 'scenarios/', '--format', format]);
    expect(a.exitCode).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(b.stdout).toBe(a.stdout);
  });
});

describe('the pure core', () => {
  const dir = join(ROOT, 'src', 'core');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  it.each(files)('%s imports nothing from node, no clock and no randomness', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text).not.toMatch(/from ['"](node:|fs|path|os|child_process|process)['"/]/);
    expect(text).not.toMatch(/\b(Date\.now|new Date\(\)|Math\.random|console\.|process\.)/);
    expect(text).not.toMatch(/from ['"]\.\.\/(load|cli|report)\//);
  });
});
