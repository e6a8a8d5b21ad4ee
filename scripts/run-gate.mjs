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

function run(script, buffered) {
  const started = process.hrtime.bigint();
  return new Promise((resolvePromise) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit', shell: process.platform === 'win32' });
    const chunks = [];
    if (buffered) {
      child.stdout.on('data', (chunk) => chunks.push(chunk));
      child.stderr.on('data', (chunk) => chunks.push(chunk));
    }
    child.on('close', (code, signal) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (buffered) {
        process.stdout.write(`\n── ${script} (${seconds.toFixed(1)} s) ──\n`);
        process.stdout.write(Buffer.concat(chunks));
      }
      resolvePromise({ script, seconds, ok: code === 0, code: code ?? signal });
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
const lines = ['', 'step'.padEnd(width) + 'seconds  result'];
results.forEach(({ outcomes, seconds }, i) => {
  for (const { script, seconds: own, ok, code } of outcomes)
    lines.push(`${script.padEnd(width)}${own.toFixed(1).padStart(7)}  ${ok ? 'ok' : `FAILED (${code})`}`);
  if (outcomes.length > 1) lines.push(`${`  phase ${i + 1}`.padEnd(width)}${seconds.toFixed(1).padStart(7)}  (in parallel)`);
});
const skipped = phases.slice(results.length).flat();
for (const script of skipped) lines.push(`${script.padEnd(width)}${'-'.padStart(7)}  not run`);
lines.push(`${'total'.padEnd(width)}${total.toFixed(1).padStart(7)}  ${failed ? 'FAILED' : 'ok'}`);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = failed ? 1 : 0;
