#!/usr/bin/env node
// The `duban` command. The published package always contains dist/ (built by
// `prepack`); a source checkout has none until its first build, so after a plain
// `npm install` (which builds nothing) this builds dist/ once with the checkout's
// own tsup, writing only to stderr, and then runs it; `duban studio` likewise builds
// studio/dist/ with studio/build.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = new URL('../dist/cli.js', import.meta.url);
const tsup = `${root}node_modules/tsup/dist/cli-default.js`;

if (!existsSync(cli) && existsSync(`${root}tsup.config.ts`) && existsSync(tsup)) {
  process.stderr.write('duban: 源码目录中尚无构建，正在构建 dist/（仅首次）… / first run in a source checkout: building dist/ …\n');
  const build = spawnSync(process.execPath, [tsup, '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) {
    process.stderr.write('duban: 构建失败，请运行 npm run build 查看原因 / the build failed: run npm run build to see why\n');
    process.exit(3);
  }
}
// `duban studio` also needs the built app, studio/dist/ (npm run build makes both).
const studioBuild = `${root}studio/build.mjs`;
if (process.argv[2] === 'studio' && !existsSync(`${root}studio/dist/index.html`) && existsSync(studioBuild) && existsSync(`${root}node_modules/esbuild`)) {
  process.stderr.write('duban: 正在构建工作台 studio/dist/（仅首次）… / first run of the studio in a source checkout: building studio/dist/ …\n');
  const build = spawnSync(process.execPath, [studioBuild], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) {
    process.stderr.write('duban: 工作台构建失败，请运行 npm run build 查看原因 / the studio build failed: run npm run build to see why\n');
    process.exit(3);
  }
}
if (!existsSync(cli)) {
  process.stderr.write('duban: 找不到 dist/cli.js，请运行 npm run build / dist/cli.js is missing: run npm run build\n');
  process.exit(3);
}
await import(cli.href);
