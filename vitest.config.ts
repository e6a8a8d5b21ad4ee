import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'threads',
    // vitest's default is one worker fewer than the cores: a single one on the 2-core machines the
    // gate runs on. Two finish the suite in about three quarters of the time (many tests wait on CLI
    // child processes); the suite is written for it (the package test packs with --ignore-scripts,
    // every test writes under its own temporary folder).
    maxWorkers: 2,
    testTimeout: 30_000,
    // A hook that installs or removes a packed package can pass 10 s when the other worker is busy.
    hookTimeout: 60_000,
  },
});
