import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn node processes; two cores on CI.
    pool: 'forks',
    testTimeout: 30_000,
    // Cleanup of on-disk stores and child servers can take long on 2 loaded cores.
    hookTimeout: 60_000,
  },
});
