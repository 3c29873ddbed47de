/**
 * A measure for `npm run bench`: what `contested` costs. The whole casebook is
 * judged with every row also judged under each other named reading of its
 * clause (as shipped), and without (contested off), alternately in this one
 * process; the ratio of the times is the figure (goal <= 1.5). Not a test.
 */
import { performance } from 'node:perf_hooks';
import { ClauseEvaluator } from '../core/evaluate-clause.js';
import { simulate, type Model } from '../core/simulate.js';
import type { Scenario } from '../schema/scenario.js';

/** Median of `rounds` timings of one casebook run, a fresh memo each run (as a user's `casus run` has). */
async function casebookMs(model: Model, scenarios: readonly Scenario[], contested: boolean, rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await simulate(model, scenarios, { judge: { evaluator: new ClauseEvaluator(true), contested } });
    times.push(performance.now() - t);
  }
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function measureContestedCost(model: Model, scenarios: readonly Scenario[], write: (text?: string) => void, rounds = 9): Promise<number> {
  write('9. The cost of `contested`: a casebook run judging every other reading of each clause, against one that does not');
  const off: number[] = [];
  const on: number[] = [];
  await casebookMs(model, scenarios, true, 2); // warm up both paths before timing
  for (let i = 0; i < rounds; i++) {
    off.push(...(await casebookMs(model, scenarios, false, 1)));
    on.push(...(await casebookMs(model, scenarios, true, 1)));
  }
  const ratio = median(on) / median(off);
  write(`   without contested ${median(off).toFixed(1)} ms, with ${median(on).toFixed(1)} ms (medians of ${rounds}): ratio ${ratio.toFixed(2)}`);
  write('   goal: ratio <= 1.5');
  return ratio;
}
