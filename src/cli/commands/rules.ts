import { parseArgs } from 'node:util';
import {
  BUNDLED_RULE_SET_IDS,
  bundledRuleFileJson,
  checkRuleFile,
  compileDecisionTable,
  isBundledRuleSetId,
  parseRuleCases,
  parseRuleFile,
  runRuleCases,
  type RuleCheckKind,
  type RuleCheckReport,
  type RuleFile,
} from '../../index.js';
import { escapeTerminalText } from '../../report/safe-text.js';
import { checkOptions, readText, usage, writeAtomically, type CliIo } from '../io.js';

export const RULES_HELP = `用法 Usage:
  duban rules check RULES [--format text|json]
  duban rules test RULES CASES.json [--format text|json]
  duban rules compile TABLE.(json|csv) [--out rules.json] [--id ID] [--title TITLE]

RULES 为内置规则集 id(${BUNDLED_RULE_SET_IDS.join(' | ')})或规则文件路径。
RULES is a bundled rule set id or a rule file's path.

check    检查规则文件:漏判、永远不会生效的规则、同级重叠、类型错误、未用状态
         check a rule file: gaps, unreachable rules, ambiguous overlaps, type mistakes, unused statuses
         退出码 exit: 0 未发现问题 clean / 1 发现问题 problems found / 2 文件无效 invalid file
test     逐条运行测试用例(事实或任务 + 评估日期,及期望状态),每条一行 pass/fail
         run test cases (facts, or a task with an as-of date, and the expected status), one line each
         退出码 exit: 0 全部通过 all pass / 1 有失败 some fail / 2 文件无效 invalid file
compile  把决策表(JSON 或 CSV)编译为规则文件;首个匹配的行胜出
         compile a decision table (JSON or CSV) into a rule file; the first matching row wins
         退出码 exit: 0 成功 / 2 表格无效 invalid table

示例 Examples:
  duban rules check my-rules.json
  duban rules test four-level node_modules/duban/rules/four-level.cases.json
  duban rules compile table.csv --out my-rules.json
`;

function loadRuleFile(spec: string, io: CliIo): { ruleFile: RuleFile; source: string } {
  if (isBundledRuleSetId(spec)) return { ruleFile: parseRuleFile(bundledRuleFileJson(spec), { source: `rules/${spec}.json` }), source: `rules/${spec}.json` };
  const source = spec === '-' ? 'stdin' : spec;
  return { ruleFile: parseRuleFile(readText(spec, io.stdin), { source }), source };
}

const KIND_LABELS: Record<RuleCheckKind, string> = {
  gap: '漏判 gap',
  unreachable: '规则无法生效 unreachable rule',
  ambiguous: '同级重叠 ambiguous overlap',
  type: '类型错误 type mistake',
  'unused-status': '未用状态 unused status',
};

/** The report as an analyst reads it: Chinese first, English beside, one block per problem. */
export function formatCheckReport(report: RuleCheckReport, source: string): string {
  const lines: string[] = [];
  const errors = report.problems.filter((problem) => problem.severity === 'error').length;
  const warnings = report.problems.length - errors;
  if (report.problems.length === 0)
    lines.push(
      `${source}(${report.ruleSet}):未发现问题 / no problems found(检查了 ${report.combinations} 种事实组合 / ${report.combinations} fact combinations examined)`,
    );
  else lines.push(`${source}(${report.ruleSet}):${errors} 个错误、${warnings} 个警告 / ${errors} error(s), ${warnings} warning(s)`);
  const stop = report.stoppedEarly;
  if (stop !== null) {
    lines.push(
      `检查在 ${stop.combinations} 种事实组合后提前停止,结论不完整(见下文“未能精确分析”) / stopped early after ${stop.combinations} fact combinations: the findings are incomplete (see "not analysed exactly")`,
    );
  }
  for (const problem of report.problems) {
    lines.push(
      '',
      `${problem.severity === 'error' ? '错误 error' : '警告 warning'} · ${KIND_LABELS[problem.kind]} · ${problem.path}`,
      `  ${problem.zh}`,
      `  ${problem.message}`,
    );
    if (problem.example !== null) lines.push(`  示例事实 example facts: ${JSON.stringify(problem.example)}`);
  }
  const listed = report.problems.filter((problem) => problem.kind === 'gap').length;
  if (report.gapRegions > listed)
    lines.push('', `另有 ${report.gapRegions - listed} 处漏判未列出 / ${report.gapRegions - listed} more gap region(s) not listed`);
  if (report.limits.length > 0) {
    lines.push('', '未能精确分析 / not analysed exactly:');
    for (const limit of report.limits) lines.push(`  ${limit.path}`, `    ${limit.zh}`, `    ${limit.message}`);
  }
  return `${lines.join('\n')}\n`;
}

async function check(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help === true) {
    io.stdout(RULES_HELP);
    return 0;
  }
  const format = values.format ?? 'text';
  checkOptions([
    ...(positionals.length === 1
      ? []
      : [
          positionals.length === 0
            ? { code: 'required' as const, message: 'missing RULES (a rule file or a bundled rule set id)' }
            : { code: 'too_many' as const, message: `expected one rule file, got ${positionals.length}` },
        ]),
    ...(format === 'text' || format === 'json'
      ? []
      : [{ code: 'invalid_value' as const, message: `--format: expected text or json, got ${JSON.stringify(format)}` }]),
  ]);
  const { ruleFile, source } = loadRuleFile(positionals[0]!, io);
  const report = checkRuleFile(ruleFile);
  // Rule names are user text: their control characters are shown, not sent to the terminal.
  io.stdout(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : escapeTerminalText(formatCheckReport(report, source), 'lines'));
  return report.problems.length > 0 ? 1 : 0;
}

async function test(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help === true) {
    io.stdout(RULES_HELP);
    return 0;
  }
  const format = values.format ?? 'text';
  checkOptions([
    ...(positionals.length === 2
      ? []
      : [
          {
            code: positionals.length < 2 ? ('required' as const) : ('too_many' as const),
            message: `expected RULES and CASES, got ${positionals.length} argument(s)`,
          },
        ]),
    ...(format === 'text' || format === 'json'
      ? []
      : [{ code: 'invalid_value' as const, message: `--format: expected text or json, got ${JSON.stringify(format)}` }]),
  ]);
  const [rulesSpec, casesFile] = positionals as [string, string];
  const errors: unknown[] = [];
  let loaded: { ruleFile: RuleFile; source: string } | undefined;
  try {
    loaded = loadRuleFile(rulesSpec, io);
  } catch (error) {
    errors.push(error);
  }
  let cases;
  try {
    cases = parseRuleCases(readText(casesFile, io.stdin), { source: casesFile });
  } catch (error) {
    errors.push(error);
  }
  if (errors.length > 0 || loaded === undefined || cases === undefined) throw errors.length === 1 ? errors[0] : new AggregateError(errors);
  const result = await runRuleCases(loaded.ruleFile, cases);
  if (format === 'json') {
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const lines = result.results.map((item) => {
      const head = `${item.passed ? 'pass' : 'FAIL'}  ${item.name}`;
      const warnings = item.warnings.map((warning) => `\n      ! 警告 warning: ${warning}`).join('');
      if (item.passed) return `${head}  → ${item.actual ?? '(无状态 no status)'}${warnings}`;
      return `${head}\n      实际 got ${item.actual ?? '(无状态 no status)'}${item.rule === null ? '' : `(规则 rule “${item.rule}”)`}:${item.message ?? ''}${warnings}`;
    });
    lines.push('', `${result.passed} 条通过、${result.failed} 条失败 / ${loaded.source} × ${casesFile}`, `${result.passed} passed, ${result.failed} failed`);
    io.stdout(`${escapeTerminalText(lines.join('\n'), 'lines')}\n`);
  }
  return result.failed > 0 ? 1 : 0;
}

async function compile(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { out: { type: 'string' }, id: { type: 'string' }, title: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help === true) {
    io.stdout(RULES_HELP);
    return 0;
  }
  checkOptions(
    positionals.length === 1
      ? []
      : [
          positionals.length === 0
            ? { code: 'required', message: 'missing TABLE (a .json or .csv decision table)' }
            : { code: 'too_many', message: `expected one table, got ${positionals.length}` },
        ],
  );
  const file = positionals[0]!;
  const text = readText(file, io.stdin);
  const format = /\.csv$/i.test(file) ? 'csv' : 'json';
  const json = compileDecisionTable(text, {
    format,
    source: file === '-' ? 'stdin' : file,
    ...(values.id === undefined ? {} : { id: values.id }),
    ...(values.title === undefined ? {} : { title: values.title }),
  });
  const output = `${JSON.stringify(json, null, 2)}\n`;
  if (values.out !== undefined) writeAtomically(values.out, output);
  else io.stdout(output);
  return 0;
}

/** `duban rules check|test|compile`. */
export async function rulesCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.stdout(RULES_HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub === 'check') return check(rest, io);
  if (sub === 'test') return test(rest, io);
  if (sub === 'compile') return compile(rest, io);
  throw usage(`unknown subcommand "rules ${sub}"; expected check, test or compile`, 'unknown_key');
}
