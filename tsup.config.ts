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
    entry: { cli: 'src/cli/index.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    dts: false,
    clean: false,
    splitting: false,
    noExternal: ['zod', 'date-fns', 'decimal.js'],
  },
]);
