import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn node processes; two cores on CI.
    pool: 'forks',
    testTimeout: 30_000,
  },
});
