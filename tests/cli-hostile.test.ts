/**
 * The command line against a careless or hostile user (issue 14): `why-not
 * --save` never destroys its input or another file (item 11), and `serve`
 * refuses an empty host, checks the Host header whatever it binds, and warns
 * only when other machines can connect (item 13). A closed pipe: run-streaming.test.ts.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostChecker, isLoopback } from '../src/cli/commands/serve.js';
import { execute } from '../src/cli/main.js';
import { hasStackTrace } from './helpers/cli.js';
import { SCENARIOS } from './helpers/project.js';
import { rawGet, startServe, type Running } from './helpers/serve.js';

describe('why-not --save (issue 14, item 11)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casus-save-'));
  const k = join(dir, 'k.yaml');
  const original = readFileSync(join(SCENARIOS, 'armenia-border-2022.yaml'), 'utf8');
  const whyNot = (...extra: string[]) => execute(['why-not', k, '--clause', 'cst/art-4', '--obligor', 'KAZ', ...extra]);
  beforeAll(() => writeFileSync(k, original));

  it('refuses to write over the scenario it was asked about, even with --force', async () => {
    for (const force of [[], ['--force']]) {
      const r = await whyNot('--save', k, ...force);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain('which the new file is made from');
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(readFileSync(k, 'utf8')).toBe(original);
    }
  });

  it('refuses a link to it, and any file in a what-if chain of bases', async () => {
    symlinkSync(k, join(dir, 'link.yaml'));
    expect((await whyNot('--save', join(dir, 'link.yaml'), '--force')).exitCode).toBe(2);
    expect(readFileSync(k, 'utf8')).toBe(original);
    // A what-if on k: saving over its root scenario would make a cycle and lose the scenario.
    const chain = join(dir, 'what-if');
    mkdirSync(chain);
    copyFileSync(join(SCENARIOS, 'armenia-border-2022.yaml'), join(dir, 'armenia-border-2022.yaml'));
    copyFileSync(join(SCENARIOS, 'what-if', 'armenia-border-2022-no-request.yaml'), join(chain, 'w.yaml'));
    const r = await execute(['why-not', join(chain, 'w.yaml'), '--clause', 'cst/art-4', '--obligor', 'RUS', '--save', join(dir, 'armenia-border-2022.yaml'), '--force']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('armenia-border-2022.yaml, which the new file is made from');
    expect(readFileSync(join(dir, 'armenia-border-2022.yaml'), 'utf8')).toBe(original);
  });

  it('refuses any other existing file without --force, and replaces it whole with --force', async () => {
    const other = join(dir, 'notes.yaml');
    writeFileSync(other, '# my notes\n');
    const refused = await whyNot('--save', other);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('the file exists; choose another name, or add --force to replace it');
    expect(readFileSync(other, 'utf8')).toBe('# my notes\n');
    const forced = await whyNot('--save', other, '--force');
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(other, 'utf8')).toMatch(/^# yaml-language-server: \$schema=.*what-if\.schema\.json\n[\s\S]*\nbase: k\.yaml\n/);
    expect((await execute(['what-if', other])).exitCode).toBe(0);
  });

  it('writes a new file, and leaves no temporary file behind', async () => {
    const fresh = join(dir, 'fresh.yaml');
    expect((await whyNot('--save', fresh)).exitCode).toBe(0);
    expect(readFileSync(fresh, 'utf8')).toContain('base: k.yaml');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});

/** `casus serve ARGS` running for the tests of one describe block. */
function serving(args: string[]): () => Running {
  let server: Running | undefined;
  beforeAll(async () => {
    server = await startServe(args);
  }, 60_000);
  afterAll(async () => server?.stop());
  return () => server!;
}

describe('serve: which addresses are this machine only (issue 14, item 13)', () => {
  it.each(['127.0.0.1', '127.0.0.2', '127.255.255.254', '::1', '0:0:0:0:0:0:0:1', '0000:0000:0000:0000:0000:0000:0000:0001', '::ffff:127.0.0.1'])(
    '%s is loopback', (address) => expect(isLoopback(address)).toBe(true));
  it.each(['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', '192.168.1.20', '::2', 'localhost', ''])('%s is not', (address) => expect(isLoopback(address)).toBe(false));

  it('accepts a Host that names an address, localhost or the host given, and refuses any other name', () => {
    const allowed = hostChecker('127.0.0.2');
    for (const host of ['127.0.0.2:4600', '127.0.0.1', 'localhost:4600', 'LOCALHOST', '[::1]:4600', '[0:0:0:0:0:0:0:1]', '192.168.1.20:4600']) expect(allowed(host)).toBe(true);
    for (const host of ['evil.com', 'evil.com:4600', '127.0.0.2.evil.com', '', undefined, '[::1].evil.com']) expect(allowed(host)).toBe(false);
    expect(hostChecker('classroom.local')('classroom.local:4600')).toBe(true);
  });

  it('refuses an empty --host (it would bind every interface)', async () => {
    for (const host of ['', ' ']) {
      const r = await execute(['serve', '--host', host, '--port', '0']);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toBe('casus: --host is empty; give an address, e.g. 127.0.0.1 (this machine only) or 0.0.0.0 (every network)\n');
    }
  });

  describe('bound to another loopback address', () => {
    const served = serving(['--port', '0', '--host', '127.0.0.2']);
    it('checks the Host header there too, and gives no warning about other machines', async () => {
      const server = served();
      const port = new URL(server.url).port;
      expect(server.url).toBe(`http://127.0.0.2:${port}/`);
      expect(server.stdout).not.toContain('other machines');
      expect((await rawGet(server.url, '/', 'GET', 'evil.com')).status).toBe(403);
      expect((await rawGet(server.url, '/', 'GET', `127.0.0.2:${port}`)).status).toBe(200);
    });
  });

  describe('bound to every network', () => {
    const served = serving(['--port', '0', '--host', '0.0.0.0']);
    it('warns that other machines can connect, and still refuses a request naming another host', async () => {
      const server = served();
      expect(server.stdout).toContain('Listening on 0.0.0.0: other machines on this network can open the page.');
      expect((await rawGet(server.url, '/', 'GET', 'evil.com:80')).status).toBe(403);
      expect((await rawGet(server.url, '/', 'GET', `127.0.0.1:${new URL(server.url).port}`)).status).toBe(200);
    });
  });
});
