// Shared builders for the engine tests: small plans written in the test, and
// complete sets of engine facts for fact-level classification.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { bundledRuleFileJson, createClassifier, isDubanError, parsePlan, parseRuleFile } from '../../src/index.js';
import type { BundledRuleSetId, Classifier, DubanError, Plan, RuleFile } from '../../src/index.js';

/** The root of the repository. */
export const ROOT = new URL('../../', import.meta.url);

/** Reads a JSON file relative to the repository root. */
export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(path, ROOT), 'utf8')) as unknown;
}

/** A task as written in a plan file (validated by `parsePlan`). */
export type TaskInput = Record<string, unknown>;

/** A calendar-year 2018 plan holding the given tasks. */
export function planOf(tasks: readonly TaskInput[], extra: Record<string, unknown> = {}): Plan {
  return parsePlan({ formatVersion: 1, id: 'test-2018', title: '测试计划', period: { start: '2018-01-01', end: '2018-12-31' }, tasks, ...extra });
}

/** A one-task plan. */
export function planWith(task: TaskInput, extra: Record<string, unknown> = {}): Plan {
  return planOf([task], extra);
}

/** A cumulative task of 100 个 with one observation (or none when `value` is null). */
export function cumulative(value: number | null, extra: TaskInput = {}, observedOn = '2018-06-30'): TaskInput {
  return {
    id: 'T1',
    title: '新建项目100个',
    target: { kind: 'cumulative', measure: '新建项目', unit: '个', value: 100 },
    ...(value === null ? {} : { observations: [{ asOf: observedOn, value }] }),
    ...extra,
  };
}

/** A rate task (GDP growth of at least 8 %, or another bound) with one observation. */
export function rate(value: number | null, extra: TaskInput = {}, target: Record<string, unknown> = {}, observedOn = '2018-06-30'): TaskInput {
  return {
    id: 'R1',
    title: '地区生产总值增长8%',
    target: { kind: 'rate', measure: '地区生产总值增长', unit: '%', value: 8, ...target },
    ...(value === null ? {} : { observations: [{ asOf: observedOn, value }] }),
    ...extra,
  };
}

/** The facts json-rules-engine sees, complete (the classifier does not allow undefined facts). */
export type EngineFactsInput = Record<string, unknown>;

/**
 * A neutral set of facts that only the bundled sets' final "always" rows match:
 * a cumulative task with data, behind pace but not badly, not met, not overdue, far from its deadline.
 */
export function facts(overrides: EngineFactsInput = {}): EngineFactsInput {
  return {
    kind: 'cumulative',
    cancelled: false,
    hasData: true,
    value: 40,
    target: 100,
    progress: 0.4,
    expected: 0.5,
    paceGap: -0.1,
    paceRatio: 0.8,
    met: false,
    onPace: false,
    margin: null,
    overdue: false,
    daysToDeadline: 100,
    overdueMilestones: 0,
    dataAgeDays: 0,
    dataCoversPeriod: false,
    flags: [],
    ...overrides,
  };
}

/** The facts of a task without data: every observation-based fact null. */
export function noDataFacts(overrides: EngineFactsInput = {}): EngineFactsInput {
  return facts({
    hasData: false,
    value: null,
    progress: null,
    paceGap: null,
    paceRatio: null,
    met: null,
    onPace: null,
    margin: null,
    dataAgeDays: null,
    dataCoversPeriod: null,
    ...overrides,
  });
}

/** A bundled rule set, validated. */
export function bundled(id: BundledRuleSetId): RuleFile {
  return parseRuleFile(bundledRuleFileJson(id));
}

/** A classifier for a bundled rule set. */
export function bundledClassifier(id: BundledRuleSetId): Classifier {
  return createClassifier(bundled(id));
}

/** A small rule file with statuses `a`, `b`, `c` around the given rules. */
export function ruleFileJson(rules: readonly unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    formatVersion: 1,
    id: 'test-rules',
    title: '测试规则',
    statuses: [
      { code: 'a', label: '甲' },
      { code: 'b', label: '乙' },
      { code: 'c', label: '丙' },
    ],
    rules,
    ...extra,
  };
}

/** Runs `fn` and returns the DubanError it throws; fails the test if it throws anything else or nothing. */
export function dubanErrorOf(fn: () => unknown): DubanError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(isDubanError(caught), `expected a DubanError, got ${String(caught)}`).toBe(true);
  return caught as DubanError;
}

/** Awaits `promise` and returns the DubanError it rejects with; fails the test otherwise. */
export async function rejectedDubanError(promise: Promise<unknown>): Promise<DubanError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(isDubanError(caught), `expected a DubanError, got ${String(caught)}`).toBe(true);
  return caught as DubanError;
}
