/**
 * The yargs shell over the command table: parse argv, check it, run the one
 * command it names and return what that command returns. Loaded for every
 * command line but the bare `--help` and `--version` (help.ts answers those).
 */
import type { Server } from 'node:http';
import yargs, { type Argv } from 'yargs';
import { COMMANDS, GLOBAL_OPTIONS, NO_COMMAND, USAGE, type Args } from './command-table.js';
import { VERSION } from './help.js';
import type { Output } from './output.js';

export async function parseAndRun(argv: readonly string[]): Promise<Output & { server?: Server }> {
  let result: (Output & { server?: Server }) | undefined;
  let failure: string | undefined;
  let parser = yargs([...argv]).scriptName('casus').usage(USAGE).options(GLOBAL_OPTIONS);
  for (const spec of COMMANDS) {
    parser = parser.command(
      spec.command,
      spec.describe,
      (y: Argv) => {
        for (const [name, p] of Object.entries(spec.positionals ?? {})) y.positional(name, p);
        return y.options(spec.options ?? {});
      },
      async (a: Args) => {
        // `--no-cache` holds for this command line only (a caller may run several in one process).
        (await import('../load/rules-cache.js')).useRulesCache(a.cache !== false);
        result = await spec.run(a);
      },
    );
  }
  parser = parser
    .demandCommand(1, NO_COMMAND)
    .strict()
    .help()
    .version(VERSION)
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
