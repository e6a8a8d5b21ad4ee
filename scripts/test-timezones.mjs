// Runs the unit suite under time zones east and west of UTC, and checks that the
// CLI's output is byte-identical under every zone and LANG=C.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ZONES = ['UTC', 'Asia/Shanghai', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Los_Angeles'];
const SUITE_ZONES = (process.env.DUBAN_TZ_SUITE ?? 'Asia/Shanghai,Pacific/Pago_Pago').split(',');
// The suites whose results could depend on the clock or the zone; the browser, packaging and
// hostile-input suites run once, in the main pass.
const ZONE_SENSITIVE = ['test/model', 'test/pace', 'test/engine', 'test/cli', 'test/examples', 'test/report', 'test/extract', 'test/rules'];

for (const zone of SUITE_ZONES) {
  console.log(`vitest under TZ=${zone}`);
  const dirs = ZONE_SENSITIVE.filter((dir) => existsSync(join(root, dir)));
  execFileSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=dot', ...dirs], { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: zone } });
}

const plans = ['examples/xianning-2018-q1.plan.json', 'examples/jinzhou-2016-h1.plan.json', 'examples/xuchang-2017-h1.plan.json', 'examples/ezhou-2014.plan.json'];
let failures = 0;
for (const plan of plans) {
  for (const format of ['json', 'table', 'markdown', 'csv']) {
    const outputs = ZONES.map((zone) => execFileSync(process.execPath, ['dist/cli.js', 'evaluate', plan, '--format', format], { cwd: root, env: { ...process.env, TZ: zone, LANG: 'C', LC_ALL: 'C' } }));
    const first = outputs[0];
    ZONES.forEach((zone, i) => {
      if (!outputs[i].equals(first)) {
        failures++;
        console.error(`FAIL ${plan} --format ${format}: output under TZ=${zone} differs from TZ=${ZONES[0]}`);
      }
    });
  }
}
if (failures > 0) process.exit(1);
console.log(`CLI output byte-identical under ${ZONES.join(', ')} with LANG=C`);
