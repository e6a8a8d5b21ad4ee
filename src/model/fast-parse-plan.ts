import { isCalendarDate } from './calendar-date.js';
import { compareDecimals, parseDecimal } from './decimal.js';
import { inputLimitIssues, MAX_STRING_LENGTH } from './limits.js';
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
      if (typeof item === 'object' ? item !== null && inputLimitIssues(item, EXTENSION_DEPTH).length > 0 : typeof item === 'string' && item.length > MAX_STRING_LENGTH) fail();
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
const array = (value: unknown): unknown[] => (Array.isArray(value) ? value : fail());

const PLAN_KEYS = new Set(['$schema', 'formatVersion', 'id', 'title', 'issuer', 'period', 'asOf', 'pace', 'categories', 'tasks']);
const PERIOD_KEYS = new Set(['start', 'end']);
const CATEGORY_KEYS = new Set(['id', 'title']);
const PACE_KEYS = new Set(['trajectory']);
const POINT_KEYS = new Set(['date', 'expected']);
const TASK_KEYS = new Set(['id', 'title', 'category', 'owners', 'leader', 'start', 'deadline', 'pace', 'target', 'observations', 'flags', 'cancelled']);
const OWNER_KEYS = new Set(['lead', 'support']);
const CANCELLED_KEYS = new Set(['on', 'reason']);
const OBSERVATION_KEYS = new Set(['asOf', 'value', 'unit', 'note']);
const MILESTONE_KEYS = new Set(['title', 'due', 'done', 'weight']);
const TARGET_KEYS: Readonly<Record<string, ReadonlySet<string>>> = {
  cumulative: new Set(['kind', 'measure', 'unit', 'value']),
  level: new Set(['kind', 'measure', 'unit', 'value', 'baseline']),
  rate: new Set(['kind', 'measure', 'unit', 'value', 'bound', 'tolerance']),
  milestones: new Set(['kind', 'milestones']),
  binary: new Set(['kind', 'completedOn']),
};

function period(value: unknown, inPlace: boolean): Raw {
  const raw = object(value);
  const extra = keys(raw, PERIOD_KEYS);
  const out = assign(inPlace ? raw : {}, { start: date(raw.start), end: date(raw.end) });
  copyExtra(out, raw, extra);
  return out;
}

function pace(value: unknown, inPlace: boolean): unknown {
  if (value === 'monthly' || value === 'daily') return value;
  const raw = object(value);
  const extra = keys(raw, PACE_KEYS);
  const points = array(raw.trajectory);
  if (points.length === 0) fail();
  const out = assign(inPlace ? raw : {}, {
    trajectory: points.map((point) => {
      const p = object(point);
      const pointExtra = keys(p, POINT_KEYS);
      const o = assign(inPlace ? p : {}, { date: date(p.date), expected: decimal(p.expected) });
      copyExtra(o, p, pointExtra);
      return o;
    }),
  });
  copyExtra(out, raw, extra);
  return out;
}

function target(value: unknown, inPlace: boolean): Raw {
  const raw = object(value);
  const kind = raw.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(TARGET_KEYS, kind)) fail();
  const extra = keys(raw, TARGET_KEYS[kind]!);
  let out: Raw;
  const base = inPlace ? raw : {};
  switch (kind) {
    case 'cumulative':
      out = assign(base, { kind, measure: nonEmpty(raw.measure), unit: nonEmpty(raw.unit), value: decimal(raw.value) });
      break;
    case 'level':
      out = assign(base, { kind, measure: nonEmpty(raw.measure), unit: nonEmpty(raw.unit), value: decimal(raw.value), baseline: decimal(raw.baseline) });
      break;
    case 'rate': {
      const bound = raw.bound === undefined ? 'atLeast' : raw.bound;
      if (bound !== 'atLeast' && bound !== 'atMost' && bound !== 'about') fail();
      const tolerance = Object.hasOwn(raw, 'tolerance') ? decimal(raw.tolerance) : undefined;
      out = assign(base, { kind, measure: nonEmpty(raw.measure), unit: nonEmpty(raw.unit), value: decimal(raw.value), bound });
      if (tolerance !== undefined) out.tolerance = tolerance;
      break;
    }
    case 'milestones': {
      const milestones = array(raw.milestones);
      if (milestones.length === 0) fail();
      out = assign(base, {
        kind,
        milestones: milestones.map((item) => {
          const m = object(item);
          const mExtra = keys(m, MILESTONE_KEYS);
          const o = assign(inPlace ? m : {}, {
            title: nonEmpty(m.title),
            due: date(m.due),
            done: m.done === undefined || m.done === null ? null : date(m.done),
            weight: m.weight === undefined ? '1' : decimal(m.weight),
          });
          copyExtra(o, m, mExtra);
          return o;
        }),
      });
      break;
    }
    default:
      out = assign(base, { kind, completedOn: raw.completedOn === undefined || raw.completedOn === null ? null : date(raw.completedOn) });
  }
  copyExtra(out, raw, extra);
  return out;
}

/** Writes `fields` into `target` (a fresh object, or the input itself in place) and returns it. */
function assign(target: Raw, fields: Raw): Raw {
  for (const key in fields) target[key] = fields[key];
  return target;
}

function optional(out: Raw, raw: Raw, key: string, read: (value: unknown) => unknown): void {
  if (Object.hasOwn(raw, key)) out[key] = read(raw[key]);
}

function strings(value: unknown, read: (value: unknown) => string): string[] {
  return array(value).map(read);
}

function task(value: unknown, inPlace: boolean): Raw {
  const raw = object(value);
  const extra = keys(raw, TASK_KEYS);
  const out = assign(inPlace ? raw : {}, { id: nonEmpty(raw.id), title: string(raw.title) });
  optional(out, raw, 'category', string);
  optional(out, raw, 'owners', (owners) => {
    const o = object(owners);
    const ownerExtra = keys(o, OWNER_KEYS);
    const result: Raw = inPlace ? o : {};
    optional(result, o, 'lead', (lead) => strings(lead, nonEmpty));
    optional(result, o, 'support', (support) => strings(support, nonEmpty));
    copyExtra(result, o, ownerExtra);
    return result;
  });
  optional(out, raw, 'leader', string);
  optional(out, raw, 'start', date);
  optional(out, raw, 'deadline', date);
  optional(out, raw, 'pace', (value) => pace(value, inPlace));
  out.target = target(raw.target, inPlace);
  optional(out, raw, 'observations', (list) =>
    array(list).map((item) => {
      const o = object(item);
      const oExtra = keys(o, OBSERVATION_KEYS);
      const result = assign(inPlace ? o : {}, { asOf: date(o.asOf), value: decimal(o.value) });
      optional(result, o, 'unit', nonEmpty);
      optional(result, o, 'note', string);
      copyExtra(result, o, oExtra);
      return result;
    }),
  );
  optional(out, raw, 'flags', (flags) => strings(flags, string));
  optional(out, raw, 'cancelled', (cancelled) => {
    if (cancelled === null) return null;
    const c = object(cancelled);
    const cExtra = keys(c, CANCELLED_KEYS);
    const result = assign(inPlace ? c : {}, { on: date(c.on), reason: string(c.reason) });
    copyExtra(result, c, cExtra);
    return result;
  });
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
    if (raw.formatVersion !== 1) fail();
    // In place, the checks all run before anything is written, object by object, so a
    // give-up leaves at most already-normalised values behind (the caller then discards
    // the input): only for input nobody else holds, such as freshly parsed JSON text.
    const out: Raw = inPlace ? raw : {};
    optional(out, raw, '$schema', string);
    out.formatVersion = 1;
    out.id = nonEmpty(raw.id);
    out.title = nonEmpty(raw.title);
    optional(out, raw, 'issuer', string);
    out.period = period(raw.period, inPlace);
    optional(out, raw, 'asOf', date);
    optional(out, raw, 'pace', (value) => pace(value, inPlace));
    optional(out, raw, 'categories', (categories) =>
      array(categories).map((item) => {
        const c = object(item);
        const cExtra = keys(c, CATEGORY_KEYS);
        const result = assign(inPlace ? c : {}, { id: nonEmpty(c.id), title: string(c.title) });
        copyExtra(result, c, cExtra);
        return result;
      }),
    );
    out.tasks = array(raw.tasks).map((item) => task(item, inPlace));
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
    if (observations.length > 1 && new Set(observations.map((observation) => observation.asOf)).size < observations.length) return false;
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
