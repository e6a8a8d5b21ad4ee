// Exports: the edited rule file (with $schema), its rule cases in `duban rules test` format (the
// cases pinned from the table, and one case for each rule that decides a task of the plan), the
// bulletin as HTML, Markdown or Word, the evaluation workbook. Everything is made in the page and saved by a download link.
import { parseRuleCases, runRuleCases, type RuleCasesResult } from '../../src/engine/run-rule-cases.js';
import { formatBulletin } from '../../src/report/format-bulletin.js';
import { download } from './dom.js';
import type { Studio } from './main.js';

/** Where an exported file points its editor for the schema (as docs/rule-checking.md advises). */
export const RULE_FILE_SCHEMA = './node_modules/duban/schemas/rule-file.schema.json';
export const RULE_CASES_SCHEMA = './node_modules/duban/schemas/rule-cases.schema.json';

/** The rule file's text for export: as edited, with `$schema` first when it has none. */
export function ruleFileText(studio: Studio): string {
  const json = studio.ruleJson;
  if (json === null || typeof json !== 'object' || Array.isArray(json) || '$schema' in json) return studio.ruleText;
  return `${JSON.stringify({ $schema: RULE_FILE_SCHEMA, ...json }, null, 2)}\n`;
}

function baseName(studio: Studio): string {
  return studio.ruleName.replace(/\.json$/i, '') || 'rules';
}

/** Saves the rule file. */
export function exportRuleFile(studio: Studio): void {
  download(`${baseName(studio)}.json`, ruleFileText(studio), 'application/json');
}

/** The rule cases: the pinned ones, then one for each rule that decides a task (its first task). */
export function ruleCasesJson(studio: Studio): Record<string, unknown> {
  const cases: Record<string, unknown>[] = [];
  const named = new Set<string>();
  for (const pinned of studio.pinned.values()) {
    const name = `${pinned.taskId} ${pinned.title}`;
    named.add(pinned.taskId);
    cases.push({ name, facts: pinned.facts, expected: pinned.expected, ...(pinned.rule === null ? {} : { rule: pinned.rule }) });
  }
  const evaluation = studio.evaluation;
  if (evaluation !== null && studio.prepared !== null) {
    const seen = new Set<string>();
    evaluation.results.forEach((result, i) => {
      if (result.rule === null || seen.has(result.rule)) return;
      seen.add(result.rule);
      if (named.has(result.taskId)) return;
      cases.push({
        name: `${result.taskId} ${result.title}(规则「${result.rule}」/ rule ${JSON.stringify(result.rule)})`,
        facts: studio.prepared!.engineFacts[i],
        expected: result.status,
        rule: result.rule,
      });
    });
  }
  return {
    $schema: RULE_CASES_SCHEMA,
    formatVersion: 1,
    ruleSet: studio.ruleFile?.id ?? '',
    description: `duban studio 导出:${studio.planName} 截至 ${evaluation?.asOf ?? ''}。固定的用例和每条规则各一例。 Exported by duban studio from ${studio.planName} as of ${evaluation?.asOf ?? ''}: the pinned cases and one case per rule that decides a task.`,
    cases,
  };
}

/** Runs the cases against the current rules (as `duban rules test` does). */
export async function runCases(studio: Studio): Promise<RuleCasesResult | null> {
  if (studio.ruleFile === null) return null;
  return runRuleCases(studio.ruleFile, parseRuleCases(ruleCasesJson(studio), { source: 'studio' }));
}

/** Saves the rule cases; they are validated by duban's parseRuleCases first. */
export function exportRuleCases(studio: Studio): void {
  const json = ruleCasesJson(studio);
  parseRuleCases(json, { source: 'studio rule cases' });
  download(`${baseName(studio)}.cases.json`, `${JSON.stringify(json, null, 2)}\n`, 'application/json');
}

/** Saves the bulletin of the current evaluation. */
export async function exportBulletin(studio: Studio, format: 'html' | 'markdown' | 'docx' | 'xlsx'): Promise<void> {
  if (studio.plan === null || studio.evaluation === null) return;
  const name = `${studio.plan.id}-${studio.evaluation.asOf}`;
  if (format === 'xlsx') {
    // The evaluation workbook (duban/excel with exceljs): a chunk loaded when asked for.
    const { writeEvaluationWorkbook } = await import('../../src/excel/index.js');
    const bytes = await writeEvaluationWorkbook(studio.plan, studio.evaluation);
    download(`${name}.xlsx`, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return;
  }
  if (format === 'docx') {
    // docx (and its zip writer) only when asked for: a chunk of its own.
    const { writeBulletinDocx } = await import('../../src/docx/index.js');
    const bytes = await writeBulletinDocx(studio.plan, studio.evaluation);
    download(`${name}.docx`, bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    return;
  }
  const text = formatBulletin(studio.plan, studio.evaluation, { format });
  download(`${name}.${format === 'html' ? 'html' : 'md'}`, text, format === 'html' ? 'text/html' : 'text/markdown');
}
