import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The core and `duban/excel` share one chunk, so both see the same DubanError class;
    // exceljs stays external and is imported dynamically by the excel entry only.
    entry: { index: 'src/index.ts', excel: 'src/excel/index.ts' },
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
    // time. json-rules-engine stays external: it is CommonJS and loaded as the library loads it.
    noExternal: ['zod', 'date-fns', 'decimal.js'],
  },
]);
