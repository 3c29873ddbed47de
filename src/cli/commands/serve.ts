/**
 * `casus serve`: the classroom page on a local web server. It binds 127.0.0.1
 * unless told otherwise and answers only with the files of the page (an exact
 * name match, so no path can reach anything else), to GET and HEAD only, and
 * only to requests that name this machine (no DNS rebinding).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { BlockList, isIP, type AddressInfo } from 'node:net';
import { hostname as machineName } from 'node:os';
import type { Output } from '../output.js';
import { pageFiles, type PageFiles, type PageOptions } from '../page-files.js';

export const DEFAULT_PORT = 4600;
export const DEFAULT_HOST = '127.0.0.1';

export interface ServeOptions extends PageOptions {
  port?: number;
  host?: string;
}

export interface Serving {
  output: Output;
  server?: Server;
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  // The page needs nothing from anywhere else: its own scripts and styles, and no connections.
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

/** The file a request names: "/" is the page; anything else must match a file name exactly. */
export function fileNameOf(url: string | undefined): string | undefined {
  const path = (url ?? '').split(/[?#]/, 1)[0]!;
  if (path === '/' || path === '/index.html') return 'index.html';
  // No decoding and no normalizing: "/casus.js" is served, "/../x", "/%2e%2e/x" and "//x" are not names.
  return /^\/[a-z]+\.(js|css|html)$/.test(path) ? path.slice(1) : undefined;
}

/** The host a Host header names, without its port or an IPv6 address's brackets, in lower case. */
function hostNamed(header: string): string {
  const v6 = /^\[([^\]]*)\](?::\d*)?$/.exec(header);
  return (v6 ? v6[1]! : header.replace(/:\d*$/, '')).toLowerCase();
}

/**
 * Which Host headers name this server. A web page elsewhere can make its own
 * name point at this machine (DNS rebinding); its requests then carry that
 * name. So a request must name an address (which no such page can make a
 * browser send), localhost, the --host given, or this machine's own name.
 */
export function hostChecker(host: string): (header: string | undefined) => boolean {
  const names = new Set(['localhost', hostNamed(host), machineName().toLowerCase()]);
  return (header) => {
    const named = hostNamed(header ?? '');
    return named !== '' && (isIP(named) !== 0 || names.has(named));
  };
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** 127.0.0.0/8 and ::1, however written (an IPv4-mapped address too). */
export function isLoopback(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && LOOPBACK.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export function handler(files: PageFiles, hostAllowed: (header: string | undefined) => boolean) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (!hostAllowed(req.headers.host)) {
      res.writeHead(403, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('forbidden: open the page at the address casus serve printed\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('method not allowed\n');
      return;
    }
    const name = fileNameOf(req.url);
    const file = name === undefined ? undefined : files.get(name);
    if (!file) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Content-Length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };
}

function listen(server: Server, port: number, host: string): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((done) => {
    const onError = (e: NodeJS.ErrnoException) => done(e);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      done(undefined);
    });
  });
}

/** Start the server; the caller keeps the process alive while it listens. */
export async function serveCommand(o: ServeOptions): Promise<Serving> {
  if (o.port !== undefined && !(Number.isInteger(o.port) && o.port >= 0 && o.port <= 65535))
    return { output: { exitCode: 2, stdout: '', stderr: `casus: --port must be a whole number from 0 to 65535 (0: any free port)\n` } };
  // An empty host would bind every interface, the opposite of what leaving it out does.
  if (o.host !== undefined && o.host.trim() === '')
    return { output: { exitCode: 2, stdout: '', stderr: `casus: --host is empty; give an address, e.g. ${DEFAULT_HOST} (this machine only) or 0.0.0.0 (every network)\n` } };
  const page = pageFiles(o);
  if ('exitCode' in page) return { output: page };
  const host = o.host ?? DEFAULT_HOST;
  const server = createServer(handler(page.files, hostChecker(host)));
  let error = await listen(server, o.port ?? DEFAULT_PORT, host);
  // The default port may be taken (a second class, another tool): any free port will do then.
  if (error?.code === 'EADDRINUSE' && o.port === undefined) error = await listen(server, 0, host);
  if (error) {
    const why = error.code === 'EADDRINUSE' ? `port ${o.port} is in use; choose another with --port, or --port 0 for any free port`
      : error.code === 'EACCES' ? `not allowed to listen on port ${o.port}; choose a port above 1023`
      : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' ? `cannot listen on host "${host}"; the default is ${DEFAULT_HOST}`
      : `cannot listen on ${host}:${o.port ?? DEFAULT_PORT} (${error.code ?? error.message})`;
    return { output: { exitCode: 2, stdout: '', stderr: `casus: ${why}\n` } };
  }
  const { port, address } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  const lines = [
    `casus: the classroom page is at http://${shown}:${port}/`,
    `  ${page.scenarios.length} scenario${page.scenarios.length === 1 ? '' : 's'} loaded. Press Ctrl+C to stop.`,
  ];
  // Judged from the address actually bound, so every spelling of a loopback address (and localhost) counts as one.
  if (!isLoopback(address)) lines.push(`  Listening on ${host}: other machines on this network can open the page.`);
  return { output: { exitCode: 0, stdout: lines.join('\n') + '\n', stderr: '' }, server };
}
