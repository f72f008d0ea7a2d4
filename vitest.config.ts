import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests spawn node processes; two cores on CI.
    pool: 'forks',
    // Vitest's default on 2 cores is one fork (cores − 1); most files wait on child processes
    // and databases, so two forks share the cores: about 9 → 5 minutes on CI's 2 cores.
    maxWorkers: 2,
    testTimeout: 30_000,
    // Cleanup of on-disk stores and child servers can take long on 2 loaded cores.
    hookTimeout: 60_000,
  },
});
