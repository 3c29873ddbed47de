/** Same input, same bytes; and the core stays pure so it runs in the browser too. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { casus, ROOT } from './helpers/cli.js';

describe('determinism', () => {
  it.each([['text'], ['json'], ['markdown'], ['html']])('running the casebook twice gives the same bytes (%s)', (format) => {
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

describe('the classroom page', () => {
  const dir = join(ROOT, 'src', 'web');
  // vite.config.ts is the page's build script, run by Node; it is not part of the page.
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'vite.config.ts');
  it('has source files', () => expect(files.length).toBeGreaterThan(3));
  it.each(files)('%s imports only the core, the renderers, the schemas, its own files and browser-safe packages', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const imports = [...text.matchAll(/^\s*import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
    for (const spec of imports) {
      if (spec.startsWith('.')) expect(spec, `${file} imports ${spec}`).toMatch(/^(\.\/[\w.-]+|\.\/panels\/[\w.-]+|\.\.\/(core|report|schema)\/[\w.-]+)$/);
      else expect(spec, `${file} imports ${spec}`).not.toMatch(/^(node:|fs|path|os|child_process|process|http|net)\b/);
    }
  });
  it('the renderers it uses import no node module either', () => {
    for (const f of readdirSync(join(ROOT, 'src', 'report')).filter((x) => x.endsWith('.ts'))) {
      expect(readFileSync(join(ROOT, 'src', 'report', f), 'utf8'), f).not.toMatch(/from ['"](node:|fs|path|os)['"/]/);
    }
  });
});
