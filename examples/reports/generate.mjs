// Writes the sample bulletins and workbooks of this folder with the CLI, as an
// analyst would. Run after a build: node examples/reports/generate.mjs
// test/report/sample-outputs.test.ts checks that they match the current code.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Each sample: the file it is written to and the duban arguments that write it. */
export const SAMPLES = [
  ['xuchang-2017-h1.md', ['report', 'examples/xuchang-2017-h1.plan.json']],
  ['xuchang-2017-h1.txt', ['report', 'examples/xuchang-2017-h1.plan.json', '--format', 'text']],
  ['xuchang-2017-h1.trend.html', ['report', 'examples/xuchang-2017-h1.plan.json', '--as-of', 'all', '--format', 'html']],
  ['jinzhou-2016-h1.md', ['report', 'examples/jinzhou-2016-h1.plan.json', '--rules', 'three-level']],
  ['xianning-2018-q1.html', ['report', 'examples/xianning-2018-q1.plan.json', '--format', 'html']],
  ['xianning-2018-q1.docx', ['report', 'examples/xianning-2018-q1.plan.json', '--as-of', '2018-03-31', '--format', 'docx']],
  ['xianning-2018-q1.result.xlsx', ['report', 'examples/xianning-2018-q1.plan.json', '--format', 'xlsx']],
  ['ezhou-2014.任务分解表.xlsx', ['export-excel', 'examples/ezhou-2014.plan.json']],
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [file, args] of SAMPLES) {
    execFileSync(process.execPath, ['dist/cli.js', ...args, '--out', `examples/reports/${file}`], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TZ: 'UTC' },
    });
    console.log(`wrote examples/reports/${file}`);
  }
}
