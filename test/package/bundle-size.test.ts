// What duban costs a browser app, held to its budgets: typical imports of the built package
// (dist/), bundled for the browser and minified as bench/bundle-size.mjs does (esbuild, esbuild
// --splitting, Vite), gzipped. Sizes only: they are deterministic for a given dist/ and
// dependency versions, unlike times.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../hostile/run-cli.js';

interface BundleRow {
  readonly name: string;
  readonly budget?: Readonly<Record<string, number>>;
  readonly oneFile: number;
  readonly initial: number;
  readonly onDemand: number;
  readonly viteInitial: number;
  readonly viteOnDemand: number;
  /** Minified bytes per input package of esbuild's one-file bundle. */
  readonly inputs: Readonly<Record<string, number>>;
}

interface BundleSizeModule {
  measureBundles: () => Promise<BundleRow[]>;
  overBudget: (rows: readonly BundleRow[]) => BundleRow[];
  formatBundleRows: (rows: readonly BundleRow[]) => string;
}

const KB = 1000;
const JSON_RULES_ENGINE = ['json-rules-engine', 'jsonpath-plus', 'eventemitter2', 'hash-it', 'clone'];

describe.skipIf(process.env.DUBAN_TZ_RERUN === '1')('bundle size for a browser app', () => {
  let rows: BundleRow[] = [];
  let bench: BundleSizeModule;
  const row = (name: string): BundleRow => {
    const found = rows.find((candidate) => candidate.name === name);
    if (found === undefined) throw new Error(`no bundle case ${name}`);
    return found;
  };

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('dist/index.js is missing: run npm run build first');
    bench = (await import(pathToFileURL(join(ROOT, 'bench/bundle-size.mjs')).href)) as BundleSizeModule;
    rows = await bench.measureBundles();
  }, 180_000);

  it('keeps every case within its budget: expectedProgress ≤ 10 kB, parsePlan + evaluatePlanSync ≤ 60 kB, parsePlan + evaluatePlan ≤ 60 kB up front', () => {
    expect(row('expectedProgress').budget).toEqual({ oneFile: 10 * KB });
    expect(row('parsePlan + evaluatePlanSync').budget).toEqual({ oneFile: 60 * KB });
    expect(row('parsePlan + evaluatePlan (compiled)').budget).toEqual({ viteInitial: 60 * KB });
    expect(bench.overBudget(rows), bench.formatBundleRows(rows)).toEqual([]);
  });

  it('bundles neither zod, decimal.js nor json-rules-engine for expectedProgress alone', () => {
    expect(Object.keys(row('expectedProgress').inputs).sort()).toEqual(['(entry)', 'duban']);
  });

  it('bundles json-rules-engine only where the reference engine can be asked for', () => {
    const packages = (name: string) => Object.keys(row(name).inputs);
    for (const name of JSON_RULES_ENGINE) expect(packages('parsePlan + evaluatePlanSync')).not.toContain(name);
    // With splitting (Vite), json-rules-engine and its dependencies (about 23 kB) load only on demand.
    expect(row('parsePlan + evaluatePlan (compiled)').viteOnDemand).toBeGreaterThan(15 * KB);
    expect(row('parsePlan + evaluatePlan (compiled)').viteInitial).toBeLessThan(row('parsePlan + evaluatePlanSync').oneFile + 2 * KB);
    // The measurement sees json-rules-engine where it is: in the one-file bundle of evaluatePlan.
    expect(packages('parsePlan + evaluatePlan (json-rules-engine)')).toContain('json-rules-engine');
  });

  it('measures something real: the whole library is larger than any part of it', () => {
    const whole = row('the whole library').oneFile;
    for (const other of rows) expect(other.oneFile).toBeLessThanOrEqual(whole);
    expect(row('expectedProgress').oneFile).toBeGreaterThan(500);
  });
});
