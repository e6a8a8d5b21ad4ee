import { isCalendarDate } from './calendar-date.js';
import { compareDecimals, parseDecimal } from './decimal.js';
import { inputLimitIssues, MAX_ARRAY_LENGTH, MAX_STRING_LENGTH } from './limits.js';
import type * as z from 'zod/mini';
import { observationSchema, paceSchema, planShapeSchema, targetSchema, taskSchema } from './plan.js';
import type { Plan, TrajectoryPoint } from './types.js';
import { unitConversionExponent } from './units.js';

/*
 * A fast path for the plan schema. It accepts exactly a subset of what the zod
 * schema (plan.ts) accepts and builds the same output, key order included; on
 * anything else (a problem, or an input it does not handle such as an explicit
 * `undefined`) it gives up and the caller runs zod, which reports the issues.
 * Differential property tests check it against zod. It exists because zod
 * validation dominated the time of `duban evaluate` on large plans.
 *
 * It also vouches for the two other checks of `safeParsePlan`, so a plan it
 * accepts is walked once: every string and key it accepts is within
 * MAX_STRING_LENGTH, every `x-` value passes the limit walk (at a depth no
 * `x-` key can exceed), and the plan passes the cross-checks of plan.ts
 * (`consistent` below gives up wherever `planCrossChecks` would report).
 */

type Raw = Record<string, unknown>;

/** Signals "not handled here: use zod". */
class GiveUp extends Error {}
const GIVE_UP = new GiveUp();

function fail(): never {
  throw GIVE_UP;
}

function object(value: unknown): Raw {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail();
  return value as Raw;
}

/** Checks the keys: known ones or `x-` ones, no explicit `undefined`; returns the `x-` keys in input order. */
function keys(value: Raw, known: ReadonlySet<string>): string[] | undefined {
  let extra: string[] | undefined;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (value[key] === undefined) fail();
    if (!known.has(key)) {
      if (!key.startsWith('x-') || key.length > MAX_STRING_LENGTH) fail();
      const item = value[key];
      if (
        typeof item === 'object'
          ? item !== null && inputLimitIssues(item, EXTENSION_DEPTH).length > 0
          : typeof item === 'string' && item.length > MAX_STRING_LENGTH
      )
        fail();
      (extra ??= []).push(key);
    }
  }
  return extra;
}

function copyExtra(out: Raw, value: Raw, extra: string[] | undefined): void {
  if (out !== value && extra !== undefined) for (const key of extra) out[key] = value[key];
}

/**
 * The deepest an `x-` value can sit in a plan the fast path reads (a trajectory
 * point's `x-` key: plan, tasks, task, pace, trajectory, point, value). Walking
 * every `x-` value from this depth never accepts one the whole-file walk would refuse.
 */
const EXTENSION_DEPTH = 7;

const string = (value: unknown): string => (typeof value === 'string' && value.length <= MAX_STRING_LENGTH ? value : fail());
const nonEmpty = (value: unknown): string => (typeof value === 'string' && value.length > 0 && value.length <= MAX_STRING_LENGTH ? value : fail());
const date = (value: unknown): string => (isCalendarDate(value) ? value : fail());
const decimal = (value: unknown): string => parseDecimal(value) ?? fail();
const array = (value: unknown): unknown[] => (Array.isArray(value) && value.length <= MAX_ARRAY_LENGTH ? value : fail());

/*
 * What the fast path knows of the format it reads from the zod schemas of plan.ts, once, when the
 * module loads: the keys of every object (their `.shape`), the values of every enum and literal,
 * the defaults, and whether a string may be empty. What it cannot read there is the structure
 * (which field is a date, a decimal, a list) and the cross-checks; the differential test
 * (test/compiled/fast-parse-plan.test.ts) holds those to the schema. Anything in a schema it does
 * not understand (a check other than a minimum length, a default it cannot find) makes the
 * reader concerned give up on every input, so zod decides: slower, never wrong.
 */

type Schema = z.ZodMiniType;
type Def = {
  type: string;
  innerType?: Schema;
  element?: Schema;
  options?: readonly Schema[];
  shape?: Record<string, Schema>;
  checks?: readonly { _zod: { def: { check: string; minimum?: number } } }[];
  defaultValue?: unknown;
  values?: readonly unknown[];
  entries?: Record<string, unknown>;
};

const def = (schema: Schema): Def => schema._zod.def as unknown as Def;

/** The schema inside `optional`, `nullable` and `default` wrappers. */
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (let d = def(current); (d.type === 'optional' || d.type === 'nullable' || d.type === 'default') && d.innerType !== undefined; d = def(current))
    current = d.innerType;
  return current;
}

/** The shape of an object schema (optional or not). */
function shapeOf(schema: Schema): Record<string, Schema> {
  return def(unwrap(schema)).shape ?? {};
}

const keySet = (schema: Schema): ReadonlySet<string> => new Set(Object.keys(shapeOf(schema)));

/** The element schema of an array schema (optional or not). */
const elementOf = (schema: Schema): Schema => def(unwrap(schema)).element ?? schema;

const never = (): never => fail();

/** The reader of a string field: any string, or a non-empty one where the schema says so (a minimum length of 1). */
function textReader(schema: Schema): (value: unknown) => string {
  const inner = def(unwrap(schema));
  if (inner.type !== 'string') return never;
  let minimum = 0;
  for (const check of inner.checks ?? []) {
    const { check: kind, minimum: min } = check._zod.def;
    if (kind !== 'min_length' || min === undefined || min > 1) return never;
    minimum = Math.max(minimum, min);
  }
  return minimum === 0 ? string : nonEmpty;
}

/** A field's default value, or `undefined` if the schema gives it none (the field is then required). */
function defaultOf(schema: Schema): { readonly value: unknown } | undefined {
  for (let d = def(schema); d.innerType !== undefined; d = def(d.innerType)) if (d.type === 'default') return { value: d.defaultValue };
  return undefined;
}

/** The string values of the literals and enums of a schema (through unions and wrappers). */
function literalValues(schema: Schema): ReadonlySet<unknown> {
  const values = new Set<unknown>();
  const walk = (s: Schema): void => {
    const d = def(unwrap(s));
    if (d.type === 'literal') for (const value of d.values ?? []) values.add(value);
    else if (d.type === 'enum') for (const value of Object.values(d.entries ?? {})) values.add(value);
    else if (d.type === 'union') for (const option of d.options ?? []) walk(option);
  };
  walk(schema);
  return values;
}

/** The object option of a union (a trajectory pace, a `{ categories }` main-indicator list). */
const objectOption = (schema: Schema): Schema => def(unwrap(schema)).options?.find((option) => def(unwrap(option)).type === 'object') ?? schema;

const PLAN = shapeOf(planShapeSchema);
const TASK = shapeOf(taskSchema);
const PACE_OBJECT = objectOption(paceSchema);
const POINT = elementOf(shapeOf(PACE_OBJECT).trajectory!);
const PERIOD = PLAN.period!;
const CATEGORY = elementOf(PLAN.categories!);
const MAIN_INDICATORS_OBJECT = objectOption(PLAN.mainIndicators!);
const OWNERS = TASK.owners!;
const CANCELLED = TASK.cancelled!;
const OBSERVATION = shapeOf(observationSchema);
const TARGETS: Readonly<Record<string, Record<string, Schema>>> = Object.fromEntries(
  (def(targetSchema).options ?? []).map((option) => [[...literalValues(shapeOf(option).kind!)][0], shapeOf(option)]),
);
const MILESTONE = shapeOf(elementOf(TARGETS.milestones?.milestones ?? targetSchema));

const PLAN_KEYS = keySet(planShapeSchema);
const PERIOD_KEYS = keySet(PERIOD);
const CATEGORY_KEYS = keySet(CATEGORY);
const PACE_KEYS = keySet(PACE_OBJECT);
const POINT_KEYS = keySet(POINT);
const TASK_KEYS = keySet(taskSchema);
const OWNER_KEYS = keySet(OWNERS);
const CANCELLED_KEYS = keySet(CANCELLED);
const OBSERVATION_KEYS = keySet(observationSchema);
const MILESTONE_KEYS = new Set(Object.keys(MILESTONE));
const MAIN_INDICATOR_KEYS = keySet(MAIN_INDICATORS_OBJECT);
const TARGET_KEYS: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  Object.entries(TARGETS).map(([kind, shape]) => [kind, new Set(Object.keys(shape))]),
);

const FORMAT_VERSIONS = literalValues(PLAN.formatVersion!);

/** The string paces (`"monthly"`, `"daily"`), the string main-indicator choices, the rate bounds. */
const PACE_NAMES = literalValues(paceSchema);
const MAIN_INDICATOR_NAMES = literalValues(PLAN.mainIndicators!);
const RATE_BOUND_NAMES = literalValues(TARGETS.rate?.bound ?? targetSchema);

/** A missing field with a default gets it; without one (the schema changed) the fast path gives up. */
const orDefault = (found: { readonly value: unknown } | undefined): unknown => (found === undefined ? fail() : found.value);
const BOUND_DEFAULT = defaultOf(TARGETS.rate?.bound ?? targetSchema);
const DONE_DEFAULT = defaultOf(MILESTONE.done!);
const WEIGHT_DEFAULT = defaultOf(MILESTONE.weight!);
const COMPLETED_ON_DEFAULT = defaultOf(TARGETS.binary?.completedOn ?? targetSchema);

const text = {
  planSchema: textReader(PLAN.$schema!),
  planId: textReader(PLAN.id!),
  planTitle: textReader(PLAN.title!),
  issuer: textReader(PLAN.issuer!),
  categoryId: textReader(shapeOf(CATEGORY).id!),
  categoryTitle: textReader(shapeOf(CATEGORY).title!),
  mainIndicator: textReader(elementOf(shapeOf(MAIN_INDICATORS_OBJECT).categories!)),
  taskId: textReader(TASK.id!),
  taskTitle: textReader(TASK.title!),
  category: textReader(TASK.category!),
  leader: textReader(TASK.leader!),
  flag: textReader(elementOf(TASK.flags!)),
  lead: textReader(elementOf(shapeOf(OWNERS).lead!)),
  support: textReader(elementOf(shapeOf(OWNERS).support!)),
  reason: textReader(shapeOf(CANCELLED).reason!),
  measure: Object.fromEntries(Object.entries(TARGETS).map(([kind, shape]) => [kind, shape.measure === undefined ? never : textReader(shape.measure)])),
  unit: Object.fromEntries(Object.entries(TARGETS).map(([kind, shape]) => [kind, shape.unit === undefined ? never : textReader(shape.unit)])),
  milestoneTitle: textReader(MILESTONE.title!),
  observationUnit: textReader(OBSERVATION.unit!),
  note: textReader(OBSERVATION.note!),
} as const;

/*
 * Each builder writes its output fields in the zod schema's key order, into a
 * fresh object or (in place) into the input itself, where assigning a key that
 * exists keeps its position. No temporary objects or closures per task: this
 * runs for every task of a large plan.
 */

const has = Object.hasOwn;

/** A list read element by element: in place, the input array itself. */
function list<T>(value: unknown, inPlace: boolean, read: (item: unknown, inPlace: boolean) => T, long = false): T[] {
  // Only the tasks may be longer than MAX_ARRAY_LENGTH (their count is checked before).
  const items = long && Array.isArray(value) ? value : array(value);
  const out: T[] = inPlace ? (items as T[]) : new Array<T>(items.length);
  for (let i = 0; i < items.length; i++) out[i] = read(items[i], inPlace);
  return out;
}

/** An object of two known fields (and `x-` keys), each read by its reader, in that order. */
function twoFields(
  value: unknown,
  inPlace: boolean,
  known: ReadonlySet<string>,
  a: string,
  readA: (value: unknown) => unknown,
  b: string,
  readB: (value: unknown) => unknown,
): Raw {
  const raw = object(value);
  const extra = keys(raw, known);
  const first = readA(raw[a]);
  const second = readB(raw[b]);
  const out: Raw = inPlace ? raw : {};
  out[a] = first;
  out[b] = second;
  copyExtra(out, raw, extra);
  return out;
}

const period = (value: unknown, inPlace: boolean): Raw => twoFields(value, inPlace, PERIOD_KEYS, 'start', date, 'end', date);

const point = (value: unknown, inPlace: boolean): Raw => twoFields(value, inPlace, POINT_KEYS, 'date', date, 'expected', decimal);

function pace(value: unknown, inPlace: boolean): unknown {
  if (PACE_NAMES.has(value)) return value;
  const raw = object(value);
  const extra = keys(raw, PACE_KEYS);
  if (array(raw.trajectory).length === 0) fail();
  const trajectory = list(raw.trajectory, inPlace, point);
  const out: Raw = inPlace ? raw : {};
  out.trajectory = trajectory;
  copyExtra(out, raw, extra);
  return out;
}

function milestone(value: unknown, inPlace: boolean): Raw {
  const m = object(value);
  const extra = keys(m, MILESTONE_KEYS);
  const title = text.milestoneTitle(m.title);
  const due = date(m.due);
  const done = m.done === undefined ? orDefault(DONE_DEFAULT) : m.done === null ? null : date(m.done);
  const weight = m.weight === undefined ? orDefault(WEIGHT_DEFAULT) : decimal(m.weight);
  const out: Raw = inPlace ? m : {};
  out.title = title;
  out.due = due;
  out.done = done;
  out.weight = weight;
  copyExtra(out, m, extra);
  return out;
}

function target(value: unknown, inPlace: boolean): Raw {
  const raw = object(value);
  const kind = raw.kind;
  if (typeof kind !== 'string' || !has(TARGET_KEYS, kind)) fail();
  const extra = keys(raw, TARGET_KEYS[kind]!);
  const out: Raw = inPlace ? raw : {};
  switch (kind) {
    case 'cumulative':
    case 'level':
    case 'rate': {
      const measure = text.measure[kind]!(raw.measure);
      const unit = text.unit[kind]!(raw.unit);
      const amount = decimal(raw.value);
      const baseline = kind === 'level' ? decimal(raw.baseline) : undefined;
      const bound = kind !== 'rate' ? undefined : raw.bound === undefined ? orDefault(BOUND_DEFAULT) : RATE_BOUND_NAMES.has(raw.bound) ? raw.bound : fail();
      const tolerance = kind === 'rate' && has(raw, 'tolerance') ? decimal(raw.tolerance) : undefined;
      out.kind = kind;
      out.measure = measure;
      out.unit = unit;
      out.value = amount;
      if (kind === 'level') out.baseline = baseline;
      if (kind === 'rate') {
        out.bound = bound;
        if (tolerance !== undefined) out.tolerance = tolerance;
      }
      break;
    }
    case 'milestones': {
      if (array(raw.milestones).length === 0) fail();
      const milestones = list(raw.milestones, inPlace, milestone);
      out.kind = kind;
      out.milestones = milestones;
      break;
    }
    case 'binary': {
      const completedOn = raw.completedOn === undefined ? orDefault(COMPLETED_ON_DEFAULT) : raw.completedOn === null ? null : date(raw.completedOn);
      out.kind = kind;
      out.completedOn = completedOn;
      break;
    }
    default:
      fail();
  }
  copyExtra(out, raw, extra);
  return out;
}

function strings(value: unknown, inPlace: boolean, read: (value: unknown) => string): string[] {
  const items = array(value);
  for (const item of items) read(item);
  return inPlace ? (items as string[]) : (items.slice() as string[]);
}

function owners(value: unknown, inPlace: boolean): Raw {
  const o = object(value);
  const extra = keys(o, OWNER_KEYS);
  const lead = has(o, 'lead') ? strings(o.lead, inPlace, text.lead) : undefined;
  const support = has(o, 'support') ? strings(o.support, inPlace, text.support) : undefined;
  const out: Raw = inPlace ? o : {};
  if (lead !== undefined) out.lead = lead;
  if (support !== undefined) out.support = support;
  copyExtra(out, o, extra);
  return out;
}

function observation(value: unknown, inPlace: boolean): Raw {
  const o = object(value);
  const extra = keys(o, OBSERVATION_KEYS);
  const asOf = date(o.asOf);
  const amount = decimal(o.value);
  const unit = has(o, 'unit') ? text.observationUnit(o.unit) : undefined;
  const note = has(o, 'note') ? text.note(o.note) : undefined;
  const out: Raw = inPlace ? o : {};
  out.asOf = asOf;
  out.value = amount;
  if (unit !== undefined) out.unit = unit;
  if (note !== undefined) out.note = note;
  copyExtra(out, o, extra);
  return out;
}

const cancellation = (value: unknown, inPlace: boolean): Raw | null =>
  value === null ? null : twoFields(value, inPlace, CANCELLED_KEYS, 'on', date, 'reason', text.reason);

const category = (value: unknown, inPlace: boolean): Raw => twoFields(value, inPlace, CATEGORY_KEYS, 'id', text.categoryId, 'title', text.categoryTitle);

/** `"rate"`, `"none"` or `{ categories: [id, …] }` with at least one id (that the ids exist is checked by `consistent`). */
function mainIndicators(value: unknown, inPlace: boolean): unknown {
  if (MAIN_INDICATOR_NAMES.has(value)) return value;
  const raw = object(value);
  const extra = keys(raw, MAIN_INDICATOR_KEYS);
  const ids = array(raw.categories);
  if (ids.length === 0) fail();
  const out: Raw = inPlace ? raw : {};
  out.categories = inPlace ? ids : [];
  for (let i = 0; i < ids.length; i++) (out.categories as unknown[])[i] = text.mainIndicator(ids[i]);
  copyExtra(out, raw, extra);
  return out;
}

function task(value: unknown, inPlace: boolean): Raw {
  const raw = object(value);
  const extra = keys(raw, TASK_KEYS);
  const out: Raw = inPlace ? raw : {};
  // Each field is checked before it is written (in place, a give-up then leaves only normalised values).
  out.id = text.taskId(raw.id);
  out.title = text.taskTitle(raw.title);
  if (has(raw, 'category')) out.category = text.category(raw.category);
  if (has(raw, 'owners')) out.owners = owners(raw.owners, inPlace);
  if (has(raw, 'leader')) out.leader = text.leader(raw.leader);
  if (has(raw, 'start')) out.start = date(raw.start);
  if (has(raw, 'deadline')) out.deadline = date(raw.deadline);
  if (has(raw, 'pace')) out.pace = pace(raw.pace, inPlace);
  out.target = target(raw.target, inPlace);
  if (has(raw, 'observations')) out.observations = list(raw.observations, inPlace, observation);
  if (has(raw, 'flags')) out.flags = strings(raw.flags, inPlace, text.flag);
  if (has(raw, 'cancelled')) out.cancelled = cancellation(raw.cancelled, inPlace);
  copyExtra(out, raw, extra);
  return out;
}

/**
 * Validates and normalises a plan's shape without zod, for speed. Returns
 * `undefined` whenever the input is not plainly valid; the caller then runs the
 * zod schema, which accepts or rejects it and names every problem.
 *
 * @param input - the parsed JSON of a plan
 * @param inPlace - normalise the input itself instead of copying it (it then becomes the plan; key order may differ from zod's)
 * @returns the plan with the zod schema's output, or `undefined`
 */
export function fastParsePlan(input: unknown, inPlace = false): Plan | undefined {
  try {
    const raw = object(input);
    const extra = keys(raw, PLAN_KEYS);
    if (!FORMAT_VERSIONS.has(raw.formatVersion)) fail();
    // In place, the checks all run before anything is written, object by object, so a
    // give-up leaves at most already-normalised values behind (the caller then discards
    // the input): only for input nobody else holds, such as freshly parsed JSON text.
    const out: Raw = inPlace ? raw : {};
    if (has(raw, '$schema')) out.$schema = text.planSchema(raw.$schema);
    out.formatVersion = raw.formatVersion;
    out.id = text.planId(raw.id);
    out.title = text.planTitle(raw.title);
    if (has(raw, 'issuer')) out.issuer = text.issuer(raw.issuer);
    out.period = period(raw.period, inPlace);
    if (has(raw, 'asOf')) out.asOf = date(raw.asOf);
    if (has(raw, 'pace')) out.pace = pace(raw.pace, inPlace);
    if (has(raw, 'categories')) out.categories = list(raw.categories, inPlace, category);
    if (has(raw, 'mainIndicators')) out.mainIndicators = mainIndicators(raw.mainIndicators, inPlace);
    out.tasks = list(raw.tasks, inPlace, task, true);
    copyExtra(out, raw, extra);
    if (!consistent(out as unknown as Plan)) fail();
    return out as unknown as Plan;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/** A trajectory's points: values in [0, 1], dates strictly increasing, values not decreasing. */
function trajectoryIsValid(points: readonly TrajectoryPoint[]): boolean {
  let previous: TrajectoryPoint | undefined;
  for (const point of points) {
    if (point.expected.startsWith('-') || compareDecimals(point.expected, '1') > 0) return false;
    if (previous !== undefined && (point.date <= previous.date || compareDecimals(point.expected, previous.expected) < 0)) return false;
    previous = point;
  }
  return true;
}

/** Whether two observations share an `asOf` (pairwise for the usual few, with a set for many). */
function hasDuplicateDates(observations: readonly { readonly asOf: string }[]): boolean {
  if (observations.length > 8) return new Set(observations.map((observation) => observation.asOf)).size < observations.length;
  for (let j = 1; j < observations.length; j++) for (let k = 0; k < j; k++) if (observations[j]!.asOf === observations[k]!.asOf) return true;
  return false;
}

const isPositive = (decimal: string): boolean => decimal !== '0' && !decimal.startsWith('-');

/**
 * `planCrossChecks` (plan.ts) on a plan of valid shape, as a yes/no: false
 * wherever it would report an issue. The differential tests hold the two together.
 */
function consistent(plan: Plan): boolean {
  const { start: periodStart, end: periodEnd } = plan.period;
  if (periodStart > periodEnd) return false;
  const categoryIds = new Set<string>();
  for (const category of plan.categories ?? []) {
    if (categoryIds.has(category.id)) return false;
    categoryIds.add(category.id);
  }
  if (typeof plan.mainIndicators === 'object' && !plan.mainIndicators.categories.every((id) => categoryIds.has(id))) return false;
  const planTrajectory = typeof plan.pace === 'object' ? plan.pace.trajectory : undefined;
  if (planTrajectory !== undefined && !trajectoryIsValid(planTrajectory)) return false;
  const taskIds = new Set<string>();
  const convertible = new Map<string, boolean>();
  for (const task of plan.tasks) {
    if (taskIds.has(task.id)) return false;
    taskIds.add(task.id);
    if (task.category !== undefined && !categoryIds.has(task.category)) return false;
    const start = task.start ?? periodStart;
    const deadline = task.deadline ?? periodEnd;
    if (start > deadline) return false;
    const { target } = task;
    const { kind } = target;
    if (kind === 'cumulative' && !isPositive(target.value)) return false;
    if (kind === 'level' && target.value === target.baseline) return false;
    if (kind === 'rate' && ((target.bound === 'about') !== (target.tolerance !== undefined) || target.tolerance?.startsWith('-') === true)) return false;
    if (kind === 'milestones' && !target.milestones.every((milestone) => isPositive(milestone.weight))) return false;
    const own = typeof task.pace === 'object' ? task.pace.trajectory : undefined;
    if (own !== undefined && !trajectoryIsValid(own)) return false;
    const points = own ?? (task.pace === undefined && (kind === 'cumulative' || kind === 'level') ? planTrajectory : undefined);
    if (points !== undefined && points.some((point) => point.date < start || point.date >= deadline)) return false;
    const { observations } = task;
    if (observations === undefined) continue;
    if (kind === 'milestones' || kind === 'binary') return false;
    if (observations.length > 1 && hasDuplicateDates(observations)) return false;
    for (const observation of observations) {
      const { unit } = observation;
      if (unit === undefined || unit === target.unit) continue;
      const key = `${unit}\u0000${target.unit}`;
      let known = convertible.get(key);
      if (known === undefined) {
        known = unitConversionExponent(unit, target.unit) !== undefined;
        convertible.set(key, known);
      }
      if (!known) return false;
    }
  }
  return true;
}
