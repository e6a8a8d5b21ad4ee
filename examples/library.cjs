// The library from CommonJS: the same evaluation with require(), and duban's error on a bad plan.
// Run: node examples/library.cjs
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { evaluatePlan, isDubanError, parsePlan } = require('duban');

const plan = parsePlan(readFileSync(path.join(__dirname, 'jinzhou-2016-h1.plan.json'), 'utf8'));
evaluatePlan(plan, { rules: 'three-level' }).then((evaluation) => {
  console.log(evaluation.summary.byStatus.map(({ label, count }) => `${label} ${count}`).join(', '));
});

try {
  parsePlan({ formatVersion: 1, id: 'x', title: 'x', period: { start: '2018-01-01', end: '2018-02-30' }, tasks: [], deadine: 1 });
} catch (error) {
  if (!isDubanError(error)) throw error;
  for (const issue of error.issues) console.log(`${error.code} ${issue.path}: ${issue.message}`);
}
