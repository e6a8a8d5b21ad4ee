import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';

/** The CLI loads json-rules-engine on first use (see src/cli/lazy-json-rules-engine.ts). */
const lazyJsonRulesEngine = {
  name: 'lazy-json-rules-engine',
  setup(build: { onResolve: (options: { filter: RegExp }, callback: (args: { importer: string }) => { path: string } | undefined) => void }) {
    const shim = fileURLToPath(new URL('./src/cli/lazy-json-rules-engine.ts', import.meta.url));
    build.onResolve({ filter: /^json-rules-engine$/ }, (args) => (args.importer === shim ? undefined : { path: shim }));
  },
};

export default defineConfig([
  {
    // The core, `duban/excel` and `duban/docx` share one chunk, so all see the same DubanError class;
    // exceljs and docx stay external and are imported dynamically by their entries only.
    entry: { index: 'src/index.ts', excel: 'src/excel/index.ts', docx: 'src/docx/index.ts' },
    format: ['esm', 'cjs'],
    platform: 'neutral',
    target: 'es2022',
    dts: true,
    clean: true,
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
