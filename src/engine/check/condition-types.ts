// Type mistakes in one condition: a value that can never match the type of
// its fact (or that JavaScript would silently convert), an operator on a fact
// of the wrong shape, a fact compared with a fact of another type. These are
// load errors (parseRuleFile refuses them) and the checker reports the same
// ones for a rule file built by hand. Facts and operators an application
// registers are outside the catalogue: their types are unknown, so conditions
// on them are never refused here.
import { TARGET_KINDS } from '../../model/plan.js';
import { FACT_CATALOGUE, type FactDefinition } from '../../pace/fact-catalogue.js';
import { BUILT_IN_OPERATORS } from '../operators.js';

/** A type mistake in one condition. */
export interface ConditionTypeMistake {
  /** Where it is, below the condition's own path: `['value']`, `['value', 2]`, `['value', 'fact']` or `['operator']`. */
  readonly at: readonly (string | number)[];
  /** What is wrong and the fix, in Chinese (full-width punctuation). */
  readonly zh: string;
  /** The same in English. */
  readonly en: string;
}

const CATALOGUE = new Map<string, FactDefinition>(FACT_CATALOGUE.map((fact) => [fact.name, fact]));
const BUILT_IN = new Set<string>(BUILT_IN_OPERATORS);
const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const KINDS: readonly string[] = TARGET_KINDS;

type FactType = FactDefinition['type'];

const isNumeric = (type: FactType): boolean => type === 'number' || type === 'integer';

/** A fact's type, in words. */
function typeWords(type: FactType): { zh: string; en: string } {
  switch (type) {
    case 'number':
      return { zh: '数字', en: 'a number' };
    case 'integer':
      return { zh: '整数', en: 'a whole number' };
    case 'boolean':
      return { zh: '布尔值', en: 'a boolean' };
    case 'string':
      return { zh: '文本（目标类型）', en: 'text (a target kind)' };
    case 'string[]':
      return { zh: '文本列表', en: 'a list of text' };
  }
}

/** A literal's type, in words. */
function literalWords(value: unknown): { zh: string; en: string } {
  if (value === null) return { zh: 'null', en: 'null' };
  if (Array.isArray(value)) return { zh: '列表', en: 'a list' };
  if (typeof value === 'string') return { zh: '文本', en: 'text' };
  if (typeof value === 'number') return Number.isInteger(value) ? { zh: '整数', en: 'a whole number' } : { zh: '数字', en: 'a number' };
  if (typeof value === 'boolean') return { zh: '布尔值', en: 'a boolean' };
  return { zh: '对象', en: 'an object' };
}

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** The number a numeric string stands for, if it is one (`"0"`, `" 0.5 "`). */
function numberText(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/** Whether a literal can ever be `===` to a value of the fact. */
function fits(fact: FactDefinition, value: unknown): boolean {
  if (value === null) return fact.nullable;
  switch (fact.type) {
    case 'number':
      return typeof value === 'number';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string' && KINDS.includes(value);
    case 'string[]':
      return false;
  }
}

/** The fix for a literal that does not fit the fact, in Chinese and English. */
function fixFor(fact: FactDefinition, value: unknown, operator: string): { zh: string; en: string } {
  if (fact.type === 'boolean') {
    if (value === 'true' || value === 'false') return { zh: `请写 ${value}（不带引号）`, en: `write ${value} without quotes` };
    return { zh: `请写 true 或 false${fact.nullable ? '（或 null）' : ''}`, en: `write true or false${fact.nullable ? ' (or null)' : ''}` };
  }
  if (isNumeric(fact.type)) {
    const number = numberText(value);
    if (number !== undefined && (fact.type === 'number' || Number.isInteger(number) || NUMERIC.has(operator)))
      return { zh: `请写 ${show(number)}（不带引号）`, en: `write ${show(number)} without quotes` };
    if (fact.type === 'integer' && !NUMERIC.has(operator)) return { zh: '请写一个整数', en: 'write a whole number' };
    return { zh: '请写一个数字', en: 'write a number' };
  }
  if (fact.type === 'string') {
    const typed = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
    const near = KINDS.find((kind) => typed === kind || typed === `${kind}s`);
    if (near !== undefined) return { zh: `请写 "${near}"`, en: `write "${near}"` };
    return { zh: '请写其中之一', en: 'write one of them' };
  }
  return { zh: '请改用 contains 或 doesNotContain', en: 'use contains or doesNotContain' };
}

/** Why a literal never matches the fact: `事实 overdue 是布尔值，"true" 是文本`. */
function mismatch(fact: FactDefinition, value: unknown, item: number | undefined): { zh: string; en: string } {
  const type = typeWords(fact.type);
  const what = literalWords(value);
  const zhValue = item === undefined ? show(value) : `列表第 ${item + 1} 项 ${show(value)}`;
  const enValue = item === undefined ? show(value) : `item ${item + 1} of the list, ${show(value)},`;
  if (value === null) return { zh: `事实 ${fact.name} 从不为 null`, en: `fact ${fact.name} is never null` };
  if (fact.type === 'string' && typeof value === 'string') {
    return {
      zh: `事实 kind 的取值只有 ${KINDS.join('、')}，${zhValue} 不在其中`,
      en: `fact kind is one of ${KINDS.join(', ')} and ${enValue} is none of them`,
    };
  }
  if (fact.type === 'integer' && typeof value === 'number')
    return { zh: `事实 ${fact.name} 是整数，${zhValue} 不是整数`, en: `fact ${fact.name} is a whole number and ${enValue} is not` };
  return { zh: `事实 ${fact.name} 是${type.zh}，${zhValue} 是${what.zh}`, en: `fact ${fact.name} is ${type.en} and ${enValue} is ${what.en}` };
}

function joined(reason: { zh: string; en: string }, outcome: { zh: string; en: string }, fix: { zh: string; en: string }): { zh: string; en: string } {
  return { zh: `${reason.zh}，${outcome.zh}；${fix.zh}`, en: `${reason.en}, so ${outcome.en}: ${fix.en}` };
}

const NEVER = { zh: '此条件永远不会成立', en: 'this condition can never match' };
const ALWAYS = { zh: '此条件永远成立', en: 'this condition always holds' };
const ITEM_NEVER = { zh: '这一项永远不会匹配', en: 'it can never match' };

/** equal / notEqual on a literal. */
function equalityMistakes(fact: FactDefinition, operator: string, value: unknown): ConditionTypeMistake[] {
  if (fact.type === 'string[]') {
    const outcome = operator === 'equal' ? NEVER : ALWAYS;
    return [
      {
        at: ['operator'],
        zh: `事实 flags 是文本列表，${operator} 比较的是整个列表，而不是其中的标记，${outcome.zh}；请改用 ${operator === 'equal' ? 'contains' : 'doesNotContain'}`,
        en: `fact flags is a list of text and ${operator} compares the whole list, not the flags in it, so ${outcome.en}: use ${operator === 'equal' ? 'contains' : 'doesNotContain'}`,
      },
    ];
  }
  if (fits(fact, value)) return [];
  const fix = Array.isArray(value)
    ? {
        zh: `要在几个值中任取其一，请改用 ${operator === 'equal' ? 'in' : 'notIn'}`,
        en: `to match any of several values, use ${operator === 'equal' ? 'in' : 'notIn'}`,
      }
    : fixFor(fact, value, operator);
  return [{ at: ['value'], ...joined(mismatch(fact, value, undefined), operator === 'equal' ? NEVER : ALWAYS, fix) }];
}

/** lessThan and the other numeric operators, on a literal. */
function numericMistakes(fact: FactDefinition, operator: string, value: unknown): ConditionTypeMistake[] {
  if (!isNumeric(fact.type)) {
    const type = typeWords(fact.type);
    const fix =
      fact.type === 'string[]'
        ? { zh: '请改用 contains', en: 'use contains' }
        : fact.type === 'string'
          ? { zh: '请改用 equal 或 in', en: 'use equal or in' }
          : { zh: '请改用 equal', en: 'use equal' };
    const outcome = fact.type === 'string[]' ? { zh: '结果只取决于标记的文字', en: 'the result depends only on the flags’ text' } : NEVER;
    return [
      {
        at: ['operator'],
        ...joined(
          { zh: `${operator} 只用于比较数字，而事实 ${fact.name} 是${type.zh}`, en: `${operator} compares numbers, but fact ${fact.name} is ${type.en}` },
          outcome,
          fix,
        ),
      },
    ];
  }
  if (typeof value === 'number') return [];
  const what = literalWords(value);
  const converted = Number(value as never);
  const reason = {
    zh: `事实 ${fact.name} 是${typeWords(fact.type).zh}，${show(value)} 是${what.zh}`,
    en: `fact ${fact.name} is ${typeWords(fact.type).en} and ${show(value)} is ${what.en}`,
  };
  let outcome: { zh: string; en: string };
  if (numberText(value) !== undefined)
    outcome = {
      zh: '比较全凭 JavaScript 的隐式转换，而 equal、in 等运算符不会转换',
      en: 'the comparison rests on JavaScript’s silent conversion, which equal, in and the others do not make',
    };
  else if (Number.isNaN(converted)) outcome = NEVER;
  else outcome = { zh: `JavaScript 会悄悄把它当作 ${show(converted)}`, en: `JavaScript silently reads it as ${show(converted)}` };
  return [{ at: ['value'], ...joined(reason, outcome, fixFor(fact, value, operator)) }];
}

/** in / notIn on a literal list (a value that is not a list is refused by the loader already). */
function listMistakes(fact: FactDefinition, operator: string, value: unknown): ConditionTypeMistake[] {
  if (fact.type === 'string[]') {
    return [
      {
        at: ['operator'],
        zh: `${operator} 在列表 value 中查找事实的值，而事实 flags 本身是文本列表，永远找不到；请改用 ${operator === 'in' ? 'contains' : 'doesNotContain'}`,
        en: `${operator} looks the fact's value up in the list value, but fact flags is itself a list of text and is never found: use ${operator === 'in' ? 'contains' : 'doesNotContain'}`,
      },
    ];
  }
  if (!Array.isArray(value)) return [];
  const out: ConditionTypeMistake[] = [];
  value.forEach((item: unknown, i) => {
    if (!fits(fact, item)) out.push({ at: ['value', i], ...joined(mismatch(fact, item, i), ITEM_NEVER, fixFor(fact, item, operator)) });
  });
  return out;
}

/** contains / doesNotContain on a literal. */
function containsMistakes(fact: FactDefinition, operator: string, value: unknown): ConditionTypeMistake[] {
  if (fact.type !== 'string[]') {
    const fix = fact.type === 'string' ? { zh: '请改用 equal 或 in', en: 'use equal or in' } : { zh: '请改用 equal', en: 'use equal' };
    return [
      {
        at: ['operator'],
        ...joined(
          {
            zh: `${operator} 用于在列表中查找，而事实 ${fact.name} 是${typeWords(fact.type).zh}，不是列表`,
            en: `${operator} looks inside a list, but fact ${fact.name} is ${typeWords(fact.type).en}, not a list`,
          },
          NEVER,
          fix,
        ),
      },
    ];
  }
  if (typeof value === 'string') return [];
  const outcome = operator === 'contains' ? NEVER : ALWAYS;
  return [
    {
      at: ['value'],
      ...joined(
        {
          zh: `事实 flags 中只有文本，${show(value)} 是${literalWords(value).zh}`,
          en: `fact flags holds only text and ${show(value)} is ${literalWords(value).en}`,
        },
        outcome,
        { zh: '请写带引号的标记文字，如 "problem"', en: 'write the flag as quoted text, such as "problem"' },
      ),
    },
  ];
}

/** A fact compared with another catalogue fact. */
function factToFactMistakes(fact: FactDefinition, operator: string, other: FactDefinition): ConditionTypeMistake[] {
  const left = typeWords(fact.type);
  const right = typeWords(other.type);
  const reason = {
    zh: `事实 ${fact.name} 是${left.zh}，事实 ${other.name} 是${right.zh}`,
    en: `fact ${fact.name} is ${left.en} and fact ${other.name} is ${right.en}`,
  };
  const meaningless = { zh: '二者类型不同，这样比较没有意义', en: 'the two are of different types and the comparison means nothing' };
  const fix = { zh: '请与同类型的事实或一个值比较', en: 'compare with a fact of the same type, or with a value' };
  if (NUMERIC.has(operator)) {
    if (!isNumeric(fact.type)) return numericMistakes(fact, operator, 0);
    return isNumeric(other.type) ? [] : [{ at: ['value', 'fact'], ...joined(reason, meaningless, fix) }];
  }
  if (operator === 'equal' || operator === 'notEqual') {
    if (fact.type === 'string[]') return equalityMistakes(fact, operator, []);
    return fact.type === other.type || (isNumeric(fact.type) && isNumeric(other.type)) ? [] : [{ at: ['value', 'fact'], ...joined(reason, meaningless, fix) }];
  }
  if (operator === 'in' || operator === 'notIn') {
    if (fact.type === 'string[]') return listMistakes(fact, operator, []);
    return other.type === 'string[]' && fact.type === 'string'
      ? []
      : [
          {
            at: ['value', 'fact'],
            ...joined({ zh: `${reason.zh}：${operator} 要在文本列表中查找文本`, en: `${reason.en}: ${operator} looks text up in a list of text` }, NEVER, fix),
          },
        ];
  }
  // contains / doesNotContain
  if (fact.type !== 'string[]') return containsMistakes(fact, operator, '');
  return other.type === 'string'
    ? []
    : [
        {
          at: ['value', 'fact'],
          ...joined(reason, NEVER, { zh: '请写带引号的标记文字，如 "problem"', en: 'write the flag as quoted text, such as "problem"' }),
        },
      ];
}

/**
 * The type mistakes of one `{ fact, operator, value }` condition. Conditions on
 * a fact or with an operator outside the catalogue (registered by an
 * application), and fact references to such facts, have none.
 *
 * @param fact - the condition's fact
 * @param operator - its operator
 * @param value - its value: a literal or `{ fact: NAME }`
 * @returns every mistake, empty for a sound condition
 */
export function conditionTypeMistakes(fact: string, operator: string, value: unknown): ConditionTypeMistake[] {
  const definition = CATALOGUE.get(fact);
  if (definition === undefined || !BUILT_IN.has(operator)) return [];
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'fact')) {
    const other = CATALOGUE.get(String((value as { fact: unknown }).fact));
    return other === undefined ? [] : factToFactMistakes(definition, operator, other);
  }
  if (NUMERIC.has(operator)) return numericMistakes(definition, operator, value);
  if (operator === 'equal' || operator === 'notEqual') return equalityMistakes(definition, operator, value);
  if (operator === 'in' || operator === 'notIn') return listMistakes(definition, operator, value);
  return containsMistakes(definition, operator, value);
}
