/**
 * The casus command line: the only place that writes to the terminal. Exit
 * codes: 0 done, 1 an expectation failed, 2 bad input (with a message naming
 * file, line and field), never a stack trace for a user's mistake.
 *
 * It loads only what the command line asks for: `--help` and `--version` are
 * answered from the command table alone (help.ts); anything else loads yargs
 * (parse-argv.ts), which loads the one command it runs.
 */
import type { Server } from 'node:http';
import { quickAnswer } from './help.js';
import type { Output } from './output.js';

function colorDefault(stream: NodeJS.WriteStream): boolean {
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

/** Ctrl+C (or a service manager's SIGTERM) closes the server and lets the process end with exit 0. */
function stopOnSignal(server: Server): void {
  const stop = () => {
    process.stdout.write('casus: stopped.\n');
    server.closeAllConnections();
    server.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function dispatch(argv: readonly string[]): Promise<Output & { server?: Server }> {
  // Help and version are casus's own fixed words: answered before anything else is loaded.
  const quick = quickAnswer(argv);
  if (quick) return quick;
  const out = await (await import('./parse-argv.js')).parseAndRun(argv);
  // Every control character from a file or an argument made visible, never obeyed by the terminal.
  const { safeOutput } = await import('../core/safe-text.js');
  const safe = { ...out, stdout: safeOutput(out.stdout), stderr: safeOutput(out.stderr) };
  if (!out.stream) return safe;
  const stream = out.stream;
  return { ...safe, stream: (async function* () { for await (const chunk of stream) yield safeOutput(chunk); })() };
}

/** Parse argv and run one command; returns its output, a streamed report read to the end, without printing. */
export async function execute(argv: readonly string[]): Promise<Output> {
  const out = await dispatch(argv);
  if (!out.stream) return { exitCode: out.exitCode, stdout: out.stdout, stderr: out.stderr };
  const parts = [out.stdout];
  for await (const chunk of out.stream) parts.push(chunk);
  return { exitCode: out.exitCode, stdout: parts.join(''), stderr: out.stderr };
}

/**
 * Writes to one of the process's streams, waiting whenever its buffer is full
 * (so a long report is never held in memory), and noticing when the reader has
 * gone: `casus run | head -1` closes the pipe, and that ends the run quietly.
 */
function sink(stream: NodeJS.WriteStream) {
  let failure: NodeJS.ErrnoException | undefined;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    failure ??= e;
  });
  const settled = () =>
    new Promise<void>((done) => {
      const finish = () => {
        for (const event of ['drain', 'error', 'close']) stream.off(event, finish);
        done();
      };
      for (const event of ['drain', 'error', 'close']) stream.on(event, finish);
    });
  return {
    /** False once nothing more can be written. */
    async write(chunk: string): Promise<boolean> {
      if (failure) return false;
      if (chunk && !stream.write(chunk)) await settled();
      return !failure;
    },
    get failure() {
      return failure;
    },
  };
}

export async function main(argv: readonly string[]): Promise<number> {
  const withColor = argv.some((a) => a === '--color' || a === '--no-color') ? argv : [...argv, ...(colorDefault(process.stdout) ? ['--color'] : [])];
  const stdout = sink(process.stdout);
  const stderr = sink(process.stderr);
  let out: Output;
  try {
    const result = await dispatch(withColor);
    if (result.server) stopOnSignal(result.server);
    if (await stdout.write(result.stdout))
      if (result.stream) for await (const chunk of result.stream) if (!(await stdout.write(chunk))) break;
    out = result;
  } catch (error) {
    // A bug, not a user's mistake: say so plainly, without a stack unless asked for.
    const e = error as Error;
    out = { exitCode: 3, stdout: '', stderr: `casus: internal error: ${e.message}\nPlease report it${process.env.CASUS_DEBUG ? `\n${e.stack}` : ' (set CASUS_DEBUG=1 for details)'}.\n` };
  }
  const failed = stdout.failure;
  // A reader that stopped reading (EPIPE) took what it wanted: not an error. Any other failure to write is one.
  if (failed && failed.code !== 'EPIPE') out = { exitCode: 3, stdout: '', stderr: `casus: cannot write the output (${failed.code ?? failed.message})\n` };
  await stderr.write(out.stderr);
  return out.exitCode;
}
