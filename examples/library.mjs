// The library from ESM: validate a plan, evaluate it with a bundled rule set, print each task.
// Run: node examples/library.mjs   (after npm install, which builds dist/)
import { readFileSync } from 'node:fs';
import { evaluatePlan, parsePlan } from 'duban';

const plan = parsePlan(readFileSync(new URL('./xianning-2018-q1.plan.json', import.meta.url), 'utf8'));
const evaluation = await evaluatePlan(plan, { asOf: '2018-03-31', rules: 'four-level' });
for (const result of evaluation.results.slice(0, 5)) {
  console.log(`${result.taskId}\t${result.label}\t${result.explanation}`);
}
console.log(evaluation.summary.byStatus.map(({ label, count }) => `${label} ${count}`).join(', '));
