// `npm run test:tz`: the time-zone matrix alone, i.e. vitest's zone projects (vitest.config.ts):
// the test files that can reach the machine's time zone (scripts/tz-selection.mjs says which and
// why) re-run under zones east and west of UTC. `npm test` runs them in the same vitest run as
// the main suite (`npm run test:vitest`).
//
//   node scripts/test-timezones.mjs          run them
//   node scripts/test-timezones.mjs --list   print the selection and why, without running it
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SUITE_ZONES, zoneProject, zoneSensitiveTestFiles } from './tz-selection.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

if (process.argv.includes('--list')) {
  for (const { file, reasons } of zoneSensitiveTestFiles()) console.log(`${file}  (${reasons.join('; ')})`);
  process.exit(0);
}

console.log(`vitest under TZ=${SUITE_ZONES.join(', TZ=')}: ${zoneSensitiveTestFiles().length} test files that can reach the zone`);
execFileSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...SUITE_ZONES.flatMap((zone) => ['--project', zoneProject(zone)])], {
  cwd: root,
  stdio: 'inherit',
});

// The CLI's byte-identical output under every zone and LANG=C is checked by test/hostile/time-zones-and-locales.test.ts.
