// Type mistakes in single conditions: what json-rules-engine would silently
// compute as always-false (or convert behind the analyst's back).
import { quote } from '../../model/schema-kit.js';
import { factNullable, factType, type Leaf } from './conditions.js';
import { KINDS } from './fact-model.js';

/** A problem found in one condition. */
export interface LeafProblem {
  readonly leaf: Leaf;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly zh: string;
}

const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const BOOLEAN_FACTS_ZH = '布尔型事实';

/**
 * The ranges of thresholds that ordinary plans produce, per fact: beyond them a
 * threshold is almost certainly a mistake (most often a percentage written as
 * 50 instead of 0.5). A task can reach further in theory, so this is a warning.
 */
export const PLAUSIBLE_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  progress: [-10, 10],
  paceGap: [-10, 10],
  paceRatio: [-1000, 1000],
  daysToDeadline: [-36600, 36600],
  dataAgeDays: [0, 36600],
  overdueMilestones: [0, 1000],
};

function typeOfLiteral(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value;
}

const ZH_TYPE: Record<string, string> = { string: '文本', boolean: '布尔值', number: '数字', integer: '整数', 'string[]': '文本列表', null: 'null', list: '列表', object: '对象' };

/** Whether a literal can ever be `===` to a value of the fact's type. */
function literalFits(type: string, nullable: boolean, literal: unknown): boolean {
  if (literal === null) return nullable;
  if (type === 'number') return typeof literal === 'number';
  if (type === 'integer') return typeof literal === 'number' && Number.isInteger(literal);
  if (type === 'boolean') return typeof literal === 'boolean';
  if (type === 'string') return typeof literal === 'string' && (KINDS as readonly string[]).includes(literal);
  return false;
}

function equalityProblem(leaf: Leaf, type: string, literal: unknown, where: string): LeafProblem | undefined {
  const fits = literalFits(type, factNullable(leaf.fact), literal);
  if (fits) return undefined;
  const shown = quote(literal);
  if (type === 'string[]') {
    return {
      leaf,
      severity: 'error',
      message: `${leaf.operator} on the list fact "flags" compares the list itself (===), so it never finds ${shown}; use "contains" or "doesNotContain"`,
      zh: `对列表型事实 flags 使用 ${leaf.operator},比较的是列表本身(===),永远不会等于 ${shown};请改用 contains 或 doesNotContain`,
    };
  }
  if (type === 'string' && typeof literal === 'string') {
    return { leaf, severity: 'error', message: `no task has kind ${shown}${where}; kinds are ${KINDS.join(', ')}`, zh: `没有任何任务的 kind 为 ${shown}${where};类型只有 ${KINDS.join('、')}` };
  }
  if (literal === null) return { leaf, severity: 'error', message: `${leaf.fact} is never null${where}`, zh: `${leaf.fact} 从不为 null${where}` };
  if ((type === 'number' || type === 'integer') && typeof literal === 'string' && literal.trim() !== '' && Number.isFinite(Number(literal))) {
    return {
      leaf,
      severity: 'error',
      message: `${leaf.fact} is a number but ${shown} is a string${where}: ${leaf.operator} uses ===, so it never matches; write ${Number(literal)} without quotes`,
      zh: `${leaf.fact} 是数字,而 ${shown} 是文本${where}:${leaf.operator} 按 === 比较,永远不会相等;请去掉引号写成 ${Number(literal)}`,
    };
  }
  if (type === 'integer' && typeof literal === 'number') {
    return { leaf, severity: 'error', message: `${leaf.fact} is a whole number and never equals ${shown}${where}`, zh: `${leaf.fact} 是整数,永远不会等于 ${shown}${where}` };
  }
  const expected = type === 'boolean' ? 'true or false' : type === 'string' ? 'a kind' : 'a number';
  return {
    leaf,
    severity: 'error',
    message: `${leaf.fact} is ${type === 'string' ? 'a string' : `a ${type}`} but ${shown} is ${typeOfLiteral(literal)}${where}: ${leaf.operator} uses ===, so it never matches; write ${expected}`,
    zh: `${leaf.fact} 是${ZH_TYPE[type] ?? type},而 ${shown} 是${ZH_TYPE[typeOfLiteral(literal)] ?? typeOfLiteral(literal)}${where}:${leaf.operator} 按 === 比较,永远不会相等`,
  };
}

/** The type mistakes in one condition. */
export function leafProblems(leaf: Leaf): LeafProblem[] {
  const type = factType(leaf.fact);
  if (type === undefined) return [];
  const out: LeafProblem[] = [];
  const { operator } = leaf;
  const refType = leaf.factRef === undefined ? undefined : factType(leaf.factRef);
  if (NUMERIC.has(operator)) {
    if (type !== 'number' && type !== 'integer') {
      const what = type === 'boolean' ? `the boolean fact ${leaf.fact}` : type === 'string' ? `the string fact ${leaf.fact}` : 'the list fact flags';
      const whatZh = type === 'boolean' ? `${BOOLEAN_FACTS_ZH} ${leaf.fact}` : type === 'string' ? `文本型事实 ${leaf.fact}` : '列表型事实 flags';
      out.push({
        leaf,
        severity: 'error',
        message: `${operator} compares numbers, but ${what} is not one${type === 'string[]' ? ': the result depends on the flags\u2019 text' : ': json-rules-engine finds it false for every task'}`,
        zh: `${operator} 用于比较数字,而${whatZh} 不是数字${type === 'string[]' ? ':结果取决于标记的文字' : ':json-rules-engine 对任何任务都判为不成立'}`,
      });
    } else if (leaf.factRef !== undefined) {
      if (refType !== undefined && refType !== 'number' && refType !== 'integer') {
        out.push({ leaf, severity: 'error', message: `${operator} compares ${leaf.fact} with ${leaf.factRef}, which is not a number`, zh: `${operator} 拿 ${leaf.fact} 与非数字事实 ${leaf.factRef} 比较` });
      }
    } else if (typeof leaf.value !== 'number') {
      const converted = Number(leaf.value as never);
      const shown = quote(leaf.value);
      if (typeof leaf.value === 'string' && Number.isFinite(converted) && leaf.value.trim() !== '') {
        out.push({
          leaf,
          severity: 'error',
          message: `${leaf.fact} is a number but the threshold ${shown} is a string; JavaScript converts it to ${converted} here, but equal/in would not: write ${converted} without quotes`,
          zh: `${leaf.fact} 是数字,阈值 ${shown} 却是文本;此处 JavaScript 会把它转成 ${converted},但 equal、in 等不会转换:请去掉引号写成 ${converted}`,
        });
      } else {
        out.push({
          leaf,
          severity: 'error',
          message: `${leaf.fact} is a number but the threshold ${shown} is ${typeOfLiteral(leaf.value)}${Number.isNaN(converted) ? ', so the condition is false for every task' : `, which JavaScript silently reads as ${converted}`}`,
          zh: `${leaf.fact} 是数字,阈值 ${shown} 却是${ZH_TYPE[typeOfLiteral(leaf.value)] ?? typeOfLiteral(leaf.value)}${Number.isNaN(converted) ? ',条件对任何任务都不成立' : `,JavaScript 会悄悄把它当作 ${converted}`}`,
        });
      }
    } else {
      const range = PLAUSIBLE_RANGES[leaf.fact];
      if (range !== undefined && (leaf.value < range[0] || leaf.value > range[1])) {
        const hint = leaf.fact === 'progress' || leaf.fact === 'paceGap' ? '; fractions are written 0.5 for 50%' : '';
        out.push({
          leaf,
          severity: 'warning',
          message: `threshold ${leaf.value} is outside the range ordinary tasks produce for ${leaf.fact} (${range[0]} to ${range[1]})${hint}`,
          zh: `阈值 ${leaf.value} 超出了 ${leaf.fact} 在正常任务中的取值范围(${range[0]} 至 ${range[1]})${hint === '' ? '' : ';比例写成小数,50% 写 0.5'}`,
        });
      }
    }
  } else if (operator === 'equal' || operator === 'notEqual') {
    if (leaf.factRef !== undefined) {
      if (refType !== undefined && refType !== type && !(['number', 'integer'].includes(refType) && ['number', 'integer'].includes(type))) {
        out.push({ leaf, severity: 'error', message: `${operator} compares ${leaf.fact} (${type}) with ${leaf.factRef} (${refType}): they are never equal`, zh: `${operator} 拿 ${leaf.fact}(${ZH_TYPE[type]})与 ${leaf.factRef}(${ZH_TYPE[refType]})比较,二者永远不相等` });
      }
    } else {
      const problem = equalityProblem(leaf, type, leaf.value, '');
      if (problem !== undefined) out.push(problem);
    }
  } else if (operator === 'in' || operator === 'notIn') {
    if (type === 'string[]') {
      out.push({ leaf, severity: 'error', message: `${operator} on the list fact "flags" looks the list itself up, never its items; use "contains"`, zh: `对列表型事实 flags 使用 ${operator},查找的是列表本身而不是其中的标记;请改用 contains` });
    } else if (Array.isArray(leaf.value)) {
      leaf.value.forEach((item, i) => {
        const problem = equalityProblem(leaf, type, item, ` (item ${i + 1} of the list)`);
        if (problem !== undefined) out.push({ ...problem, zh: problem.zh.replace(` (item ${i + 1} of the list)`, `(列表第 ${i + 1} 项)`) });
      });
    }
  } else if (operator === 'contains' || operator === 'doesNotContain') {
    if (type !== 'string[]') {
      out.push({
        leaf,
        severity: 'error',
        message: `${operator} looks inside a list, but ${leaf.fact} is not a list: json-rules-engine finds it false for every task`,
        zh: `${operator} 用于列表,而 ${leaf.fact} 不是列表:json-rules-engine 对任何任务都判为不成立`,
      });
    } else if (leaf.factRef === undefined && typeof leaf.value !== 'string') {
      out.push({ leaf, severity: 'error', message: `flags hold strings, never ${quote(leaf.value)}`, zh: `flags 中只有文本,永远不会含有 ${quote(leaf.value)}` });
    }
  }
  return out;
}
