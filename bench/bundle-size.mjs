// What duban costs a browser app: bundles a few typical imports of the built package (dist/)
// for the browser, minified, and prints their gzipped sizes beside the budgets.
//
//   npm run build && node bench/bundle-size.mjs          (npm run bench runs it too)
//
// Each case is bundled three ways:
//   esbuild            `esbuild --bundle --minify --format=esm --platform=browser`: one file, in
//                      which a dynamic import() is inlined
//   esbuild --splitting the same with code splitting: a dynamic import() becomes a chunk
//   Vite               `vite build` (Rollup's algorithm; Vite comes with vitest): the same
// For the split builds, "initial" is what the page loads first (the entry and, transitively, its
// static imports) and "on demand" what loads only when the code asks for it (dynamic imports).
// The package is reached as an installed dependency (a node_modules/duban link to this folder),
// so its exports map and `"sideEffects": false` apply exactly as in an app.
// Sizes are deterministic: test/package/bundle-size.test.ts holds them to the budgets.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** 1 kB = 1000 bytes. */
const KB = 1000;

/**
 * The cases: an app's entry module, and its budget, gzipped bytes of one of the measurements:
 * `oneFile` (esbuild without splitting: everything that can load) or `viteInitial`.
 */
export const BUNDLE_CASES = [
  { name: 'expectedProgress', entry: "export { expectedProgress } from 'duban';", budget: { oneFile: 10 * KB } },
  { name: 'parsePlan + evaluatePlanSync', entry: "export { parsePlan, evaluatePlanSync } from 'duban';", budget: { oneFile: 60 * KB } },
  {
    name: 'parsePlan + evaluatePlan (compiled)',
    entry: "import { evaluatePlan, parsePlan } from 'duban';\nexport const run = (text) => evaluatePlan(parsePlan(text));",
    budget: { viteInitial: 60 * KB },
  },
  {
    name: 'parsePlan + evaluatePlan (json-rules-engine)',
    entry: "import { evaluatePlan, parsePlan } from 'duban';\nexport const run = (text) => evaluatePlan(parsePlan(text), { engine: 'json-rules-engine' });",
  },
  { name: 'the whole library', entry: "export * from 'duban';" },
];

/** The measurements a budget can apply to, as the table names them. */
const MEASURES = { oneFile: 'esbuild', viteInitial: 'Vite initial' };

const gzipped = (contents) => gzipSync(contents, { level: 9 }).length;

/**
 * Bundles every case from the built package and measures it.
 *
 * @returns one row per case: `oneFile` (gzipped bytes of esbuild's unsplit bundle), `initial`
 *   and `onDemand` (esbuild --splitting: the entry with its static imports, and the other
 *   chunks), `viteInitial` and `viteOnDemand` (the same for Vite), the budget, and `inputs`
 *   (minified bytes per input package of the one-file bundle)
 */
export async function measureBundles(cases = BUNDLE_CASES) {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'duban-bundle-size-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'duban'), 'dir');
    const rows = [];
    for (const [index, bundleCase] of cases.entries()) {
      const entry = join(dir, `case-${index}.js`);
      writeFileSync(entry, `${bundleCase.entry}\n`);
      const options = {
        entryPoints: [entry],
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        target: ['es2022'],
        write: false,
        metafile: true,
        logLevel: 'silent',
        legalComments: 'none',
      };
      const single = await build({ ...options, outfile: join(dir, `out-${index}.js`) });
      const split = await build({ ...options, splitting: true, outdir: join(dir, `split-${index}`) });
      const files = new Map(split.outputFiles.map((file) => [file.path, file]));
      const outputs = split.metafile.outputs;
      const entryOut = Object.keys(outputs).find((path) => outputs[path].entryPoint !== undefined);
      // The initial load: the entry and, transitively, its static imports.
      const initial = new Set();
      const visit = (path) => {
        if (initial.has(path)) return;
        initial.add(path);
        for (const imported of outputs[path].imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
      };
      visit(entryOut);
      let initialBytes = 0;
      let onDemandBytes = 0;
      for (const path of Object.keys(outputs)) {
        const size = gzipped(files.get(join(dir, path)).contents);
        if (initial.has(path)) initialBytes += size;
        else onDemandBytes += size;
      }
      const inputs = {};
      for (const output of Object.values(single.metafile.outputs)) {
        for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
          const name = packageOf(input);
          inputs[name] = (inputs[name] ?? 0) + bytesInOutput;
        }
      }
      const vite = await viteSizes(dir, entry);
      rows.push({
        ...bundleCase,
        oneFile: gzipped(single.outputFiles[0].contents),
        initial: initialBytes,
        onDemand: onDemandBytes,
        viteInitial: vite.initial,
        viteOnDemand: vite.onDemand,
        inputs,
      });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Builds an entry with Vite; the gzipped bytes of its initial load and of what loads on demand. */
async function viteSizes(dir, entry) {
  const { build } = await import('vite');
  const result = await build({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, target: 'es2022', modulePreload: false, rollupOptions: { input: entry, preserveEntrySignatures: 'strict' } },
  });
  const chunks = (Array.isArray(result) ? result : [result]).flatMap((output) => output.output).filter((item) => item.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const initial = new Set();
  const visit = (name) => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of byName.get(name).imports) if (byName.has(imported)) visit(imported);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  let initialBytes = 0;
  let onDemandBytes = 0;
  for (const chunk of chunks) {
    if (initial.has(chunk.fileName)) initialBytes += gzipped(chunk.code);
    else onDemandBytes += gzipped(chunk.code);
  }
  return { initial: initialBytes, onDemand: onDemandBytes };
}

/** The package an esbuild input path belongs to (`duban` for the package's own files). */
function packageOf(input) {
  const at = input.lastIndexOf('node_modules/');
  if (at === -1) return input.includes('case-') ? '(entry)' : 'duban';
  const rest = input.slice(at + 'node_modules/'.length).split('/');
  return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

const kb = (bytes) => (bytes / KB).toFixed(1);

/** The cases over their budget. */
export function overBudget(rows) {
  return rows.filter((row) => Object.entries(row.budget ?? {}).some(([measure, limit]) => row[measure] > limit));
}

/** The measurements as a Markdown table, and the largest inputs of each one-file bundle. */
export function formatBundleRows(rows) {
  const lines = [
    '| import | esbuild kB | esbuild --splitting: initial + on demand kB | Vite: initial + on demand kB | budget | within |',
    '| --- | ---: | ---: | ---: | --- | --- |',
  ];
  const split = (initial, onDemand) => (onDemand === 0 ? kb(initial) : `${kb(initial)} + ${kb(onDemand)}`);
  for (const row of rows) {
    const budgets = Object.entries(row.budget ?? {});
    const budgetText = budgets.length === 0 ? '—' : budgets.map(([measure, limit]) => `${MEASURES[measure]} ≤ ${kb(limit)} kB`).join(', ');
    const within = budgets.length === 0 ? '—' : budgets.every(([measure, limit]) => row[measure] <= limit) ? 'yes' : '**NO**';
    lines.push(
      `| ${row.name} | ${kb(row.oneFile)} | ${split(row.initial, row.onDemand)} | ${split(row.viteInitial, row.viteOnDemand)} | ${budgetText} | ${within} |`,
    );
  }
  lines.push('');
  for (const row of rows) {
    const parts = Object.entries(row.inputs)
      .filter(([name]) => name !== '(entry)')
      .sort((a, b) => b[1] - a[1])
      .map(([name, bytes]) => `${name} ${kb(bytes)}`);
    lines.push(`- ${row.name}, esbuild, minified kB by package: ${parts.join(', ')}`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await measureBundles();
  console.log('bundle size — minified for the browser, gzip -9, from dist/ (1 kB = 1000 bytes)');
  console.log('');
  console.log(formatBundleRows(rows));
  const over = overBudget(rows);
  if (over.length > 0) {
    console.log(`\nover budget: ${over.map((row) => row.name).join(', ')}`);
    process.exitCode = 1;
  }
}
