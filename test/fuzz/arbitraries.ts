// fast-check arbitraries for the fuzz tests: valid plans, rule files and
// observation files as JSON documents, and mutations that break them at random
// places, so that the fuzzing reaches past the first check of each parser.
import fc from 'fast-check';
import { BUILT_IN_OPERATORS, FACT_CATALOGUE } from '../../src/index.js';
import { conditionTypeMistakes } from '../../src/engine/check/condition-types.js';

/** A JSON document, as parsers receive it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const DAY_MS = 86_400_000;
const START_2018 = Date.UTC(2018, 0, 1);

/** A real calendar date in 2018 (the plans' period). */
export const date2018 = fc.integer({ min: 0, max: 364 }).map((day) => new Date(START_2018 + day * DAY_MS).toISOString().slice(0, 10));

/** A decimal, written as a JSON number or as a string in one of the accepted forms. */
const decimal = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min: min * 100, max: max * 100 }).map((cents) => cents / 100),
    fc.integer({ min: min * 1000, max: max * 1000 }).map((milli) => String(milli / 1000)),
    fc.integer({ min: Math.max(1, min), max: Math.max(1, max) }).map((n) => `${n}e0`),
  );

const positive = decimal(1, 1000);
const unit = fc.constantFrom('万人', '人', '亿元', '万元', '%', '个', '家', '万亩');

const target = fc.oneof(
  fc.record({ kind: fc.constant('cumulative'), measure: fc.constant('新增就业'), unit: fc.constant('万人'), value: positive }),
  fc.record({
    kind: fc.constant('level'),
    measure: fc.constant('高新技术企业'),
    unit: fc.constant('家'),
    value: fc.constant('220'),
    baseline: fc.constantFrom('160', '250', 0),
  }),
  fc.record(
    { kind: fc.constant('rate'), measure: fc.constant('增长'), unit: fc.constant('%'), value: decimal(-10, 10), bound: fc.constantFrom('atLeast', 'atMost') },
    { requiredKeys: ['kind', 'measure', 'unit', 'value'] },
  ),
  fc.record({
    kind: fc.constant('rate'),
    measure: fc.constant('优良率'),
    unit: fc.constant('%'),
    value: decimal(50, 90),
    bound: fc.constant('about'),
    tolerance: decimal(0, 5),
  }),
  fc.record({
    kind: fc.constant('milestones'),
    milestones: fc.array(
      fc.record(
        { title: fc.constantFrom('开工', '主体完工', '竣工'), due: date2018, done: fc.option(date2018, { nil: null }), weight: positive },
        { requiredKeys: ['title', 'due'] },
      ),
      { minLength: 1, maxLength: 4 },
    ),
  }),
  fc.record({ kind: fc.constant('binary'), completedOn: fc.option(date2018, { nil: null }) }),
);

/** A valid task (observations only where its target takes them; unique dates). */
const task = (id: string) =>
  fc
    .record(
      {
        title: fc.string({ maxLength: 20 }),
        target,
        observations: fc.uniqueArray(fc.record({ asOf: date2018, value: decimal(0, 500) }), { selector: (o) => o.asOf, maxLength: 3 }),
        flags: fc.array(fc.constantFrom('problem', 'watch'), { maxLength: 2 }),
        cancelled: fc.option(fc.record({ on: date2018, reason: fc.constant('因政策调整') }), { nil: null, freq: 5 }),
        owners: fc.record({ lead: fc.array(fc.constantFrom('市发改委', '市财政局'), { minLength: 1, maxLength: 2 }) }),
        pace: fc.constantFrom('monthly', 'daily'),
      },
      { requiredKeys: ['title', 'target'] },
    )
    .map((fields) => {
      const { observations, ...rest } = fields;
      const takesObservations = rest.target.kind !== 'milestones' && rest.target.kind !== 'binary';
      return { id, ...rest, ...(takesObservations && observations !== undefined ? { observations } : {}) } as Json;
    });

/** A valid plan document for 2018 with 1 to 8 tasks. */
export const planDocument: fc.Arbitrary<Json> = fc
  .integer({ min: 1, max: 8 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => task(`T${i + 1}`))))
  .chain((tasks) =>
    fc.record(
      {
        formatVersion: fc.constant(1),
        id: fc.constant('fuzz-2018'),
        title: fc.constant('模糊测试计划'),
        period: fc.constant({ start: '2018-01-01', end: '2018-12-31' }),
        asOf: date2018,
        pace: fc.constantFrom('monthly', 'daily'),
        tasks: fc.constant(tasks),
      },
      { requiredKeys: ['formatVersion', 'id', 'title', 'period', 'tasks'] },
    ),
  ) as fc.Arbitrary<Json>;

const FACTS = FACT_CATALOGUE.map((fact) => fact.name);

const literal = fc.oneof(
  fc.boolean(),
  fc.integer({ min: -5, max: 400 }),
  fc.double({ min: -2, max: 2, noNaN: true }),
  fc.constantFrom('cumulative', 'rate', 'problem'),
  fc.constant(null),
);

const leaf = fc
  .tuple(fc.constantFrom(...FACTS), fc.constantFrom(...BUILT_IN_OPERATORS))
  .chain(([fact, operator]) =>
    fc.record({
      fact: fc.constant(fact),
      operator: fc.constant(operator),
      // "in" and "notIn" need a list; the others take a literal or another fact.
      value:
        operator === 'in' || operator === 'notIn'
          ? fc.array(literal, { maxLength: 3 })
          : fc.oneof(
              literal,
              fc.constantFrom(...FACTS).map((name) => ({ fact: name })),
            ),
    }),
  )
  // A value of the wrong type for its fact is a load error: a valid file has none.
  .filter(({ fact, operator, value }) => conditionTypeMistakes(fact, operator, value).length === 0);

const { condition } = fc.letrec<{ condition: Json; node: Json }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf as fc.Arbitrary<Json>,
    fc.record({ all: fc.array(tie('condition'), { maxLength: 3 }) }) as fc.Arbitrary<Json>,
    fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }) as fc.Arbitrary<Json>,
    fc.record({ not: tie('condition') }) as fc.Arbitrary<Json>,
  ),
  node: tie('condition'),
}));

const topCondition = fc.oneof(
  fc.record({ all: fc.array(condition, { maxLength: 3 }) }),
  fc.record({ any: fc.array(condition, { minLength: 1, maxLength: 3 }) }),
  fc.record({ not: condition }),
);

/** A valid rule file: 1 to 4 statuses, 1 to 6 rules over the fact catalogue and the built-in operators. */
export const ruleFileDocument: fc.Arbitrary<Json> = fc
  .uniqueArray(fc.constantFrom('done', 'on-track', 'behind', 'problem', 'no-data'), { minLength: 1, maxLength: 4 })
  .chain((codes) =>
    fc.record({
      formatVersion: fc.constant(1),
      id: fc.constant('fuzz-rules'),
      title: fc.constant('模糊规则'),
      statuses: fc.constant(codes.map((code) => ({ code, label: `标签${code}` }))),
      rules: fc
        .array(fc.record({ priority: fc.integer({ min: 1, max: 100 }), conditions: topCondition, event: fc.record({ type: fc.constantFrom(...codes) }) }), {
          minLength: 1,
          maxLength: 6,
        })
        .map((rules) => rules.map((rule, i) => ({ name: `规则${i + 1}`, ...rule }))),
    }),
  ) as fc.Arbitrary<Json>;

/** A valid observations file for a plan of tasks T1..T8. */
export const observationsDocument: fc.Arbitrary<Json> = fc.record({
  formatVersion: fc.constant(1),
  planId: fc.constant('fuzz-2018'),
  observations: fc.array(
    fc.record({ taskId: fc.constantFrom('T1', 'T2', 'T3', 'T9'), asOf: date2018, value: decimal(0, 100), unit }, { requiredKeys: ['taskId', 'asOf', 'value'] }),
    { maxLength: 5 },
  ),
}) as fc.Arbitrary<Json>;

/** Every path to a value inside a document (the root is `[]`). */
function pathsOf(document: Json): (string | number)[][] {
  const paths: (string | number)[][] = [[]];
  const stack: { value: Json; path: (string | number)[] }[] = [{ value: document, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) value.forEach((item, i) => (paths.push([...path, i]), stack.push({ value: item, path: [...path, i] })));
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        paths.push([...path, key]);
        stack.push({ value: item, path: [...path, key] });
      }
    }
  }
  return paths;
}

/** What a mutation does at the place it picks. */
export type Mutation =
  | { readonly kind: 'replace'; readonly with: Json }
  | { readonly kind: 'delete' }
  | { readonly kind: 'add-key'; readonly key: string; readonly with: Json }
  | { readonly kind: 'stringify' }
  | { readonly kind: 'wrap' };

const hostileKey = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'x-note', 'path', 'params', 'valeu', ''),
);
const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(
    '2018-02-30',
    '2019-02-29',
    '2018-13-01',
    'NaN',
    'Infinity',
    '-0',
    '1e400',
    '1e999999',
    '',
    ' 8',
    '8%',
    -0,
    1e300,
    -1,
    0,
    1.5,
    null,
    [],
    {},
  ),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), with: hostileValue }),
  fc.constant({ kind: 'delete' as const }),
  fc.record({ kind: fc.constant('add-key' as const), key: hostileKey, with: hostileValue }),
  fc.constant({ kind: 'stringify' as const }),
  fc.constant({ kind: 'wrap' as const }),
);

/**
 * Applies mutations at places chosen by `picks` (numbers in [0, 1)) to a copy of
 * the document, through JSON text so that a `__proto__` key becomes an own key
 * as JSON.parse makes it.
 */
export function mutate(document: Json, changes: readonly (readonly [number, Mutation])[]): Json {
  let current = structuredClone(document);
  for (const [pick, change] of changes) {
    const paths = pathsOf(current);
    const path = paths[Math.floor(pick * paths.length)]!;
    const parentPath = path.slice(0, -1);
    const key = path.at(-1);
    let parent: Json = current;
    for (const step of parentPath) parent = (parent as Record<string | number, Json>)[step]!;
    const holder = parent as Record<string | number, Json>;
    const old: Json = key === undefined ? current : holder[key]!;
    const replacement = (value: Json) => {
      if (key === undefined) current = value;
      else holder[key] = value;
    };
    switch (change.kind) {
      case 'replace':
        replacement(change.with);
        break;
      case 'delete':
        if (key === undefined) current = null;
        else if (Array.isArray(holder)) (holder as Json[]).splice(key as number, 1);
        else delete holder[key];
        break;
      case 'add-key':
        if (old !== null && typeof old === 'object' && !Array.isArray(old)) {
          const text = JSON.stringify(old);
          replacement(JSON.parse(`{${JSON.stringify(change.key)}:${JSON.stringify(change.with)}${text === '{}' ? '' : `,${text.slice(1, -1)}`}}`) as Json);
        } else replacement(change.with);
        break;
      case 'stringify':
        replacement(JSON.stringify(old) ?? 'undefined');
        break;
      case 'wrap':
        replacement([old]);
        break;
    }
  }
  return current;
}

/** A document with one to three random mutations. */
export const mutated = (document: fc.Arbitrary<Json>) =>
  fc
    .tuple(document, fc.array(fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), mutation), { minLength: 1, maxLength: 3 }))
    .map(([doc, changes]) => ({
      original: doc,
      document: mutate(doc, changes),
    }));

/** Freezes a value and everything inside it. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item !== null && typeof item === 'object' && !Object.isFrozen(item)) {
      Object.freeze(item);
      for (const key of Reflect.ownKeys(item)) stack.push((item as Record<PropertyKey, unknown>)[key]);
    }
  }
  return value;
}
