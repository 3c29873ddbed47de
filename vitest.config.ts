import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000, // a shared 2-core machine: CLI tests that spawn several runs can take over 30 s
    pool: 'forks',
  },
});
