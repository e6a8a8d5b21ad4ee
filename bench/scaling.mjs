// node bench/scaling.mjs (after npm run build) — how `duban report` and `duban rules check` grow with their input.
//
//   report        `duban report PLAN --format markdown` on generated plans of 10 000 and 100 000 tasks
//                 (bench/generate-plan.mjs); linear in the tasks.
//   rules check   `duban rules check RULES` on n one-condition rules `progress ≥ i/n` of n distinct
//                 priorities plus a catch-all (126, 251, 1000 rules); near-linear in the rules.
//
// Each whole process runs 3 times; the median is shown. With --old DIR, the same commands also run on
// DIR/dist/cli.js (a build of another commit, e.g. `git worktree add /tmp/old c64dff7 && cd /tmp/old &&
// npm ci && npm run build`) and the table shows both side by side; a run of the old build is stopped
// after --old-limit seconds (default 120) and shown as "> N".
// Usage: node bench/scaling.mjs [--old DIR] [--old-limit S] [--quick (one run each)]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePlanText } from './generate-plan.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const argument = (name) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const oldDir = argument('--old');
const oldLimit = Number(argument('--old-limit') ?? 120);
const quick = process.argv.includes('--quick');
const RUNS = quick ? 1 : 3;
const dir = mkdtempSync(join(tmpdir(), 'duban-scaling-'));

/** n one-condition rules on progress, the highest threshold first, and a catch-all. */
export function ladderRules(n) {
  const rules = Array.from({ length: n }, (_, i) => ({
    name: `r${i}`,
    priority: i + 2,
    conditions: { all: [{ fact: 'progress', operator: 'greaterThanInclusive', value: Number((i / n).toFixed(6)) }] },
    event: { type: i % 2 === 0 ? 'a' : 'b' },
  }));
  rules.push({ name: 'rest', priority: 1, conditions: { all: [] }, event: { type: 'b' } });
  return {
    formatVersion: 1,
    id: `ladder-${n}`,
    title: `${n} rules`,
    statuses: [
      { code: 'a', label: 'A' },
      { code: 'b', label: 'B' },
    ],
    rules,
  };
}

/** Seconds for one whole process, or undefined past the limit. */
function run(cli, args, limit) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: limit === undefined ? undefined : limit * 1000 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (child.error?.code === 'ETIMEDOUT' || child.signal === 'SIGTERM') return undefined;
  if (child.status !== 0 && child.status !== 1) throw new Error(`${cli} ${args.join(' ')} exited ${child.status}: ${child.stderr.slice(0, 500)}`);
  return seconds;
}

function median(cli, args, limit) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const seconds = run(cli, args, limit);
    if (seconds === undefined) return undefined;
    times.push(seconds);
  }
  return times.sort((a, b) => a - b)[Math.floor((times.length - 1) / 2)];
}

const cases = [];
for (const n of [10_000, 100_000]) {
  const file = join(dir, `plan-${n}.json`);
  writeFileSync(file, generatePlanText(n));
  cases.push({ command: 'report', size: `${n.toLocaleString('en-US')} tasks`, args: ['report', file, '--format', 'markdown', '--out', join(dir, 'out.md')] });
}
for (const n of [126, 251, 1000]) {
  const file = join(dir, `rules-${n}.json`);
  writeFileSync(file, JSON.stringify(ladderRules(n)));
  cases.push({ command: 'rules check', size: `${n} rules`, args: ['rules', 'check', file] });
}

console.log(`duban scaling — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; median of ${RUNS} run(s)`);
const rows = [];
for (const item of cases) {
  process.stderr.write(`${item.command} ${item.size}… `);
  const now = median(join(root, 'dist/cli.js'), item.args);
  const old = oldDir === undefined ? undefined : (median(join(resolve(oldDir), 'dist/cli.js'), item.args, oldLimit) ?? `> ${oldLimit}`);
  rows.push({ ...item, now, old });
}
process.stderr.write('\n');
rmSync(dir, { recursive: true, force: true });

const fmt = (value) => (typeof value === 'number' ? value.toFixed(2) : (value ?? '—'));
console.log('');
console.log(`| command | input | seconds${oldDir === undefined ? '' : ' | seconds (old build) | × faster'} |`);
console.log(`| --- | ---: | ---:${oldDir === undefined ? '' : ' | ---: | ---:'} |`);
for (const r of rows) {
  const ratio = typeof r.old === 'number' ? (r.old / r.now).toFixed(1) : typeof r.old === 'string' ? `> ${(oldLimit / r.now).toFixed(0)}` : '—';
  console.log(`| ${r.command} | ${r.size} | ${fmt(r.now)}${oldDir === undefined ? '' : ` | ${fmt(r.old)} | ${ratio}`} |`);
}
