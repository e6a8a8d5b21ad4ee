// `npm test`: every check of the project, with each step's wall and CPU time in a table at the end.
//
// The steps run as soon as the steps they need have passed, several at a time (their output is
// buffered and printed as each ends, so it does not interleave): on a 2-core machine no core
// should wait at a phase boundary while one last step finishes. At most CAPACITY single-threaded
// steps (tsc, eslint, prettier, tsup, typedoc) run together; the vitest run (two workers of its
// own) starts as soon as dist/ and the tarball are there, whatever else runs. Once a step has
// failed, no further step starts; the gate fails when the running ones have ended.
//
//   build → pack:tarball → test:vitest (unit tests and the time-zone matrix, one vitest run),
//                        → pack:check (publint, attw on the same tarball)
//   build → examples;  typecheck, lint, format:check, examples:compile, docs need nothing
//
//   node scripts/run-gate.mjs            every step
//   node scripts/run-gate.mjs --serial   one step at a time, output as it comes (for a busy machine, or to read it in order)
//   node scripts/run-gate.mjs --only typecheck,lint   just those steps (what they need is assumed done)
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// In the order they are started when several are ready.
const STEPS = [
  { script: 'build' },
  { script: 'pack:tarball', needs: ['build'] },
  // Needs dist/ (the CLI tests run bin/duban.js) and the tarball (the package test installs it).
  { script: 'test:vitest', needs: ['build', 'pack:tarball'], workers: true },
  { script: 'typecheck' },
  { script: 'lint' },
  { script: 'format:check' },
  { script: 'examples', needs: ['build'] },
  { script: 'pack:check', needs: ['pack:tarball'] },
  { script: 'examples:compile' },
  { script: 'docs' },
];
const CAPACITY = 4;
const root = fileURLToPath(new URL('..', import.meta.url));
// pack:tarball writes it, pack:check and the package test read it (when pack:tarball is not run, each packs for itself).
const TARBALL = join(root, '.tmp/pack/duban.tgz');

const serial = process.argv.includes('--serial');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt < 0 ? undefined : new Set((process.argv[onlyAt + 1] ?? '').split(','));
const names = STEPS.map(({ script }) => script);
if (only !== undefined) {
  const unknown = [...only].filter((script) => !names.includes(script));
  if (unknown.length > 0) throw new Error(`--only: no step ${unknown.join(', ')}; the steps are ${names.join(', ')}`);
}
const steps = STEPS.filter(({ script }) => only === undefined || only.has(script)).map((step) => ({
  ...step,
  needs: (step.needs ?? []).filter((need) => only === undefined || only.has(need)),
}));
const env = steps.some(({ script }) => script === 'pack:tarball') ? { ...process.env, DUBAN_PACKED_TARBALL: TARBALL } : process.env;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

// A step's CPU time (user + system, of npm and every process under it that was waited for) is
// far less noisy than its wall time on a shared machine. On POSIX the step runs under sh, whose
// `times` prints its children's totals on fd 3 when the step ends; elsewhere the column is '-'.
const POSIX = process.platform !== 'win32';
const WRAPPER = 'npm run --silent "$0"; status=$?; times >&3; exit $status';

/** Seconds from the children line of sh's `times` ("0m1.23s 0m0.45s"), user + system. */
function childSeconds(text) {
  const lines = text.trim().split('\n');
  const fields = [...(lines.at(-1) ?? '').matchAll(/(\d+)m([\d.]+)s/g)].map((match) => Number(match[1]) * 60 + Number(match[2]));
  return fields.length === 2 ? fields[0] + fields[1] : undefined;
}

function run(script, buffered) {
  const started = process.hrtime.bigint();
  return new Promise((resolvePromise) => {
    const out = buffered ? 'pipe' : 'inherit';
    const child = POSIX
      ? spawn('sh', ['-c', WRAPPER, script], { stdio: ['ignore', out, out, 'pipe'], env })
      : spawn(npm, ['run', '--silent', script], { stdio: ['ignore', out, out], shell: true, env });
    const chunks = [];
    const timesOutput = [];
    if (buffered) {
      child.stdout.on('data', (chunk) => chunks.push(chunk));
      child.stderr.on('data', (chunk) => chunks.push(chunk));
    }
    child.stdio[3]?.on('data', (chunk) => timesOutput.push(chunk));
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cpu = childSeconds(Buffer.concat(timesOutput).toString());
      if (buffered) {
        process.stdout.write(`\n── ${script} (${seconds.toFixed(1)} s, CPU ${cpu === undefined ? '-' : cpu.toFixed(1)} s) ──\n`);
        process.stdout.write(Buffer.concat(chunks));
      }
      resolvePromise({ script, seconds, cpu, ok: code === 0, code: code ?? signal });
    });
  });
}

const outcomes = new Map();
const gateStarted = process.hrtime.bigint();
let failed = false;
await new Promise((resolveAll) => {
  const running = new Set();
  const started = new Set();
  const startReady = () => {
    for (const step of steps) {
      if (failed || started.has(step.script)) continue;
      if (!step.needs.every((need) => outcomes.get(need)?.ok === true)) continue;
      const load = [...running].filter((other) => !other.workers).length;
      if (serial ? running.size > 0 : !step.workers && load >= CAPACITY) continue;
      started.add(step.script);
      running.add(step);
      if (serial) process.stdout.write(`\n── ${step.script} ──\n`);
      void run(step.script, !serial).then((outcome) => {
        running.delete(step);
        outcomes.set(step.script, outcome);
        if (!outcome.ok) failed = true;
        startReady();
        if (running.size === 0) resolveAll();
      });
      if (serial) return;
    }
  };
  startReady();
  if (running.size === 0) resolveAll();
});
const total = Number(process.hrtime.bigint() - gateStarted) / 1e9;

const width = Math.max(...steps.map(({ script }) => script.length)) + 2;
const cpuText = (cpu) => (cpu === undefined ? '-' : cpu.toFixed(1)).padStart(7);
const lines = ['', `${'step'.padEnd(width)}   wall s   CPU s  result`];
let totalCpu = 0;
for (const { script } of steps) {
  const outcome = outcomes.get(script);
  if (outcome === undefined) {
    lines.push(`${script.padEnd(width)}${'-'.padStart(9)} ${'-'.padStart(7)}  not run`);
    continue;
  }
  const { seconds, cpu, ok, code } = outcome;
  totalCpu += cpu ?? Number.NaN;
  lines.push(`${script.padEnd(width)}${seconds.toFixed(1).padStart(9)} ${cpuText(cpu)}  ${ok ? 'ok' : `FAILED (${code})`}`);
}
lines.push(`${'total'.padEnd(width)}${total.toFixed(1).padStart(9)} ${cpuText(Number.isNaN(totalCpu) ? undefined : totalCpu)}  ${failed ? 'FAILED' : 'ok'}`);
lines.push(`(CPU s: user + system of the step and everything it ran; on 2 idle cores the gate takes about the total CPU / 2 when both stay busy)`);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = failed ? 1 : 0;
