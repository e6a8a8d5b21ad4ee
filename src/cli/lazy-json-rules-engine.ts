// json-rules-engine for the bundled CLI, loaded on first use: tsup.config.ts points the CLI's
// imports of 'json-rules-engine' here. Most runs classify with the compiled rules and never
// need it, and loading it takes a fifth of the CLI's start-up. The library imports it directly.
import { createRequire } from 'node:module';
import type * as JsonRulesEngine from 'json-rules-engine';

let loaded: typeof JsonRulesEngine | undefined;

function load(): typeof JsonRulesEngine {
  return (loaded ??= createRequire(import.meta.url)('json-rules-engine') as typeof JsonRulesEngine);
}

/** json-rules-engine's `Engine`: `new Engine(...)` loads the package and returns its engine. */
export const Engine = function Engine(...args: ConstructorParameters<typeof JsonRulesEngine.Engine>) {
  return new (load().Engine)(...args);
} as unknown as typeof JsonRulesEngine.Engine;
