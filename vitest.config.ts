import { defineConfig } from 'vitest/config';
import { SUITE_ZONES, zoneProject, zoneSensitiveTestFiles } from './scripts/tz-selection.mjs';

// Tests that need a fresh module graph of their own: zod-global-state checks what importing duban
// does to zod's global configuration, and sets that configuration itself.
const ISOLATED = ['test/model/zod-global-state.test.ts'];

export default defineConfig({
  test: {
    // vitest's default is one worker fewer than the cores: a single one on the 2-core machines the
    // gate runs on. Two finish the suite in about three quarters of the time (many tests wait on CLI
    // child processes); the suite is written for it (the package test packs with --ignore-scripts,
    // every test writes under its own temporary folder).
    maxWorkers: 2,
    // The gate runs vitest beside the single-threaded checks (scripts/run-gate.mjs): the heaviest tests
    // (hostile/limits, compiled/parse-large-json) passed 30 s when the machine was busy as well.
    testTimeout: 60_000,
    // A hook that installs or removes a packed package can pass 10 s when the other worker is busy.
    hookTimeout: 60_000,
    projects: [
      {
        // The library has no global state (no side effects on import, nothing configured), so the
        // test files of a worker share one module graph: each src/ module is loaded once per worker
        // rather than once per file (isolate: false cut the suite's CPU time by about a fifth).
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ISOLATED, pool: 'threads', isolate: false },
      },
      { extends: true, test: { name: 'unit-isolated', include: ISOLATED, pool: 'threads', isolate: true } },
      // The time-zone matrix (scripts/tz-selection.mjs): the files that can reach the machine's
      // zone, again under each zone. Forks, not threads: TZ is a process's, so each worker process
      // is started with its project's TZ.
      ...SUITE_ZONES.map((zone) => ({
        extends: true as const,
        test: {
          name: zoneProject(zone),
          include: zoneSensitiveTestFiles().map(({ file }) => file),
          pool: 'forks' as const,
          isolate: false,
          env: { TZ: zone, DUBAN_TZ_RERUN: '1' },
        },
      })),
    ],
  },
});
