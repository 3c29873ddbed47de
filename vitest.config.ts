import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000, // a shared 2-core machine: CLI tests that spawn several runs can take over 30 s
    pool: 'forks',
    // The compiled rules cache of every casus the tests start goes to a temporary folder, never the user's.
    env: { CASUS_CACHE_DIR: join(tmpdir(), `casus-test-cache-${process.pid}`) },
  },
});
