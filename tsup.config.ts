import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

interface OnResolveArgs {
  path: string;
  importer: string;
  kind: string;
}
type OnResolve = (options: { filter: RegExp }, callback: (args: OnResolveArgs) => { path: string; external?: boolean } | undefined) => void;
type OnLoad = (options: { filter: RegExp }, callback: (args: { path: string }) => Promise<{ contents: string; loader: 'ts' } | undefined>) => void;

/** The CLI loads json-rules-engine on first use (see src/cli/lazy-json-rules-engine.ts). */
const lazyJsonRulesEngine = {
  name: 'lazy-json-rules-engine',
  setup(build: { onResolve: OnResolve }) {
    const shim = fileURLToPath(new URL('./src/cli/lazy-json-rules-engine.ts', import.meta.url));
    build.onResolve({ filter: /^json-rules-engine$/ }, (args) => (args.importer === shim ? undefined : { path: shim }));
  },
};

const SRC = fileURLToPath(new URL('./src/', import.meta.url));

/**
 * The name of a source module's output in dist/ (which stays flat): its path under src/ with
 * `-` for `/`, a folder's index.ts named after the folder (src/model/plan.ts → model-plan,
 * src/excel/index.ts → excel).
 */
function outputName(file: string): string {
  return relative(SRC, file)
    .replaceAll('\\', '/')
    .replace(/\.ts$/, '')
    .replace(/\/index$/, '')
    .replaceAll('/', '-');
}

/** Every library module: src/**\/*.ts but the CLI's own, by output name. */
const libraryModules = Object.fromEntries(
  readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.startsWith('cli'))
    .map((file) => [outputName(join(SRC, file)), join(SRC, file)]),
);

/**
 * One output module per source module: every import of another source module stays an import,
 * of that module's output (`./model-plan.js`). JSON files (the bundled rule sets) are inlined
 * into the module that imports them. With `"sideEffects": false`, an app's bundler then drops
 * every module the app does not use, with what it alone imports.
 */
const keepModules = {
  name: 'keep-modules',
  setup(build: { onResolve: OnResolve }) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point' || args.path.endsWith('.json')) return undefined;
      return { path: `./${outputName(resolve(dirname(args.importer), args.path.replace(/\.js$/, '.ts')))}.js`, external: true };
    });
  },
};

/**
 * decimal.js, droppable: an app that never reaches decimal.js code does not bundle it (the
 * pace arithmetic behind `expectedProgress` is BigInt fractions; only a few functions use
 * decimal.js). Two things stand in the way, and this plugin removes both in the ESM build:
 * - decimal.js runs code when loaded and does not declare `"sideEffects"`, so a bundler keeps
 *   it whenever a bundled module imports it: imports of it go through src/model/decimal-js.ts,
 *   a re-export without side effects, which a bundler drops once nothing uses it;
 * - each module makes its private constructor at load, `const X = Decimal.clone({ … })` (as
 *   STYLE.md asks: never `Decimal.set`), a call a bundler must keep unless it is marked pure,
 *   and whose argument reads `Decimal.ROUND_HALF_EVEN` (a property read, kept as well): each
 *   becomes `const X = /* @__PURE__ *\/ (() => Decimal.clone({ … }))()`. It is pure: `clone`
 *   only builds a new constructor.
 * test/package/bundle-size.test.ts fails if decimal.js comes back into `expectedProgress`.
 */
const droppableDecimalJs = {
  name: 'droppable-decimal-js',
  setup(build: { onResolve: OnResolve; onLoad: OnLoad }) {
    const reexport = fileURLToPath(new URL('./src/model/decimal-js.ts', import.meta.url));
    build.onResolve({ filter: /^decimal\.js$/ }, (args) => {
      return args.importer === reexport ? { path: 'decimal.js', external: true } : { path: `./${outputName(reexport)}.js`, external: true };
    });
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('Decimal.clone(')) return undefined;
      return { contents: markDecimalClonesPure(text), loader: 'ts' };
    });
  },
};

/** `= Decimal.clone(…)` becomes `= /* @__PURE__ *\/ (() => Decimal.clone(…))()`. */
function markDecimalClonesPure(text: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf('= Decimal.clone(', from); at !== -1; at = text.indexOf('= Decimal.clone(', from)) {
    // The matching parenthesis; the arguments are an object of numbers and Decimal's constants.
    let depth = 0;
    let end = at + '= Decimal.clone'.length;
    do {
      if (text[end] === '(') depth++;
      else if (text[end] === ')') depth--;
      end++;
    } while (depth > 0 && end < text.length);
    if (depth !== 0) throw new Error('droppable-decimal-js: unbalanced Decimal.clone(...)');
    out += `${text.slice(from, at)}= /* @__PURE__ */ (() => ${text.slice(at + 2, end)})()`;
    from = end;
  }
  return out + text.slice(from);
}

export default defineConfig([
  {
    // ESM: one module per module of src/ (the CLI's own aside). The core, `duban/excel` and
    // `duban/docx` import the same dist/errors.js, so all see the same DubanError class; exceljs,
    // docx and the other dependencies stay external (exceljs and docx are imported dynamically).
    entry: libraryModules,
    format: ['esm'],
    platform: 'neutral',
    target: 'es2022',
    // Declarations: one bundled .d.ts per entry point of the package.
    dts: { entry: { index: 'src/index.ts', excel: 'src/excel/index.ts', docx: 'src/docx/index.ts' } },
    clean: true,
    sourcemap: false,
    bundle: true,
    splitting: false,
    // decimal.js is resolved by droppableDecimalJs (and stays external), not by tsup.
    noExternal: ['decimal.js'],
    esbuildPlugins: [keepModules, droppableDecimalJs],
  },
  {
    // CommonJS: the core, `duban/excel` and `duban/docx` share one chunk, so all see the same DubanError class.
    entry: { index: 'src/index.ts', excel: 'src/excel/index.ts', docx: 'src/docx/index.ts' },
    format: ['cjs'],
    platform: 'neutral',
    target: 'es2022',
    // Its declarations (.d.cts) are the ESM build's with .cjs import specifiers: scripts/declarations-cjs.mjs writes them.
    dts: false,
    clean: false,
    sourcemap: false,
    splitting: true,
    treeshake: true,
  },
  {
    // The CLI, and the script of its JSON writer thread (src/cli/json-writer.ts).
    entry: { cli: 'src/cli/index.ts', 'cli-json-writer': 'src/cli/json-writer-worker.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    dts: false,
    clean: false,
    splitting: false,
    // Bundled (tree-shaken) rather than loaded from node_modules: the CLI starts in about half the
    // time. json-rules-engine is not bundled: the plugin points it to a shim that requires it on first use.
    noExternal: ['zod', 'date-fns', 'decimal.js', 'json-rules-engine'],
    esbuildPlugins: [lazyJsonRulesEngine],
  },
]);
