// The CLI's output does not depend on where it runs: every example plan, in every
// output format of `duban evaluate` and `duban report`, is byte-identical under
// TZ=UTC, Asia/Shanghai, Pacific/Kiritimati (UTC+14) and Pacific/Pago_Pago
// (UTC−11), with LANG=C / LC_ALL=C and with Chinese and German locales (which
// would change a toLocaleString or Intl call). scripts/test-timezones.mjs re-runs
// the whole unit suite under other zones; this test runs the built CLI itself.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BULLETIN_FORMATS, EVALUATION_FORMATS } from '../../src/index.js';
import { ROOT, STACK_TRACE, requireBuiltCli, runCli } from './run-cli.js';

const ENVIRONMENTS: readonly Record<string, string | undefined>[] = [
  { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' },
  { TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' },
  { TZ: 'Pacific/Kiritimati', LANG: 'C', LC_ALL: 'C' },
  { TZ: 'Pacific/Pago_Pago', LANG: 'de_DE.UTF-8', LC_ALL: undefined },
];

const PLANS = readdirSync(join(ROOT, 'examples'))
  .filter((file) => file.endsWith('.plan.json'))
  .sort();

const COMMANDS: readonly (readonly string[])[] = [
  ...EVALUATION_FORMATS.map((format) => ['evaluate', '--format', format]),
  ...BULLETIN_FORMATS.map((format) => ['report', '--format', format]),
];

const describeName = (env: Record<string, string | undefined>) =>
  Object.entries(env)
    .map(([key, value]) => `${key}=${value ?? '(unset)'}`)
    .join(' ');

beforeAll(() => requireBuiltCli());

// The children get their own zones, so the parent's does not matter: skipped when scripts/test-timezones.mjs re-runs the suite.
describe.skipIf(process.env.DUBAN_TZ_RERUN === '1')('CLI output under other time zones and locales', () => {
  it('covers every example plan', () => {
    expect(PLANS.length).toBeGreaterThanOrEqual(4);
  });

  describe.concurrent.each(PLANS)('examples/%s', (plan) => {
    it.each(COMMANDS)('duban %s %s %s is byte-identical in every environment', async (command, ...options) => {
      const args = [command, join(ROOT, 'examples', plan), ...options];
      const runs = await Promise.all(ENVIRONMENTS.map((env) => runCli(args, { env })));
      const [reference] = runs;
      expect([0, 1], reference!.stderr).toContain(reference!.status);
      expect(reference!.stdout.length).toBeGreaterThan(0);
      runs.forEach((run, i) => {
        expect(run.stderr).not.toMatch(STACK_TRACE);
        expect(run.status, describeName(ENVIRONMENTS[i]!)).toBe(reference!.status);
        expect(run.stdout.equals(reference!.stdout), `output under ${describeName(ENVIRONMENTS[i]!)} differs from ${describeName(ENVIRONMENTS[0]!)}`).toBe(
          true,
        );
        expect(run.stderr).toBe(reference!.stderr);
      });
    });
  });
});
