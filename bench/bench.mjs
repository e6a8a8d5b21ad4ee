// npm run bench — duban against json-rules-engine, side by side, in one run.
//
// For each size (10 000, 100 000, 1 000 000 generated tasks, four-level rules):
//   jre classify     json-rules-engine's run() once per task on precomputed facts (the baseline)
//   duban classify   the compiled rules on the same facts: decide() (what evaluation runs) and classify() (with the list of matches)
//   jre end-to-end   `duban evaluate --engine json-rules-engine` as a whole process (read, validate, facts, classify, write JSON)
//   duban end-to-end `duban evaluate` (compiled, streamed JSON) as a whole process
// Prints seconds, tasks/s, the ratio to the baseline and the process's peak resident memory.
// First, what duban costs a browser app: bench/bundle-size.mjs (gzipped bundles beside their budgets).
// How `report` and `rules check` grow with their input: bench/scaling.mjs (old build beside the new with --old DIR).
// Whole processes run 5 times each below a million tasks, in turn; the median time is shown.
// json-rules-engine is skipped at 1 000 000 tasks unless --full is given (it takes minutes).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledRuleFileJson, compileRuleFile, createClassifier, createFactComputer, factsForEngine, parsePlan, parseRuleFile } from '../dist/index.js';
import { formatBundleRows, measureBundles } from './bundle-size.mjs';
import { generatePlanText } from './generate-plan.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const full = process.argv.includes('--full');
const sizes = process.argv.filter((arg) => /^\d+$/.test(arg)).map(Number);
const SIZES = sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000];
const dir = mkdtempSync(join(tmpdir(), 'duban-bench-'));
const ruleFile = parseRuleFile(bundledRuleFileJson('four-level'));

function endToEnd(planFile, engine) {
  const out = join(dir, `out-${engine}.json`);
  const started = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    ['--import', join(root, 'bench/rss-hook.mjs'), join(root, 'dist/cli.js'), 'evaluate', planFile, '--format', 'json', '--out', out, '--engine', engine],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.status !== 0) throw new Error(`duban evaluate --engine ${engine} exited ${child.status}: ${child.stderr.slice(0, 500)}`);
  const rss = Number(/@@maxrss (\d+)/.exec(child.stderr)?.[1] ?? 0) / 1024;
  rmSync(out, { force: true });
  return { seconds, rss };
}

async function classifyWithEngine(facts) {
  const classifier = createClassifier(ruleFile);
  const started = process.hrtime.bigint();
  for (const f of facts) await classifier.classify(f);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Seconds per round over the facts, repeated for at least a second. */
function perRound(facts, classifyOne) {
  let rounds = 0;
  const started = process.hrtime.bigint();
  let seconds = 0;
  let sink = 0;
  do {
    for (const f of facts) if (classifyOne(f) !== null) sink++;
    rounds++;
    seconds = Number(process.hrtime.bigint() - started) / 1e9;
  } while (seconds < 1);
  if (sink === 0) throw new Error('no task classified');
  return seconds / rounds;
}

const compiled = compileRuleFile(ruleFile);
// What duban's evaluation runs: the winner, every rule evaluated.
const decideCompiled = (facts) => perRound(facts, (f) => compiled.decide(f));
// The public classify(): the winner and the list of every matching rule.
const classifyCompiled = (facts) => perRound(facts, (f) => compiled.classify(f).rule);

/** The median run's seconds with the largest peak memory of all runs. */
function median(runs) {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return { seconds: sorted[Math.floor((sorted.length - 1) / 2)].seconds, rss: Math.max(...runs.map((r) => r.rss)) };
}

/** Whole-process runs per engine below a million tasks (a shared machine: one run can be off by 15%). */
const RUNS = 5;

const rows = [];
const spreads = [];
const row = (tasks, stage, seconds, baseline, rss) =>
  rows.push({ tasks, stage, seconds, perSecond: tasks / seconds, ratio: baseline === undefined ? undefined : baseline / seconds, rss });

console.log(`duban benchmark — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`);
console.log('');
console.log('Bundle size (minified for the browser, gzip -9; see bench/bundle-size.mjs):');
console.log('');
console.log(formatBundleRows(await measureBundles()));
console.log('');
for (const n of SIZES) {
  const planFile = join(dir, `plan-${n}.json`);
  writeFileSync(planFile, generatePlanText(n));
  const runEngine = n < 1_000_000 || full;
  // The whole processes first, while this process holds nothing large (its collector could
  // otherwise be marking a big heap on the second core while a child runs).
  // Each whole process runs RUNS times, the two engines in turn; the median time and the largest peak count.
  const runs = n >= 1_000_000 ? 1 : RUNS;
  const jreRuns = [];
  const compiledRuns = [];
  for (let run = 0; run < runs; run++) {
    process.stderr.write(`${n} tasks, run ${run + 1}/${runs}: end-to-end… `);
    if (runEngine) jreRuns.push(endToEnd(planFile, 'json-rules-engine'));
    compiledRuns.push(endToEnd(planFile, 'compiled'));
  }
  const jreProcess = runEngine ? median(jreRuns) : undefined;
  const compiled = median(compiledRuns);
  const list = (rs) => rs.map((r) => r.seconds.toFixed(2)).join(' ');
  spreads.push(
    `${n.toLocaleString('en-US')} tasks, every end-to-end run (s): ${runEngine ? `json-rules-engine ${list(jreRuns)}; ` : ''}duban ${list(compiledRuns)}`,
  );
  process.stderr.write('facts… ');
  let plan = parsePlan(readFileSync(planFile, 'utf8'));
  const factsOf = createFactComputer(plan, plan.asOf);
  const facts = plan.tasks.map((task) => factsForEngine(factsOf(task)));
  plan = undefined;
  let jre;
  if (runEngine) {
    process.stderr.write('jre classify… ');
    jre = await classifyWithEngine(facts);
    row(n, 'jre classify (baseline)', jre, jre);
  }
  process.stderr.write('duban classify…\n');
  row(n, 'duban classify (decide)', decideCompiled(facts), jre);
  row(n, 'duban classify (classify)', classifyCompiled(facts), jre);
  if (jreProcess !== undefined) row(n, 'jre end-to-end (baseline)', jreProcess.seconds, jreProcess.seconds, jreProcess.rss);
  row(n, 'duban end-to-end', compiled.seconds, jreProcess?.seconds, compiled.rss);
  rmSync(planFile, { force: true });
}
rmSync(dir, { recursive: true, force: true });

const fmt = (value, digits) => (value === undefined ? '—' : value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
console.log('');
console.log('| tasks | stage | seconds | tasks/s | × baseline | peak RSS MB |');
console.log('| ---: | --- | ---: | ---: | ---: | ---: |');
for (const r of rows)
  console.log(`| ${fmt(r.tasks, 0)} | ${r.stage} | ${fmt(r.seconds, 3)} | ${fmt(r.perSecond, 0)} | ${fmt(r.ratio, 1)} | ${fmt(r.rss, 0)} |`);
console.log('');
for (const line of spreads) console.log(line);
if (!full) console.log('\njson-rules-engine at 1 000 000 tasks is skipped; run `npm run bench -- --full` to include it.');
