// `npm run pack:check`: publint and attw (profile node16) on the packed package.
//
// Under `npm test` the tarball is the one pack:tarball made from the fresh build
// (DUBAN_PACKED_TARBALL); run alone, this packs the package itself with npm pack, whose prepack
// builds dist/ and studio/dist/ first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const windows = process.platform === 'win32';
const run = (command, args, options = {}) =>
  execFileSync(windows ? `${command}.cmd` : command, args, { cwd: root, stdio: 'inherit', shell: windows, ...options });

let tarball = process.env.DUBAN_PACKED_TARBALL ? resolve(root, process.env.DUBAN_PACKED_TARBALL) : undefined;
let scratch;
if (tarball === undefined) {
  scratch = mkdtempSync(join(tmpdir(), 'duban-pack-check-'));
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', scratch], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' }));
  tarball = join(scratch, packed.filename);
} else if (!existsSync(tarball)) {
  throw new Error(`DUBAN_PACKED_TARBALL=${tarball} does not exist: run npm run pack:tarball first`);
}
try {
  run('npx', ['--no-install', 'publint', 'run', tarball]);
  run('npx', ['--no-install', 'attw', tarball, '--profile', 'node16']);
} finally {
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
}
