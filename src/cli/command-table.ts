/**
 * Every command of the command line as data: its name, words, options, and how
 * to run it. Running a command imports its module then, so a command loads
 * only what it needs and `--help` loads none of them. Light on purpose: this
 * file imports nothing at run time but what each command asks for.
 */
import type { Server } from 'node:http';
import type { Options, PositionalOptions } from 'yargs';
import type { RunFormat } from './commands/run.js';
import type { Output } from './output.js';

export const USAGE = '$0 <command> [options]\n\nWho was obliged to help? Treaty clauses and recognition as rules, judged per obligor and date.';
export const NO_COMMAND = 'name a command: run, explain, test, validate, what-if, why-not, sweep, duties, list, serve or export';

/** The formats of `casus run` (commands/run.ts). */
export const RUN_FORMATS: readonly RunFormat[] = ['text', 'json', 'ndjson', 'csv', 'markdown', 'html'];
const TEXT_OR_JSON = ['text', 'json'] as const;

export const GLOBAL_OPTIONS: Record<string, Options> = {
  rules: { type: 'string', describe: 'folder of rules (world/ and treaties/); default: the rules shipped with casus', global: true },
  color: { type: 'boolean', describe: 'colour the output (default: on a terminal, unless NO_COLOR is set)', global: true },
  cache: { type: 'boolean', default: true, describe: 'use the compiled rules cache (--no-cache: read the rules files afresh; or set CASUS_NO_CACHE=1)', global: true },
};

/** Parsed arguments as yargs gives them. */
export type Args = Record<string, unknown>;

export interface CommandSpec {
  /** As yargs reads it: name, then positionals. */
  command: string;
  describe: string;
  positionals?: Record<string, PositionalOptions>;
  options?: Record<string, Options>;
  run(a: Args): Promise<Output & { server?: Server }>;
}

/** A repeatable option, each value also split at commas. */
const list = (v: unknown): string[] | undefined =>
  v === undefined ? undefined : (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(',')).filter(Boolean);
const strings = (v: unknown) => v as string[] | undefined;
const text = (v: unknown) => v as string | undefined;
const common = (a: Args) => ({ rules: text(a.rules), color: a.color as boolean | undefined });
const format = { choices: TEXT_OR_JSON, default: 'text', describe: 'output format' } as const;
const setOption = { type: 'string', array: true, describe: 'PATH=VALUE changes applied first, as in what-if' } as const;

export const COMMANDS: readonly CommandSpec[] = [
  {
    command: 'run <paths..>',
    describe: 'judge every event of the scenarios: obligations beside what happened',
    positionals: { paths: { type: 'string', array: true, describe: 'scenario files or folders' } },
    options: {
      format: { choices: RUN_FORMATS, default: 'text', describe: 'output format (ndjson: a verdict a line; csv: a verdict a row)' },
      clause: { type: 'string', array: true, describe: 'judge only this clause (treaty/clause), forced onto every event' },
      obligor: { type: 'string', array: true, describe: 'show only this obligor (state code)' },
      interpretation: { type: 'string', array: true, describe: 'apply a contested reading of a clause, by name (see casus list)' },
      interpretations: { type: 'string', describe: '"all": show where the contested readings change verdicts, and who holds each' },
      summary: { type: 'boolean', describe: 'reliability counts per treaty and decade instead of the report' },
    },
    run: async (a) =>
      (await import('./commands/run.js')).runCommand({
        ...common(a), paths: a.paths as string[], format: a.format as RunFormat, clause: list(a.clause), obligor: list(a.obligor),
        interpretation: list(a.interpretation), interpretations: text(a.interpretations), summary: a.summary as boolean | undefined,
      }),
  },
  {
    command: 'duties <file>',
    describe: "one state's duties across every treaty, event by event, with conflicts flagged",
    positionals: { file: { type: 'string', describe: 'a scenario file' } },
    options: {
      state: { type: 'string', demandOption: true, describe: 'state code, e.g. USA' },
      event: { type: 'string', describe: 'only this event' },
      format,
    },
    run: async (a) =>
      (await import('./commands/duties.js')).dutiesCommand({
        ...common(a), file: a.file as string, state: a.state as string, event: text(a.event), format: a.format as 'text' | 'json',
      }),
  },
  {
    command: 'explain <file>',
    describe: 'the full reasoning for one verdict, clause text quoted',
    positionals: { file: { type: 'string', describe: 'a scenario file' } },
    options: {
      event: { type: 'string', demandOption: true, describe: 'event id' },
      clause: { type: 'string', demandOption: true, describe: 'clause, e.g. cst/art-4' },
      obligor: { type: 'string', demandOption: true, describe: 'state code, e.g. RUS' },
    },
    run: async (a) =>
      (await import('./commands/explain.js')).explainCommand({
        ...common(a), file: a.file as string, event: a.event as string, clause: a.clause as string, obligor: a.obligor as string,
      }),
  },
  {
    command: 'test <paths..>',
    describe: "check every scenario's expect entries; exit 1 on a mismatch",
    positionals: { paths: { type: 'string', array: true } },
    options: {
      'allow-empty': { type: 'boolean', default: false, describe: 'a file or run with no expectation passes instead of failing' },
    },
    run: async (a) =>
      (await import('./commands/test.js')).testCommand({ ...common(a), paths: a.paths as string[], allowEmpty: a['allow-empty'] as boolean }),
  },
  {
    command: 'validate <paths..>',
    describe: 'check files and report every problem as file:line:column',
    positionals: { paths: { type: 'string', array: true, describe: 'scenario files or folders, rule files, or a rules folder' } },
    run: async (a) => (await import('./commands/validate.js')).validateCommand({ ...common(a), paths: a.paths as string[] }),
  },
  {
    command: 'what-if <file>',
    describe: "a what-if's verdicts beside its base's, flips marked, with the tests that changed",
    positionals: { file: { type: 'string', describe: 'a what-if file, or a scenario with --set' } },
    options: {
      set: { type: 'string', array: true, describe: 'PATH=VALUE (VALUE in YAML), repeatable: e.g. events.offensive.kind=armed-attack' },
      format,
    },
    run: async (a) =>
      (await import('./commands/what-if.js')).whatIfCommand({ ...common(a), file: a.file as string, set: strings(a.set), format: a.format as 'text' | 'json' }),
  },
  {
    command: 'why-not <file>',
    describe: 'the smallest sets of input changes that would flip one verdict, as what-if changes',
    positionals: { file: { type: 'string', describe: 'a scenario or what-if file' } },
    options: {
      event: { type: 'string', describe: 'event id (may be left out when the file has one event)' },
      clause: { type: 'string', demandOption: true, describe: 'clause, e.g. cst/art-4' },
      obligor: { type: 'string', demandOption: true, describe: 'state code, e.g. RUS' },
      'max-size': { type: 'number', default: 3, describe: 'the largest set of changes to try' },
      set: setOption,
      save: { type: 'string', describe: 'write the first (smallest) set as a new what-if file here' },
      force: { type: 'boolean', describe: 'let --save replace a file that exists (never the file it is based on)' },
      format,
    },
    run: async (a) =>
      (await import('./commands/why-not.js')).whyNotCommand({
        ...common(a), file: a.file as string, event: text(a.event), clause: a.clause as string, obligor: a.obligor as string,
        maxSize: a['max-size'] as number, set: strings(a.set), save: text(a.save), force: a.force as boolean | undefined, format: a.format as 'text' | 'json',
      }),
  },
  {
    command: 'sweep <file>',
    describe: 'a truth table over chosen facts or paths: every combination judged and counted',
    positionals: { file: { type: 'string', describe: 'a scenario or what-if file' } },
    options: {
      vary: { type: 'string', array: true, demandOption: true, describe: 'a fact (aidRequestedUnderClause) or a path (events.offensive.kind), optionally =VALUES in YAML; repeatable' },
      event: { type: 'string', array: true, describe: 'only this event' },
      clause: { type: 'string', array: true, describe: 'only this clause' },
      obligor: { type: 'string', array: true, describe: 'only this obligor' },
      set: setOption,
      format,
    },
    run: async (a) => {
      const [{ sweepCommand }, { progressBar }] = await Promise.all([import('./commands/sweep.js'), import('./progress-bar.js')]);
      return sweepCommand({
        ...common(a), file: a.file as string, vary: a.vary as string[], event: list(a.event), clause: list(a.clause), obligor: list(a.obligor),
        set: strings(a.set), format: a.format as 'text' | 'json', ...(process.stderr.isTTY ? { progress: progressBar(process.stderr) } : {}),
      });
    },
  },
  {
    command: 'list',
    describe: 'the treaties, their clauses and the shipped scenarios',
    options: { scenarios: { type: 'string', describe: 'a folder of scenarios to list (default: the shipped casebook)' } },
    run: async (a) => (await import('./commands/list.js')).listCommand({ ...common(a), scenarios: text(a.scenarios) }),
  },
  {
    command: 'serve [paths..]',
    describe: 'the classroom page on http://127.0.0.1 (all scenarios loaded); Ctrl+C stops it',
    positionals: { paths: { type: 'string', array: true, describe: 'scenario files or folders (default: the shipped casebook)' } },
    options: {
      port: { type: 'number', describe: 'port to listen on (default 4600, or any free port if taken; 0: any free port)' },
      host: { type: 'string', describe: 'address to listen on (default 127.0.0.1: this machine only)' },
    },
    run: async (a) => {
      const serving = await (await import('./commands/serve.js')).serveCommand({
        rules: text(a.rules), paths: strings(a.paths), port: a.port as number | undefined, host: text(a.host),
      });
      return { ...serving.output, ...(serving.server ? { server: serving.server } : {}) };
    },
  },
  {
    command: 'export [paths..]',
    describe: 'the classroom page as static files: open OUT/index.html or host the folder',
    positionals: { paths: { type: 'string', array: true, describe: 'scenario files or folders (default: the shipped casebook)' } },
    options: { out: { type: 'string', demandOption: true, describe: 'folder to write the page into, e.g. site/' } },
    run: async (a) => (await import('./commands/export.js')).exportCommand({ rules: text(a.rules), paths: strings(a.paths), out: a.out as string }),
  },
];
