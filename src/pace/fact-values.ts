import { DubanError } from '../errors.js';
import { kindOf } from '../model/check-arguments.js';
import { isRecognised } from '../model/recognised.js';
import type { Task } from '../model/types.js';
import type { ExactFacts } from './compute-facts.js';
import { formatFraction, toNumber, type Fraction } from './fraction.js';

/**
 * The facts of a task as JSON output writes them: numbers that come from
 * decimals as decimal strings (exact, or rounded half-even to 20 significant
 * digits), integers as numbers, absent values as `null`.
 *
 * @category Pace
 */
export interface FactsJson {
  /** The target's kind. */
  readonly kind: string;
  /** Cancelled by the as-of date. */
  readonly cancelled: boolean;
  /** An observed value exists. */
  readonly hasData: boolean;
  /** The observed value in the target's unit. */
  readonly value: string | null;
  /** The target value. */
  readonly target: string | null;
  /** Progress, a fraction. */
  readonly progress: string | null;
  /** Expected progress (序时进度). */
  readonly expected: string | null;
  /** `progress − expected`. */
  readonly paceGap: string | null;
  /** `progress / expected`. */
  readonly paceRatio: string | null;
  /** Target attained. */
  readonly met: boolean | null;
  /** At or ahead of pace. */
  readonly onPace: boolean | null;
  /** `rate` only: distance to the bound. */
  readonly margin: string | null;
  /** Past the deadline and not met. */
  readonly overdue: boolean;
  /** Days to the deadline. */
  readonly daysToDeadline: number;
  /** Milestones past due and not done. */
  readonly overdueMilestones: number;
  /** Age of the observation used, in days. */
  readonly dataAgeDays: number | null;
  /** The observation used is dated on or after the deadline. */
  readonly dataCoversPeriod: boolean | null;
  /** The task's flags. */
  readonly flags: readonly string[];
}

/**
 * The facts as the rules engine reads them: each number is the JavaScript
 * number nearest to its exact value.
 *
 * @category Pace
 */
export type EngineFacts = { readonly [K in keyof FactsJson]: FactsJson[K] extends string | null ? (K extends 'kind' ? string : number | null) : FactsJson[K] };

const text = (value: Fraction | null): string | null => (value === null ? null : formatFraction(value));
const number = (value: Fraction | null): number | null => (value === null ? null : toNumber(value));

function convert<T>(facts: ExactFacts, write: (value: Fraction | null) => T) {
  return {
    kind: facts.kind,
    cancelled: facts.cancelled,
    hasData: facts.hasData,
    value: write(facts.value),
    target: write(facts.target),
    progress: write(facts.progress),
    expected: write(facts.expected),
    paceGap: write(facts.paceGap),
    paceRatio: write(facts.paceRatio),
    met: facts.met,
    onPace: facts.onPace,
    margin: write(facts.margin),
    overdue: facts.overdue,
    daysToDeadline: facts.daysToDeadline,
    overdueMilestones: facts.overdueMilestones,
    dataAgeDays: facts.dataAgeDays,
    dataCoversPeriod: facts.dataCoversPeriod,
    flags: [...facts.flags],
  };
}

/**
 * The decimal texts of a task's value, target, expected progress and margin
 * (`formatFraction` of each), worked out once and shared by the explanation
 * (`explainTaskWith`) and the CLI's flat results (src/cli/flat-layout.ts).
 * Internal: not part of the package's API.
 */
export interface FactTexts {
  value: string | null;
  target: string | null;
  expected: string | null;
  margin: string | null;
  /** The last expected progress written, its text and (once asked for) its percentage: most tasks share one. */
  lastExpected: Fraction | null;
  lastExpectedText: string | null;
  lastExpectedPercent: string | null;
}

/** Empty texts, to fill with {@link fillFactTexts}. */
export const newFactTexts = (): FactTexts => ({
  value: null,
  target: null,
  expected: null,
  margin: null,
  lastExpected: null,
  lastExpectedText: null,
  lastExpectedPercent: null,
});

/**
 * A normalised decimal of at most 20 characters has at most 20 significant
 * digits, so `formatFraction(fromDecimal(text))` is the text itself.
 */
const asWritten = (decimal: string, value: Fraction): string => (decimal.length <= 20 ? decimal : formatFraction(value));

/** Fills `texts` for a task's facts, reusing the plan's decimal strings where they are the very text. */
export function fillFactTexts(texts: FactTexts, task: Task, facts: ExactFacts): void {
  const { target } = task;
  const { observation } = facts;
  const plain = target.kind === 'cumulative' || target.kind === 'level' || target.kind === 'rate';
  texts.target = facts.target === null ? null : plain ? asWritten(target.value, facts.target) : formatFraction(facts.target);
  texts.value =
    facts.value === null
      ? null
      : plain && observation !== null && (observation.unit === undefined || observation.unit === target.unit)
        ? asWritten(observation.value, facts.value)
        : formatFraction(facts.value);
  if (facts.expected !== texts.lastExpected) {
    texts.lastExpected = facts.expected;
    texts.lastExpectedText = text(facts.expected);
    texts.lastExpectedPercent = null;
  }
  texts.expected = texts.lastExpectedText;
  texts.margin = text(facts.margin);
}

/**
 * Writes exact facts as JSON output does (decimal strings).
 *
 * @param facts - the exact facts
 * @returns the facts with decimal strings
 * Internal: not exported from the package.
 */
export function factsToJson(facts: ExactFacts): FactsJson {
  return factsToJsonOf(checkedFacts(facts));
}

/** {@link factsToJson} of facts duban computed itself, unchecked. Internal. */
export const factsToJsonOf = (facts: ExactFacts): FactsJson => convert(facts, text);

/** Facts from `computeFacts` or a fact computer; anything else is refused. */
function checkedFacts(facts: unknown): ExactFacts {
  if (isRecognised('facts', facts)) return facts as ExactFacts;
  throw new DubanError('INVALID_OPTION', 'expected facts computed by computeFacts or createFactComputer', {
    issues: [
      { code: 'invalid_type', path: 'facts', keys: ['facts'], message: `expected facts computed by computeFacts or createFactComputer, got ${kindOf(facts)}` },
    ],
  });
}

/**
 * Converts exact facts to the plain numbers the rules engine compares.
 *
 * @param facts - the exact facts
 * @returns the facts with JavaScript numbers
 * @example
 * ```ts
 * factsForEngine(computeFacts(plan, task, '2018-03-31')).progress; // 0.275
 * ```
 * @category Pace
 */
export function factsForEngine(facts: ExactFacts): EngineFacts {
  return factsForEngineOf(checkedFacts(facts));
}

/** {@link factsForEngine} of facts duban computed itself, unchecked. Internal. */
export const factsForEngineOf = (facts: ExactFacts): EngineFacts => convert(facts, number);
