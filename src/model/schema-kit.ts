// zod/mini, not zod's classic API: its objects never probe for `new Function` (the probe is a
// CSP violation in a strict browser page even though zod catches it), and apps bundle only the
// parts of zod that are used. Every message is duban's own (see toDubanIssues), never zod's locale.
import * as z from 'zod/mini';
import type { DubanIssue } from '../errors.js';
import { CALENDAR_DATE_PATTERN, isCalendarDate } from './calendar-date.js';
import { DECIMAL_STRING_PATTERN, parseDecimal } from './decimal.js';

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
  const schema = z.looseObject(shape).check(
    z.superRefine((value, ctx) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
      for (const key of Object.keys(value)) {
        if (!known.has(key) && !key.startsWith('x-')) {
          ctx.addIssue({ code: 'custom', message: `unknown key ${JSON.stringify(key)}`, path: [key] });
        }
      }
    }, { when: () => true }),
  );
  return withJsonSchema(schema, { additionalProperties: false, patternProperties: { '^x-': {} } });
}

/** A non-empty string. */
export const nonEmptyString = () => z.string().check(z.minLength(1, { message: 'must not be empty' }));

/** A decimal: a JSON number or a decimal string, read exactly and normalised to a string. */
export const decimalSchema = () =>
  withJsonSchema(
    z.pipe(
      z.unknown(),
      z.transform((input, ctx) => {
        const parsed = parseDecimal(input);
        if (parsed === undefined) {
          ctx.issues.push({ code: 'custom', message: `not an exact finite decimal: ${quote(input)}`, input });
          return z.NEVER;
        }
        return parsed;
      }),
    ),
    { anyOf: [{ type: 'number' }, { type: 'string', pattern: DECIMAL_STRING_PATTERN }] },
  );

/** A real calendar date `YYYY-MM-DD`. */
export const dateSchema = () =>
  withJsonSchema(
    z.string().check(z.refine(isCalendarDate, { error: (issue) => `not a real calendar date YYYY-MM-DD: ${quote(issue.input)}` })),
    { type: 'string', pattern: CALENDAR_DATE_PATTERN, format: 'date' },
  );

/** Quotes an offending value for a message, shortened so a 50 MB string stays readable. */
export function quote(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : typeof value === 'number' && !Number.isFinite(value) ? String(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    // BigInts, cycles, objects without a prototype: describe rather than fail.
    try {
      text = String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Formats a path of keys and indexes as a JSON path: `$.tasks[3].target.value`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$-]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

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
  for (const issue of error.issues) {
    const path = formatPath(issue.path);
    const at = valueAt(input, issue.path);
    switch (issue.code) {
      case 'invalid_type':
        issues.push({
          path,
          message: at.found ? `expected ${issue.expected}, got ${typeName(at.value)} ${quote(at.value)}` : `missing required key ${quote(String(issue.path.at(-1)))}`,
        });
        break;
      case 'invalid_union': {
        const discriminator = (issue as { discriminator?: string }).discriminator;
        if (discriminator !== undefined) {
          const at = issue.path.at(-1) === discriminator ? issue.path : [...issue.path, discriminator];
          const value = valueAt(input, at);
          issues.push({
            path: formatPath(at),
            message: value.found ? `unknown ${discriminator} ${quote(value.value)}` : `missing required key ${quote(discriminator)}`,
          });
        } else {
          // Report the branch the value was meant for: the one whose problems are not a plain type mismatch.
          const branches = (issue.errors ?? []).filter((branch) => !branch.every((inner) => inner.path.length === 0 && (inner.code === 'invalid_type' || inner.code === 'invalid_value')));
          if (branches.length === 1) {
            const inner = branches[0]!.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
            issues.push(...toDubanIssues({ issues: inner }, input));
          } else {
            issues.push({ path, message: `no accepted form matches ${quote(at.value)}` });
          }
        }
        break;
      }
      case 'invalid_value':
        issues.push({
          path,
          message: at.found ? `expected ${issue.values.map((v) => quote(v)).join(' or ')}, got ${quote(at.value)}` : `missing required key ${quote(String(issue.path.at(-1)))}`,
        });
        break;
      case 'too_small':
      case 'too_big':
      case 'custom':
        if (!at.found && typeof issue.path.at(-1) === 'string') issues.push({ path, message: `missing required key ${quote(issue.path.at(-1))}` });
        else issues.push({ path, message: issue.code === 'custom' ? issue.message : `${issue.message}: ${quote(at.value)}` });
        break;
      default:
        issues.push({ path, message: issue.message });
    }
  }
  return issues;
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
      if (key === '__proto__') issues.push({ path: formatPath(pathOf(child)), message: 'unknown key "__proto__"' });
      stack.push(child);
    }
  }
  return issues;
}
