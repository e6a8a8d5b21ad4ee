/**
 * duban (督办): plans, 序时进度 pace, declarative classification rules and
 * bulletins for the targets of Chinese government work reports.
 *
 * The exports are grouped by layer, lowest first; each closed list a type
 * names (a format, an engine, a code) is also exported as a constant, so an
 * application can offer or check the choices. Anything not exported here is
 * internal and may change in any version.
 *
 * @module duban
 */

// Errors: every misuse and every bad input is a DubanError with its issues, each with a code from ISSUE_CODES.
export { DUBAN_ERROR_CODES, DubanError, formatPath, isDubanError, ISSUE_CODES } from './errors.js';
export type { DubanErrorCode, DubanErrorOptions, DubanIssue, IssueCode, IssueKey } from './errors.js';

// Model: plans and observations, parsed and validated (parse… throws, safeParse… returns the issues).
export { isCalendarDate } from './model/calendar-date.js';
export type { CalendarDate } from './model/calendar-date.js';
export type { DecimalString } from './model/decimal.js';
export { RATE_BOUNDS, TARGET_KINDS } from './model/plan.js';
export type {
  BinaryTarget,
  Cancellation,
  Category,
  CumulativeTarget,
  Extensions,
  LevelTarget,
  Milestone,
  MilestonesTarget,
  Observation,
  ObservationRecord,
  ObservationsFile,
  Owners,
  Pace,
  Period,
  Plan,
  PlanMainIndicators,
  RateBound,
  RateTarget,
  Target,
  TargetKind,
  Task,
  Trajectory,
  TrajectoryPoint,
} from './model/types.js';
export { mergeObservations, parseObservations, parseObservationsCsv, parsePlan, safeParseObservations, safeParsePlan } from './model/parse-input.js';
export type { ParseOptions, SafeParseFailure, SafeParseResult, SafeParseSuccess } from './model/parse-input.js';

// Pace: 序时进度 and the exact facts of a task at an as-of date (fractions, never floats).
export { expectedProgress } from './pace/expected-progress.js';
export { computeFacts, createFactComputer } from './pace/compute-facts.js';
export type { ExactFacts } from './pace/compute-facts.js';
export { factsForEngine } from './pace/fact-values.js';
export type { EngineFacts, FactsJson } from './pace/fact-values.js';
export { FACT_CATALOGUE } from './pace/fact-catalogue.js';
export type { FactDefinition, FactName } from './pace/fact-catalogue.js';
export { formatFraction } from './pace/fraction.js';
export type { Fraction } from './pace/fraction.js';

// Engine: rule files (parse, check, test, explain, compile) and evaluation:
// evaluatePlan (async, either engine), evaluatePlanSync, evaluatePlanStream (lazy results).
export { ENGINE_CHOICES, evaluatePlan, evaluatePlanStream, evaluatePlanSync } from './engine/evaluate-plan.js';
export type { EngineChoice, EvaluateOptions, Evaluation, EvaluationStream, Gap, StatusCount, Summary, TaskResult } from './engine/evaluate-plan.js';
export { STALE_AFTER_DAYS, WARNING_CODES } from './engine/as-of-warnings.js';
export type { EvaluationWarning, WarningCode } from './engine/as-of-warnings.js';
export { explainTask } from './engine/explain-task.js';
export { ROUNDINGS } from './engine/wording.js';
export type { Rounding } from './engine/wording.js';
export { BUNDLED_RULE_SET_IDS, bundledRuleFileJson, isBundledRuleSetId } from './engine/bundled-rule-sets.js';
export type { BundledRuleSetId } from './engine/bundled-rule-sets.js';
export { parseRuleFile, safeParseRuleFile } from './engine/parse-rule-file.js';
export type {
  AllCondition,
  AnyCondition,
  Condition,
  LeafCondition,
  NotCondition,
  ParseRuleFileOptions,
  Rule,
  RuleEvent,
  RuleFile,
  Status,
  TopLevelCondition,
} from './engine/parse-rule-file.js';
export { BUILT_IN_OPERATORS } from './engine/operators.js';
export type { BuiltInOperator, CustomOperator } from './engine/operators.js';
export { compileRuleFile } from './engine/compile-rule-file.js';
export type { CompiledRuleFile, CompileOptions, Decision } from './engine/compile-rule-file.js';
export { createClassifier } from './engine/classifier.js';
export type { Classification, Classifier, ClassifierOptions } from './engine/classifier.js';
export { checkRuleFile, RULE_CHECK_KINDS } from './engine/check-rule-file.js';
export type { CheckRuleFileOptions, RuleCheckKind, RuleCheckLimit, RuleCheckProblem, RuleCheckReport } from './engine/check-rule-file.js';
export { parseRuleCases, runRuleCases } from './engine/run-rule-cases.js';
export type {
  ParseRuleCasesOptions,
  RuleCase,
  RuleCaseResult,
  RuleCases,
  RuleCasesResult,
  RuleCaseTask,
  RunRuleCasesOptions,
} from './engine/run-rule-cases.js';
export { explainRules } from './engine/explain-rules.js';
export type { ConditionExplanation, ConditionOutcome, ExplainRulesOptions, RuleExplanation, RulesExplanation } from './engine/explain-rules.js';
export { compileDecisionTable, DECISION_TABLE_COLUMNS } from './engine/compile-decision-table.js';
export type { CompileDecisionTableOptions } from './engine/compile-decision-table.js';
export { jsonSchemas } from './engine/json-schemas.js';
export type { JsonSchemas } from './engine/json-schemas.js';

// Report: an evaluation as text (formatEvaluation and its kin), bulletins (通报) and trends.
export { EVALUATION_FORMATS, formatEvaluation, formatEvaluationJsonChunks, formatSummaryLine } from './report/format-evaluation.js';
export type { EvaluationFormat } from './report/format-evaluation.js';
export { summarizeEvaluation } from './report/summarize-evaluation.js';
export type {
  EvaluationSummary,
  GroupTally,
  MainIndicatorCategories,
  MainIndicators,
  StatusGroup,
  SummarizeOptions,
  Tally,
  TaskEntry,
  WorkGroup,
} from './report/summarize-evaluation.js';
export { STATUS_TONES } from './report/status-tone.js';
export type { StatusTone } from './report/status-tone.js';
export { reportingDates, summarizeTrend } from './report/trend.js';
export type { TaskTrend, Trend, TrendPoint } from './report/trend.js';
export { BULLETIN_FORMATS, formatBulletin } from './report/format-bulletin.js';
export type { BulletinFormat, BulletinOptions } from './report/format-bulletin.js';
export { reportPlan } from './report/report-plan.js';
export type { ReportOptions } from './report/report-plan.js';

// Extract: a draft plan from a work report's or a bulletin's text, with what to review.
export { DOCUMENT_KINDS, extractPlan } from './extract/extract-plan.js';
export type { AboutToleranceOptions, DocumentKind, ExtractionResult, ExtractOptions, ReviewItem, SourceSpan } from './extract/extract-plan.js';
export { REVIEW_CODES } from './extract/review-codes.js';
export type { ReviewCode } from './extract/review-codes.js';

// Limits: the sizes duban refuses beyond (docs/guarantees.md §2).
export { MAX_ISSUES } from './errors.js';
export {
  MAX_ARRAY_LENGTH,
  MAX_INPUT_BYTES,
  MAX_JSON_DEPTH,
  MAX_STRING_LENGTH,
  MAX_TASKS,
  MAX_WORKBOOK_BYTES,
  MAX_WORKBOOK_CELLS,
  MAX_WORKBOOK_COLUMNS,
  MAX_WORKBOOK_ROWS,
} from './model/limits.js';
export { MAX_CONDITION_DEPTH } from './engine/parse-rule-file.js';
