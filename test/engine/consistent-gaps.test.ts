// Issue #12, MUST 5: a task that gets no status has status, label and rule all
// null, whatever path produced it. A rule file that did not go through
// parseRuleFile (straight from JSON.parse) can have a rule whose event names a
// status it does not list; such a winner decides nothing. Before the fix every
// path below returned `rule: '进度严重滞后'` (or '超期未完成') with a null status.
import { describe, expect, it } from 'vitest';
import { compileRuleFile, createClassifier, evaluatePlan, evaluatePlanSync, evaluateTask, evaluateTasks, explainRules, startEvaluation } from '../../src/index.js';
import type { RuleFile, TaskResult } from '../../src/index.js';
import { startFlatEvaluation } from '../../src/engine/evaluate-plan.js';
import { inflateResults } from '../../src/report/json-chunks.js';
import { cumulative, facts, planOf, readJson } from './helpers.js';

/** four-level as JSON.parse gives it, with the status `problem` dropped from its statuses (its rules still assign it). */
function withoutProblemStatus(): RuleFile {
  const file = readJson('rules/four-level.json') as { statuses: { code: string }[] };
  return { ...file, statuses: file.statuses.filter((status) => status.code !== 'problem') } as unknown as RuleFile;
}

// T1 is far behind pace (paceRatio 0.2 < 0.5: 进度严重滞后 → problem); T2 is on pace (有序推进).
const plan = planOf([cumulative(10, { id: 'T1' }), cumulative(60, { id: 'T2', title: '新建项目100个(二)' })]);
const options = { asOf: '2018-06-30', rules: withoutProblemStatus() } as const;

function expectConsistent(results: readonly Pick<TaskResult, 'taskId' | 'status' | 'label' | 'rule'>[]): void {
  const [behind, onPace] = results;
  expect(behind).toMatchObject({ taskId: 'T1', status: null, label: null, rule: null });
  expect(onPace).toMatchObject({ taskId: 'T2', status: 'on-track', label: '有序推进', rule: '有序推进' });
}

describe('a winner whose status the rule file does not list', () => {
  it('compileRuleFile: classify and decide give no status and no rule', () => {
    const compiled = compileRuleFile(withoutProblemStatus());
    const classification = compiled.classify(facts({ paceRatio: 0.2 }));
    expect(classification.status).toBeNull();
    expect(classification.rule).toBeNull();
    expect(classification.matched.map((rule) => rule.name)).toEqual(['进度严重滞后', '需要加大力度']);
    expect(compiled.decide(facts({ paceRatio: 0.2 }))).toBeNull();
    expect(compiled.decide(facts({ onPace: true }))?.rule.name).toBe('有序推进');
  });

  it('createClassifier (json-rules-engine): no status and no rule', async () => {
    const classification = await createClassifier(withoutProblemStatus()).classify(facts({ paceRatio: 0.2 }));
    expect(classification.status).toBeNull();
    expect(classification.rule).toBeNull();
    expect(classification.matched.map((rule) => rule.name)).toEqual(['进度严重滞后', '需要加大力度']);
  });

  it('evaluatePlan with the compiled engine: status, label and rule null, and the task is a gap', async () => {
    const evaluation = await evaluatePlan(plan, options);
    expectConsistent(evaluation.results);
    expect(evaluation.gaps.map((gap) => gap.taskId)).toEqual(['T1']);
  });

  it('evaluatePlan with json-rules-engine: the same', async () => {
    const evaluation = await evaluatePlan(plan, { ...options, engine: 'json-rules-engine' });
    expectConsistent(evaluation.results);
    expect(evaluation.gaps.map((gap) => gap.taskId)).toEqual(['T1']);
  });

  it('evaluatePlanSync: the same', () => {
    expectConsistent(evaluatePlanSync(plan, options).results);
  });

  it('evaluateTask, with either engine: the same', async () => {
    for (const engine of ['compiled', 'json-rules-engine'] as const) {
      expect(await evaluateTask(plan, 'T1', { ...options, engine })).toMatchObject({ status: null, label: null, rule: null });
    }
  });

  it('evaluateTasks: the same', () => {
    expectConsistent([...evaluateTasks(plan, options)]);
  });

  it('startEvaluation: the same', () => {
    expectConsistent([...startEvaluation(plan, options).results]);
  });

  it('startFlatEvaluation (the CLI’s flat batches): the same', () => {
    const batches = [...startFlatEvaluation(plan, options, 1).batches];
    expectConsistent(batches.flatMap((batch) => inflateResults(batch)));
  });

  it('explainRules: no winner, status and label null, and says why', async () => {
    const why = await explainRules(withoutProblemStatus(), facts({ paceRatio: 0.2 }));
    expect(why).toMatchObject({ winner: null, status: null, label: null });
    expect(why.rules.some((rule) => rule.winner)).toBe(false);
    expect(why.reasonZh).toContain('不在规则文件的 statuses 中');
    expect(why.reason).toContain('is not in the rule file');
  });
});

describe('a task no rule matches', () => {
  const gappy = { ...withoutProblemStatus(), statuses: [{ code: 'on-track', label: '有序推进' }], rules: [(readJson('rules/four-level.json') as RuleFile).rules[5]!] } as RuleFile;

  it('has status, label and rule null on every path', async () => {
    const paths: TaskResult[][] = [
      (await evaluatePlan(plan, { ...options, rules: gappy })).results as TaskResult[],
      (await evaluatePlan(plan, { ...options, rules: gappy, engine: 'json-rules-engine' })).results as TaskResult[],
      [...evaluateTasks(plan, { ...options, rules: gappy })],
      [...startEvaluation(plan, { ...options, rules: gappy }).results],
      [...startFlatEvaluation(plan, { ...options, rules: gappy }, 2).batches].flatMap((batch) => inflateResults(batch)),
    ];
    for (const results of paths) expectConsistent(results);
  });
});
