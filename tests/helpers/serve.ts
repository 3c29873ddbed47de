/** Start `casus serve` (or any long-running casus command) as a user would, and stop it afterwards. */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { BIN, ROOT } from './cli.js';

export interface Running {
  url: string;
  stdout: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function startServe(args: string[] = ['--port', '0']): Promise<Running> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { void stop(); reject(new Error(`casus serve did not start: ${stdout}${stderr}`)); }, 15_000);
    child.stdout!.on('data', (b: Buffer) => {
      stdout += b.toString();
      const m = /http:\/\/[^\s/]+\//.exec(stdout);
      if (m && stdout.includes('\n')) {
        clearTimeout(timer);
        resolve({ url: m[0], stdout, child, stop });
      }
    });
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`casus serve exited with ${code}: ${stderr}`)); });
  });
}

/** Send a request line exactly as written (no client-side normalizing of the path) and return status and body. */
export function rawGet(url: string, path: string, method = 'GET', host?: string): Promise<{ status: number; body: string; head: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`${method} ${path} HTTP/1.1\r\nHost: ${host ?? `${hostname}:${port}`}\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    socket.on('data', (b) => (data += b.toString('latin1')));
    socket.on('end', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, body: rest.join('\r\n\r\n') });
    });
    socket.on('error', reject);
  });
}


