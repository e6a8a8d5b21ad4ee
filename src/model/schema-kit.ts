// zod/mini, not zod's classic API: its objects never probe for `new Function` (the probe is a
// CSP violation in a strict browser page even though zod catches it), and apps bundle only the
// parts of zod that are used. Every message is duban's own (see toDubanIssues), never zod's locale.
import * as z from 'zod/mini';
import { formatPath, ISSUE_CODES, jsonIssue, type DubanIssue, type IssueCode } from '../errors.js';
import { CALENDAR_DATE_PATTERN, isCalendarDate } from './calendar-date.js';
import { DECIMAL_STRING_PATTERN, parseDecimal } from './decimal.js';
import { quote } from './quote.js';
import { bilingual, closestWord, splitBilingual, suggestion } from './suggest.js';

export { quote };

/**
 * JSON Schema fragments attached to duban's zod schemas: descriptions for
 * editors, and the shapes zod cannot infer from a transform.
 */
export type JsonSchemaFragment = Record<string, unknown>;

/** duban's own metadata registry (never zod's global one). */
export const jsonSchemaRegistry = z.registry<JsonSchemaFragment>();

/** Attaches a JSON Schema fragment (description, pattern, …) to a schema and returns it. */
export function withJsonSchema<T extends z.ZodMiniType>(schema: T, fragment: JsonSchemaFragment): T {
  (schema as z.ZodMiniType).register(jsonSchemaRegistry, fragment);
  return schema;
}

/** A bilingual description: Chinese first, English after. */
export function describe<T extends z.ZodMiniType>(schema: T, zh: string, en: string): T {
  const previous = jsonSchemaRegistry.get(schema) ?? {};
  return withJsonSchema(schema, { ...previous, description: `${zh}\n\n${en}` });
}

/**
 * An object whose unknown keys are errors, except keys starting with `x-`,
 * which are kept. The check runs even when other keys are wrong, so every
 * problem is reported together.
 */
export function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const known = new Set(Object.keys(shape));
  const valid = Object.keys(shape).filter((key) => key !== '$schema');
  const schema = z.looseObject(shape).check(
    z.superRefine(
      (value, ctx) => {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
        for (const key of Object.keys(value)) {
          if (!known.has(key) && !key.startsWith('x-')) {
            ctx.addIssue({ code: 'custom', message: unknownKeyMessage(key, valid), path: [key], params: { duban: 'unknown_key' } });
          }
        }
      },
      { when: () => true },
    ),
  );
  return withJsonSchema(schema, { additionalProperties: false, patternProperties: { '^x-': {} } });
}

/**
 * The message for an unknown key: the key, the closest valid key if one is
 * near (`deadine` → `deadline`) and the valid keys at that level.
 */
export function unknownKeyMessage(key: string, valid: readonly string[]): string {
  const hint = suggestion(key, valid, { zh: '键', en: 'keys' });
  return bilingual(`未知的键 ${quote(key)}${hint.zh}`, `unknown key ${quote(key)}${hint.en}`);
}

/** A non-empty string. */
export const nonEmptyString = () => z.string().check(z.minLength(1, { message: bilingual('不能为空', 'must not be empty') }));

/** A decimal: a JSON number or a decimal string, read exactly and normalised to a string. */
export const decimalSchema = () =>
  withJsonSchema(
    z.pipe(
      z.unknown(),
      z.transform((input, ctx) => {
        const parsed = parseDecimal(input);
        if (parsed === undefined) {
          ctx.issues.push({ code: 'custom', message: notDecimalMessage(input), input, params: { duban: 'invalid_decimal' } });
          return z.NEVER;
        }
        return parsed;
      }),
    ),
    { anyOf: [{ type: 'number' }, { type: 'string', pattern: DECIMAL_STRING_PATTERN }] },
  );

/** A real calendar date `YYYY-MM-DD`. */
export const dateSchema = () =>
  withJsonSchema(z.string().check(z.refine(isCalendarDate, { error: (issue) => notDateMessage(issue.input), params: { duban: 'invalid_date' } })), {
    type: 'string',
    pattern: CALENDAR_DATE_PATTERN,
    format: 'date',
  });

/** The message for a value that is not a real calendar date. */
export function notDateMessage(value: unknown): string {
  return bilingual(`不是真实存在的日期（格式 YYYY-MM-DD）：${quote(value)}`, `not a real calendar date YYYY-MM-DD: ${quote(value)}`);
}

/** The message for a value that is not an exact finite decimal. */
export function notDecimalMessage(value: unknown): string {
  return bilingual(`不是精确的有限小数（如 8.5 或 "8.5"，不带单位）：${quote(value)}`, `not an exact finite decimal: ${quote(value)}`);
}

/** The message for a missing required key. */
export function missingKeyMessage(key: unknown): string {
  return bilingual(`缺少必填的键 ${quote(String(key))}`, `missing required key ${quote(String(key))}`);
}

/** Appends the offending value to both languages of a message. */
function withValue(message: string, value: unknown): string {
  const { zh, en } = splitBilingual(message);
  return zh === undefined ? `${en}: ${quote(value)}` : bilingual(`${zh}：${quote(value)}`, `${en}: ${quote(value)}`);
}

const ZH_TYPES: Readonly<Record<string, string>> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '列表',
  null: 'null',
  undefined: 'undefined',
  bigint: '整数',
};

/** The values a discriminator may take, for "did you mean" (the plan's target kinds), with Chinese names. */
const DISCRIMINATOR_VALUES: Readonly<Record<string, { values: readonly string[]; aliases: Readonly<Record<string, string>> }>> = {
  kind: {
    values: ['cumulative', 'level', 'rate', 'milestones', 'binary'],
    aliases: {
      累计: 'cumulative',
      累计型: 'cumulative',
      水平: 'level',
      水平型: 'level',
      比率: 'rate',
      比率型: 'rate',
      节点: 'milestones',
      节点型: 'milestones',
      milestone: 'milestones',
      是否完成: 'binary',
      是否完成型: 'binary',
      完成型: 'binary',
    },
  },
};

/** Chinese names of the plan's literal values (bounds, paces), for "did you mean". */
const VALUE_ALIASES: Readonly<Record<string, string>> = {
  不低于: 'atLeast',
  不少于: 'atLeast',
  以上: 'atLeast',
  至少: 'atLeast',
  '>=': 'atLeast',
  '≥': 'atLeast',
  不高于: 'atMost',
  不超过: 'atMost',
  以内: 'atMost',
  以下: 'atMost',
  至多: 'atMost',
  '<=': 'atMost',
  '≤': 'atMost',
  左右: 'about',
  约: 'about',
  按月: 'monthly',
  月: 'monthly',
  按日: 'daily',
  日: 'daily',
};

/** The discriminator values {@link toDubanIssues} suggests from, exported for a test that keeps them equal to TARGET_KINDS. */
export const TARGET_KIND_VALUES: readonly string[] = DISCRIMINATOR_VALUES.kind!.values;

export { formatPath };

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Turns zod's issues into duban's, with JSON paths and messages that quote the offending value.
 * Only messages duban's schemas set themselves are passed on: zod/mini loads no locale, so the
 * text of an issue without one would depend on the host app's zod configuration.
 */
export function toDubanIssues(error: { readonly issues: readonly z.core.$ZodIssue[] }, input: unknown): DubanIssue[] {
  const issues: DubanIssue[] = [];
  const add = (code: IssueCode, keys: readonly PropertyKey[], message: string) => issues.push(jsonIssue(code, keys, message));
  for (const issue of error.issues) {
    const at = valueAt(input, issue.path);
    switch (issue.code) {
      case 'invalid_type':
        add(
          at.found ? 'invalid_type' : 'required',
          issue.path,
          // A message duban set itself (`priority must be a whole number`) says more than the type.
          at.found && splitBilingual(issue.message).zh !== undefined
            ? withValue(issue.message, at.value)
            : at.found
              ? bilingual(
                  `应为${ZH_TYPES[issue.expected] ?? issue.expected}，实际是${ZH_TYPES[typeName(at.value)] ?? typeName(at.value)} ${quote(at.value)}`,
                  `expected ${issue.expected}, got ${typeName(at.value)} ${quote(at.value)}`,
                )
              : missingKeyMessage(issue.path.at(-1)),
        );
        break;
      case 'invalid_union': {
        const discriminator = (issue as { discriminator?: string }).discriminator;
        if (discriminator !== undefined) {
          const where = issue.path.at(-1) === discriminator ? issue.path : [...issue.path, discriminator];
          const value = valueAt(input, where);
          const known = DISCRIMINATOR_VALUES[discriminator];
          const hint =
            known === undefined || typeof value.value !== 'string'
              ? { zh: '', en: '' }
              : suggestion(value.value, known.values, { zh: '值', en: 'values' }, known.aliases);
          add(
            value.found ? 'invalid_value' : 'required',
            where,
            value.found
              ? bilingual(`未知的 ${discriminator} ${quote(value.value)}${hint.zh}`, `unknown ${discriminator} ${quote(value.value)}${hint.en}`)
              : missingKeyMessage(discriminator),
          );
        } else {
          // Report the branch the value was meant for: the one whose problems are not a plain type mismatch.
          const branches = (issue.errors ?? []).filter(
            (branch) => !branch.every((inner) => inner.path.length === 0 && (inner.code === 'invalid_type' || inner.code === 'invalid_value')),
          );
          if (branches.length === 1) {
            const inner = branches[0]!.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
            for (const item of toDubanIssues({ issues: inner }, input)) issues.push(item);
          } else {
            // The accepted literals (`"monthly"`, `"daily"`), for a suggestion when a string was written.
            const literals = (issue.errors ?? []).flatMap((branch) =>
              branch.flatMap((inner) => (inner.code === 'invalid_value' ? inner.values.filter((v): v is string => typeof v === 'string') : [])),
            );
            const hint =
              literals.length > 0 && typeof at.value === 'string'
                ? suggestion(at.value, literals, { zh: '写法', en: 'forms' }, VALUE_ALIASES)
                : { zh: '', en: '' };
            add(
              at.found ? 'invalid_value' : 'required',
              issue.path,
              at.found
                ? bilingual(`不符合任何可接受的写法：${quote(at.value)}${hint.zh}`, `no accepted form matches ${quote(at.value)}${hint.en}`)
                : missingKeyMessage(issue.path.at(-1)),
            );
          }
        }
        break;
      }
      case 'invalid_value': {
        const strings = issue.values.filter((v): v is string => typeof v === 'string');
        const near = strings.length > 0 && typeof at.value === 'string' ? closestWord(at.value, strings, VALUE_ALIASES) : undefined;
        const zhValues = issue.values.map((v) => quote(v));
        add(
          at.found ? 'invalid_value' : 'required',
          issue.path,
          at.found
            ? bilingual(
                `应为 ${zhValues.length > 1 ? `${zhValues.slice(0, -1).join('、')} 或 ${zhValues.at(-1)!}` : zhValues.join('')}，实际是 ${quote(at.value)}${near === undefined ? '' : `；是否想写 ${quote(near)}？`}`,
                `expected ${issue.values.map((v) => quote(v)).join(' or ')}, got ${quote(at.value)}${near === undefined ? '' : `; did you mean ${quote(near)}?`}`,
              )
            : missingKeyMessage(issue.path.at(-1)),
        );
        break;
      }
      case 'too_small':
      case 'too_big':
      case 'custom':
        if (!at.found && typeof issue.path.at(-1) === 'string') add('required', issue.path, missingKeyMessage(issue.path.at(-1)));
        else
          add(
            issue.code === 'custom' ? customCode(issue) : issue.code,
            issue.path,
            issue.code === 'custom' ? issue.message : withValue(issue.message, at.value),
          );
        break;
      default:
        // zod/mini raises no other code for duban's schemas (no string formats, no record keys).
        add('invalid_value', issue.path, issue.message);
    }
  }
  return issues;
}

/** The issue code a duban check gave its custom zod issue (`params: { duban: 'invalid_date' }`). */
function customCode(issue: z.core.$ZodIssueCustom): IssueCode {
  const code: unknown = issue.params?.duban;
  return typeof code === 'string' && (ISSUE_CODES as readonly string[]).includes(code) ? (code as IssueCode) : 'invalid_value';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let current: unknown = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return { found: false, value: undefined };
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: current };
}

/** Generates the JSON Schema (draft 2020-12) of an input format from its zod schema. */
export function toJsonSchema(schema: z.ZodMiniType, meta: { id: string; title: string; description: string }): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { io: 'input', metadata: jsonSchemaRegistry, unrepresentable: 'any', reused: 'inline', cycles: 'ref' });
  return { ...generated, $id: meta.id, title: meta.title, description: meta.description };
}

/**
 * Every own `__proto__` key in parsed JSON, reported as unknown. `JSON.parse`
 * makes such keys own properties, but copying them into a new object (as zod
 * does for kept keys) would set a prototype instead, so the object checks
 * would never see them; this walk looks at the raw input. Iterative, so deep
 * nesting cannot overflow the stack.
 */
export function prototypeKeyIssues(input: unknown): DubanIssue[] {
  const issues: DubanIssue[] = [];
  // Each entry keeps its parent, so a path is built only for a hit (deep nesting stays linear).
  type Entry = { value: unknown; key: PropertyKey | undefined; parent: Entry | undefined };
  const pathOf = (entry: Entry | undefined): PropertyKey[] => {
    const path: PropertyKey[] = [];
    for (let at = entry; at !== undefined && at.key !== undefined; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const stack: Entry[] = [{ value: input, key: undefined, parent: undefined }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { value } = entry;
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: i, parent: entry });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      const child = { value: (value as Record<string, unknown>)[key], key, parent: entry };
      if (key === '__proto__') issues.push(jsonIssue('unknown_key', pathOf(child), bilingual('未知的键 "__proto__"', 'unknown key "__proto__"')));
      stack.push(child);
    }
  }
  return issues;
}
