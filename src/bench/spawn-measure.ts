/**
 * Measure a spawned Node process as a user starts it: its CPU time (user +
 * system, from its own start to its exit) and its peak resident memory. The
 * child reports both itself, through a one-line module preloaded with
 * `--import` and written to an extra pipe at exit, so the figures are exact
 * (not the 10 ms ticks of /proc) and the same preload runs in every process
 * compared, the `node -e 0` baseline included.
 */
import { spawnSync } from 'node:child_process';

const REPORT_AT_EXIT =
  'import{writeSync}from"node:fs";process.on("exit",()=>{const u=process.cpuUsage();' +
  'try{writeSync(3,JSON.stringify({cpu:(u.user+u.system)/1000,rss:process.resourceUsage().maxRSS}))}catch{}});';
const PRELOAD = `--import=data:text/javascript,${encodeURIComponent(REPORT_AT_EXIT)}`;

export interface Measured {
  /** CPU time in milliseconds. */
  cpuMs: number;
  /** Peak resident set size in MiB. */
  peakMiB: number;
  exitCode: number;
}

/** Run `node ...args` in `cwd` with stdout and stderr discarded; what it cost. */
export function measureNode(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Measured {
  const r = spawnSync(process.execPath, [PRELOAD, ...args], {
    cwd,
    env: { ...env, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    maxBuffer: 1024 * 1024,
  });
  const report = r.output?.[3]?.toString() ?? '';
  if (!report) throw new Error(`node ${args.join(' ')}: no report from the child (exit ${r.status ?? r.signal})`);
  const { cpu, rss } = JSON.parse(report) as { cpu: number; rss: number };
  return { cpuMs: cpu, peakMiB: rss / 1024, exitCode: r.status ?? -1 };
}
