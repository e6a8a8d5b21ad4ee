import { DubanError, inputErrorCode, jsonIssue, type DubanIssue, type IssueCode } from '../errors.js';
import { readOptions, stringListOption, stringOption } from '../model/check-arguments.js';
import { inputLimitIssues } from '../model/limits.js';
import { parseJsonText, type SafeParseResult } from '../model/parse-input.js';
import { recognise } from '../model/recognised.js';
import { ruleFileSchema } from '../model/rule-file.js';
import { formatPath, prototypeKeyIssues, quote, toDubanIssues } from '../model/schema-kit.js';
import { bilingual, splitBilingual, suggestion, type Bilingual } from '../model/suggest.js';
import { FACT_CATALOGUE } from '../pace/fact-catalogue.js';
import { conditionTypeMistakes } from './check/condition-types.js';
import { BUILT_IN_OPERATORS } from './operators.js';

/**
 * A leaf condition: compare a fact with a value or with another fact.
 *
 * @category Engine
 */
export interface LeafCondition {
  /** The fact compared. */
  readonly fact: string;
  /** The operator. */
  readonly operator: string;
  /** A JSON literal, or `{ fact: NAME }` to compare with another fact. */
  readonly value: unknown;
}

/**
 * A condition node of json-rules-engine's grammar, as duban accepts it.
 *
 * @category Engine
 */
export type Condition = LeafCondition | AllCondition | AnyCondition | NotCondition;

/**
 * Holds when every condition holds; `{ "all": [] }` always holds.
 *
 * @category Engine
 */
export interface AllCondition {
  /** The conditions. */
  readonly all: readonly Condition[];
}

/**
 * Holds when at least one condition holds (never empty).
 *
 * @category Engine
 */
export interface AnyCondition {
  /** The conditions. */
  readonly any: readonly Condition[];
}

/**
 * Holds when its condition does not.
 *
 * @category Engine
 */
export interface NotCondition {
  /** The negated condition. */
  readonly not: Condition;
}

/**
 * The top of a rule's conditions: `all`, `any` or `not`.
 *
 * @category Engine
 */
export type TopLevelCondition = AllCondition | AnyCondition | NotCondition;

/**
 * What a rule assigns.
 *
 * @category Engine
 */
export interface RuleEvent {
  /** A status code of the rule file. */
  readonly type: string;
  /** Extra parameters, passed through. */
  readonly params?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * A status a rule file can assign.
 *
 * @category Engine
 */
export interface Status {
  /** The code, for programs (`on-track`). */
  readonly code: string;
  /** The label, for people (`有序推进`). */
  readonly label: string;
  /** What it means. */
  readonly description?: string | undefined;
}

/**
 * One classification rule.
 *
 * @category Engine
 */
export interface Rule {
  /** The name, unique in the file. */
  readonly name: string;
  /** A whole number ≥ 1; the highest matching priority wins, ties go to file order. */
  readonly priority: number;
  /** When the rule matches. */
  readonly conditions: TopLevelCondition;
  /** The status it assigns (`type`) and optional pass-through `params`. */
  readonly event: RuleEvent;
}

/**
 * A validated rule file.
 *
 * @category Engine
 */
export interface RuleFile {
  /** Always `1`. */
  readonly formatVersion: 1;
  /** The rule set id (`four-level`). */
  readonly id: string;
  /** Its title. */
  readonly title: string;
  /** Its description. */
  readonly description?: string | undefined;
  /** Every status the file can assign, in display order. */
  readonly statuses: readonly Status[];
  /** The rules, in file order. */
  readonly rules: readonly Rule[];
}

/**
 * Options for {@link parseRuleFile}.
 *
 * @category Engine
 */
export interface ParseRuleFileOptions {
  /** Names of operators the application registers (besides the built-in ones). */
  readonly operators?: readonly string[];
  /** Names of facts the application registers (besides the fact catalogue). */
  readonly facts?: readonly string[];
  /** The file name, for error messages. */
  readonly source?: string;
}

const PARSE_RULE_FILE_OPTIONS = { operators: stringListOption, facts: stringListOption, source: stringOption };

/** The deepest condition nesting accepted. */
export const MAX_CONDITION_DEPTH = 64;

const FORBIDDEN_CONDITION_KEYS = new Map<string, Bilingual>([
  [
    'path',
    {
      zh: '不允许使用 "path"：事实都是简单值，规则文件不接受 JSONPath',
      en: '"path" is not allowed: facts are flat values and JSONPath is not accepted in rule files',
    },
  ],
  ['params', { zh: '条件上不允许有 "params"', en: '"params" on a condition is not allowed' }],
  ['condition', { zh: '不允许引用命名条件（"condition"）', en: 'named condition references ("condition") are not allowed' }],
  ['priority', { zh: '条件上不允许有 "priority"（优先级写在规则上）', en: 'condition-level "priority" is not allowed' }],
]);

/** Chinese names of the facts (the leading words of the catalogue's Chinese text, `完成进度` → progress) and a few common words for them. */
const FACT_ALIASES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(FACT_CATALOGUE.map((fact) => [fact.zh.split(/[(（:：,，。]/)[0]!.trim(), fact.name])),
  进度: 'progress',
  完成率: 'progress',
  完成比例: 'progress',
  序时: 'expected',
  报送值: 'value',
  完成值: 'value',
  实际值: 'value',
  目标: 'target',
  超期: 'overdue',
  是否超期: 'overdue',
  已取消: 'cancelled',
  取消: 'cancelled',
  有数据: 'hasData',
  达标: 'met',
  已达标: 'met',
  余量: 'margin',
  类型: 'kind',
  标记: 'flags',
};

/** Symbols and Chinese words for the built-in operators: `">="` → greaterThanInclusive. */
const OPERATOR_ALIASES: Readonly<Record<string, string>> = {
  '>=': 'greaterThanInclusive',
  '≥': 'greaterThanInclusive',
  '=>': 'greaterThanInclusive',
  大于等于: 'greaterThanInclusive',
  大于或等于: 'greaterThanInclusive',
  不小于: 'greaterThanInclusive',
  不低于: 'greaterThanInclusive',
  不少于: 'greaterThanInclusive',
  以上: 'greaterThanInclusive',
  '>': 'greaterThan',
  大于: 'greaterThan',
  高于: 'greaterThan',
  超过: 'greaterThan',
  多于: 'greaterThan',
  '<=': 'lessThanInclusive',
  '≤': 'lessThanInclusive',
  '=<': 'lessThanInclusive',
  小于等于: 'lessThanInclusive',
  小于或等于: 'lessThanInclusive',
  不大于: 'lessThanInclusive',
  不高于: 'lessThanInclusive',
  不超过: 'lessThanInclusive',
  以内: 'lessThanInclusive',
  '<': 'lessThan',
  小于: 'lessThan',
  低于: 'lessThan',
  少于: 'lessThan',
  '=': 'equal',
  '==': 'equal',
  '===': 'equal',
  等于: 'equal',
  是: 'equal',
  eq: 'equal',
  equals: 'equal',
  '!=': 'notEqual',
  '!==': 'notEqual',
  '≠': 'notEqual',
  '<>': 'notEqual',
  不等于: 'notEqual',
  不是: 'notEqual',
  ne: 'notEqual',
  包含: 'contains',
  含有: 'contains',
  不包含: 'doesNotContain',
  不含: 'doesNotContain',
  属于: 'in',
  在其中: 'in',
  不属于: 'notIn',
  不在其中: 'notIn',
  gt: 'greaterThan',
  gte: 'greaterThanInclusive',
  lt: 'lessThan',
  lte: 'lessThanInclusive',
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ownKeys(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => !key.startsWith('x-'));
}

interface WalkContext {
  readonly facts: ReadonlySet<string>;
  readonly operators: ReadonlySet<string>;
  /** The operators the application registers: an application may replace a built-in one, whose types are then unknown. */
  readonly registered: ReadonlySet<string>;
  readonly rule: string;
  readonly issues: DubanIssue[];
}

/** Checks a rule's conditions without recursion, so deep nesting cannot overflow the stack. */
function checkConditions(root: unknown, rootPath: PropertyKey[], ctx: WalkContext): void {
  const report = (code: IssueCode, path: PropertyKey[], zh: string, en: string) =>
    ctx.issues.push(jsonIssue(code, path, bilingual(`规则「${ctx.rule}」：${zh}`, `rule ${quote(ctx.rule)}: ${en}`)));
  const unknownKey = (path: PropertyKey[], key: string, valid: readonly string[], where: Bilingual = { zh: '', en: '' }) => {
    const hint = suggestion(key, valid, { zh: '键', en: 'keys' });
    report('unknown_key', path, `${where.zh}未知的键 ${quote(key)}${hint.zh}`, `unknown key ${quote(key)}${where.en}${hint.en}`);
  };
  const unknownFact = (path: PropertyKey[], fact: string) => {
    const hint = suggestion(fact, [...ctx.facts], { zh: '事实', en: 'facts' }, FACT_ALIASES);
    report('unknown_reference', path, `未知的事实 ${quote(fact)}${hint.zh}`, `unknown fact ${quote(fact)}${hint.en}`);
  };
  if (!isObject(root) || !['all', 'any', 'not'].some((key) => Object.hasOwn(root, key))) {
    report(
      'invalid_type',
      rootPath,
      `条件的最外层应为 { "all": [...] }、{ "any": [...] } 或 { "not": ... }，实际是 ${quote(root)}`,
      `conditions must be { "all": [...] }, { "any": [...] } or { "not": ... } at the top, got ${quote(root)}`,
    );
    if (!isObject(root)) return;
  }
  const stack: { node: unknown; path: PropertyKey[]; depth: number }[] = [{ node: root, path: rootPath, depth: 1 }];
  while (stack.length > 0) {
    const { node, path, depth } = stack.pop()!;
    if (depth > MAX_CONDITION_DEPTH) {
      report('too_deep', path, `条件嵌套超过 ${MAX_CONDITION_DEPTH} 层`, `conditions are nested deeper than ${MAX_CONDITION_DEPTH} levels`);
      continue;
    }
    if (!isObject(node)) {
      report('invalid_type', path, `条件格式错误：应为对象，实际是 ${quote(node)}`, `malformed condition: expected an object, got ${quote(node)}`);
      continue;
    }
    const keys = ownKeys(node);
    for (const key of keys) {
      const forbidden = FORBIDDEN_CONDITION_KEYS.get(key);
      if (forbidden !== undefined) report('unsupported', [...path, key], forbidden.zh, forbidden.en);
    }
    const boolean: string[] = keys.filter((key) => key === 'all' || key === 'any' || key === 'not');
    if (boolean.length > 0) {
      const [kind] = boolean;
      if (boolean.length > 1) {
        report(
          'inconsistent',
          path,
          `条件格式错误：每个节点只能用 "all"、"any"、"not" 之一，实际有 ${boolean.map((k) => quote(k)).join(' 和 ')}`,
          `malformed condition: use one of "all", "any", "not" per node, got ${boolean.map((k) => quote(k)).join(' and ')}`,
        );
      }
      for (const key of keys) if (key !== kind && !FORBIDDEN_CONDITION_KEYS.has(key) && !boolean.includes(key)) unknownKey([...path, key], key, [kind!]);
      const child = node[kind!];
      if (kind === 'not') {
        stack.push({ node: child, path: [...path, 'not'], depth: depth + 1 });
      } else if (!Array.isArray(child)) {
        report(
          'invalid_type',
          [...path, kind!],
          `"${kind}" 应为条件的列表，实际是 ${quote(child)}`,
          `"${kind}" must be a list of conditions, got ${quote(child)}`,
        );
      } else {
        if (kind === 'any' && child.length === 0)
          report('too_small', [...path, kind], '"any" 不能为空（“总是成立”请写 { "all": [] }）', '"any" must not be empty (write "always" as { "all": [] })');
        for (let i = child.length - 1; i >= 0; i--) stack.push({ node: child[i], path: [...path, kind!, i], depth: depth + 1 });
      }
      continue;
    }
    for (const key of keys) {
      if (key !== 'fact' && key !== 'operator' && key !== 'value' && !FORBIDDEN_CONDITION_KEYS.has(key))
        unknownKey([...path, key], key, ['fact', 'operator', 'value', 'all', 'any', 'not']);
    }
    for (const key of ['fact', 'operator', 'value']) {
      if (!Object.hasOwn(node, key)) {
        report(
          'required',
          path,
          `条件格式错误：缺少 ${quote(key)}（条件是 { "all" }、{ "any" }、{ "not" } 或 { "fact", "operator", "value" }）`,
          `malformed condition: missing ${quote(key)} (a condition is { "all" }, { "any" }, { "not" } or { "fact", "operator", "value" })`,
        );
      }
    }
    const { fact, operator, value } = node;
    if (Object.hasOwn(node, 'fact')) {
      if (typeof fact !== 'string')
        report('invalid_type', [...path, 'fact'], `fact 应为文本，实际是 ${quote(fact)}`, `fact must be a string, got ${quote(fact)}`);
      else if (!ctx.facts.has(fact)) unknownFact([...path, 'fact'], fact);
    }
    if (Object.hasOwn(node, 'operator')) {
      if (typeof operator !== 'string')
        report('invalid_type', [...path, 'operator'], `operator 应为文本，实际是 ${quote(operator)}`, `operator must be a string, got ${quote(operator)}`);
      else if (operator.includes(':'))
        report(
          'unsupported',
          [...path, 'operator'],
          `不允许带修饰的运算符 ${quote(operator)}；请用 "not" 或其他运算符`,
          `decorated operator ${quote(operator)} is not allowed; use "not" or another operator`,
        );
      else if (!ctx.operators.has(operator)) {
        const hint = suggestion(operator, [...ctx.operators], { zh: '运算符', en: 'operators' }, OPERATOR_ALIASES);
        report('unknown_reference', [...path, 'operator'], `未知的运算符 ${quote(operator)}${hint.zh}`, `unknown operator ${quote(operator)}${hint.en}`);
      }
    }
    if (isObject(value) && Object.hasOwn(value, 'fact')) {
      const extra = ownKeys(value).filter((key) => key !== 'fact');
      for (const key of extra) {
        const forbidden = FORBIDDEN_CONDITION_KEYS.get(key);
        if (forbidden !== undefined) report('unsupported', [...path, 'value', key], forbidden.zh, forbidden.en);
        else unknownKey([...path, 'value', key], key, ['fact'], { zh: '事实引用中有', en: ' in a fact reference' });
      }
      if (typeof value.fact !== 'string')
        report('invalid_type', [...path, 'value', 'fact'], `fact 应为文本，实际是 ${quote(value.fact)}`, `fact must be a string, got ${quote(value.fact)}`);
      else if (!ctx.facts.has(value.fact)) unknownFact([...path, 'value', 'fact'], value.fact);
    } else if ((operator === 'in' || operator === 'notIn') && Object.hasOwn(node, 'value') && !Array.isArray(value)) {
      report(
        'invalid_type',
        [...path, 'value'],
        `运算符 ${quote(operator)} 的 value 应为列表，实际是 ${quote(value)}`,
        `operator ${quote(operator)} needs a list as its value, got ${quote(value)}`,
      );
    }
    // A value that can never match its fact's type (or that JavaScript would silently convert) is a load error.
    if (typeof fact === 'string' && typeof operator === 'string' && !ctx.registered.has(operator) && Object.hasOwn(node, 'value')) {
      for (const mistake of conditionTypeMistakes(fact, operator, value)) {
        ctx.issues.push(jsonIssue('invalid_type', [...path, ...mistake.at], `规则「${ctx.rule}」：${mistake.zh} / rule ${quote(ctx.rule)}: ${mistake.en}`));
      }
    }
  }
}

/** Cross-checks that the schema cannot express: unique codes and names, known event types, conditions. */
function ruleFileRules(input: Record<string, unknown>, options: ParseRuleFileOptions): DubanIssue[] {
  const issues: DubanIssue[] = [];
  const codes = new Set<string>();
  if (Array.isArray(input.statuses)) {
    input.statuses.forEach((status, i) => {
      if (!isObject(status) || typeof status.code !== 'string') return;
      if (codes.has(status.code))
        issues.push(
          jsonIssue('duplicate_id', ['statuses', i, 'code'], bilingual(`状态代码 ${quote(status.code)} 重复`, `duplicate status code ${quote(status.code)}`)),
        );
      codes.add(status.code);
    });
  }
  if (!Array.isArray(input.rules)) return issues;
  // A status's label written where its code belongs (`"type": "有序推进"`) suggests the code.
  const labels: Record<string, string> = {};
  if (Array.isArray(input.statuses)) {
    for (const status of input.statuses)
      if (isObject(status) && typeof status.code === 'string' && typeof status.label === 'string') labels[status.label] = status.code;
  }
  const facts = new Set<string>([...FACT_CATALOGUE.map((fact) => fact.name), ...(options.facts ?? [])]);
  const registered = new Set<string>(options.operators ?? []);
  const operators = new Set<string>([...BUILT_IN_OPERATORS, ...registered]);
  const names = new Set<string>();
  input.rules.forEach((rule, i) => {
    if (!isObject(rule)) return;
    const name = typeof rule.name === 'string' ? rule.name : `#${i + 1}`;
    if (typeof rule.name === 'string') {
      if (names.has(rule.name))
        issues.push(jsonIssue('duplicate_id', ['rules', i, 'name'], bilingual(`规则名称 ${quote(rule.name)} 重复`, `duplicate rule name ${quote(rule.name)}`)));
      names.add(rule.name);
    }
    if (isObject(rule.event) && typeof rule.event.type === 'string' && !codes.has(rule.event.type)) {
      const hint = suggestion(rule.event.type, [...codes], { zh: '状态代码', en: 'status codes' }, labels);
      issues.push({
        code: 'unknown_reference',
        path: formatPath(['rules', i, 'event', 'type']),
        keys: ['rules', i, 'event', 'type'],
        message: bilingual(
          `规则「${name}」：状态 ${quote(rule.event.type)} 不在 statuses 中${hint.zh}`,
          `rule ${quote(name)}: event type ${quote(rule.event.type)} is not in statuses${hint.en}`,
        ),
      });
    }
    if (Object.hasOwn(rule, 'conditions')) checkConditions(rule.conditions, ['rules', i, 'conditions'], { facts, operators, registered, rule: name, issues });
  });
  return issues;
}

/** Prefixes the messages of problems inside `rules[i]` with the rule's name, as the loader's own checks do. */
function withRuleNames(issues: DubanIssue[], data: unknown): DubanIssue[] {
  const rules = isObject(data) && Array.isArray(data.rules) ? data.rules : [];
  return issues.map((issue) => {
    const [first, index] = issue.keys;
    if (first !== 'rules' || typeof index !== 'number') return issue;
    const rule: unknown = rules[index];
    const name = isObject(rule) && typeof rule.name === 'string' ? rule.name : `#${index + 1}`;
    const { zh, en } = splitBilingual(issue.message);
    return { ...issue, message: bilingual(`规则「${name}」：${zh ?? en}`, `rule ${quote(name)}: ${en}`) };
  });
}

/**
 * Validates a rule file and returns it typed, or the error with every problem.
 *
 * @param input - the rule file as parsed JSON, or its JSON text
 * @param options - registered operators and facts, and the file name for messages
 * @returns `{ success: true, data }` or `{ success: false, error }`
 * @example
 * ```ts
 * const result = safeParseRuleFile(json, { source: 'my-rules.json' });
 * if (!result.success) for (const issue of result.error.issues) console.log(issue.path, issue.message);
 * ```
 * @category Engine
 */
export function safeParseRuleFile(input: unknown, options: ParseRuleFileOptions = {}): SafeParseResult<RuleFile> {
  options = readOptions<ParseRuleFileOptions>(options, PARSE_RULE_FILE_OPTIONS);
  const fail = (issues: DubanIssue[]) => ({
    success: false as const,
    error: new DubanError(inputErrorCode('INVALID_RULE_FILE', issues), `${options.source ?? 'rule file'}: ${issues.length} problem(s)`, {
      issues,
      ...(options.source === undefined ? {} : { source: options.source }),
    }),
  });
  let data = input;
  if (typeof input === 'string') {
    const parsed = parseJsonText(input);
    if (!parsed.ok) return fail(parsed.issues);
    data = parsed.value;
  } else {
    // Text is checked against the limits as it is parsed; a value given directly is checked here.
    // The condition walk is iterative and depth-bounded, so it runs first and names a too-deep condition precisely.
    const overLimits = inputLimitIssues(data);
    if (overLimits.length > 0) {
      const ruleIssues = isObject(data) ? ruleFileRules(data, options) : [];
      // A condition already reported as too deep needs no second, deeper report from the general limit.
      const tooDeep = ruleIssues.filter((issue) => issue.code === 'too_deep').map((issue) => issue.path);
      return fail([...ruleIssues, ...overLimits.filter((issue) => !tooDeep.some((path) => issue.path.startsWith(path)))]);
    }
  }
  const shape = ruleFileSchema.safeParse(data);
  const issues = [...(shape.success ? [] : withRuleNames(toDubanIssues(shape.error, data), data)), ...prototypeKeyIssues(data)];
  if (isObject(data)) for (const item of ruleFileRules(data, options)) issues.push(item);
  if (issues.length > 0 || !shape.success) return fail(issues);
  const file = shape.data;
  return {
    success: true,
    data: recognise('rule file', {
      formatVersion: 1,
      id: file.id,
      title: file.title,
      description: file.description,
      statuses: file.statuses.map(({ code, label, description }) => ({ code, label, description })),
      rules: file.rules.map((rule) => ({
        name: rule.name,
        priority: rule.priority,
        conditions: rule.conditions as TopLevelCondition,
        event: rule.event.params === undefined ? { type: rule.event.type } : { type: rule.event.type, params: rule.event.params },
      })),
    } satisfies RuleFile),
  };
}

/**
 * Validates a rule file: its shape, unique status codes and rule names, event
 * types among the statuses, priorities that are whole numbers ≥ 1, and every
 * condition (known facts and operators, no `path`, no decorated operators,
 * no condition references, and no type mistakes: a value that can never match
 * its fact's type, such as `"true"` for a boolean fact or `"0"` for a numeric
 * one, an operator on a fact of the wrong shape, a fact compared with a fact of
 * another type). Every problem is reported, not only the first; a type
 * mistake's message is in Chinese, then English, and names the fix.
 *
 * @param input - the rule file as parsed JSON, or its JSON text
 * @param options - registered operators and facts, and the file name for messages
 * @returns the validated rule file
 * @throws {@link DubanError} with code `INVALID_RULE_FILE` and the list of issues (`LIMIT_EXCEEDED` for a file over a limit)
 * @example
 * ```ts
 * const rules = parseRuleFile(JSON.parse(text), { source: 'my-rules.json' });
 * ```
 * @category Engine
 */
export function parseRuleFile(input: unknown, options: ParseRuleFileOptions = {}): RuleFile {
  const result = safeParseRuleFile(input, options);
  if (!result.success) throw result.error;
  return result.data;
}
