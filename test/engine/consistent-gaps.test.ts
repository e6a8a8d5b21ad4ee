// Issue #12, MUST 5: a task that gets no status has status, label and rule all
// null, whatever path produced it. A rule file that did not go through
// parseRuleFile (straight from JSON.parse) can have a rule whose event names a
// status it does not list; such a winner decides nothing. Before the fix every
// path below returned `rule: '进度严重滞后'` (or '超期未完成') with a null status.
// Since issue #12 MUST 2 (the library checks its boundary) such a file is
// refused with its load error by every path; the consistent nulls stay for
// the gaps of valid files (the second block).
import { describe, expect, it } from 'vitest';
import { isDubanError, compileRuleFile, createClassifier, evaluatePlan, evaluatePlanSync, explainRules, evaluatePlanStream } from '../../src/index.js';
import type { RuleFile, TaskResult } from '../../src/index.js';
import { inflateResults, startFlatEvaluation } from '../../src/cli/flat-layout.js';
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

/** The load error of the file without the status `problem`: each rule assigning it is named. */
async function expectRefused(run: () => unknown): Promise<void> {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  expect(isDubanError(caught)).toBe(true);
  if (!isDubanError(caught)) return;
  expect(caught.code).toBe('INVALID_RULE_FILE');
  expect(caught.issues.length).toBeGreaterThan(0);
  for (const issue of caught.issues) {
    expect(issue.path).toMatch(/^\$\.rules\[\d+\]\.event\.type$/);
    expect(issue.message).toContain('"problem" is not in statuses');
  }
}

describe('a winner whose status the rule file does not list', () => {
  it('is refused with its load error by every path that takes a rule file', async () => {
    const paths: (() => unknown)[] = [
      () => compileRuleFile(withoutProblemStatus()),
      () => createClassifier(withoutProblemStatus()),
      () => evaluatePlan(plan, options),
      () => evaluatePlan(plan, { ...options, engine: 'json-rules-engine' }),
      () => evaluatePlanSync(plan, options),
      () => evaluatePlan(plan, { ...options, tasks: ['T1'] }),
      () => evaluatePlan(plan, { ...options, tasks: ['T1'], engine: 'json-rules-engine' }),
      () => evaluatePlanStream(plan, options),
      () => startFlatEvaluation(plan, options, 1),
      () => explainRules(withoutProblemStatus(), facts({ paceRatio: 0.2 })),
    ];
    for (const run of paths) await expectRefused(run);
  });
});

describe('a task no rule matches', () => {
  const gappy = {
    ...withoutProblemStatus(),
    statuses: [{ code: 'on-track', label: '有序推进' }],
    rules: [(readJson('rules/four-level.json') as RuleFile).rules[5]!],
  } as RuleFile;

  it('has status, label and rule null on every path', async () => {
    const paths: TaskResult[][] = [
      (await evaluatePlan(plan, { ...options, rules: gappy })).results as TaskResult[],
      (await evaluatePlan(plan, { ...options, rules: gappy, engine: 'json-rules-engine' })).results as TaskResult[],
      (await evaluatePlan(plan, { ...options, rules: gappy, tasks: ['T2', 'T1'] })).results as TaskResult[],
      [...evaluatePlanStream(plan, { ...options, rules: gappy }).results],
      [...startFlatEvaluation(plan, { ...options, rules: gappy }, 2).batches].flatMap((batch) => inflateResults(batch)),
    ];
    for (const results of paths) expectConsistent(results);
  });
});
