/**
 * The casus command line: a thin yargs shell over commands.ts. The only place
 * that writes to the terminal. Exit codes: 0 done, 1 an expectation failed,
 * 2 bad input (with a message naming file, line and field), never a stack trace
 * for a user's mistake.
 */
import type { Server } from 'node:http';
import yargs from 'yargs';
import {
  explainCommand, listCommand, runCommand, testCommand, validateCommand, type Output,
} from './commands.js';
import { whatIfCommand } from './what-if-command.js';
import { whyNotCommand } from './why-not-command.js';
import { sweepCommand } from './sweep-command.js';
import { progressBar } from './progress-bar.js';
import { dutiesCommand } from './duties-command.js';
import { FORMATS } from './report-formats.js';
import { serveCommand } from './serve-command.js';
import { exportCommand } from './export-command.js';
import { useRulesCache } from '../load/rules-cache.js';

function colorDefault(stream: NodeJS.WriteStream): boolean {
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

const list = (v: unknown): string[] | undefined =>
  v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(',')).filter(Boolean);

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

/** Parse argv and run one command; returns its output without printing. */
export async function execute(argv: readonly string[]): Promise<Output> {
  let result: Output | undefined;
  let failure: string | undefined;
  const parser = yargs([...argv])
    .scriptName('casus')
    .usage('$0 <command> [options]\n\nWho was obliged to help? Treaty clauses and recognition as rules, judged per obligor and date.')
    .option('rules', { type: 'string', describe: 'folder of rules (world/ and treaties/); default: the rules shipped with casus', global: true })
    .option('color', { type: 'boolean', describe: 'colour the output (default: on a terminal, unless NO_COLOR is set)', global: true })
    .option('cache', { type: 'boolean', default: true, describe: 'use the compiled rules cache (--no-cache: read the rules files afresh; or set CASUS_NO_CACHE=1)', global: true })
    .middleware((a) => useRulesCache(a.cache !== false))
    .command('run <paths..>', 'judge every event of the scenarios: obligations beside what happened', (y) =>
      y
        .positional('paths', { type: 'string', array: true, describe: 'scenario files or folders' })
        .option('format', { choices: FORMATS, default: 'text' as const, describe: 'output format' })
        .option('clause', { type: 'string', array: true, describe: 'judge only this clause (treaty/clause), forced onto every event' })
        .option('obligor', { type: 'string', array: true, describe: 'show only this obligor (state code)' })
        .option('interpretation', { type: 'string', array: true, describe: 'apply a contested reading of a clause, by name (see casus list)' })
        .option('interpretations', { type: 'string', describe: '"all": show where the contested readings change verdicts, and who holds each' })
        .option('summary', { type: 'boolean', describe: 'reliability counts per treaty and decade instead of the report' }),
      async (a) => {
        result = await runCommand({
          paths: a.paths as string[], format: a.format, clause: list(a.clause), obligor: list(a.obligor),
          interpretation: list(a.interpretation), interpretations: a.interpretations, summary: a.summary, rules: a.rules, color: a.color,
        });
      })
    .command('duties <file>', "one state's duties across every treaty, event by event, with conflicts flagged", (y) =>
      y
        .positional('file', { type: 'string', describe: 'a scenario file' })
        .option('state', { type: 'string', demandOption: true, describe: 'state code, e.g. USA' })
        .option('event', { type: 'string', describe: 'only this event' })
        .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'output format' }),
      async (a) => {
        result = await dutiesCommand({ file: a.file as string, state: a.state, event: a.event, format: a.format, rules: a.rules, color: a.color });
      })
    .command('explain <file>', 'the full reasoning for one verdict, clause text quoted', (y) =>
      y
        .positional('file', { type: 'string', describe: 'a scenario file' })
        .option('event', { type: 'string', demandOption: true, describe: 'event id' })
        .option('clause', { type: 'string', demandOption: true, describe: 'clause, e.g. cst/art-4' })
        .option('obligor', { type: 'string', demandOption: true, describe: 'state code, e.g. RUS' }),
      async (a) => {
        result = await explainCommand({ file: a.file as string, event: a.event, clause: a.clause, obligor: a.obligor, rules: a.rules, color: a.color });
      })
    .command('test <paths..>', "check every scenario's expect entries; exit 1 on a mismatch", (y) =>
      y.positional('paths', { type: 'string', array: true }),
      async (a) => {
        result = await testCommand({ paths: a.paths as string[], rules: a.rules, color: a.color });
      })
    .command('validate <paths..>', 'check files and report every problem as file:line:column', (y) =>
      y.positional('paths', { type: 'string', array: true, describe: 'scenario files or folders, rule files, or a rules folder' }),
      async (a) => {
        result = await validateCommand({ paths: a.paths as string[], rules: a.rules, color: a.color });
      })
    .command('what-if <file>', "a what-if's verdicts beside its base's, flips marked, with the tests that changed", (y) =>
      y
        .positional('file', { type: 'string', describe: 'a what-if file, or a scenario with --set' })
        .option('set', { type: 'string', array: true, describe: 'PATH=VALUE (VALUE in YAML), repeatable: e.g. events.offensive.kind=armed-attack' })
        .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'output format' }),
      async (a) => {
        result = await whatIfCommand({ file: a.file as string, set: a.set, format: a.format, rules: a.rules, color: a.color });
      })
    .command('why-not <file>', 'the smallest sets of input changes that would flip one verdict, as what-if changes', (y) =>
      y
        .positional('file', { type: 'string', describe: 'a scenario or what-if file' })
        .option('event', { type: 'string', describe: 'event id (may be left out when the file has one event)' })
        .option('clause', { type: 'string', demandOption: true, describe: 'clause, e.g. cst/art-4' })
        .option('obligor', { type: 'string', demandOption: true, describe: 'state code, e.g. RUS' })
        .option('max-size', { type: 'number', default: 3, describe: 'the largest set of changes to try' })
        .option('set', { type: 'string', array: true, describe: 'PATH=VALUE changes applied first, as in what-if' })
        .option('save', { type: 'string', describe: 'write the first (smallest) set as a what-if file here' })
        .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'output format' }),
      async (a) => {
        result = await whyNotCommand({ file: a.file as string, event: a.event, clause: a.clause, obligor: a.obligor, maxSize: a['max-size'], set: a.set, save: a.save, format: a.format, rules: a.rules, color: a.color });
      })
    .command('sweep <file>', 'a truth table over chosen facts or paths: every combination judged and counted', (y) =>
      y
        .positional('file', { type: 'string', describe: 'a scenario or what-if file' })
        .option('vary', { type: 'string', array: true, demandOption: true, describe: 'a fact (aidRequestedUnderClause) or a path (events.offensive.kind), optionally =VALUES in YAML; repeatable' })
        .option('event', { type: 'string', array: true, describe: 'only this event' })
        .option('clause', { type: 'string', array: true, describe: 'only this clause' })
        .option('obligor', { type: 'string', array: true, describe: 'only this obligor' })
        .option('set', { type: 'string', array: true, describe: 'PATH=VALUE changes applied first, as in what-if' })
        .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'output format' }),
      async (a) => {
        result = await sweepCommand({
          file: a.file as string, vary: a.vary, event: list(a.event), clause: list(a.clause), obligor: list(a.obligor), set: a.set,
          format: a.format, rules: a.rules, color: a.color, ...(process.stderr.isTTY ? { progress: progressBar(process.stderr) } : {}),
        });
      })
    .command('list', 'the treaties, their clauses and the shipped scenarios', (y) =>
      y.option('scenarios', { type: 'string', describe: 'a folder of scenarios to list (default: the shipped casebook)' }),
      async (a) => {
        result = await listCommand({ scenarios: a.scenarios, rules: a.rules, color: a.color });
      })
    .command('serve [paths..]', 'the classroom page on http://127.0.0.1 (all scenarios loaded); Ctrl+C stops it', (y) =>
      y
        .positional('paths', { type: 'string', array: true, describe: 'scenario files or folders (default: the shipped casebook)' })
        .option('port', { type: 'number', describe: 'port to listen on (default 4600, or any free port if taken; 0: any free port)' })
        .option('host', { type: 'string', describe: 'address to listen on (default 127.0.0.1: this machine only)' }),
      async (a) => {
        const serving = await serveCommand({ paths: a.paths as string[] | undefined, port: a.port, host: a.host, rules: a.rules });
        result = serving.output;
        if (serving.server) stopOnSignal(serving.server);
      })
    .command('export [paths..]', 'the classroom page as static files: open OUT/index.html or host the folder', (y) =>
      y
        .positional('paths', { type: 'string', array: true, describe: 'scenario files or folders (default: the shipped casebook)' })
        .option('out', { type: 'string', demandOption: true, describe: 'folder to write the page into, e.g. site/' }),
      async (a) => {
        result = await exportCommand({ paths: a.paths as string[] | undefined, out: a.out, rules: a.rules });
      })
    .demandCommand(1, 'name a command: run, explain, test, validate, what-if, why-not, sweep, duties, list, serve or export')
    .strict()
    .help()
    .version(false)
    .wrap(100)
    .exitProcess(false)
    .fail((message, error) => {
      if (error) throw error;
      failure = message;
    });
  let helpText = '';
  await parser.parseAsync([...argv], {}, (_err, _argv, output) => {
    helpText = output;
  });
  if (failure !== undefined) return { exitCode: 2, stdout: '', stderr: `casus: ${failure}\nRun "casus --help" for the commands and their options.\n` };
  if (result) return result;
  return { exitCode: 0, stdout: helpText ? `${helpText}\n` : '', stderr: '' };
}

export async function main(argv: readonly string[]): Promise<number> {
  const withColor = argv.some((a) => a === '--color' || a === '--no-color') ? argv : [...argv, ...(colorDefault(process.stdout) ? ['--color'] : [])];
  let out: Output;
  try {
    out = await execute(withColor);
  } catch (error) {
    // A bug, not a user's mistake: say so plainly, without a stack unless asked for.
    const e = error as Error;
    out = { exitCode: 3, stdout: '', stderr: `casus: internal error: ${e.message}\nPlease report it${process.env.CASUS_DEBUG ? `\n${e.stack}` : ' (set CASUS_DEBUG=1 for details)'}.\n` };
  }
  if (out.stdout) process.stdout.write(out.stdout);
  if (out.stderr) process.stderr.write(out.stderr);
  return out.exitCode;
}
