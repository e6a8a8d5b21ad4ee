// Writes schemas/*.schema.json from the zod schemas (via the built package).
// `npm run schemas` after changing src/model; a test fails when they are stale.
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from '../dist/index.js';

const schemas = jsonSchemas();
const files = {
  'plan.schema.json': schemas.plan,
  'observations.schema.json': schemas.observations,
  'rule-file.schema.json': schemas.ruleFile,
  'rule-cases.schema.json': schemas.ruleCases,
};
for (const [name, schema] of Object.entries(files)) {
  writeFileSync(new URL(`../schemas/${name}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`schemas/${name}`);
}
