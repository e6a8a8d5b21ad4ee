// The public API, pinned: every runtime export of duban, duban/excel and duban/docx, by name.
// Adding or removing an export is a deliberate change of the API (CHANGELOG.md lists each):
// it must change this list too. Types are checked by the compile of every @example and of
// test/package/package.test.ts's consumer program.
import { describe, expect, it } from 'vitest';
import * as core from '../../src/index.js';
import * as docx from '../../src/docx/index.js';
import * as excel from '../../src/excel/index.js';

const API = {
  duban: [
    // errors
    'DUBAN_ERROR_CODES',
    'DubanError',
    'formatPath',
    'isDubanError',
    'ISSUE_CODES',
    // model
    'isCalendarDate',
    'RATE_BOUNDS',
    'TARGET_KINDS',
    'mergeObservations',
    'parseObservations',
    'parseObservationsCsv',
    'parsePlan',
    'safeParseObservations',
    'safeParsePlan',
    // pace
    'expectedProgress',
    'computeFacts',
    'createFactComputer',
    'factsForEngine',
    'FACT_CATALOGUE',
    'formatFraction',
    // engine
    'ENGINE_CHOICES',
    'evaluatePlan',
    'evaluatePlanStream',
    'evaluatePlanSync',
    'STALE_AFTER_DAYS',
    'WARNING_CODES',
    'explainTask',
    'ROUNDINGS',
    'BUNDLED_RULE_SET_IDS',
    'bundledRuleFileJson',
    'isBundledRuleSetId',
    'parseRuleFile',
    'safeParseRuleFile',
    'BUILT_IN_OPERATORS',
    'compileRuleFile',
    'createClassifier',
    'checkRuleFile',
    'RULE_CHECK_KINDS',
    'parseRuleCases',
    'runRuleCases',
    'explainRules',
    'compileDecisionTable',
    'DECISION_TABLE_COLUMNS',
    'jsonSchemas',
    // report
    'EVALUATION_FORMATS',
    'formatEvaluation',
    'formatEvaluationJsonChunks',
    'formatSummaryLine',
    'summarizeEvaluation',
    'STATUS_TONES',
    'reportingDates',
    'summarizeTrend',
    'BULLETIN_FORMATS',
    'formatBulletin',
    'reportPlan',
    // extract
    'DOCUMENT_KINDS',
    'extractPlan',
    'REVIEW_CODES',
    // limits
    'MAX_ISSUES',
    'MAX_ARRAY_LENGTH',
    'MAX_INPUT_BYTES',
    'MAX_JSON_DEPTH',
    'MAX_STRING_LENGTH',
    'MAX_TASKS',
    'MAX_WORKBOOK_BYTES',
    'MAX_WORKBOOK_CELLS',
    'MAX_WORKBOOK_COLUMNS',
    'MAX_WORKBOOK_ROWS',
    'MAX_CONDITION_DEPTH',
  ],
  'duban/excel': [
    'RATE_BOUND_WORDS',
    'TARGET_KIND_WORDS',
    'TASK_TABLE_COLUMNS',
    'readPlanWorkbook',
    'writePlanWorkbook',
    'formatPlanCsv',
    'parsePlanCsv',
    'writeEvaluationWorkbook',
  ],
  'duban/docx': ['DEFAULT_DOCX_FONTS', 'writeBulletinDocx'],
} as const;

const MODULES = { duban: core, 'duban/excel': excel, 'duban/docx': docx } as const;

/** Names removed or renamed before 1.0 (CHANGELOG.md): none may come back by accident. */
const REMOVED = [
  'evaluateTask',
  'evaluateTasks',
  'startEvaluation',
  'summarize',
  'summaryLine',
  'formatTable',
  'formatMarkdown',
  'formatCsv',
  'paceExpected',
  'taskWindow',
  'latestObservation',
  'factsToJson',
  'todayInChina',
  'displayWidth',
  'ruleCasesJsonSchema',
  'parseDecimal',
  'compareDecimals',
  'unitConversionExponent',
  'MAGNITUDE_PREFIXES',
];

describe('the public API', () => {
  it.each(Object.keys(API) as (keyof typeof API)[])('%s exports exactly its listed names', (entry) => {
    expect(Object.keys(MODULES[entry]).sort()).toEqual([...API[entry]].sort());
  });

  it('has none of the names removed before 1.0', () => {
    for (const module of Object.values(MODULES)) for (const name of REMOVED) expect(module, name).not.toHaveProperty(name);
  });

  it('gives jsonSchemas() the four input formats', () => {
    expect(Object.keys(core.jsonSchemas())).toEqual(['plan', 'observations', 'ruleFile', 'ruleCases']);
  });
});
