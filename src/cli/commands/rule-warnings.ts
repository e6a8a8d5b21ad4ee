import { BUNDLED_RULE_SET_IDS, bundledRuleFileJson, checkRuleFile, parseRuleFile, type BundledRuleSetId, type RuleFile } from '../../index.js';
import type { CliIo } from '../io.js';

/**
 * The one-line warning `duban evaluate` and `duban report` write on stderr when
 * the rule file has rules that can never decide a task or statuses no rule can
 * assign: the file loads and evaluates, but probably not as its author meant.
 * `undefined` when there is nothing to say. The full analysis is `duban rules
 * check`, which the line names. Gaps are not repeated here: the evaluation
 * reports the tasks that fall into them.
 *
 * @param ruleFile - the rule file the command evaluates with
 * @param source - how the user named it: its path, or `-` for stdin
 */
export function ruleFileWarning(ruleFile: RuleFile, source: string): string | undefined {
  const { problems } = checkRuleFile(ruleFile, { maxGaps: 0 });
  const unreachable = problems.filter((problem) => problem.kind === 'unreachable').map((problem) => problem.rules[0] ?? '');
  const unused = problems
    .filter((problem) => problem.kind === 'unused-status')
    .map((problem) => ruleFile.statuses[Number(/\[(\d+)\]/.exec(problem.path)?.[1])]?.code ?? problem.path);
  if (unreachable.length === 0 && unused.length === 0) return undefined;
  const zh: string[] = [];
  const en: string[] = [];
  if (unreachable.length > 0) {
    zh.push(`${unreachable.length} 条规则永远不会生效（${unreachable.map((name) => `「${name}」`).join('、')}）`);
    en.push(`${unreachable.length} unreachable rule(s) (${unreachable.map((name) => JSON.stringify(name)).join(', ')})`);
  }
  if (unused.length > 0) {
    zh.push(`${unused.length} 个状态没有规则能给出（${unused.join('、')}）`);
    en.push(`${unused.length} status(es) no rule can assign (${unused.join(', ')})`);
  }
  const check = `duban rules check ${source}`;
  const name = source === '-' ? 'stdin' : source;
  return `duban: 警告 warning: ${name}：${zh.join('，')}；详见 ${check} / ${name} has ${en.join(' and ')}: see ${check}\n`;
}

/** Whether a rule file is an unchanged copy of a bundled set (such as `rules/four-level.json` given by path): clean, no need to check it again. */
function isBundledCopy(ruleFile: RuleFile): boolean {
  if (!(BUNDLED_RULE_SET_IDS as readonly string[]).includes(ruleFile.id)) return false;
  return JSON.stringify(ruleFile) === JSON.stringify(parseRuleFile(bundledRuleFileJson(ruleFile.id as BundledRuleSetId)));
}

/**
 * Writes {@link ruleFileWarning} on stderr for a rule file given on the command
 * line. The bundled rule sets (no file, an id, or an unchanged copy) are clean
 * and are not checked again; stdout is never touched.
 *
 * @param rules - the rule file loaded from `--rules`, or `undefined` / an id for a bundled set
 * @param source - the `--rules` argument as given
 * @param io - the command's input and output
 */
export function warnAboutRuleFile(rules: BundledRuleSetId | RuleFile | undefined, source: string | undefined, io: CliIo): void {
  if (rules === undefined || typeof rules === 'string' || isBundledCopy(rules)) return;
  const warning = ruleFileWarning(rules, source ?? '-');
  if (warning !== undefined) io.stderr(warning);
}
