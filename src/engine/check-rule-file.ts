import { kindOf, operatorsOption, readOptions } from '../model/check-arguments.js';
import { compileRules, type CompiledRule } from './check/conditions.js';
import { explore } from './check/explore.js';
import {
  ambiguousFindings,
  domainFindings,
  gapFindings,
  inexactLimits,
  stoppedEarlyLimit,
  typeFindings,
  undecidedGapsLimits,
  unreachableFindings,
  unusedStatusFindings,
} from './check/findings.js';
import { leafProblems } from './check/leaf-checks.js';
import type { CustomOperator } from './operators.js';
import { ensureRuleFile } from './boundary.js';
import type { RuleFile } from './parse-rule-file.js';

/**
 * The kinds of problem `checkRuleFile` reports: `gap` (facts a task can have
 * that no rule matches), `unreachable` (a rule that can never decide),
 * `ambiguous` (rules of equal priority with different statuses that both match,
 * so file order decides), `type` (a condition that compares the wrong kinds of
 * value, or can never hold), `unused-status` (a status no rule can assign).
 *
 * @category Engine
 */
export const RULE_CHECK_KINDS = ['gap', 'unreachable', 'ambiguous', 'type', 'unused-status'] as const;

/**
 * One of {@link RULE_CHECK_KINDS}.
 *
 * @category Engine
 */
export type RuleCheckKind = (typeof RULE_CHECK_KINDS)[number];

/**
 * One problem `checkRuleFile` found.
 *
 * @category Engine
 */
export interface RuleCheckProblem {
  /** What kind of problem. */
  readonly kind: RuleCheckKind;
  /** `error` for a mistake, `warning` for something that is probably one (ambiguous overlaps, implausible thresholds, redundant conditions). */
  readonly severity: 'error' | 'warning';
  /** The JSON path in the rule file (`$` for a gap). */
  readonly path: string;
  /** The rules involved, by name. */
  readonly rules: readonly string[];
  /** What is wrong, in Chinese. */
  readonly zh: string;
  /** What is wrong, in English. */
  readonly message: string;
  /** For gaps, unreachable rules and overlaps: a complete set of facts a real task can produce that shows the problem, as the rules engine reads them. */
  readonly example: Readonly<Record<string, unknown>> | null;
  /** For gaps: the facts' values the gap covers, such as `hasData = true, onPace = false, paceRatio ≥ 0.5` (every task with these values matches no rule). */
  readonly region: string | null;
  /** For unreachable rules: the higher-ranked rules that always decide first. */
  readonly preemptedBy: readonly string[];
}

/**
 * Something `checkRuleFile` could not decide exactly, and says so instead of guessing.
 *
 * @category Engine
 */
export interface RuleCheckLimit {
  /** The JSON path of the condition or rule. */
  readonly path: string;
  /** The rules involved. */
  readonly rules: readonly string[];
  /** Why, in Chinese. */
  readonly zh: string;
  /** Why, in English. */
  readonly message: string;
}

/**
 * The result of `checkRuleFile`.
 *
 * @category Engine
 */
export interface RuleCheckReport {
  /** The rule file's id. */
  readonly ruleSet: string;
  /** Every problem found: type mistakes first, then gaps, unreachable rules, overlaps and unused statuses. */
  readonly problems: readonly RuleCheckProblem[];
  /** What could not be decided exactly. Empty when the analysis is exact. */
  readonly limits: readonly RuleCheckLimit[];
  /** How many gap regions exist (the problems list at most `maxGaps` of them). */
  readonly gapRegions: number;
  /** How many distinct combinations of condition results were examined. */
  readonly combinations: number;
  /**
   * When the check stopped early, how far it got; `null` when it examined everything. The
   * combinations a rule file can tell apart grow exponentially with the facts it combines
   * (every subset of the flags it mentions, every cell of value × target × progress), so the
   * check stops after 2 000 000 samples of facts or 100 000 distinct combinations; `limits`
   * then says so in words.
   */
  readonly stoppedEarly: {
    /** Distinct combinations of condition results examined. */
    readonly combinations: number;
    /** Samples of facts generated before stopping. */
    readonly samples: number;
    /** The sorts of task (a kind, with or without data) whose every combination was examined, such as `cumulative` or `rate (no data)`. */
    readonly completed: readonly string[];
    /** The sort of task being examined when the check stopped (examined only in part); the sorts after it were not examined. */
    readonly partly: string | null;
  } | null;
}

/**
 * Options for {@link checkRuleFile}.
 *
 * @category Engine
 */
export interface CheckRuleFileOptions {
  /** Operators the application registers, so conditions using them can be evaluated on examples (they are never analysed exactly). */
  readonly operators?: Readonly<Record<string, CustomOperator>> | undefined;
  /** How many gap regions to list (default 10); `gapRegions` counts them all. */
  readonly maxGaps?: number | undefined;
}

function byRank(a: CompiledRule, b: CompiledRule): number {
  return b.rule.priority - a.rule.priority || a.index - b.index;
}

/**
 * Checks a validated rule file for the mistakes that would mislabel tasks
 * silently: gaps (facts a real task can produce that no rule matches, each with
 * a complete example), rules a higher-priority rule always pre-empts (naming
 * it), rules of equal priority and different statuses that can both match
 * (decided only by file order), type mistakes in conditions (a threshold no
 * task can reach or no ordinary task would, a condition every task satisfies;
 * values of the wrong type for their fact are already refused by
 * `parseRuleFile`, and reported here only for a rule file built in code), and
 * statuses no rule assigns.
 *
 * The analysis is exact over the facts' domains and their dependencies (see
 * docs/rule-checking.md): every number fact is cut at every threshold the rules
 * compare it with, and every region a real task can reach is visited once.
 * Conditions beyond exact analysis — fact-to-fact comparisons, operators and
 * facts an application registers — are evaluated only on the sample facts, and
 * what that leaves undecided is listed in `limits` instead of being guessed.
 * Evaluation mirrors json-rules-engine, quirks included: numeric operators are
 * false on null, `equal` is `===`.
 *
 * @param ruleFile - a rule file validated by `parseRuleFile`
 * @param options - registered operators (to evaluate conditions that use them) and how many gaps to list
 * @returns the report; `problems` is empty for a clean file
 * @example
 * ```ts
 * const report = checkRuleFile(parseRuleFile(json));
 * for (const problem of report.problems) console.log(problem.severity, problem.path, problem.zh);
 * ```
 * @category Engine
 */
export function checkRuleFile(ruleFile: RuleFile, options: CheckRuleFileOptions = {}): RuleCheckReport {
  options = readOptions<CheckRuleFileOptions>(options, {
    operators: operatorsOption,
    maxGaps: (value) => (Number.isSafeInteger(value) && (value as number) >= 0 ? undefined : `expected a whole number ≥ 0, got ${kindOf(value)}`),
  });
  // A file built in code may hold type mistakes: they are reported below, not refused.
  ruleFile = ensureRuleFile(ruleFile, options.operators, 'keep');
  const { leaves, rules } = compileRules(ruleFile);
  const ranked = [...rules].sort(byRank);
  const typeProblems = leaves.flatMap(leafProblems);
  const explored = explore(leaves, rules, ranked, options.operators ?? {});
  const { state } = explored;

  // Type problems in the order of the conditions in the file.
  const leafOrder = new Map(leaves.map((leaf) => [leaf.path, leaf.index]));
  const types = [...typeFindings(typeProblems), ...domainFindings(leaves, typeProblems, explored)].sort(
    (a, b) => (leafOrder.get(a.path) ?? 0) - (leafOrder.get(b.path) ?? 0),
  );
  const gaps = gapFindings(leaves, explored, options.maxGaps ?? 10);
  const unreachable = unreachableFindings(rules, ranked, explored);
  const problems = [...types, ...gaps.problems, ...unreachable.problems, ...ambiguousFindings(explored), ...unusedStatusFindings(ruleFile, rules, explored)];
  const limits = [
    ...inexactLimits(leaves),
    ...(state.truncated ? [stoppedEarlyLimit(state)] : []),
    ...undecidedGapsLimits(rules, explored),
    ...unreachable.limits,
  ];
  const stoppedEarly = state.truncated
    ? { combinations: state.count, samples: state.samples, completed: [...state.completed], partly: state.current ?? null }
    : null;
  return { ruleSet: ruleFile.id, problems, limits, gapRegions: gaps.regions, combinations: state.count, stoppedEarly };
}
