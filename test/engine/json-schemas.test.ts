// The shipped JSON Schemas stay current with the zod schemas, and every shipped
// JSON file points at the right one.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_RULE_SET_IDS, jsonSchemas } from '../../src/index.js';
import type { JsonSchemas } from '../../src/index.js';
import { readJson, ROOT } from './helpers.js';

const FIX = 'run `npm run build && npm run schemas` to regenerate it';
const SCHEMA_FILES: readonly (readonly [file: string, key: keyof JsonSchemas])[] = [
  ['plan.schema.json', 'plan'],
  ['observations.schema.json', 'observations'],
  ['rule-file.schema.json', 'ruleFile'],
  ['rule-cases.schema.json', 'ruleCases'],
];

/** The JSON files of a folder of the repository whose names end with `suffix`. */
const filesIn = (folder: string, suffix: string): string[] =>
  readdirSync(new URL(folder, ROOT))
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => `${folder}${name}`);

/** The repository path a file's `$schema` resolves to, or undefined if it has none. */
function schemaTarget(path: string): string | undefined {
  const json = readJson(path) as { $schema?: unknown };
  if (typeof json.$schema !== 'string') return undefined;
  return fileURLToPath(new URL(json.$schema, new URL(path, ROOT))).slice(fileURLToPath(ROOT).length);
}

describe('jsonSchemas', () => {
  it.each(SCHEMA_FILES)('equals the shipped schemas/%s', (file, key) => {
    const generated = JSON.parse(JSON.stringify(jsonSchemas()[key])) as unknown;
    expect(readJson(`schemas/${file}`), `schemas/${file} is stale: ${FIX}`).toEqual(generated);
  });

  it.each(SCHEMA_FILES)('gives %s an $id naming that file and the 2020-12 draft', (file, key) => {
    const schema = jsonSchemas()[key];
    expect(String(schema.$id).endsWith(`/${file}`)).toBe(true);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('ships the four input schemas', () => {
    expect(filesIn('schemas/', '.json')).toEqual(expect.arrayContaining(SCHEMA_FILES.map(([file]) => `schemas/${file}`)));
  });

  it('ships exactly the bundled rule files, each named after its id', () => {
    // Besides the rule files, rules/ holds each set's test cases (<id>.cases.json).
    expect(filesIn('rules/', '.json').filter((path) => !path.endsWith('.cases.json'))).toEqual(BUNDLED_RULE_SET_IDS.map((id) => `rules/${id}.json`).sort());
    for (const id of BUNDLED_RULE_SET_IDS) expect((readJson(`rules/${id}.json`) as { id?: unknown }).id).toBe(id);
  });

  it.each(BUNDLED_RULE_SET_IDS.map((id) => `rules/${id}.json`))('has %s point its $schema at schemas/rule-file.schema.json', (path) => {
    expect(schemaTarget(path)).toBe('schemas/rule-file.schema.json');
  });

  const plans = [...filesIn('examples/', '.plan.json'), ...filesIn('test/fixtures/', '.plan.json')];
  it.each(plans)('has %s point its $schema at schemas/plan.schema.json', (path) => {
    expect(schemaTarget(path)).toBe('schemas/plan.schema.json');
  });

  it('finds the example plans it checks', () => {
    expect(plans.filter((path) => path.startsWith('examples/')).length).toBeGreaterThan(0);
  });

  const observationFiles = [...filesIn('examples/', '.observations.json'), ...filesIn('test/fixtures/', '.observations.json')];
  it.runIf(observationFiles.length > 0).each(observationFiles)('has %s point its $schema at schemas/observations.schema.json', (path) => {
    expect(schemaTarget(path)).toBe('schemas/observations.schema.json');
  });
});
