/*
 * Type-level test: every zod schema and the hand-written type it stands for agree both ways.
 * `planSchema: z.ZodMiniType<Plan>` alone checks one direction only (a field added to `Task` in
 * src/model/types.ts and not to the schema still type-checked). Here each pair must be *equal*
 * (the identity check below, stricter than assignability both ways: an optional field on one
 * side only fails too), after `Normal` has set aside what is meant to differ: `readonly`
 * (the types are read-only, zod's output is not), and the index signatures (`x-` keys in the
 * types, any key in zod's loose objects).
 *
 * Compiled by `tsc -p tsconfig.test.json` in `npm run typecheck`, so part of `npm test`; it has
 * no runtime part. A failure reads `Type 'false' does not satisfy the constraint 'true'` on
 * the line of the pair that drifted.
 */
import type * as z from 'zod/mini';
import type { Rule, RuleEvent, RuleFile, Status, TopLevelCondition } from '../../src/engine/parse-rule-file.js';
import type { ObservationsFileOutput } from '../../src/model/observations-file.js';
import type { observationSchema, paceSchema, planShapeSchema, targetSchema, taskSchema } from '../../src/model/plan.js';
import type { caseFactsSchema, ruleCasesSchema } from '../../src/model/rule-cases.js';
import type { ruleFileSchema } from '../../src/model/rule-file.js';
import type {
  BinaryTarget,
  Cancellation,
  Category,
  CumulativeTarget,
  LevelTarget,
  Milestone,
  MilestonesTarget,
  Observation,
  ObservationRecord,
  ObservationsFile,
  Owners,
  Pace,
  Period,
  Plan,
  PlanMainIndicators,
  RateTarget,
  Target,
  Task,
  Trajectory,
  TrajectoryPoint,
} from '../../src/model/types.js';

/** A type with `readonly` everywhere and without index signatures, nested objects and arrays included. */
type Normal<T> = T extends readonly (infer U)[]
  ? readonly Normal<U>[]
  : T extends object
    ? { readonly [K in keyof T as string extends K ? never : K extends `x-${string}` ? never : K]: Normal<T[K]> }
    : T;
/** Identity of two types (not mere assignability). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
/** The schema's output and the type are the same, once normalised. */
type Agree<Output, Type> = Equal<Normal<Output>, Normal<Type>>;

type PlanOutput = z.output<typeof planShapeSchema>;
type TaskOutput = z.output<typeof taskSchema>;
type TargetOutput = z.output<typeof targetSchema>;
type Of<Kind extends Target['kind']> = Extract<TargetOutput, { kind: Kind }>;
type Item<T> = T extends readonly (infer U)[] ? U : never;
type Defined<T> = Exclude<T, undefined>;
/** `T` without the keys `K` (`Omit` would lose every known key of a type with an index signature). */
type Without<T, K extends PropertyKey> = { [P in keyof T as P extends K ? never : P]: T[P] };

// The plan and everything in it.
export type _Plan = Expect<Agree<PlanOutput, Plan>>;
export type _Period = Expect<Agree<PlanOutput['period'], Period>>;
export type _Category = Expect<Agree<Item<Defined<PlanOutput['categories']>>, Category>>;
export type _PlanMainIndicators = Expect<Agree<Defined<PlanOutput['mainIndicators']>, PlanMainIndicators>>;
export type _Task = Expect<Agree<TaskOutput, Task>>;
export type _Owners = Expect<Agree<Defined<TaskOutput['owners']>, Owners>>;
export type _Cancellation = Expect<Agree<Exclude<Defined<TaskOutput['cancelled']>, null>, Cancellation>>;
export type _Pace = Expect<Agree<z.output<typeof paceSchema>, Pace>>;
export type _Trajectory = Expect<Agree<Extract<z.output<typeof paceSchema>, object>, Trajectory>>;
export type _TrajectoryPoint = Expect<Agree<Item<Extract<z.output<typeof paceSchema>, object>['trajectory']>, TrajectoryPoint>>;
export type _Target = Expect<Agree<TargetOutput, Target>>;
export type _CumulativeTarget = Expect<Agree<Of<'cumulative'>, CumulativeTarget>>;
export type _LevelTarget = Expect<Agree<Of<'level'>, LevelTarget>>;
export type _RateTarget = Expect<Agree<Of<'rate'>, RateTarget>>;
export type _MilestonesTarget = Expect<Agree<Of<'milestones'>, MilestonesTarget>>;
export type _Milestone = Expect<Agree<Item<Of<'milestones'>['milestones']>, Milestone>>;
export type _BinaryTarget = Expect<Agree<Of<'binary'>, BinaryTarget>>;
export type _Observation = Expect<Agree<z.output<typeof observationSchema>, Observation>>;

// The observations file.
export type _ObservationsFile = Expect<Agree<ObservationsFileOutput, ObservationsFile>>;
export type _ObservationRecord = Expect<Agree<Item<ObservationsFileOutput['observations']>, ObservationRecord>>;

// The rule file. Two differences are by design: `conditions` is `unknown` to zod (parseRuleFile checks
// them against the fact catalogue and the operators, which depend on what an application registers),
// and the parsed RuleFile drops `$schema`.
type RuleFileOutput = z.output<typeof ruleFileSchema>;
type RuleOutput = Item<RuleFileOutput['rules']>;
export type _RuleFile = Expect<
  Agree<Without<RuleFileOutput, '$schema' | 'rules'> & { rules: readonly (Without<RuleOutput, 'conditions'> & { conditions: TopLevelCondition })[] }, RuleFile>
>;
export type _Rule = Expect<Agree<Without<RuleOutput, 'conditions'> & { conditions: TopLevelCondition }, Rule>>;
export type _RuleEvent = Expect<Agree<RuleOutput['event'], RuleEvent>>;
export type _Status = Expect<Agree<Item<RuleFileOutput['statuses']>, Status>>;

// The rule cases file: its parsed form (RuleCases) is a different structure, built by parseRuleCases
// from the schema's output (RuleCasesInput = z.output<typeof ruleCasesSchema>), so there is no
// hand-written twin to drift; a case's `task` is the plan's task schema and its facts are the
// fact catalogue's, checked here.
type CaseOutput = Item<z.output<typeof ruleCasesSchema>['cases']>;
export type _CaseTask = Expect<Agree<Defined<CaseOutput['task']>, Task>>;
export type _CaseFactsKind = Expect<Equal<Defined<z.output<typeof caseFactsSchema>['kind']>, Target['kind']>>;
