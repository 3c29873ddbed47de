import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // The compiled rules cache of every casus the tests start goes to a temporary folder, never the user's.
    env: { CASUS_CACHE_DIR: join(tmpdir(), `casus-test-cache-${process.pid}`) },
  },
});
