// Builds duban studio (studio/src/main.ts with duban's source and CodeMirror) into studio/dist/:
// index.html, style.css, app.js and its chunks, and an empty initial.json (what `duban studio`
// serves in its place are the files given on its command line). Static files: any web server can
// host studio/dist/, where files are opened with the file picker or by drag and drop.
// esbuild comes with tsup.
//
//   node studio/build.mjs
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const dist = `${here}dist`;

/**
 * Builds studio/dist/ and returns esbuild's result. The build goes to a folder of its own and
 * then takes the place of studio/dist, so that a reader (npm pack, a running server) never
 * sees a half-written one.
 */
export async function buildStudio() {
  const out = `${here}.dist-${process.pid}/`;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await build({
    entryPoints: { app: `${here}src/main.ts` },
    outdir: out,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    logLevel: 'warning',
    metafile: true,
    // DUBAN_STUDIO_MINIFY=0 keeps names, for profiling.
    minify: process.env.DUBAN_STUDIO_MINIFY !== '0',
    legalComments: 'none',
    tsconfig: `${here}tsconfig.json`,
    // The bundle is generated code (its dependencies' too): not for the linter.
    banner: { js: '/* eslint-disable */' },
  });
  copyFileSync(`${here}index.html`, `${out}index.html`);
  copyFileSync(`${here}style.css`, `${out}style.css`);
  copyFileSync(`${here}favicon.svg`, `${out}favicon.svg`);
  writeFileSync(`${out}initial.json`, '{}\n');
  const old = `${here}.dist-old-${process.pid}`;
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(out, dist);
  rmSync(old, { recursive: true, force: true });
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await buildStudio();
  const outputs = Object.entries(result.metafile.outputs);
  const bytes = outputs.reduce((sum, [, output]) => sum + output.bytes, 0);
  const main = outputs.find(([name]) => name.endsWith('app.js'))?.[1].bytes ?? 0;
  console.log(`studio/dist: app.js ${(main / 1024).toFixed(0)} KiB, all scripts ${(bytes / 1024).toFixed(0)} KiB (${outputs.length} files)`);
}
