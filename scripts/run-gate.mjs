// `npm test`: every check of the project, in phases, with each step's time in a table at the end.
//
// Steps within a phase run at the same time (their output is buffered and printed as each ends, so
// it does not interleave); a phase starts when the one before has passed. The phases are chosen
// for a 2-core machine: the unit tests use every core themselves, so they run alone; the
// single-threaded checks (tsc, eslint, tsup; the examples, typedoc) share the two cores.
// A failed step fails the gate once its phase has ended; later phases do not run.
//
//   node scripts/run-gate.mjs            every phase
//   node scripts/run-gate.mjs --serial   one step at a time (for a busy machine, or to read the output in order)
//   node scripts/run-gate.mjs --only typecheck,lint   just those steps, in their phases
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';

const PHASES = [
  ['typecheck', 'lint', 'format:check', 'build'],
  ['test:unit'],
  ['test:tz'],
  ['examples', 'examples:compile', 'docs'],
  // Alone: `attw --pack` packs, and packing runs prepack (tsup), which rewrites dist/ under the others' feet.
  ['pack:check'],
];
const serial = process.argv.includes('--serial');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt < 0 ? undefined : new Set((process.argv[onlyAt + 1] ?? '').split(','));
if (only !== undefined) {
  const unknown = [...only].filter((script) => !PHASES.flat().includes(script));
  if (unknown.length > 0) throw new Error(`--only: no step ${unknown.join(', ')}; the steps are ${PHASES.flat().join(', ')}`);
}
const phases = PHASES.map((phase) => phase.filter((script) => only === undefined || only.has(script))).filter((phase) => phase.length > 0);
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
      ? spawn('sh', ['-c', WRAPPER, script], { stdio: ['ignore', out, out, 'pipe'] })
      : spawn(npm, ['run', '--silent', script], { stdio: ['ignore', out, out], shell: true });
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

const results = [];
const gateStarted = process.hrtime.bigint();
let failed = false;
for (const phase of phases) {
  const phaseStarted = process.hrtime.bigint();
  let outcomes;
  if (serial || phase.length === 1) {
    outcomes = [];
    for (const script of phase) {
      process.stdout.write(`\n── ${script} ──\n`);
      outcomes.push(await run(script, false));
    }
  } else {
    process.stdout.write(`\n── ${phase.join(' ∥ ')} ──\n`);
    outcomes = await Promise.all(phase.map((script) => run(script, true)));
  }
  results.push({ outcomes, seconds: Number(process.hrtime.bigint() - phaseStarted) / 1e9 });
  if (outcomes.some((outcome) => !outcome.ok)) {
    failed = true;
    break;
  }
}
const total = Number(process.hrtime.bigint() - gateStarted) / 1e9;

const width = Math.max(...phases.flat().map((script) => script.length)) + 2;
const cpuText = (cpu) => (cpu === undefined ? '-' : cpu.toFixed(1)).padStart(7);
const lines = ['', `${'step'.padEnd(width)}   wall s   CPU s  result`];
let totalCpu = 0;
results.forEach(({ outcomes, seconds }, i) => {
  for (const { script, seconds: own, cpu, ok, code } of outcomes) {
    totalCpu += cpu ?? Number.NaN;
    lines.push(`${script.padEnd(width)}${own.toFixed(1).padStart(9)} ${cpuText(cpu)}  ${ok ? 'ok' : `FAILED (${code})`}`);
  }
  if (outcomes.length > 1) {
    const phaseCpu = outcomes.reduce((sum, { cpu }) => sum + (cpu ?? Number.NaN), 0);
    lines.push(`${`  phase ${i + 1}`.padEnd(width)}${seconds.toFixed(1).padStart(9)} ${cpuText(Number.isNaN(phaseCpu) ? undefined : phaseCpu)}  (in parallel)`);
  }
});
const skipped = phases.slice(results.length).flat();
for (const script of skipped) lines.push(`${script.padEnd(width)}${'-'.padStart(9)} ${'-'.padStart(7)}  not run`);
lines.push(`${'total'.padEnd(width)}${total.toFixed(1).padStart(9)} ${cpuText(Number.isNaN(totalCpu) ? undefined : totalCpu)}  ${failed ? 'FAILED' : 'ok'}`);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = failed ? 1 : 0;
