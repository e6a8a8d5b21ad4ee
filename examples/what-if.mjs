// A what-if view: the status of one task under many assumed figures, classified synchronously.
// The rule file is compiled once; each assumption costs a fact computation and one decide() call,
// with no promise per task (see docs/performance.md).
// Run: node examples/what-if.mjs   (after npm install, which builds dist/)
import { readFileSync } from 'node:fs';
import { bundledRuleFileJson, compileRuleFile, createFactComputer, factsForEngine, formatFraction, parsePlan, parseRuleFile } from 'duban';

const plan = parsePlan(readFileSync(new URL('./xianning-2018-q1.plan.json', import.meta.url), 'utf8'));
const rules = compileRuleFile(parseRuleFile(bundledRuleFileJson('four-level')));
const task = plan.tasks.find((candidate) => candidate.id === 'T09'); // 林业产值 200 亿元
const factsOf = createFactComputer(plan, '2018-06-30');

// 林业产值 at the half year, assumed from 20 to 140 亿元 in steps of 20.
for (let value = 20; value <= 140; value += 20) {
  const assumed = { ...task, observations: [{ asOf: '2018-06-30', value: String(value) }] };
  const facts = factsOf(assumed);
  const decision = rules.decide(factsForEngine(facts));
  console.log(`${value} 亿元\tprogress ${formatFraction(facts.progress)}\t${decision?.status?.label ?? 'no rule matched'}`);
}
