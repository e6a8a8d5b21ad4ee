// The package as users receive it: `npm pack`, installed into an empty folder,
// then used there through `import`, `require`, the type declarations (a small
// TypeScript program compiled against them with the project's typescript, strict,
// without skipLibCheck, under every module resolution a consumer may use) and the
// `duban` bin. What the install brings along is counted. publint and attw check
// the same tarball in `npm run pack:check`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, requireBuiltCli, runCli } from '../hostile/run-cli.js';

const PLAN = join(ROOT, 'examples/xianning-2018-q1.plan.json');
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let work = '';
let consumer = '';
let packedFiles: string[] = [];
let installWarnings = '';

/** Runs a program in the consumer folder and returns its stdout (throws with stderr on failure). */
function inConsumer(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { cwd: consumer, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

describe.skipIf(process.env.DUBAN_TZ_RERUN === '1')('the packed package, installed into an empty folder', () => {
  beforeAll(() => {
    requireBuiltCli();
    work = mkdtempSync(join(tmpdir(), 'duban-package-'));
    consumer = join(work, 'consumer');
    // Under `npm test`, the tarball scripts/pack-tarball.mjs made from the fresh build (which
    // pack:check's publint and attw check too); run alone, the test packs the package itself.
    let tarball: string;
    const shared = process.env.DUBAN_PACKED_TARBALL;
    if (shared !== undefined && shared !== '') {
      tarball = shared;
      packedFiles = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
        .split('\n')
        .filter((line) => line !== '' && !line.endsWith('/'))
        .map((line) => line.replace(/^package\//, ''))
        .sort();
    } else {
      // --ignore-scripts: `prepare` would rebuild dist/ while other tests read it.
      const packed = JSON.parse(
        execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        }),
      ) as { filename: string; files: { path: string }[] }[];
      packedFiles = packed[0]!.files.map((file) => file.path).sort();
      tarball = join(work, packed[0]!.filename);
    }
    execFileSync('mkdir', [consumer]);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'duban-consumer', private: true, version: '1.0.0' }));
    // As a user installs it: scripts allowed, warnings shown (duban must cause none).
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=warn', tarball], {
      cwd: consumer,
      encoding: 'utf8',
    });
    if (install.status !== 0) throw new Error(`npm install exited ${install.status}:\n${install.stderr}`);
    installWarnings = install.stderr;
  }, 110_000);

  afterAll(() => {
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  it('contains the builds, declarations, bin, rule sets and schemas, and nothing else', () => {
    for (const file of [
      'studio/dist/index.html',
      'studio/dist/app.js',
      'package.json',
      'README.md',
      'LICENSE',
      'bin/duban.js',
      'docs/concepts.md',
      'dist/index.js',
      'dist/index.cjs',
      'dist/index.d.ts',
      'dist/index.d.cts',
      'dist/cli.js',
      'rules/four-level.json',
      'rules/three-level.json',
      'rules/traffic-light.json',
    ]) {
      expect(packedFiles).toContain(file);
    }
    expect(packedFiles.some((file) => file.startsWith('schemas/') && file.endsWith('.json'))).toBe(true);
    const unexpected = packedFiles.filter(
      (file) =>
        !/^(package\.json|README\.md|CHANGELOG\.md|LICENSE|bin\/duban\.js|dist\/.+\.[cm]?js|dist\/.+\.d\.[cm]?ts|docs\/[^/]+\.md|rules\/[^/]+\.json|schemas\/[^/]+\.json|studio\/dist\/.+\.(?:html|js|css|svg|json))$/.test(
          file,
        ),
    );
    expect(unexpected).toEqual([]);
  });

  it('links only to files it ships, and says where its repository is (the registry page resolves relative links against it)', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.repository).toMatchObject({ type: 'git', url: expect.stringMatching(/^git\+https:\/\/.+\.git$/) });
    expect(manifest.homepage).toEqual(expect.stringMatching(/^https:\/\//));
    expect(manifest.bugs).toMatchObject({ url: expect.stringMatching(/^https:\/\//) });
    expect(manifest.license).toBe('MIT');
    const scripts = manifest.scripts as Record<string, string>;
    // Consumers run none of duban's scripts (npm warns about install scripts): dist/ is built when packing.
    for (const name of ['preinstall', 'install', 'postinstall', 'prepare']) expect(scripts[name], name).toBeUndefined();
    expect(scripts.prepack).toBeDefined();
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const relative = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/.test(target));
    expect(relative.length).toBeGreaterThan(5);
    for (const target of relative) expect(packedFiles, `README links to ${target}`).toContain(target);
  });

  it('installs at most 15 packages besides itself, and no type packages the user did not ask for', () => {
    const installed: string[] = [];
    const modules = join(consumer, 'node_modules');
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      if (entry.startsWith('@')) for (const scoped of readdirSync(join(modules, entry))) installed.push(`${entry}/${scoped}`);
      else installed.push(entry);
    }
    const lock = JSON.parse(readFileSync(join(consumer, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    const locked = Object.keys(lock.packages).filter((key) => key !== '' && key !== 'node_modules/duban');
    expect(installed).toContain('duban');
    expect(installed.filter((name) => name !== 'duban').length, installed.join(', ')).toBeLessThanOrEqual(15);
    expect(locked.length, locked.join(', ')).toBeLessThanOrEqual(15);
    expect(existsSync(join(modules, '@types')), 'node_modules/@types').toBe(false);
    expect(installed).not.toContain('exceljs');
    expect(installed).not.toContain('docx');
    expect(installWarnings).not.toMatch(/install-scripts|deprecated/);
  });

  it('answers the Excel features without exceljs (an optional peer dependency) with what to install', () => {
    writeFileSync(
      join(consumer, 'excel.mjs'),
      `import { readPlanWorkbook } from 'duban/excel';
try { await readPlanWorkbook(new Uint8Array([80, 75, 3, 4])); console.log('no error'); }
catch (error) { console.log(JSON.stringify({ name: error.name, code: error.code, message: error.message })); }
`,
    );
    const output = JSON.parse(inConsumer(process.execPath, ['excel.mjs'])) as { name: string; code: string; message: string };
    expect(output.name).toBe('DubanError');
    expect(output.code).toBe('MISSING_DEPENDENCY');
    expect(output.message).toContain('npm install exceljs');
    expect(output.message).toMatch(/^Excel 功能需要可选依赖 exceljs/);
    const bin = join(consumer, 'node_modules/.bin/duban');
    writeFileSync(join(consumer, 'plan.xlsx'), new Uint8Array([80, 75, 3, 4]));
    const cli = spawnSync(bin, ['import-excel', 'plan.xlsx'], { cwd: consumer, encoding: 'utf8' });
    expect(cli.status).toBe(2);
    expect(cli.stdout).toBe('');
    expect(cli.stderr).toContain('npm install exceljs');
    expect(cli.stderr).not.toMatch(/\n\s+at /);
  });

  it('answers the Word bulletin without docx (an optional peer dependency) with what to install', () => {
    writeFileSync(
      join(consumer, 'word.mjs'),
      `import { readFileSync } from 'node:fs';
import { evaluatePlan, parsePlan } from 'duban';
import { writeBulletinDocx } from 'duban/docx';
const plan = parsePlan(readFileSync(${JSON.stringify(PLAN)}, 'utf8'));
try { await writeBulletinDocx(plan, await evaluatePlan(plan)); console.log('no error'); }
catch (error) { console.log(JSON.stringify({ name: error.name, code: error.code, message: error.message })); }
`,
    );
    const output = JSON.parse(inConsumer(process.execPath, ['word.mjs'])) as { name: string; code: string; message: string };
    expect(output).toMatchObject({ name: 'DubanError', code: 'MISSING_DEPENDENCY' });
    expect(output.message).toMatch(/^Word 通报需要可选依赖 docx/);
    expect(output.message).toContain('npm install docx');
    const cli = spawnSync(join(consumer, 'node_modules/.bin/duban'), ['report', PLAN, '--format', 'docx', '--out', join(consumer, 'x.docx')], {
      cwd: consumer,
      encoding: 'utf8',
    });
    expect(cli.status).toBe(2);
    expect(cli.stdout).toBe('');
    expect(cli.stderr).toContain('npm install docx');
    expect(existsSync(join(consumer, 'x.docx'))).toBe(false);
  });

  it('works through import, with the rule files and package.json as subpath exports', () => {
    writeFileSync(
      join(consumer, 'esm.mjs'),
      `import { readFileSync } from 'node:fs';
import { evaluatePlan, parsePlan, parseRuleFile, MAX_TASKS } from 'duban';
import rules from 'duban/rules/four-level.json' with { type: 'json' };
import manifest from 'duban/package.json' with { type: 'json' };
const plan = parsePlan(readFileSync(${JSON.stringify(PLAN)}, 'utf8'));
const evaluation = await evaluatePlan(plan, { rules: parseRuleFile(rules) });
console.log(JSON.stringify({ version: manifest.version, maxTasks: MAX_TASKS, evaluation }));
`,
    );
    const output = JSON.parse(inConsumer(process.execPath, ['esm.mjs']));
    expect(output.version).toBe(version);
    expect(output.maxTasks).toBe(1_000_000);
    expect(output.evaluation.planId).toBe('xianning-2018');
    expect(output.evaluation.results.length).toBeGreaterThan(0);
  });

  it('works through require, and recognises errors from the ESM copy (isDubanError, not instanceof)', () => {
    writeFileSync(
      join(consumer, 'cjs.cjs'),
      `const { readFileSync } = require('node:fs');
const duban = require('duban');
const rules = require('duban/rules/three-level.json');
(async () => {
  const plan = duban.parsePlan(readFileSync(${JSON.stringify(PLAN)}, 'utf8'));
  const evaluation = await duban.evaluatePlan(plan, { rules: duban.parseRuleFile(rules) });
  const esm = await import('duban');
  let caught;
  try { esm.parsePlan('{}'); } catch (error) { caught = error; }
  console.log(JSON.stringify({
    ruleSet: evaluation.ruleSet,
    tasks: evaluation.results.length,
    crossCopy: duban.isDubanError(caught),
    instanceOf: caught instanceof duban.DubanError,
    code: caught.code,
  }));
})();
`,
    );
    const output = JSON.parse(inConsumer(process.execPath, ['cjs.cjs']));
    expect(output).toEqual({ ruleSet: 'three-level', tasks: expect.any(Number), crossCopy: true, instanceOf: false, code: 'INVALID_PLAN' });
    expect(output.tasks).toBeGreaterThan(0);
  });

  it('gives the ESM and CommonJS builds identical results', () => {
    const script = (kind: 'import' | 'require') =>
      `${kind === 'import' ? "import * as duban from 'duban';" : "const duban = require('duban');"}
const { readFileSync } = ${kind === 'import' ? 'await import("node:fs")' : 'require("node:fs")'};
${kind === 'import' ? '' : '(async () => {'}
const plan = duban.parsePlan(readFileSync(${JSON.stringify(PLAN)}, 'utf8'));
for (const rules of duban.BUNDLED_RULE_SET_IDS) process.stdout.write(JSON.stringify(await duban.evaluatePlan(plan, { rules })) + '\\n');
${kind === 'import' ? '' : '})();'}`;
    writeFileSync(join(consumer, 'same.mjs'), script('import'));
    writeFileSync(join(consumer, 'same.cjs'), script('require'));
    const esm = inConsumer(process.execPath, ['same.mjs']);
    expect(esm.split('\n').filter(Boolean)).toHaveLength(3);
    expect(inConsumer(process.execPath, ['same.cjs'])).toBe(esm);
  });

  it('type-checks a strict TypeScript program against its declarations (no skipLibCheck, no @types/node), for ESM, CommonJS and bundlers', () => {
    const program = `import { evaluatePlan, isDubanError, parsePlan, type Evaluation, type Plan, type TaskResult } from 'duban';
import { readPlanWorkbook } from 'duban/excel';
export const workbook: Promise<Plan> = readPlanWorkbook(new Uint8Array());
const plan: Plan = parsePlan('{}');
const evaluation: Promise<Evaluation> = evaluatePlan(plan, { rules: 'traffic-light', asOf: '2018-03-31' });
void evaluation.then((result) => {
  const first: TaskResult | undefined = result.results[0];
  const status: string | null | undefined = first?.status;
  return status;
});
// @ts-expect-error: not a bundled rule set id
void evaluatePlan(plan, { rules: 'five-level' });
// @ts-expect-error: parsePlan returns a Plan, whose id is a string
const id: number = parsePlan('{}').id;
export const check = (error: unknown): string | undefined => (isDubanError(error) ? error.issues[0]?.path : undefined);
export { id };
`;
    writeFileSync(join(consumer, 'consumer.mts'), program);
    writeFileSync(join(consumer, 'consumer.cts'), program);
    writeFileSync(join(consumer, 'consumer.ts'), program);
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    for (const [file, module, moduleResolution] of [
      ['consumer.mts', 'node16', 'node16'],
      ['consumer.cts', 'node16', 'node16'],
      ['consumer.mts', 'nodenext', 'nodenext'],
      ['consumer.cts', 'nodenext', 'nodenext'],
      ['consumer.ts', 'esnext', 'bundler'],
    ] as const) {
      const config = `tsconfig.${moduleResolution}.${file}.json`;
      // No `types` and no `skipLibCheck`: TypeScript loads whatever node_modules/@types holds, as in a user's project.
      const compilerOptions = {
        noEmit: true,
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        target: 'es2022',
        lib: ['es2022', 'dom'],
        module,
        moduleResolution,
      };
      writeFileSync(join(consumer, config), JSON.stringify({ compilerOptions, files: [file] }));
      const result = spawnSync(process.execPath, [tsc, '-p', config], { cwd: consumer, encoding: 'utf8' });
      expect(`${result.stdout}${result.stderr}`, `${file} with ${module}/${moduleResolution}`).toBe('');
      expect(result.status).toBe(0);
    }
    // Five tsc runs: about 20 s on a quiet machine, more on a busy one.
  }, 120_000);

  it('installs the duban bin, which prints the same output as the repository CLI', async () => {
    const bin = join(consumer, 'node_modules/.bin/duban');
    expect(inConsumer(bin, ['--version']).trim()).toBe(version);
    const installed = inConsumer(bin, ['evaluate', PLAN, '--format', 'json']);
    const repository = await runCli(['evaluate', PLAN, '--format', 'json'], { env: { TZ: 'UTC' } });
    expect(repository.status).toBe(0);
    expect(installed).toBe(repository.stdout.toString('utf8'));
    const bad = spawnSync(bin, ['evaluate', join(ROOT, 'test/hostile/corpus/plan-impossible-dates.json')], { cwd: consumer, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('$.period.start');
  });
});
