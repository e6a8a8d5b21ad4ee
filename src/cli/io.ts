import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  BUNDLED_RULE_SET_IDS,
  DubanError,
  isBundledRuleSetId,
  isDubanError,
  mergeObservations,
  parseObservations,
  parseObservationsCsv,
  parsePlan,
  parseRuleFile,
  type BundledRuleSetId,
  type Plan,
  type RuleFile,
} from '../index.js';

/** A usage problem: reported like invalid input, exit 2. */
export function usage(message: string): DubanError {
  return new DubanError('INVALID_OPTION', message, { issues: [{ path: 'options', message }], source: 'command line' });
}

export function readText(file: string, stdin: () => string): string {
  try {
    return file === '-' ? stdin() : readFileSync(file, 'utf8');
  } catch (cause) {
    const code = (cause as { code?: string }).code;
    throw new DubanError('INVALID_OPTION', `cannot read ${file}`, {
      issues: [{ path: '$', message: code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? String(cause)})` }],
      source: file,
      cause,
    });
  }
}

export function loadRules(spec: string | undefined, read: (file: string) => string): RuleFile | undefined {
  if (spec === undefined || isBundledRuleSetId(spec)) return undefined;
  if (!/[\\/]|\.json$/i.test(spec)) throw usage(`unknown rule set ${JSON.stringify(spec)}; bundled: ${BUNDLED_RULE_SET_IDS.join(', ')}, or give a rule file's path`);
  return parseRuleFile(read(spec), { source: spec });
}

/** Writes a file atomically: to a temporary file beside it, then renamed, so a failure leaves nothing half-written. */
export function writeAtomically(file: string, text: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing to clean up
    }
    throw error;
  }
}

/** The process's streams and exit, injectable for tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdin: () => string;
  readonly now?: number;
}


/** The inputs most commands share: a plan (with observations merged) and a rule set. */
export interface EvaluationInputs {
  readonly plan: Plan;
  readonly rules: BundledRuleSetId | RuleFile;
}

/**
 * Loads the plan, the rule file and the observations, collecting every input
 * error of every file before giving up, so one run reports them all.
 */
export function loadEvaluationInputs(options: { plan: string; rules?: string | undefined; observations?: string | undefined }, io: CliIo): EvaluationInputs {
  const read = (file: string) => readText(file, io.stdin);
  const errors: DubanError[] = [];
  const attempt = <T>(load: () => T): T | undefined => {
    try {
      return load();
    } catch (error) {
      if (!isDubanError(error)) throw error;
      errors.push(error);
      return undefined;
    }
  };
  let plan = attempt(() => parsePlan(read(options.plan), { source: options.plan === '-' ? 'stdin' : options.plan }));
  const rules = attempt(() => loadRules(options.rules, read));
  const observationsFile = options.observations;
  if (observationsFile !== undefined) {
    const observations = attempt(() => {
      const text = read(observationsFile);
      if (/\.csv$/i.test(observationsFile)) return parseObservationsCsv(text, plan?.id ?? '', { source: observationsFile });
      return parseObservations(text, { source: observationsFile });
    });
    if (plan !== undefined && observations !== undefined) {
      const base = plan;
      plan = attempt(() => mergeObservations(base, observations, { source: observationsFile }));
    }
  }
  if (errors.length > 0 || plan === undefined) throw errors.length === 1 ? errors[0]! : new AggregateError(errors);
  return { plan, rules: rules ?? ((options.rules ?? 'four-level') as BundledRuleSetId) };
}

/** Throws one error listing every command-line problem, if there are any. */
export function checkOptions(problems: readonly string[]): void {
  if (problems.length > 0) {
    throw new DubanError('INVALID_OPTION', 'invalid command line', { issues: problems.map((message) => ({ path: 'options', message })), source: 'command line' });
  }
}

/** Formats input errors as one line per problem: `file: path: message`. */
export function reportErrors(error: unknown, io: CliIo): boolean {
  const list = error instanceof AggregateError ? (error.errors as unknown[]) : [error];
  if (!list.every(isDubanError)) return false;
  for (const item of list) {
    const source = item.source ?? 'input';
    if (item.issues.length === 0) io.stderr(`duban: ${source}: ${item.message}\n`);
    for (const issue of item.issues) io.stderr(`duban: ${source}: ${issue.path}: ${issue.message}\n`);
  }
  return true;
}

