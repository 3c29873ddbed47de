/** The README's set-up commands exist and the commands it shows run. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { casus, ROOT } from './helpers/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('the README', () => {
  it('gives the two set-up commands, and package.json backs them', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
    expect(pkg.scripts.start).toBe('node bin/casus.js run scenarios/');
    expect(pkg.scripts.prepare).toBeDefined();
  });

  // `serve` runs until stopped, so it is started and stopped in serve-and-export.test.ts instead.
  const longRunning = (args: string[]) => args[0] === 'serve';
  const all = [...readme.matchAll(/^npx casus (.+?)(?:\s{2,}#.*)?$/gm)].map((m) => m[1]!.trim().split(/\s+/));
  const shown = all.filter((args) => !longRunning(args));
  it('shows how to start the classroom page', () => expect(all.some(longRunning)).toBe(true));
  it('shows the commands of the CLI', () => expect(shown.length).toBeGreaterThanOrEqual(6));
  it.each(shown.map((args) => [args.join(' '), args] as const))('npx casus %s runs', (_line, args) => {
    const r = casus(args);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(20);
  });
});
