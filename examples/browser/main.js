/* global document, fetch, URL */
// The browser example: loads a plan, evaluates it with every bundled rule set and
// both evaluators, and shows the results. It imports the package's ESM build
// (dist/index.js); build.mjs bundles it with its dependencies into dist/main.js.
import { BUNDLED_RULE_SET_IDS, ENGINE_CHOICES, evaluatePlan, parsePlan, formatSummaryLine } from '../../dist/index.js';

// Relative to the page (examples/browser/), so it holds for the bundle in dist/ too.
const PLAN_URL = new URL('../xianning-2018-q1.plan.json', document.baseURI);

/** Creates an element with text content (never HTML, so plan text cannot inject markup). */
function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function resultTable(evaluation) {
  const table = element('table');
  const head = table.createTHead().insertRow();
  for (const heading of ['编号', '任务', '状态', '规则', '说明']) head.append(element('th', heading));
  const body = table.createTBody();
  for (const result of evaluation.results) {
    const row = body.insertRow();
    for (const text of [result.taskId, result.title, result.label ?? '未判定', result.rule ?? '—', result.explanation]) row.insertCell().textContent = text;
  }
  return table;
}

async function run() {
  const response = await fetch(PLAN_URL);
  if (!response.ok) throw new Error(`cannot load ${PLAN_URL}: HTTP ${response.status}`);
  const plan = parsePlan(await response.text(), { source: 'xianning-2018-q1.plan.json' });
  const results = {};
  const container = document.getElementById('rule-sets');
  for (const rules of BUNDLED_RULE_SET_IDS) {
    results[rules] = {};
    for (const engine of ENGINE_CHOICES) results[rules][engine] = await evaluatePlan(plan, { rules, engine });
    const evaluation = results[rules].compiled;
    container.append(element('h2', `${rules} · ${evaluation.asOf}`), element('p', formatSummaryLine(evaluation)), resultTable(evaluation));
  }
  document.getElementById('duban-results').textContent = JSON.stringify(results);
  document.getElementById('status').textContent = `完成:${plan.tasks.length} 项任务 × ${BUNDLED_RULE_SET_IDS.length} 个规则集。Done.`;
  document.documentElement.dataset.dubanStatus = 'done';
}

run().catch((error) => {
  const status = document.getElementById('status');
  status.textContent = `出错 error: ${error instanceof Error ? error.message : String(error)}`;
  status.className = 'error';
  document.documentElement.dataset.dubanStatus = 'error';
});
