/** `casus serve` and `casus export`: the page and its data, on loopback only, and nothing else. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { casus, hasStackTrace, ROOT } from './helpers/cli.js';
import { rawGet, startServe, type Running } from './helpers/serve.js';

describe('casus serve', () => {
  let server: Running;
  beforeAll(async () => {
    server = await startServe(['--port', '0']);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('listens on 127.0.0.1, prints the URL, and says how to stop it', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.stdout).toContain('Press Ctrl+C to stop');
    const shipped = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).length;
    expect(server.stdout).toContain(`${shipped} scenarios loaded`);
  });

  it('serves the page, its script and style, and the loaded casebook', async () => {
    const page = await rawGet(server.url, '/');
    expect(page.status).toBe(200);
    expect(page.head).toMatch(/content-type: text\/html/i);
    expect(page.body).toContain('<script src="data.js"></script>');
    for (const file of ['/casus.js', '/casus.css', '/index.html']) expect((await rawGet(server.url, file)).status).toBe(200);
    const data = await rawGet(server.url, '/data.js');
    expect(data.body).toContain('window.CASUS_DATA = ');
    for (const id of ['armenia-border-2022', 'nagorno-karabakh-2023', 'osh-2010']) expect(data.body).toContain(`"id":"${id}"`);
  });

  const traversals = [
    '/../package.json', '/..%2fpackage.json', '/%2e%2e/package.json', '/%2e%2e%2fpackage.json', '/%2E%2E%2Fpackage.json',
    '/..%5cpackage.json', '/..\\package.json', '//package.json', '/./package.json', '/package.json', '/dist/web/casus.js',
    '/casus.js/../../package.json', '/%252e%252e/package.json', '/..%c0%afpackage.json', '../package.json', '/rules/treaties/cst.yaml',
    '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/..;/package.json',
  ];
  it.each(traversals)('refuses %s: only its own files, never the project or the disk', async (path) => {
    const r = await rawGet(server.url, path);
    expect([400, 404]).toContain(r.status);
    expect(r.body).not.toContain('"name": "casus"');
    expect(r.body).not.toContain('root:');
  });

  it('answers only GET and HEAD', async () => {
    expect((await rawGet(server.url, '/', 'POST')).status).toBe(405);
    const head = await rawGet(server.url, '/casus.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('refuses a request for another host name (DNS rebinding)', async () => {
    expect((await rawGet(server.url, '/data.js', 'GET', 'evil.example:80')).status).toBe(403);
    expect((await rawGet(server.url, '/', 'GET', `localhost:${new URL(server.url).port}`)).status).toBe(200);
  });

  it('forbids the page from loading anything from elsewhere', async () => {
    const r = await rawGet(server.url, '/');
    expect(r.head).toMatch(/content-security-policy: default-src 'none'; script-src 'self'/i);
  });
});

describe('casus serve: stopping', () => {
  it('Ctrl+C (SIGINT) closes the server and exits 0', async () => {
    const running = await startServe(['--port', '0']);
    const exited = new Promise<number | null>((done) => running.child.once('exit', (code) => done(code)));
    let out = '';
    running.child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    running.child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toContain('casus: stopped.');
  });
});

describe("casus serve: a user's mistakes", () => {
  it('a port that is taken: exit 2 with advice, no stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', () => done()));
    const port = (blocker.address() as { port: number }).port;
    const r = casus(['serve', '--port', String(port)]);
    blocker.close();
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`port ${port} is in use`);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('a port out of range: exit 2', () => {
    const r = casus(['serve', '--port', '70000']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--port must be a whole number from 0 to 65535');
  });
});

describe('casus export', () => {
  it('writes the page as static files that need no server: the data is a script beside it', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'casus-site-')), 'site');
    const r = casus(['export', '--out', out]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('index.html');
    for (const f of ['index.html', 'casus.js', 'casus.css', 'data.js']) expect(existsSync(join(out, f))).toBe(true);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    // Classic scripts, relative paths: opening the file from disk works (module scripts are refused on file://).
    expect(html).not.toMatch(/type="module"/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(readFileSync(join(out, 'data.js'), 'utf8')).not.toContain('</script');
  });

  it('gives the same bytes twice', () => {
    const a = join(mkdtempSync(join(tmpdir(), 'casus-site-')), 'a');
    const b = join(mkdtempSync(join(tmpdir(), 'casus-site-')), 'b');
    casus(['export', '--out', a]);
    casus(['export', '--out', b]);
    expect(readFileSync(join(a, 'data.js'))).toEqual(readFileSync(join(b, 'data.js')));
  });

  it('refuses an --out that is a file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'casus-site-')), 'taken');
    writeFileSync(file, 'x');
    const r = casus(['export', '--out', file]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('is a file; name a folder');
  });
});
