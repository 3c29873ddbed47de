/**
 * What every command returns instead of printing: an exit code, stdout and
 * stderr, and for a long report a stream of chunks written after every input
 * was checked. Only the entry file (main.ts) writes and exits. Pure.
 */
import { renderDiagnostics, type Diagnostic } from '../load/diagnostics.js';
import { COLOR, PLAIN, type Style } from '../report/style.js';

export interface Output {
  exitCode: number;
  stdout: string;
  stderr: string;
  /**
   * More of stdout, made as it is written (after `stdout`): a report too big to
   * hold whole. A command returns it only once every input is checked, so bad
   * input still yields no report at all.
   */
  stream?: AsyncIterable<string>;
}

/** The options every command takes. */
export interface CommonOptions {
  rules?: string;
  color?: boolean;
}

export const ok = (stdout: string): Output => ({ exitCode: 0, stdout, stderr: '' });
export const refuse = (diagnostics: Diagnostic[]): Output => ({ exitCode: 2, stdout: '', stderr: renderDiagnostics(diagnostics) });
export const usage = (message: string): Output => ({ exitCode: 2, stdout: '', stderr: `casus: ${message}\n` });
export const styleOf = (o: CommonOptions): Style => (o.color ? COLOR : PLAIN);
export const isOutput = (x: unknown): x is Output => typeof x === 'object' && x !== null && 'exitCode' in x;
