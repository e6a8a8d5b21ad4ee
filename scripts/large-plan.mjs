// Generates a plan with many tasks (1 000 000 by default), evaluates it with the
// library and with the CLI, and prints the time and peak memory of each step.
// Not part of npm test (it takes minutes); test/hostile/limits.test.ts runs 20 000 tasks.
//
//   npm run build && node scripts/large-plan.mjs [--tasks 1000000] [--rules four-level] [--format csv] [--no-cli] [--keep]
//
// The plan is written to a temporary folder and deleted afterwards (unless --keep).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = pathToFileURL(join(root, 'dist/index.js')).href;

const { values } = parseArgs({
  options: {
    tasks: { type: 'string', default: '1000000' },
    rules: { type: 'string', default: 'four-level' },
    format: { type: 'string', default: 'csv' },
    'no-cli': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    child: { type: 'string' },
    plan: { type: 'string' },
  },
});

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** One task of each kind in turn, with observations, owners, flags and cancellations spread through the plan. */
function task(i) {
  const id = `T${String(i + 1).padStart(7, '0')}`;
  const owners = { lead: [`第${(i % 40) + 1}责任单位`], support: [`第${(i % 13) + 1}配合单位`] };
  const observed = i % 7 !== 0;
  const common = { id, title: `第${i + 1}项重点工作`, category: `C${i % 10}`, owners };
  if (i % 1000 === 999) Object.assign(common, { cancelled: { on: '2018-05-01', reason: '因政策调整' } });
  if (i % 250 === 17) Object.assign(common, { flags: ['problem'] });
  switch (i % 5) {
    case 0:
      return {
        ...common,
        target: { kind: 'cumulative', measure: '新增就业', unit: '万人', value: '3.7' },
        ...(observed ? { observations: [{ asOf: '2018-06-30', value: String(10000 + (i % 9000) * 3), unit: '人' }] } : {}),
      };
    case 1:
      return {
        ...common,
        target: { kind: 'level', measure: '高新技术企业', unit: '家', value: '220', baseline: '160' },
        ...(observed ? { observations: [{ asOf: '2018-06-30', value: String(160 + (i % 80)) }] } : {}),
      };
    case 2:
      return {
        ...common,
        target: { kind: 'rate', measure: '地区生产总值增长', unit: '%', value: '8' },
        ...(observed ? { observations: [{ asOf: '2018-06-30', value: `${6 + (i % 5)}.${i % 10}` }] } : {}),
      };
    case 3:
      return {
        ...common,
        target: {
          kind: 'milestones',
          milestones: [
            { title: '开工', due: '2018-03-31', done: i % 3 === 0 ? null : '2018-03-20' },
            { title: '竣工', due: '2018-11-30', done: null },
          ],
        },
      };
    default:
      return { ...common, target: { kind: 'binary', completedOn: i % 4 === 0 ? '2018-05-10' : null } };
  }
}

/** Writes the plan as JSON text, task by task, so generating it needs little memory. */
function writePlan(file, count) {
  const categories = Array.from({ length: 10 }, (_, i) => ({ id: `C${i}`, title: `第${i + 1}类` }));
  const head = JSON.stringify({
    formatVersion: 1,
    id: 'large-plan',
    title: `${count}项任务的压力测试计划`,
    period: { start: '2018-01-01', end: '2018-12-31' },
    asOf: '2018-07-31',
    categories,
  });
  const chunks = [head.slice(0, -1), ',"tasks":['];
  for (let i = 0; i < count; i++) chunks.push(i === 0 ? JSON.stringify(task(i)) : `,${JSON.stringify(task(i))}`);
  chunks.push(']}');
  writeFileSync(file, chunks.join(''));
}

/** In a child process: read, validate and evaluate the plan with the library, then format it. */
async function libraryChild(file) {
  const { evaluatePlan, formatEvaluation, formatEvaluationJsonChunks, parsePlan, evaluatePlanStream } = await import(dist);
  const figures = {};
  let start = performance.now();
  const text = readFileSync(file, 'utf8');
  const plan = parsePlan(text, { source: file });
  figures.parseSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const evaluation = await evaluatePlan(plan, { rules: values.rules });
  figures.evaluateSeconds = (performance.now() - start) / 1000;
  start = performance.now();
  if (values.format === 'json') {
    // JSON for a million tasks is longer than a JavaScript string can be: it is streamed (evaluating again), as the CLI does.
    figures.outputChars = 0;
    for (const chunk of formatEvaluationJsonChunks(evaluatePlanStream(plan, { rules: values.rules }))) figures.outputChars += chunk.length;
  } else {
    figures.outputChars = formatEvaluation(evaluation, values.format).length;
  }
  figures.formatSeconds = (performance.now() - start) / 1000;
  figures.results = evaluation.results.length;
  figures.byStatus = evaluation.summary.byStatus.map(({ status, count }) => `${status} ${count}`).join(', ');
  figures.peakMb = peakMb();
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

if (values.child === 'library') {
  await libraryChild(values.plan);
} else {
  const count = Number(values.tasks);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--tasks must be a whole number >= 1, got ${values.tasks}`);
  const dir = mkdtempSync(join(tmpdir(), 'duban-large-'));
  const file = join(dir, 'large.plan.json');
  try {
    let start = performance.now();
    writePlan(file, count);
    const bytes = statSync(file).size;
    console.log(`generated ${count} tasks: ${(bytes / 1048576).toFixed(1)} MiB in ${((performance.now() - start) / 1000).toFixed(1)} s`);

    const library = spawnSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--child', 'library', '--plan', file, '--rules', values.rules, '--format', values.format],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (library.status !== 0) throw new Error(`library run failed (exit ${library.status}):\n${library.stderr}`);
    const figures = JSON.parse(library.stdout);
    const formatting = values.format === 'json' ? 'evaluatePlanStream + formatEvaluationJsonChunks' : `formatEvaluation(${values.format})`;
    console.log(
      `library: parsePlan ${figures.parseSeconds.toFixed(1)} s, evaluatePlan ${figures.evaluateSeconds.toFixed(1)} s, ${formatting} ${figures.formatSeconds.toFixed(1)} s (${(figures.outputChars / 1048576).toFixed(0)} Mi characters), peak RSS ${figures.peakMb} MiB`,
    );
    console.log(`         ${figures.results} results: ${figures.byStatus}`);

    if (!values['no-cli']) {
      // The CLI as users run it, default heap; a preloaded hook reports the peak RSS on exit.
      const report = 'data:text/javascript,process.on("exit",()=>process.stderr.write(`\\nduban-large-plan peak-rss-kb ${process.resourceUsage().maxRSS}\\n`))';
      const out = join(dir, `result.${values.format}`);
      start = performance.now();
      const cli = spawnSync(
        process.execPath,
        ['--import', report, join(root, 'dist/cli.js'), 'evaluate', file, '--rules', values.rules, '--format', values.format, '--out', out],
        { encoding: 'utf8', maxBuffer: 1 << 24 },
      );
      const seconds = (performance.now() - start) / 1000;
      const peak = /duban-large-plan peak-rss-kb (\d+)/.exec(cli.stderr);
      const stderr = cli.stderr.replace(/\nduban-large-plan peak-rss-kb \d+\n/, '').trim();
      console.log(
        `cli:     duban evaluate --format ${values.format} --out: exit ${cli.status}, ${seconds.toFixed(1)} s, peak RSS ${peak === null ? '?' : Math.round(Number(peak[1]) / 1024)} MiB${cli.status === 0 ? `, wrote ${(statSync(out).size / 1048576).toFixed(1)} MiB` : ''}`,
      );
      if (stderr !== '')
        console.log(
          stderr
            .split('\n')
            .slice(0, 5)
            .map((line) => `         ${line}`)
            .join('\n'),
        );
      if (cli.status !== 0 && cli.status !== 1) process.exitCode = 1;
    }
  } finally {
    if (values.keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
