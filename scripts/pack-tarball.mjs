// `npm run pack:tarball`: packs the package once, from the dist/ and studio/dist/ the build step
// just wrote (--ignore-scripts: prepack would build them again), into the file DUBAN_PACKED_TARBALL
// names (default .tmp/pack/duban.tgz). In `npm test`, pack:check (publint, attw) and
// the package test (test/package/package.test.ts: installed into an empty folder) all check this
// one tarball instead of each packing (and pack:check building) again.
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Where the gate's tarball goes: DUBAN_PACKED_TARBALL, else .tmp/pack/duban.tgz. */
export function tarballPath() {
  if (process.env.DUBAN_PACKED_TARBALL) return resolve(root, process.env.DUBAN_PACKED_TARBALL);
  return join(root, '.tmp/pack/duban.tgz');
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const target = tarballPath();
  const folder = dirname(target);
  rmSync(target, { force: true });
  mkdirSync(folder, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const [packed] = JSON.parse(
    execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      shell: process.platform === 'win32',
    }),
  );
  renameSync(join(folder, packed.filename), target);
  console.log(`packed ${packed.files.length} files (${packed.size} bytes) into ${target}`);
}
