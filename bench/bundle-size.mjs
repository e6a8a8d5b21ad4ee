// What duban costs a browser app: bundles a few typical imports of the built package (dist/)
// with esbuild for the browser, minified, and prints their gzipped sizes beside the budgets.
//
//   npm run build && node bench/bundle-size.mjs          (npm run bench runs it too)
//
// Each case is bundled twice, as an app built with esbuild would be:
//   one file   `--bundle` alone: a dynamic import() is inlined into the one output file
//   split      `--bundle --splitting`: a dynamic import() becomes a chunk loaded on demand;
//              "initial" is what the page loads first (the entry and its static imports),
//              "on demand" what loads only when the code asks for it
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
 * The cases: an app's entry module, and the budget of its gzipped size (bytes) where there is one.
 * `budget` applies to the one-file bundle (an app that does not split) and so to everything that
 * can load; `initialBudget` to the split bundle's initial load only.
 */
export const BUNDLE_CASES = [
  { name: 'expectedProgress', entry: "export { expectedProgress } from 'duban';", budget: 10 * KB },
  { name: 'parsePlan + evaluatePlanSync', entry: "export { parsePlan, evaluatePlanSync } from 'duban';", budget: 60 * KB },
  {
    name: 'parsePlan + evaluatePlan (compiled)',
    entry: "import { evaluatePlan, parsePlan } from 'duban';\nexport const run = (text) => evaluatePlan(parsePlan(text));",
    initialBudget: 60 * KB,
  },
  {
    name: 'parsePlan + evaluatePlan (json-rules-engine)',
    entry: "import { evaluatePlan, parsePlan } from 'duban';\nexport const run = (text) => evaluatePlan(parsePlan(text), { engine: 'json-rules-engine' });",
    initialBudget: 60 * KB,
  },
  { name: 'the whole library', entry: "export * from 'duban';" },
];

const gzipped = (contents) => gzipSync(contents, { level: 9 }).length;

/**
 * Bundles every case from the built package and measures it.
 *
 * @returns one row per case: `oneFile` (gzipped bytes of the unsplit bundle), `initial` and
 *   `onDemand` (gzipped bytes of the split bundle's entry with its static imports, and of the
 *   other chunks), the budgets, and `inputs` (minified bytes per input package of the one-file bundle)
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
      const options = { entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser', target: ['es2022'], write: false, metafile: true, logLevel: 'silent', legalComments: 'none' };
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
      rows.push({ ...bundleCase, oneFile: gzipped(single.outputFiles[0].contents), initial: initialBytes, onDemand: onDemandBytes, inputs });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The package an esbuild input path belongs to (`duban` for the package's own files). */
function packageOf(input) {
  const at = input.lastIndexOf('node_modules/');
  if (at === -1) return input.includes('case-') ? '(entry)' : 'duban';
  const rest = input.slice(at + 'node_modules/'.length).split('/');
  return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

const kb = (bytes) => (bytes / KB).toFixed(1);

/** The measurements as a Markdown table, and the largest inputs of each bundle. */
export function formatBundleRows(rows) {
  const lines = [
    '| import | one file, gzipped kB | split: initial kB | split: on demand kB | budget kB | within |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const row of rows) {
    const budget = row.budget ?? row.initialBudget;
    const measured = row.budget !== undefined ? row.oneFile : row.initial;
    const budgetText = budget === undefined ? '—' : `${row.budget !== undefined ? '' : 'initial '}≤ ${kb(budget)}`;
    lines.push(`| ${row.name} | ${kb(row.oneFile)} | ${kb(row.initial)} | ${row.onDemand === 0 ? '—' : kb(row.onDemand)} | ${budgetText} | ${budget === undefined ? '—' : measured <= budget ? 'yes' : '**NO**'} |`);
  }
  lines.push('');
  for (const row of rows) {
    const parts = Object.entries(row.inputs)
      .filter(([name]) => name !== '(entry)')
      .sort((a, b) => b[1] - a[1])
      .map(([name, bytes]) => `${name} ${kb(bytes)}`);
    lines.push(`- ${row.name}, minified kB by package (one file): ${parts.join(', ')}`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await measureBundles();
  console.log('bundle size — esbuild --bundle --minify --format=esm --platform=browser, gzip -9, from dist/');
  console.log('');
  console.log(formatBundleRows(rows));
  const over = rows.filter((row) => (row.budget !== undefined && row.oneFile > row.budget) || (row.initialBudget !== undefined && row.initial > row.initialBudget));
  if (over.length > 0) {
    console.log(`\nover budget: ${over.map((row) => row.name).join(', ')}`);
    process.exitCode = 1;
  }
}
