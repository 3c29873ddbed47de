/**
 * Same input, same bytes, checked against a run that differs in everything that must not matter:
 * the order of keys in every YAML file (rules and scenarios), the folder the files sit in, the
 * working directory, the time zone and the locale. And the core stays pure so it runs in the
 * browser too.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse, stringify } from 'yaml';
import { casus, ROOT } from './helpers/cli.js';

/** Every mapping with its keys in reverse order (lists keep theirs: order in a list is meaning). */
const reversedKeys = (node: unknown): unknown =>
  Array.isArray(node) ? node.map(reversedKeys)
  : node && typeof node === 'object' ? Object.fromEntries(Object.entries(node).reverse().map(([k, v]) => [k, reversedKeys(v)]))
  : node;

/** A copy of a folder of YAML files, each rewritten with its keys reversed. */
function reversedCopy(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const [src, dst] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) reversedCopy(src, dst);
    else if (entry.name.endsWith('.yaml')) writeFileSync(dst, stringify(reversedKeys(parse(readFileSync(src, 'utf8'))), { lineWidth: 0 }));
    else cpSync(src, dst);
  }
}

describe('determinism', () => {
  const elsewhere = mkdtempSync(join(tmpdir(), 'casus-elsewhere-'));
  reversedCopy(join(ROOT, 'rules'), join(elsewhere, 'rules'));
  reversedCopy(join(ROOT, 'scenarios'), join(elsewhere, 'cases'));
  const other = { cwd: elsewhere, env: { TZ: 'Pacific/Kiritimati', LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8' } };
  const here = { env: { TZ: 'America/Los_Angeles', LC_ALL: 'C', LANG: 'C' } };

  it.each([['text'], ['json'], ['markdown'], ['html']])(
    'the casebook gives the same bytes (%s) with its keys reordered, from another folder, time zone and locale',
    (format) => {
      const a = casus(['run', 'scenarios/', '--format', format], here);
      const b = casus(['run', 'cases/', '--rules', 'rules/', '--format', format], other);
      expect([a.exitCode, a.stderr, b.exitCode, b.stderr]).toEqual([0, '', 0, '']);
      expect(a.stdout).toMatch(/cst\/art-4/);
      expect(b.stdout).toBe(a.stdout);
    },
  );

  it('the reordered copy really differs from the shipped files', () => {
    const file = 'armenia-border-2022.yaml';
    expect(readFileSync(join(elsewhere, 'cases', file), 'utf8')).not.toBe(readFileSync(join(ROOT, 'scenarios', file), 'utf8'));
    rmSync(elsewhere, { recursive: true, force: true });
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
      if (spec.startsWith('.')) expect(spec, `${file} imports ${spec}`).toMatch(/^(\.\/[\w.-]+|\.\/(panels|i18n)\/[\w.-]+|\.\.\/(core|report|schema)\/[\w.-]+)$/);
      else expect(spec, `${file} imports ${spec}`).not.toMatch(/^(node:|fs|path|os|child_process|process|http|net)\b/);
    }
  });
  it('the renderers it uses import no node module either', () => {
    for (const f of readdirSync(join(ROOT, 'src', 'report')).filter((x) => x.endsWith('.ts'))) {
      expect(readFileSync(join(ROOT, 'src', 'report', f), 'utf8'), f).not.toMatch(/from ['"](node:|fs|path|os)['"/]/);
    }
  });
});

describe('the order of rows does not follow the machine locale', () => {
  // Node's Intl takes its locale from LC_ALL or LANG: under cs_CZ "ch" sorts after "h", so
  // localeCompare put Chile (CHL) after Haiti (HTI). Both locales must give the same bytes.
  const locales = ['C', 'cs_CZ.UTF-8'];
  const env = (locale: string) => ({ LANG: locale, LC_ALL: locale });

  it('the child really sorts by locale under cs_CZ (else this test proves nothing)', () => {
    const r = spawnSync(process.execPath, ['-e', "process.stdout.write(String('ch'.localeCompare('h')))"], { encoding: 'utf8', env: { ...process.env, ...env('cs_CZ.UTF-8') } });
    expect(r.stdout).toBe('1');
  });

  it.each([['text'], ['markdown']])('run --format %s: the same bytes under LANG=C and LANG=cs_CZ.UTF-8, Chile before Colombia before Haiti', (format) => {
    const [c, cs] = locales.map((l) => casus(['run', 'scenarios/falklands-1982.yaml', '--format', format], { env: env(l) }));
    expect(c!.exitCode).toBe(0);
    expect(cs!.stdout).toBe(c!.stdout);
    const at = (code: string) => c!.stdout.indexOf(`${format === 'markdown' ? '| ' : ''}${code} `);
    expect(at('CHL')).toBeGreaterThan(0);
    expect(at('CHL')).toBeLessThan(at('COL'));
    expect(at('COL')).toBeLessThan(at('HTI'));
  });
});
