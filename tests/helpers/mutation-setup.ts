/**
 * Set-up for `npm run mutate` only (vitest.mutation.config.ts): a test that runs the
 * CLI runs dist/, built before mutation, so it cannot see a mutant of src/core. It is
 * skipped where it calls the CLI, instead of spending minutes per mutant.
 */
import { beforeEach, vi, type TestContext } from 'vitest';

let current: TestContext | undefined;
beforeEach((context) => {
  current = context;
});

vi.mock('./cli.js', async (original) => ({
  ...(await original<typeof import('./cli.js')>()),
  casus: () => {
    current?.skip('runs the built CLI, which cannot see a mutant');
    throw new Error('the CLI was called outside a test');
  },
}));
