/**
 * The tests Stryker runs against each mutant of src/core: only the in-process
 * tests that import src/. The CLI tests spawn dist/ (built before mutation, so
 * they cannot see a mutant: the set-up file skips them) and the browser tests
 * drive the built page.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/casebook.test.ts',
      'tests/diagnostics.test.ts',
      'tests/edge-cases.test.ts',
      'tests/hostile-input.test.ts',
      'tests/interpretations.test.ts',
      'tests/invalid-corpus.test.ts',
      'tests/metamorphic.test.ts',
      'tests/recognition-and-timeline.test.ts',
      'tests/report-formats.test.ts',
      'tests/rules-lint.test.ts',
      'tests/schemas.test.ts',
      'tests/core-*.test.ts',
      'tests/what-if-invariants.test.ts',
      'tests/what-if.test.ts',
      'tests/why-not.test.ts',
      'tests/web/*.test.ts',
    ],
    setupFiles: ['tests/helpers/mutation-setup.ts'],
    testTimeout: 600_000,
    pool: 'forks',
  },
});
