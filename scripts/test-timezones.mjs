// Runs the zone-sensitive suites under time zones east and west of UTC (the main pass runs under the
// machine's own zone).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SUITE_ZONES = (process.env.DUBAN_TZ_SUITE ?? 'Asia/Shanghai,Pacific/Pago_Pago').split(',');
// The suites whose results could depend on the clock or the zone; the browser, packaging and
// hostile-input suites run once, in the main pass.
const ZONE_SENSITIVE = ['test/model', 'test/pace', 'test/engine', 'test/cli', 'test/examples', 'test/report', 'test/extract', 'test/rules'];

for (const zone of SUITE_ZONES) {
  console.log(`vitest under TZ=${zone}`);
  const dirs = ZONE_SENSITIVE.filter((dir) => existsSync(join(root, dir)));
  execFileSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=dot', ...dirs], { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: zone, DUBAN_TZ_RERUN: '1' } });
}

// The CLI's byte-identical output under every zone and LANG=C is checked by test/hostile/time-zones-and-locales.test.ts.
