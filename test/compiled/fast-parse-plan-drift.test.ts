import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParsePlan } from '../../src/index.js';
import { fastParsePlan } from '../../src/model/fast-parse-plan.js';
import { inputLimitIssues, MAX_STRING_LENGTH } from '../../src/model/limits.js';
import { planCrossChecks, planSchema } from '../../src/model/plan.js';
import { prototypeKeyIssues } from '../../src/model/schema-kit.js';

/*
 * The guard of the fast path against drift. It holds three things together:
 *
 *  - this file's own description of the plan format (plan-format.md), written out below in
 *    SPEC and in the cross-check defects, independent of src/model/plan.ts;
 *  - the zod schema and cross-checks of plan.ts (the reference);
 *  - fastParsePlan.
 *
 * It generates valid plans with a task of every target kind (edge values included: an empty
 * `leader`, an empty flag, numbers and strings for decimals, `x-` keys), and from each, variants
 * with exactly one defect in one field. Every valid plan must be accepted by the reference and
 * by the fast path with the same output; every variant must be refused by both. So tightening a
 * field in plan.ts (say, `leader` may not be empty) fails here on the valid plans, loosening one
 * fails on the defects, and a fast path that drifts from plan.ts fails on either. The test counts
 * what it generated and asserts that every target kind, every empty-string edge and every defect
 * class was exercised.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };
type Key = string | number;

/** The reference: what duban accepts without the fast path. */
function reference(json: unknown) {
  if (inputLimitIssues(json).length > 0) return { success: false } as const;
  const result = planSchema.safeParse(json);
  return result.success && prototypeKeyIssues(json).length === 0 && planCrossChecks(json).length === 0 ? result : ({ success: false } as const);
}

// ---------------------------------------------------------------------------------------------
// The format, as this test reads plan-format.md (the spec).

type Spec =
  | { t: 'text' } // any string, '' included
  | { t: 'nonEmptyText' }
  | { t: 'date' }
  | { t: 'nullableDate' }
  | { t: 'decimal' }
  | { t: 'enum'; values: readonly Json[] }
  | { t: 'object'; fields: Readonly<Record<string, readonly [Spec, 'required' | 'optional']>> }
  | { t: 'list'; item: Spec; nonEmpty: boolean }
  | { t: 'pace' }
  | { t: 'target' }
  | { t: 'mainIndicators' }
  | { t: 'cancelled' };

const text: Spec = { t: 'text' };
const nonEmptyText: Spec = { t: 'nonEmptyText' };
const date: Spec = { t: 'date' };
const nullableDate: Spec = { t: 'nullableDate' };
const decimal: Spec = { t: 'decimal' };
const object = (fields: Readonly<Record<string, readonly [Spec, 'required' | 'optional']>>): Spec => ({ t: 'object', fields });
const listOf = (item: Spec, nonEmpty = false): Spec => ({ t: 'list', item, nonEmpty });
const R = 'required';
const O = 'optional';

const POINT = object({ date: [date, R], expected: [decimal, R] });
const TRAJECTORY = object({ trajectory: [listOf(POINT, true), R] });
const MILESTONE = object({ title: [nonEmptyText, R], due: [date, R], done: [nullableDate, O], weight: [decimal, O] });
const TARGETS: Readonly<Record<string, Spec>> = {
  cumulative: object({ kind: [{ t: 'enum', values: ['cumulative'] }, R], measure: [nonEmptyText, R], unit: [nonEmptyText, R], value: [decimal, R] }),
  level: object({
    kind: [{ t: 'enum', values: ['level'] }, R],
    measure: [nonEmptyText, R],
    unit: [nonEmptyText, R],
    value: [decimal, R],
    baseline: [decimal, R],
  }),
  rate: object({
    kind: [{ t: 'enum', values: ['rate'] }, R],
    measure: [nonEmptyText, R],
    unit: [nonEmptyText, R],
    value: [decimal, R],
    bound: [{ t: 'enum', values: ['atLeast', 'atMost', 'about'] }, O],
    tolerance: [decimal, O],
  }),
  milestones: object({ kind: [{ t: 'enum', values: ['milestones'] }, R], milestones: [listOf(MILESTONE, true), R] }),
  binary: object({ kind: [{ t: 'enum', values: ['binary'] }, R], completedOn: [nullableDate, O] }),
};
const KINDS = Object.keys(TARGETS);
const OBSERVATION = object({ asOf: [date, R], value: [decimal, R], unit: [nonEmptyText, O], note: [text, O] });
const CANCELLATION = object({ on: [date, R], reason: [text, R] });
const TASK = object({
  id: [nonEmptyText, R],
  title: [text, R],
  category: [text, O],
  owners: [object({ lead: [listOf(nonEmptyText), O], support: [listOf(nonEmptyText), O] }), O],
  leader: [text, O],
  start: [date, O],
  deadline: [date, O],
  pace: [{ t: 'pace' }, O],
  target: [{ t: 'target' }, R],
  observations: [listOf(OBSERVATION), O],
  flags: [listOf(text), O],
  cancelled: [{ t: 'cancelled' }, O],
});
const MAIN_INDICATOR_CATEGORIES = object({ categories: [listOf(nonEmptyText, true), R] });
const PLAN = object({
  $schema: [text, O],
  formatVersion: [{ t: 'enum', values: [1] }, R],
  id: [nonEmptyText, R],
  title: [nonEmptyText, R],
  issuer: [text, O],
  period: [object({ start: [date, R], end: [date, R] }), R],
  asOf: [date, O],
  pace: [{ t: 'pace' }, O],
  categories: [listOf(object({ id: [nonEmptyText, R], title: [text, R] })), O],
  mainIndicators: [{ t: 'mainIndicators' }, O],
  tasks: [listOf(TASK), R],
});

/** A place in a plan, with what the format says of it: its spec, and whether its key may be left out. */
interface Slot {
  readonly path: readonly Key[];
  readonly spec: Spec;
  readonly required: boolean;
  /** The field's name (or `[]` for list items), to count edge values by field. */
  readonly name: string;
}

/** Resolves the unions by the value found (a pace string or trajectory, a target by its kind). */
function resolve(spec: Spec, value: Json | undefined): Spec {
  switch (spec.t) {
    case 'pace':
      return typeof value === 'string' ? { t: 'enum', values: ['monthly', 'daily'] } : TRAJECTORY;
    case 'mainIndicators':
      return typeof value === 'string' ? { t: 'enum', values: ['rate', 'none'] } : MAIN_INDICATOR_CATEGORIES;
    case 'cancelled':
      return value === null ? { t: 'enum', values: [null] } : CANCELLATION;
    case 'target': {
      const kind = typeof value === 'object' && value !== null && !Array.isArray(value) ? value.kind : undefined;
      return TARGETS[String(kind)] ?? TARGETS.binary!;
    }
    default:
      return spec;
  }
}

/** Every place of a valid plan (present or not), with its spec. */
function slots(plan: Json): Slot[] {
  const out: Slot[] = [];
  const walk = (value: Json | undefined, declared: Spec, path: Key[], required: boolean, name: string): void => {
    const spec = resolve(declared, value);
    out.push({ path, spec, required, name });
    if (value === undefined) return;
    if (spec.t === 'object') {
      for (const [key, [field, presence]] of Object.entries(spec.fields)) walk((value as Obj)[key], field, [...path, key], presence === R, key);
    } else if (spec.t === 'list') {
      (value as Json[]).forEach((item, i) => walk(item, spec.item, [...path, i], true, `${name}[]`));
    }
  };
  walk(plan, PLAN, [], true, '$');
  return out;
}

const get = (root: Json, path: readonly Key[]): Json | undefined =>
  path.reduce<Json | undefined>(
    (value, key) => (value === undefined || value === null || typeof value !== 'object' ? undefined : (value as Record<Key, Json>)[key]),
    root,
  );
const parentOf = (root: Json, path: readonly Key[]) => get(root, path.slice(0, -1)) as Obj & Json[];
function set(root: Json, path: readonly Key[], value: Json): void {
  (parentOf(root, path) as Record<Key, Json>)[path.at(-1)!] = value;
}
function remove(root: Json, path: readonly Key[]): void {
  delete (parentOf(root, path) as Record<Key, Json>)[path.at(-1)!];
}

// ---------------------------------------------------------------------------------------------
// Valid plans: one task of every kind, shuffled, plus up to two more.

const PERIOD = { start: '2018-01-01', end: '2018-12-31' };
/** Inside every task's window: tasks start by 02-01 and end from 11-30. */
const TRAJECTORY_DATES = ['2018-03-31', '2018-06-30', '2018-09-30'];
const OBSERVATION_DATES = ['2018-03-31', '2018-06-30', '2018-09-30', '2018-12-31'];

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const strip = <T extends Record<string, unknown>>(value: T): Obj => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Obj;
/** Any string, the empty one often (a schema that starts refusing it must fail here). */
const anyText = fc.constantFrom('', '', '林业产值', 'x', '因政策调整', '  空格 ');
const someText = fc.constantFrom('林业产值', 'x', '市发改委', '开工', 'A');
const positive = fc.constantFrom<Json>(8.5, 1, '0.5', '1e3', '007.50', 120, '3');
const anyDecimal = fc.constantFrom<Json>(8.5, -3.5, 0, '-0', '0.25', '1e-3', '+1', 7, '.5');
const extensions = fc.dictionary(
  fc.constantFrom('x-note', 'x-source', 'x-'),
  fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null), fc.constant({ a: [1] })),
  { maxKeys: 2 },
);
/** An object with `x-` keys, its keys in order or reversed. */
const withExtensions = (arbitrary: fc.Arbitrary<Obj>) =>
  fc.tuple(arbitrary, extensions, fc.boolean()).map(([value, extra, reverse]) => {
    const entries = Object.entries({ ...value, ...extra });
    return Object.fromEntries(reverse ? entries.reverse() : entries) as Obj;
  });

const trajectory = fc
  .tuple(fc.subarray(TRAJECTORY_DATES, { minLength: 1 }), fc.array(fc.constantFrom('0', '0.25', '0.5', '1', 0.75, 1), { minLength: 3, maxLength: 3 }))
  .chain(([dates, values]) => {
    const sorted = values.map(String).sort((a, b) => Number(a) - Number(b));
    return withExtensions(fc.constant({ trajectory: dates.map((d, i) => ({ date: d, expected: sorted[i]! }) as Json) }));
  });
const pace = fc.oneof(fc.constantFrom<Json>('monthly', 'daily'), trajectory);

/** Units a target may have, with the observation units that convert to it. */
const UNITS: Readonly<Record<string, readonly string[]>> = { 亿元: ['亿元', '万元', '元'], '%': ['%'], 家: ['家'], 万人: ['万人', '人'] };
const unitAndObservations = (withObservations: boolean) =>
  fc.constantFrom(...Object.keys(UNITS)).chain((unit) =>
    fc.record({
      unit: fc.constant(unit),
      observations: withObservations
        ? maybe(
            fc
              .subarray(OBSERVATION_DATES)
              .chain((dates) =>
                fc
                  .tuple(
                    ...dates.map((asOf) =>
                      withExtensions(
                        fc.record({ value: anyDecimal, unit: maybe(fc.constantFrom(...UNITS[unit]!)), note: maybe(anyText) }).map((o) => strip({ asOf, ...o })),
                      ),
                    ),
                  )
                  .map((list) => list as Json[]),
              ),
          )
        : fc.constant(undefined),
    }),
  );

const targetOf = (kind: string): fc.Arbitrary<{ target: Obj; observations?: Json[] | undefined }> => {
  switch (kind) {
    case 'cumulative':
      return fc
        .tuple(someText, positive, unitAndObservations(true))
        .chain(([measure, value, { unit, observations }]) =>
          withExtensions(fc.constant({ kind, measure, unit, value })).map((target) => ({ target, observations })),
        );
    case 'level':
      return fc
        .tuple(someText, fc.constantFrom<Json>(220, '160', '0', -5), fc.constantFrom<Json>(100, '150.5', 1), unitAndObservations(true))
        .chain(([measure, value, baseline, { unit, observations }]) =>
          withExtensions(fc.constant({ kind, measure, unit, value, baseline })).map((target) => ({ target, observations })),
        );
    case 'rate':
      return fc
        .tuple(
          someText,
          anyDecimal,
          fc.constantFrom<[Json | undefined, Json | undefined]>(
            [undefined, undefined],
            ['atLeast', undefined],
            ['atMost', undefined],
            ['about', '0.5'],
            ['about', 0],
            ['about', '2'],
          ),
          unitAndObservations(true),
        )
        .chain(([measure, value, [bound, tolerance], { unit, observations }]) =>
          withExtensions(fc.constant(strip({ kind, measure, unit, value, bound, tolerance }))).map((target) => ({ target, observations })),
        );
    case 'milestones':
      return fc
        .array(
          withExtensions(
            fc
              .record({
                title: someText,
                due: fc.constantFrom('2018-03-31', '2018-12-31'),
                done: maybe(fc.constantFrom<Json>(null, '2018-03-20')),
                weight: maybe(positive),
              })
              .map(strip),
          ),
          { minLength: 1, maxLength: 3 },
        )
        .chain((milestones) => withExtensions(fc.constant({ kind, milestones })).map((target) => ({ target })));
    default:
      return withExtensions(fc.record({ kind: fc.constant(kind), completedOn: maybe(fc.constantFrom<Json>(null, '2018-05-20')) }).map(strip)).map((target) => ({
        target,
      }));
  }
};

const taskOf = (kind: string, categories: readonly string[]) =>
  fc
    .record({
      title: anyText,
      category: categories.length > 0 ? maybe(fc.constantFrom(...categories)) : fc.constant(undefined),
      owners: maybe(
        withExtensions(fc.record({ lead: maybe(fc.array(someText, { maxLength: 2 })), support: maybe(fc.array(someText, { maxLength: 2 })) }).map(strip)),
      ),
      leader: maybe(anyText),
      start: maybe(fc.constantFrom('2018-01-01', '2018-02-01')),
      deadline: maybe(fc.constantFrom('2018-12-31', '2018-11-30')),
      pace: maybe(pace),
      flags: maybe(fc.array(anyText, { maxLength: 2 })),
      cancelled: maybe(fc.oneof(fc.constant(null), withExtensions(fc.record({ on: fc.constantFrom('2018-05-01'), reason: anyText })))),
      target: targetOf(kind),
    })
    .chain(({ target: { target, observations }, ...rest }) => withExtensions(fc.constant(strip({ ...rest, target, observations }))));

const validPlan = fc
  .record({
    kinds: fc
      .shuffledSubarray(KINDS, { minLength: KINDS.length })
      .chain((all) => fc.array(fc.constantFrom(...KINDS), { maxLength: 2 }).map((more) => [...all, ...more])),
    categories: fc.constantFrom<string[]>([], ['1', '2'], ['主要预期目标', '重点工作', '民生实事']),
    plan: fc.record({
      $schema: maybe(anyText),
      title: someText,
      issuer: maybe(anyText),
      asOf: maybe(fc.constantFrom('2018-06-30')),
      pace: maybe(pace),
    }),
    mainIndicators: maybe(fc.constantFrom<Json>('rate', 'none', 'categories')),
    categoryTitles: anyText,
  })
  .chain(({ kinds, categories, plan, mainIndicators, categoryTitles }) =>
    fc.tuple(...kinds.map((kind) => taskOf(kind, categories))).chain((tasks) =>
      withExtensions(
        fc.constant(
          strip({
            ...plan,
            formatVersion: 1,
            id: 'p',
            period: { ...PERIOD },
            categories: categories.length > 0 ? categories.map((id) => ({ id, title: categoryTitles })) : undefined,
            mainIndicators: mainIndicators === 'categories' ? (categories.length > 0 ? { categories: [categories[0]!] } : undefined) : mainIndicators,
            tasks: tasks.map((task, i) => ({ id: `T${i + 1}`, ...task }) as Json),
          }),
        ),
      ),
    ),
  );

// ---------------------------------------------------------------------------------------------
// Defects: each makes exactly one change to a valid plan, or is not applicable to it.

type Pick = (n: number) => number;
type Defect = (plan: Json, pick: Pick) => boolean;

const choose = <T>(items: readonly T[], pick: Pick): T | undefined => (items.length === 0 ? undefined : items[pick(items.length)]);
/** A defect at one slot chosen among those `where` accepts. */
const atSlot =
  (where: (slot: Slot, plan: Json) => boolean, change: (plan: Json, slot: Slot) => void): Defect =>
  (plan, pick) => {
    const slot = choose(
      slots(plan).filter((s) => where(s, plan)),
      pick,
    );
    if (slot === undefined) return false;
    change(plan, slot);
    return true;
  };
const present = (slot: Slot, plan: Json) => get(plan, slot.path) !== undefined;
const isText = (slot: Slot) => slot.spec.t === 'text' || slot.spec.t === 'nonEmptyText';
const tasksOf = (plan: Json) => ((plan as Obj).tasks as Obj[]).map((task, i) => ({ task, i }));
const tasksOfKind = (plan: Json, ...kinds: string[]) => tasksOf(plan).filter(({ task }) => kinds.includes(String((task.target as Obj).kind)));
const onTask =
  (filter: (task: Obj) => boolean, change: (task: Obj, plan: Obj) => void): Defect =>
  (plan, pick) => {
    const found = choose(
      tasksOf(plan).filter(({ task }) => filter(task)),
      pick,
    );
    if (found === undefined) return false;
    change(found.task, plan as Obj);
    return true;
  };
const kindIs =
  (...kinds: string[]) =>
  (task: Obj) =>
    kinds.includes(String((task.target as Obj).kind));
/** The wrong JSON type for a spec. */
const WRONG_TYPE: Readonly<Record<Spec['t'], Json>> = {
  text: 3,
  nonEmptyText: 3,
  date: 20180101,
  nullableDate: 3,
  decimal: true,
  enum: 1.5,
  object: [],
  list: {},
  pace: 3,
  target: 'binary',
  mainIndicators: 3,
  cancelled: 'no',
};

const DEFECTS: Readonly<Record<string, Defect>> = {
  // Shape: one field of the wrong kind of value.
  missingRequired: atSlot(
    (s, plan) => s.required && s.path.length > 0 && typeof s.path.at(-1) === 'string' && present(s, plan),
    (plan, s) => remove(plan, s.path),
  ),
  wrongType: atSlot(
    (s, plan) => s.path.length > 0 && present(s, plan),
    (plan, s) => set(plan, s.path, s.spec.t === 'enum' && s.spec.values.includes(null) ? 'no' : WRONG_TYPE[s.spec.t]),
  ),
  emptyString: atSlot(
    (s, plan) => s.spec.t === 'nonEmptyText' && present(s, plan),
    (plan, s) => set(plan, s.path, ''),
  ),
  tooLongString: atSlot(
    (s, plan) => isText(s) && present(s, plan),
    (plan, s) => set(plan, s.path, 'x'.repeat(MAX_STRING_LENGTH + 1)),
  ),
  notADate: atSlot(
    (s, plan) => (s.spec.t === 'date' || s.spec.t === 'nullableDate') && present(s, plan),
    (plan, s) => set(plan, s.path, '2018-02-30'),
  ),
  badDateFormat: atSlot(
    (s, plan) => (s.spec.t === 'date' || s.spec.t === 'nullableDate') && present(s, plan),
    (plan, s) => set(plan, s.path, '2018-6-30'),
  ),
  notADecimal: atSlot(
    (s, plan) => s.spec.t === 'decimal' && present(s, plan),
    (plan, s) => set(plan, s.path, '3.5%'),
  ),
  badEnumValue: atSlot(
    (s, plan) => s.spec.t === 'enum' && present(s, plan),
    (plan, s) => set(plan, s.path, s.spec.t === 'enum' && typeof s.spec.values[0] === 'number' ? 2 : 'Other'),
  ),
  emptyList: atSlot(
    (s, plan) => s.spec.t === 'list' && s.spec.nonEmpty && present(s, plan),
    (plan, s) => set(plan, s.path, []),
  ),
  unknownKey: atSlot(
    (s, plan) => s.spec.t === 'object' && present(s, plan),
    (plan, s) => set(plan, [...s.path, 'deadine'], 1),
  ),
  prototypeKey: atSlot(
    (s, plan) => s.spec.t === 'object' && present(s, plan),
    (plan, s) => Object.defineProperty(get(plan, s.path) as object, '__proto__', { value: {}, enumerable: true, configurable: true, writable: true }),
  ),
  optionalFieldNull: atSlot(
    (s) => !s.required && s.spec.t !== 'nullableDate' && !(s.spec.t === 'enum' && s.spec.values.includes(null)) && s.name !== 'cancelled',
    (plan, s) => set(plan, s.path, null),
  ),
  // Cross-checks: a shape that is valid, a plan that is not.
  periodReversed: (plan) => ((((plan as Obj).period as Obj).end = '2017-12-31'), true),
  duplicateTaskId: (plan) => ((((plan as Obj).tasks as Obj[])[1]!.id = ((plan as Obj).tasks as Obj[])[0]!.id!), true),
  duplicateCategoryId: (plan) => {
    const categories = (plan as Obj).categories as Obj[] | undefined;
    if (categories === undefined || categories.length < 2) return false;
    categories[1]!.id = categories[0]!.id!;
    return true;
  },
  unknownCategory: onTask(
    () => true,
    (task) => (task.category = 'no-such-category'),
  ),
  unknownMainIndicatorCategory: (plan) => (((plan as Obj).mainIndicators = { categories: ['no-such-category'] }), true),
  deadlineBeforeStart: onTask(
    () => true,
    (task) => (task.deadline = '2017-06-30'),
  ),
  cumulativeNotPositive: onTask(kindIs('cumulative'), (task) => ((task.target as Obj).value = '0')),
  cumulativeNegative: onTask(kindIs('cumulative'), (task) => ((task.target as Obj).value = -2.5)),
  levelEqualsBaseline: onTask(kindIs('level'), (task) => ((task.target as Obj).baseline = (task.target as Obj).value!)),
  aboutWithoutTolerance: onTask(
    (task) => kindIs('rate')(task) && (task.target as Obj).tolerance === undefined,
    (task) => ((task.target as Obj).bound = 'about'),
  ),
  toleranceWithoutAbout: onTask(
    (task) => kindIs('rate')(task) && (task.target as Obj).bound !== 'about',
    (task) => ((task.target as Obj).tolerance = '1'),
  ),
  negativeTolerance: onTask(
    (task) => kindIs('rate')(task) && (task.target as Obj).bound === 'about',
    (task) => ((task.target as Obj).tolerance = '-0.5'),
  ),
  weightNotPositive: onTask(kindIs('milestones'), (task) => (((task.target as Obj).milestones as Obj[])[0]!.weight = 0)),
  trajectoryOutOfRange: onTask(
    () => true,
    (task) => (task.pace = { trajectory: [{ date: '2018-06-30', expected: '1.5' }] }),
  ),
  trajectoryDatesNotIncreasing: onTask(
    () => true,
    (task) =>
      (task.pace = {
        trajectory: [
          { date: '2018-06-30', expected: '0.2' },
          { date: '2018-06-30', expected: '0.5' },
        ],
      }),
  ),
  trajectoryDecreasing: onTask(
    () => true,
    (task) =>
      (task.pace = {
        trajectory: [
          { date: '2018-03-31', expected: '0.5' },
          { date: '2018-06-30', expected: '0.2' },
        ],
      }),
  ),
  trajectoryOutsideWindow: onTask(
    () => true,
    (task) => (task.pace = { trajectory: [{ date: '2018-12-31', expected: '0.5' }] }),
  ),
  planTrajectoryOutsideWindow: (plan, pick) => {
    const users = tasksOfKind(plan, 'cumulative', 'level').filter(({ task }) => task.pace === undefined);
    const found = choose(users, pick);
    if (found === undefined) return false;
    (plan as Obj).pace = { trajectory: [{ date: found.task.deadline === '2018-11-30' ? '2018-11-30' : '2018-12-31', expected: '0.5' }] };
    return true;
  },
  observationsOnProgressTarget: onTask(kindIs('milestones', 'binary'), (task) => (task.observations = [])),
  duplicateObservationDate: onTask(
    (task) => Array.isArray(task.observations) && task.observations.length > 0,
    (task) => (task.observations as Json[]).push({ ...((task.observations as Obj[])[0] as Obj) }),
  ),
  unconvertibleUnit: onTask(
    (task) => kindIs('cumulative', 'level', 'rate')(task),
    (task) => (task.observations = [{ asOf: '2018-06-30', value: 1, unit: '公里' }]),
  ),
};
const DEFECT_NAMES = Object.keys(DEFECTS);
/** How many one-defect variants of each valid plan are checked. */
const DEFECTS_PER_RUN = 8;

/** The text fields where '' is valid: each must have been accepted empty many times. */
const EMPTY_ALLOWED = new Set(['$schema', 'issuer', 'title', 'leader', 'flags[]', 'note', 'reason']);

describe('fastParsePlan against the format and the schema (drift guard)', () => {
  it('accepts every valid plan (a task of every kind) as zod does, and refuses every one-defect variant, as zod does', () => {
    const counts = {
      accepted: 0,
      tasksByKind: Object.fromEntries(KINDS.map((kind) => [kind, 0])),
      emptyAccepted: new Map<string, number>(),
      defects: new Map<string, number>(),
    };
    const check = (input: Json, valid: boolean, label: string) => {
      const text = JSON.stringify(input);
      const json: unknown = JSON.parse(text);
      const expected = reference(json);
      if (expected.success !== valid) throw new Error(`${label}: the reference (plan.ts) ${expected.success ? 'accepts' : 'refuses'} ${text.slice(0, 2000)}`);
      const quick = fastParsePlan(json);
      if (!valid) {
        expect(quick, `${label}: the fast path accepts ${text.slice(0, 2000)}`).toBeUndefined();
        expect(fastParsePlan(JSON.parse(text), true)).toBeUndefined();
        return;
      }
      expect(quick, `${label}: the fast path gives up on ${text.slice(0, 2000)}`).toBeDefined();
      if (expected.success) expect(JSON.stringify(quick)).toBe(JSON.stringify(expected.data));
      // safeParsePlan takes the fast path from text (in place) and gives the same plan.
      expect(safeParsePlan(text)).toEqual({ success: true, data: quick });
      expect(fastParsePlan(JSON.parse(text), true)).toEqual(quick);
      // The defaults of the format, filled in.
      ((input as Obj).tasks as Obj[]).forEach((task, i) => {
        const target = task.target as Obj;
        const out = quick!.tasks[i]!.target as unknown as Obj;
        if (target.kind === 'rate' && target.bound === undefined) expect(out.bound).toBe('atLeast');
        if (target.kind === 'binary' && target.completedOn === undefined) expect(out.completedOn).toBeNull();
        if (target.kind === 'milestones') {
          (target.milestones as Obj[]).forEach((milestone, j) => {
            const result = (out.milestones as Obj[])[j]!;
            if (milestone.weight === undefined) expect(result.weight).toBe('1');
            if (milestone.done === undefined) expect(result.done).toBeNull();
          });
        }
      });
    };
    fc.assert(
      // Each run tries DEFECTS_PER_RUN defects in rotation (random seeds), so every defect is tried 1 200 × 8 / 33 ≈ 290
      // times whatever the random plans. The rarest to apply, planTrajectoryOutsideWindow (a cumulative or level task
      // without its own pace), was applied 90–117 times in three runs; with 5 random names per run it was about 50, the
      // floor below, and failed one run in a few.
      fc.property(validPlan, fc.array(fc.nat(), { minLength: DEFECTS_PER_RUN, maxLength: DEFECTS_PER_RUN }), (plan, seeds) => {
        const defects = seeds.map((seed, j) => [DEFECT_NAMES[(counts.accepted * DEFECTS_PER_RUN + j) % DEFECT_NAMES.length]!, seed] as const);
        check(plan, true, 'valid plan');
        counts.accepted++;
        for (const task of (plan as Obj).tasks as Obj[]) counts.tasksByKind[String((task.target as Obj).kind)]!++;
        for (const slot of slots(plan))
          if (slot.spec.t === 'text' && get(plan, slot.path) === '') counts.emptyAccepted.set(slot.name, (counts.emptyAccepted.get(slot.name) ?? 0) + 1);
        for (const [name, seed] of defects) {
          const variant = JSON.parse(JSON.stringify(plan)) as Json;
          let state = seed;
          const pick: Pick = (n) => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) % n;
          if (!DEFECTS[name]!(variant, pick)) continue;
          counts.defects.set(name, (counts.defects.get(name) ?? 0) + 1);
          check(variant, false, `defect ${name}`);
        }
      }),
      { numRuns: 1_200 },
    );
    // Its own coverage: valid plans with tasks of every kind, every empty-string edge, every defect.
    expect(counts.accepted).toBe(1_200);
    for (const kind of KINDS) expect(counts.tasksByKind[kind], kind).toBeGreaterThanOrEqual(1_200);
    for (const name of EMPTY_ALLOWED) expect(counts.emptyAccepted.get(name) ?? 0, `'' accepted as ${name}`).toBeGreaterThanOrEqual(50);
    for (const name of DEFECT_NAMES) expect(counts.defects.get(name) ?? 0, `defect ${name}`).toBeGreaterThanOrEqual(50);
  }, 120_000);
});
