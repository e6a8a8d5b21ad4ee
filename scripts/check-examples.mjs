// Compiles every ```ts @example block of the TSDoc in src/ against the public API, with tsc.
//
// Each block becomes a module of its own under .tmp/tsdoc-examples/ (so its names do not clash
// with another's): a prelude that imports every export of 'duban', 'duban/excel' and
// 'duban/docx' (mapped to src/ by the paths of the generated tsconfig, as an application that
// installed duban would see them), then the declarations in PRELUDE — the values a snippet
// takes as given, such as `plan` or `file`, those it uses and does not declare — then the block. A block's own imports
// replace the prelude's for the names they import. The check is the compile: snippets are not
// run (many read files or start a browser download).
//
//   node scripts/check-examples.mjs          compile, list the blocks that fail, exit 1 if any
//   node scripts/check-examples.mjs --keep   also leave the generated files in .tmp/tsdoc-examples/
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, '.tmp', 'tsdoc-examples');
const ENTRY_POINTS = { duban: 'src/index.ts', 'duban/excel': 'src/excel/index.ts', 'duban/docx': 'src/docx/index.ts' };

/*
 * What the snippets take as given. Keep it small and typed as an application would have it:
 * a snippet that needs something else should say so itself.
 */
const PRELUDE = {
  plan: 'declare const plan: Plan;',
  task: 'declare const task: Task;',
  text: 'declare const text: string;',
  json: 'declare const json: unknown;',
  file: 'declare const file: { readonly size: number };',
  ruleFile: 'declare const ruleFile: RuleFile;',
  evaluation: 'declare const evaluation: Evaluation;',
  facts: 'declare const facts: ExactFacts;',
  bytes: 'declare const bytes: Uint8Array;',
  csv: 'declare const csv: string;',
  readFileSync: "declare function readFileSync(path: string): Uint8Array;\ndeclare function readFileSync(path: string, encoding: 'utf8'): string;",
  writeFileSync: 'declare const writeFileSync: (path: string, data: string | Uint8Array) => void;',
  write: 'declare const write: (text: string) => void;',
  out: 'declare const out: { write(chunk: string): void };',
  rulesJson: 'declare const rulesJson: unknown;',
  casesJson: 'declare const casesJson: unknown;',
  error: 'declare const error: unknown;',
  showIssues: 'declare const showIssues: (issues: readonly DubanIssue[]) => void;',
};
/** The prelude's declarations a snippet uses and does not declare itself. */
const preludeFor = (code) =>
  Object.entries(PRELUDE)
    .filter(
      ([name]) =>
        new RegExp(`\\b${name}\\b`).test(code) &&
        !new RegExp(`\\b(const|let|var|function|class)\\s+${name}\\b|\\b(const|let|var)\\s*\\{[^}]*\\b${name}\\b|import[^;]*\\b${name}\\b`).test(code),
    )
    .map(([, declaration]) => declaration)
    .join('\n');

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The ```ts blocks after an @example tag in the TSDoc comments of a file, with their line numbers. */
function examples(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const found = [];
  let inExample = false;
  let block;
  lines.forEach((line, i) => {
    const body = line.replace(/^\s*\*\s?/, '');
    if (/^\s*\/\*\*/.test(line) || /\*\/\s*$/.test(line)) inExample = inExample && !/\*\/\s*$/.test(line);
    if (body.startsWith('@example')) inExample = true;
    else if (body.startsWith('@') && block === undefined) inExample = false;
    if (!inExample) return;
    if (block === undefined && /^```(ts|typescript)\s*$/.test(body.trim())) block = { line: i + 2, code: [] };
    else if (block !== undefined && body.trim() === '```') {
      found.push({ file: relative(root, file), line: block.line, code: block.code.join('\n') });
      block = undefined;
    } else if (block !== undefined) block.code.push(body);
  });
  return found;
}

/** Every export name of each entry point (values and types), from the compiler. */
function publicNames() {
  const program = ts.createProgram(
    Object.values(ENTRY_POINTS).map((path) => join(root, path)),
    {
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      resolveJsonModule: true,
      skipLibCheck: true,
      noEmit: true,
    },
  );
  const checker = program.getTypeChecker();
  const names = {};
  for (const [specifier, path] of Object.entries(ENTRY_POINTS)) {
    const source = program.getSourceFile(join(root, path));
    const symbol = source && checker.getSymbolAtLocation(source);
    names[specifier] = symbol ? checker.getExportsOfModule(symbol).map((s) => s.getName()) : [];
  }
  return names;
}

const blocks = sourceFiles(join(root, 'src')).sort().flatMap(examples);
const names = publicNames();
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const files = blocks.map((block, i) => {
  const own = [...block.code.matchAll(/^import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'([^']+)';?\s*$/gm)];
  const taken = new Set(
    own.flatMap((match) =>
      match[1].split(',').map((name) =>
        name
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)
          .at(-1),
      ),
    ),
  );
  const seen = new Set();
  const imports = Object.entries(names).map(([specifier, list]) => {
    const wanted = list.filter((name) => !taken.has(name) && !seen.has(name));
    for (const name of wanted) seen.add(name);
    return wanted.length === 0 ? '' : `import { ${wanted.join(', ')} } from '${specifier}';`;
  });
  const name = `${String(i + 1).padStart(3, '0')}-${block.file.replace(/[/.]/g, '_')}-${block.line}.ts`;
  const hoisted = own.map((match) => match[0]).join('\n');
  const rest = own.reduce((code, match) => code.replace(match[0], ''), block.code);
  writeFileSync(
    join(out, name),
    `// ${block.file}:${block.line}\n${hoisted}\n${imports.filter(Boolean).join('\n')}\n${preludeFor(rest)}\n${rest}\nexport {};\n`,
  );
  return { ...block, name };
});
const tsconfig = {
  extends: '../../tsconfig.base.json',
  compilerOptions: {
    lib: ['ES2022', 'DOM'],
    types: [],
    noUnusedLocals: false,
    verbatimModuleSyntax: false,
    baseUrl: '../..',
    paths: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([specifier, path]) => [specifier, [path]])),
  },
  include: ['*.ts'],
};
writeFileSync(join(out, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));

const config = ts.getParsedCommandLineOfConfigFile(
  join(out, 'tsconfig.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => console.error(ts.flattenDiagnosticMessageText(d.messageText, '\n')) },
);
const program = ts.createProgram(config.fileNames, config.options);
const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file === undefined || d.file.fileName.startsWith(out));
const byFile = new Map();
for (const d of diagnostics) {
  const key = d.file ? relative(out, d.file.fileName) : '(config)';
  const where = d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0;
  (byFile.get(key) ?? byFile.set(key, []).get(key)).push(`  line ${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}
for (const file of files) {
  const problems = byFile.get(file.name);
  if (problems !== undefined) console.error(`${file.file}:${file.line} (${file.name})\n${problems.join('\n')}`);
}
if (byFile.has('(config)')) console.error(byFile.get('(config)').join('\n'));
const failing = files.filter((file) => byFile.has(file.name)).length;
console.log(
  `${files.length} @example blocks from ${new Set(files.map((f) => f.file)).size} files compiled against the public API: ${failing === 0 ? 'all compile' : `${failing} do not`}.`,
);
if (!process.argv.includes('--keep') && failing === 0) rmSync(out, { recursive: true, force: true });
process.exitCode = failing === 0 ? 0 : 1;
