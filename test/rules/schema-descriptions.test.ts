import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACT_CATALOGUE, jsonSchemas } from '../../src/index.js';
import { ROOT } from './helpers.js';

const CHINESE = /[\u4e00-\u9fff]/;
const LATIN = /[A-Za-z]{2}/;

/** Every property (at any depth, $defs included) whose description is missing or not bilingual. */
function undescribed(schema: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node !== 'object' || node === null) return;
    const properties = (node as { properties?: Record<string, { description?: unknown }> }).properties;
    if (properties !== undefined) {
      for (const [key, value] of Object.entries(properties)) {
        const text = value.description;
        if (typeof text !== 'string' || !CHINESE.test(text) || !LATIN.test(text)) out.push(`${path}.${key}`);
      }
    }
    for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`);
  };
  walk(schema, '$');
  return out;
}

describe('the JSON Schemas editors read', () => {
  const schemas = jsonSchemas();

  it.each(Object.keys(schemas))('%s describes every property in Chinese and English', (name) => {
    expect(undescribed(schemas[name as keyof typeof schemas])).toEqual([]);
  });

  it('the rule-file schema describes every fact of the catalogue', () => {
    const leaf = (jsonSchemas().ruleFile as { $defs: { leaf: { properties: { fact: { enum: string[]; markdownEnumDescriptions: string[] } } } } }).$defs.leaf
      .properties.fact;
    expect(leaf.enum).toEqual(FACT_CATALOGUE.map((fact) => fact.name));
    leaf.markdownEnumDescriptions.forEach((text, i) => {
      expect(text, leaf.enum[i]).toMatch(CHINESE);
      expect(text, leaf.enum[i]).toMatch(LATIN);
    });
  });

  it('ships schemas/*.json as generated (npm run build && npm run schemas)', () => {
    const files = readdirSync(new URL('schemas/', ROOT)).sort();
    expect(files).toContain('rule-cases.schema.json');
    const shipped = JSON.parse(readFileSync(new URL('schemas/rule-cases.schema.json', ROOT), 'utf8')) as unknown;
    expect(shipped).toEqual(JSON.parse(JSON.stringify(jsonSchemas().ruleCases)));
    for (const file of files) expect(undescribed(JSON.parse(readFileSync(new URL(`schemas/${file}`, ROOT), 'utf8'))), file).toEqual([]);
  });
});
