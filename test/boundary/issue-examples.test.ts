// Issue #12, MUST 2: the issue's examples, each of which failed before the
// boundary checks (a TypeError, or ENGINE_ERROR with no issues, or a silent run).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluatePlan, evaluatePlanSync, isDubanError, parsePlan, type DubanError } from '../../src/index.js';

const rawPlan = (): Record<string, unknown> => JSON.parse(readFileSync('examples/xianning-2018-q1.plan.json', 'utf8')) as Record<string, unknown>;
const rawRules = (): Record<string, unknown> & { rules: Record<string, unknown>[] } => JSON.parse(readFileSync('rules/four-level.json', 'utf8')) as never;

async function caught(run: () => unknown): Promise<DubanError> {
  try {
    await run();
  } catch (error) {
    if (isDubanError(error)) return error;
    throw error;
  }
  throw new Error('expected a DubanError');
}

describe('the issue #12 examples', () => {
  it('a rule file straight from JSON.parse with priority 0 is refused with its load error', async () => {
    const rules = rawRules();
    rules.rules[0]!.priority = 0;
    const error = await caught(() => evaluatePlan(parsePlan(rawPlan()), { asOf: '2018-03-31', rules: rules as never }));
    expect(error.code).toBe('INVALID_RULE_FILE');
    expect(error.issues.map((issue) => issue.path)).toContain('$.rules[0].priority');
  });

  it('an event.type missing from statuses is refused', async () => {
    const rules = rawRules();
    (rules.rules[0]!.event as Record<string, unknown>).type = 'no-such-status';
    const error = await caught(() => evaluatePlan(parsePlan(rawPlan()), { asOf: '2018-03-31', rules: rules as never }));
    expect(error.code).toBe('INVALID_RULE_FILE');
    expect(error.issues[0]).toMatchObject({ path: '$.rules[0].event.type' });
  });

  it('a misspelt fact is a load error with issues, not ENGINE_ERROR "Undefined fact" with none', async () => {
    const rules = rawRules();
    rules.rules[0]!.conditions = { all: [{ fact: 'onpace', operator: 'equal', value: true }] };
    for (const engine of ['compiled', 'json-rules-engine'] as const) {
      const error = await caught(() => evaluatePlan(parsePlan(rawPlan()), { asOf: '2018-03-31', rules: rules as never, engine }));
      expect(error.code).toBe('INVALID_RULE_FILE');
      expect(error.issues.some((issue) => issue.message.includes('unknown fact "onpace"'))).toBe(true);
    }
  });

  it('evaluatePlanSync(rawPlanObject): a valid plain object is validated and evaluated', () => {
    const fromRaw = evaluatePlanSync(rawPlan() as never, { asOf: '2018-03-31' });
    const fromParsed = evaluatePlanSync(parsePlan(rawPlan()), { asOf: '2018-03-31' });
    expect(fromRaw).toEqual(fromParsed);
  });

  it('a frozen raw plan works and is not changed', () => {
    const frozen = structuredClone(rawPlan());
    const deepFreeze = (value: unknown): void => {
      if (typeof value === 'object' && value !== null) {
        Object.freeze(value);
        Object.values(value).forEach(deepFreeze);
      }
    };
    deepFreeze(frozen);
    const before = JSON.stringify(frozen);
    expect(evaluatePlanSync(frozen as never, { asOf: '2018-03-31' }).results.length).toBeGreaterThan(0);
    expect(JSON.stringify(frozen)).toBe(before);
  });

  it('a plan without tasks is INVALID_PLAN naming $.tasks, not "plan.tasks is not iterable"', () => {
    const { tasks: _tasks, ...withoutTasks } = rawPlan();
    const error = (() => {
      try {
        evaluatePlanSync(withoutTasks as never);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isDubanError(error)).toBe(true);
    expect((error as DubanError).code).toBe('INVALID_PLAN');
    expect((error as DubanError).issues.some((issue) => issue.path === '$.tasks')).toBe(true);
  });

  it('plan text passed as a plan is INVALID_PLAN, not "startsWith is not a function"', () => {
    expect(() => evaluatePlanSync(readFileSync('examples/xianning-2018-q1.plan.json', 'utf8') as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_PLAN' }) as Error,
    );
  });

  it('an unknown option or an option of the wrong type is INVALID_OPTION naming it; null options are {}', () => {
    const plan = parsePlan(rawPlan());
    expect(() => evaluatePlanSync(plan, { asof: '2018-03-31' } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', issues: [expect.objectContaining({ path: 'asof' })] }) as Error,
    );
    expect(() => evaluatePlanSync(plan, { now: 'today' } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', issues: [expect.objectContaining({ path: 'now' })] }) as Error,
    );
    expect(evaluatePlanSync(plan, null as never).planId).toBe(plan.id);
  });
});
