import { parseArgs } from 'node:util';
import {
  BUNDLED_RULE_SET_IDS,
  bundledRuleFileJson,
  computeFacts,
  DubanError,
  explainRules,
  explainTask,
  FACT_CATALOGUE,
  factsForEngine,
  isCalendarDate,
  parseRuleFile,
  type ConditionExplanation,
  type RulesExplanation,
} from '../../index.js';
import { factsToJson } from '../../pace/fact-values.js';
import { todayInChina } from '../../pace/today.js';
import { escapeTerminalText } from '../../report/safe-text.js';
import { checkOptions, loadEvaluationInputs, type CliIo, type CommandLineProblem } from '../io.js';

export const EXPLAIN_HELP = `用法 Usage: duban explain PLAN.json TASK_ID [options]

说明一项任务为什么得到它的状态:任务的全部事实,按优先级(同级按文件顺序)列出每条规则、
每个条件的事实值、运算符、比较值和结果(成立 / 不成立 / 未求值),以及胜出规则为何胜出。
Explains why a task gets its status: its facts, every rule in priority order (then file order)
with each condition's fact value, operator, value and result, and why the winner won.

选项 Options:
  --as-of YYYY-MM-DD     评估日期;默认取计划的 asOf,否则为北京时间今天
                         the as-of date (default: the plan's asOf, else today in UTC+8)
  --rules ID_OR_FILE     内置规则集 ${BUNDLED_RULE_SET_IDS.join(' | ')},或规则文件路径;默认 four-level
                         a bundled rule set id or a rule file's path (default four-level)
  --observations FILE    合并报送数据文件(JSON 或 CSV)/ merge observations from a JSON or CSV file
  --format text|json     输出格式,默认 text / output format (default text)
  -h, --help             显示帮助 / show this help

退出码 Exit status: 0 成功 success;1 该任务漏判(没有规则匹配)the task matched no rule;
2 输入错误或任务不存在 bad input or unknown task

示例 Example:
  duban explain examples/xianning-2018-q1.plan.json T09 --as-of 2018-03-31
`;

const SHORT_ZH = new Map(FACT_CATALOGUE.map((fact) => [fact.name as string, fact.zh.split(/[(:。,]/)[0] ?? fact.zh]));
const OPERATOR_ZH: Record<string, string> = {
  equal: '等于',
  notEqual: '不等于',
  lessThan: '小于',
  lessThanInclusive: '小于等于',
  greaterThan: '大于',
  greaterThanInclusive: '大于等于',
  in: '属于',
  notIn: '不属于',
  contains: '包含',
  doesNotContain: '不包含',
};
const RESULT = { true: '成立 true', false: '不成立 false', 'not-evaluated': '未求值 not evaluated' } as const;
const NODE = { all: '全部成立 all', any: '任一成立 any', not: '非 not' } as const;

const show = (value: unknown): string => JSON.stringify(value) ?? 'undefined';

function conditionLines(node: ConditionExplanation, indent: string): string[] {
  if (node.node === 'leaf') {
    const fact = `${node.fact}${SHORT_ZH.has(node.fact ?? '') ? `(${SHORT_ZH.get(node.fact ?? '')})` : ''}`;
    const isRef = typeof node.value === 'object' && node.value !== null && !Array.isArray(node.value) && 'fact' in node.value;
    const value = isRef ? `${(node.value as { fact: string }).fact} = ${show(node.valueResult)}` : show(node.value);
    const factValue = node.result === 'not-evaluated' ? '' : ` = ${show(node.factValue)}`;
    return [`${indent}${fact}${factValue}  ${node.operator} ${OPERATOR_ZH[node.operator ?? ''] ?? ''}  ${value}  → ${RESULT[node.result]}`];
  }
  if (node.node === 'all' && node.children.length === 0) return [`${indent}总是成立 always (all: [])  → ${RESULT[node.result]}`];
  return [`${indent}${NODE[node.node]}  → ${RESULT[node.result]}`, ...node.children.flatMap((child) => conditionLines(child, `${indent}  `))];
}

/** The explanation as an analyst reads it. */
export function formatExplanation(explanation: RulesExplanation, heading: string, facts: Readonly<Record<string, unknown>>, sentence: string): string {
  const width = Math.max(...Object.keys(facts).map((fact) => fact.length));
  const lines = [heading, '', '事实 facts:'];
  for (const [fact, value] of Object.entries(facts))
    lines.push(`  ${fact.padEnd(width)}  ${(typeof value === 'string' ? value : show(value)).padEnd(12)}  ${SHORT_ZH.get(fact) ?? ''}`);
  lines.push('', `规则(按优先级,同级按文件顺序)/ rules in priority order, then file order — ${explanation.ruleSet}:`);
  explanation.rules.forEach((rule, i) => {
    lines.push(
      '',
      `${String(i + 1).padStart(2)}. [${rule.priority}] ${rule.name} → ${rule.status} ${rule.label}  ${rule.matched ? '成立 matched' : '不成立 not matched'}${rule.winner ? '  ★ 胜出 winner' : ''}`,
    );
    lines.push(...conditionLines(rule.conditions, '      '));
  });
  lines.push(
    '',
    `结论 verdict: ${explanation.status === null ? '漏判 gap(无状态 no status)' : `${explanation.label}(${explanation.status})`}`,
    `  ${explanation.reasonZh}`,
    `  ${explanation.reason}`,
  );
  if (sentence !== '') lines.push('', `说明 explanation: ${sentence}`);
  // Rule names, labels and the task's title are user text: a terminal must show their control characters, not obey them.
  return `${escapeTerminalText(lines.join('\n'), 'lines')}\n`;
}

/** `duban explain`: why one task gets its status. */
export async function explainCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      'as-of': { type: 'string' },
      rules: { type: 'string' },
      observations: { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) {
    io.stdout(EXPLAIN_HELP);
    return 0;
  }
  const problems: CommandLineProblem[] = [];
  if (positionals.length !== 2)
    problems.push({ code: positionals.length < 2 ? 'required' : 'too_many', message: `expected PLAN.json and TASK_ID, got ${positionals.length} argument(s)` });
  const asOfOption = values['as-of'];
  if (asOfOption !== undefined && !isCalendarDate(asOfOption))
    problems.push({ code: 'invalid_date', message: `--as-of: not a real calendar date YYYY-MM-DD: ${JSON.stringify(asOfOption)}` });
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json')
    problems.push({ code: 'invalid_value', message: `--format: expected text or json, got ${JSON.stringify(format)}` });
  checkOptions(problems);
  const [planFile, taskId] = positionals as [string, string];
  const { plan, rules } = loadEvaluationInputs({ plan: planFile, rules: values.rules, observations: values.observations }, io);
  const task = plan.tasks.find((candidate) => candidate.id === taskId);
  if (task === undefined) {
    throw new DubanError('UNKNOWN_TASK', `no task with id ${JSON.stringify(taskId)}`, {
      issues: [
        {
          code: 'unknown_reference',
          path: '$.tasks',
          keys: ['tasks'],
          message: `no task with id ${JSON.stringify(taskId)} in plan ${JSON.stringify(plan.id)}`,
        },
      ],
      source: planFile,
    });
  }
  const ruleFile = typeof rules === 'string' ? parseRuleFile(bundledRuleFileJson(rules), { source: `rules/${rules}.json` }) : rules;
  const asOf = asOfOption ?? plan.asOf ?? todayInChina(io.now);
  const exact = computeFacts(plan, task, asOf);
  const explanation = await explainRules(ruleFile, factsForEngine(exact));
  const sentence = explainTask(plan, task, exact, asOf);
  if (format === 'json') {
    io.stdout(
      `${JSON.stringify({ taskId: task.id, title: task.title, asOf, ...explanation, factsJson: factsToJson(exact), explanation: sentence }, null, 2)}\n`,
    );
  } else {
    const heading = `任务 task ${escapeTerminalText(task.id)}:${escapeTerminalText(task.title)}\n评估日期 as of ${asOf} · 规则集 rule set ${ruleFile.id}`;
    io.stdout(formatExplanation(explanation, heading, { ...factsToJson(exact) }, sentence));
  }
  return explanation.status === null ? 1 : 0;
}
