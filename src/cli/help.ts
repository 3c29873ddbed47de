/**
 * `casus --help` and `casus --version` without yargs or any command's modules:
 * the answers a person waits for first come at once. The text is made from the
 * command table in yargs's own layout (a test keeps the two the same).
 */
import { readFileSync } from 'node:fs';
import { COMMANDS, GLOBAL_OPTIONS, USAGE } from './command-table.js';
import type { Output } from './output.js';

export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const WIDTH = 100;

/** Greedy word wrap to `width` columns. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** Two columns: the left padded to one width, the right wrapped beside it; `tag` right-aligned after. */
function rows(entries: ReadonlyArray<{ left: string; right: string; tag?: string }>): string[] {
  const indent = Math.max(...entries.map((e) => e.left.length)) + 4;
  return entries.flatMap(({ left, right, tag }) => {
    const lines = wrap(right, WIDTH - indent).map((l, i) => (i ? ' '.repeat(indent) : `  ${left}`.padEnd(indent)) + l);
    if (!tag) return lines;
    const last = lines[lines.length - 1]!;
    if (last.length + 2 + tag.length <= WIDTH) lines[lines.length - 1] = last + tag.padStart(WIDTH - last.length);
    else lines.push(tag.padStart(WIDTH));
    return lines;
  });
}

/** What yargs prints after an option's words: its type, and its default if it has one. */
function tagOf(o: { type?: string; default?: unknown }): string {
  return [`[${o.type}]`, ...(o.default === undefined ? [] : [`[default: ${JSON.stringify(o.default)}]`])].join(' ');
}

export function topHelp(): string {
  const options: Array<[string, { describe?: string; type?: string; default?: unknown }]> = [
    ...Object.entries(GLOBAL_OPTIONS),
    ['help', { describe: 'Show help', type: 'boolean' }],
    ['version', { describe: 'Show version number', type: 'boolean' }],
  ];
  return [
    USAGE.replace('$0', 'casus'),
    '',
    'Commands:',
    ...rows(COMMANDS.map((c) => ({ left: `casus ${c.command}`, right: c.describe }))),
    '',
    'Options:',
    ...rows(options.map(([name, o]) => ({ left: `--${name}`, right: o.describe ?? '', tag: tagOf(o) }))),
    '',
  ].join('\n');
}

/** The answer to a command line that asks only for help or the version, or undefined for any other. */
export function quickAnswer(argv: readonly string[]): Output | undefined {
  const asked = argv.filter((a) => a !== '--color' && a !== '--no-color');
  if (asked.length !== 1) return undefined;
  if (asked[0] === '--help' || asked[0] === '-h') return { exitCode: 0, stdout: topHelp(), stderr: '' };
  if (asked[0] === '--version') return { exitCode: 0, stdout: `${VERSION}\n`, stderr: '' };
  return undefined;
}
