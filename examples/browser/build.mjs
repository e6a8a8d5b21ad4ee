// Bundles the browser example: main.js with the package's ESM build (dist/index.js)
// and its dependencies into dist/main.js, one ES module the page loads under a
// strict Content-Security-Policy. esbuild comes with tsup.
//
//   npm run build && node examples/browser/build.mjs && node examples/browser/serve.mjs
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Builds examples/browser/dist/main.js and returns esbuild's result. */
export function buildBrowserExample() {
  return build({
    entryPoints: [`${here}main.js`],
    outfile: `${here}dist/main.js`,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    logLevel: 'warning',
    metafile: true,
    minify: true,
    // The bundle is generated code (its dependencies' too): not for the linter.
    banner: { js: '/* eslint-disable */' },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await buildBrowserExample();
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
  console.log(`examples/browser/dist/main.js: ${(bytes / 1024).toFixed(0)} KiB`);
}
