/**
 * The benchmark's spawned processes: how long the command line takes to start
 * and do its work, as CPU time against `node -e 0`, and the peak memory of a
 * large generated NATO run. The compiled rules cache of these processes lives
 * in a temporary folder, warmed once before measuring (what a user's second
 * and later runs meet); `run --no-cache` shows the cost without it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { PACKAGE_ROOT } from '../load/load-files.js';
import { generateNatoEvents } from './generate-nato.js';
import { alternate, fixed, ratioSpread, withSpread, type Spread } from './rounds.js';
import { measureNode } from './spawn-measure.js';

const line = (text = '') => process.stdout.write(`${text}\n`);
const BIN = join(PACKAGE_ROOT, 'bin', 'casus.js');

export interface StartRatios {
  help: Spread;
  list: Spread;
  validate: Spread;
  run: Spread;
  runNoCache: Spread;
}

export async function startRatios(rounds: number): Promise<StartRatios> {
  const cache = mkdtempSync(join(tmpdir(), 'casus-bench-cache-'));
  const env = { ...process.env, CASUS_CACHE_DIR: cache };
  try {
    const cpu = (args: string[]) => () => {
      const m = measureNode(args, PACKAGE_ROOT, env);
      if (m.exitCode !== 0) throw new Error(`node ${args.join(' ')} exited ${m.exitCode}`);
      return m.cpuMs;
    };
    const variants = {
      node: cpu(['-e', '0']),
      help: cpu([BIN, '--help']),
      list: cpu([BIN, 'list']),
      validate: cpu([BIN, 'validate', 'rules/', 'scenarios/']),
      run: cpu([BIN, 'run', 'scenarios/']),
      runNoCache: cpu([BIN, 'run', 'scenarios/', '--no-cache']),
    };
    variants.run(); // writes the cache
    const r = await alternate(variants, rounds);
    line(`5. Starting the command line: CPU time of a spawned process (user + system, ms), median (spread) of ${rounds} alternating rounds`);
    line(`   ${'node -e 0'.padEnd(38)} ${withSpread(r.node, 0).padStart(18)}`);
    const show = (label: string, s: Spread) =>
      line(`   ${label.padEnd(38)} ${withSpread(s, 0).padStart(18)}   ratio ${withSpread(ratioSpread(s, r.node))}`);
    show('casus --help', r.help);
    show('casus list', r.list);
    show('casus validate rules/ scenarios/', r.validate);
    show('casus run scenarios/', r.run);
    show('casus run scenarios/ --no-cache', r.runNoCache);
    line();
    return {
      help: ratioSpread(r.help, r.node), list: ratioSpread(r.list, r.node), validate: ratioSpread(r.validate, r.node),
      run: ratioSpread(r.run, r.node), runNoCache: ratioSpread(r.runNoCache, r.node),
    };
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

export interface MemoryResult {
  format: string;
  events: number;
  small: number;
  large: number;
  largeExit: number;
}

/** Whether this build's `run` offers a format (asked the way a user would: `casus run --help`). */
function offersFormat(format: string): boolean {
  const r = spawnSync(process.execPath, [BIN, 'run', '--help'], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  return new RegExp(`"${format}"`).test(r.stdout);
}

/**
 * Peak memory of a generated NATO run: 10 events, then `events` events, in one
 * format; with ndjson (streaming output) 5,000 events, else 1,000 in json.
 */
export function peakMemory(): MemoryResult[] {
  const streaming = offersFormat('ndjson');
  const plan: Array<[string, number]> = streaming ? [['ndjson', 5000], ['json', 5000]] : [['json', 1000]];
  line(`6. Peak memory of a generated NATO Article 4 run (resident set, MiB; one run each)`);
  if (!streaming) line('   (this build has no --format ndjson: measured --format json on 1,000 events; with ndjson it measures 5,000 events in ndjson and json)');
  const dir = mkdtempSync(join(tmpdir(), 'casus-bench-nato-'));
  const cache = mkdtempSync(join(tmpdir(), 'casus-bench-cache-'));
  const env = { ...process.env, CASUS_CACHE_DIR: cache };
  const out: MemoryResult[] = [];
  try {
    for (const [format, events] of plan) {
      const measure = (n: number) => {
        rmSync(dir, { recursive: true, force: true });
        generateNatoEvents(dir, n);
        return measureNode([BIN, 'run', dir, '--format', format], PACKAGE_ROOT, env);
      };
      const small = measure(10);
      const large = measure(events);
      out.push({ format, events, small: small.peakMiB, large: large.peakMiB, largeExit: large.exitCode });
      line(`   --format ${format.padEnd(7)} 10 events: ${fixed(small.peakMiB, 0)} MiB; ${events} events: ${fixed(large.peakMiB, 0)} MiB (ratio ${fixed(large.peakMiB / small.peakMiB)}), exit ${large.exitCode}, ${fixed(large.cpuMs / 1000, 1)} s CPU`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
  line();
  return out;
}
