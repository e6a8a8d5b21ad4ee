// Writes dist/*.d.cts, the CommonJS build's declarations, from dist/*.d.ts (part of `npm run build`,
// after tsup). tsup's second declaration build (dts: true on the CJS config) made the same files
// with a second TypeScript program, 18 of tsup's 38 CPU seconds: the two differed only in their
// relative import specifiers ('./summarize-evaluation-….js' in .d.ts, '….cjs' in .d.cts), checked
// byte for byte on every file. This rewrites those and refuses any other relative specifier.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

const declarations = readdirSync(dist).filter((name) => name.endsWith('.d.ts'));
if (declarations.length === 0) throw new Error(`no declarations in ${dist}: run tsup first`);
for (const name of declarations) {
  const text = readFileSync(join(dist, name), 'utf8');
  const cjs = text.replace(SPECIFIER, (_match, keyword, quote, specifier) => {
    if (!specifier.endsWith('.js')) throw new Error(`dist/${name}: relative import ${specifier} does not end in .js`);
    return `${keyword}${quote}${specifier.slice(0, -'.js'.length)}.cjs${quote}`;
  });
  writeFileSync(join(dist, name.replace(/\.d\.ts$/, '.d.cts')), cjs);
}
console.log(`dist: ${declarations.length} .d.cts written from the .d.ts`);
