// Runs every example as a user would: the CLI on each seed plan with its rule set
// (exit 0, every format), and the library examples through the package's own name.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const EXAMPLE_PLANS = {
  'examples/xianning-2018-q1.plan.json': 'four-level',
  'examples/jinzhou-2016-h1.plan.json': 'three-level',
  'examples/xuchang-2017-h1.plan.json': 'four-level',
  'examples/ezhou-2014.plan.json': 'four-level',
};

const run = (args) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
let failures = 0;
for (const [plan, rules] of Object.entries(EXAMPLE_PLANS)) {
  for (const format of ['table', 'json', 'markdown', 'csv']) {
    try {
      run(['dist/cli.js', 'evaluate', plan, '--rules', rules, '--format', format]);
    } catch (error) {
      failures++;
      console.error(`FAIL duban evaluate ${plan} --rules ${rules} --format ${format}: exit ${error.status}\n${error.stderr}`);
    }
  }
  console.log(`ok   duban evaluate ${plan} --rules ${rules}`);
}
for (const example of ['examples/library.mjs', 'examples/library.cjs', 'examples/what-if.mjs']) {
  try {
    const out = run([example]);
    if (out.trim() === '') throw new Error('printed nothing');
    console.log(`ok   node ${example}`);
  } catch (error) {
    failures++;
    console.error(`FAIL node ${example}: ${error.message}`);
  }
}
if (failures > 0) {
  console.error(`${failures} example(s) failed`);
  process.exit(1);
}
