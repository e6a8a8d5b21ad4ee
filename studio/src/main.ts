// duban studio: the analyst's workbench. Loads a plan, observations and a rule file (from the
// `duban studio` server's /initial.json, the file picker or drag and drop), edits the rules as a
// decision table or as JSON, re-evaluates on every edit and shows what changed.
import { bundledRuleFileJson, BUNDLED_RULE_SET_IDS, isBundledRuleSetId } from '../../src/engine/bundled-rule-sets.js';
import { checkRuleFile, type RuleCheckReport } from '../../src/engine/check-rule-file.js';
import type { Evaluation } from '../../src/engine/evaluate-plan.js';
import { jsonSchemas } from '../../src/engine/json-schemas.js';
import { parseRuleFile, type RuleFile } from '../../src/engine/parse-rule-file.js';
import { DubanError, isDubanError, type DubanIssue } from '../../src/errors.js';
import { isCalendarDate, type CalendarDate } from '../../src/model/calendar-date.js';
import { mergeObservations, mergeObservationsCsv, parseObservations, parsePlan } from '../../src/model/parse-input.js';
import type { Plan } from '../../src/model/types.js';
import { todayInChina } from '../../src/pace/today.js';
import { h, replace } from './dom.js';
import { prepareEvaluation, evaluateWith, type PreparedEvaluation } from './evaluator.js';
import { exportBulletin, exportRuleCases, exportRuleFile } from './exports.js';
import { lang, pick, setLang, t } from './i18n.js';
import { JsonView, type Finding } from './json-view.js';
import { renderDetail, renderResults, type ResultsState } from './results-view.js';
import { renderTable } from './table-view.js';

/** A problem loading or reading something, shown as duban reports it. */
interface ShownError {
  readonly code: string;
  readonly message: string;
  readonly source: string | null;
  readonly issues: readonly DubanIssue[];
}

/** A case the analyst pinned: the task's facts and the status it had then. */
export interface PinnedCase {
  readonly taskId: string;
  readonly title: string;
  readonly facts: Readonly<Record<string, unknown>>;
  readonly expected: string | null;
  readonly rule: string | null;
}

/** Everything the studio holds. */
export interface Studio {
  planName: string;
  planRaw: unknown;
  basePlan: Plan | null;
  observations: { name: string; text: string }[];
  plan: Plan | null;
  asOf: CalendarDate | null;
  ruleName: string;
  ruleText: string;
  history: string[];
  historyAt: number;
  ruleFile: RuleFile | null;
  ruleJson: unknown;
  findings: Finding[];
  check: RuleCheckReport | null;
  ruleValid: boolean;
  prepared: PreparedEvaluation | null;
  evaluation: Evaluation | null;
  previous: Evaluation | null;
  lastEdit: string;
  evaluateMs: number;
  commitMs: number;
  loadErrors: ShownError[];
  whatIf: Map<string, string>;
  pinned: Map<string, PinnedCase>;
  selected: string | null;
  view: 'table' | 'json';
  results: ResultsState;
}

const studio: Studio = {
  planName: '',
  planRaw: null,
  basePlan: null,
  observations: [],
  plan: null,
  asOf: null,
  ruleName: 'four-level.json',
  ruleText: '',
  history: [],
  historyAt: -1,
  ruleFile: null,
  ruleJson: null,
  findings: [],
  check: null,
  ruleValid: false,
  prepared: null,
  evaluation: null,
  previous: null,
  lastEdit: '',
  evaluateMs: 0,
  commitMs: 0,
  loadErrors: [],
  whatIf: new Map(),
  pinned: new Map(),
  selected: null,
  view: 'table',
  results: { category: '', lead: '', leader: '', status: '', sort: 'plan', showAll: false },
};

function shown(error: unknown, source?: string): ShownError {
  if (isDubanError(error)) return { code: error.code, message: error.message, source: error.source ?? source ?? null, issues: error.issues };
  if (error instanceof AggregateError) return shown(error.errors[0], source);
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'ERROR', message, source: source ?? null, issues: [] };
}

// ---- the page --------------------------------------------------------------------------------

const app = document.getElementById('app')!;
const ui = {
  header: h('header', { class: 'top' }),
  errors: h('section', { id: 'load-errors', 'aria-live': 'polite' }),
  main: h('main', { class: 'workbench' }),
  rulesPane: h('section', { class: 'pane rules-pane', 'aria-label': t('rules') }),
  resultsPane: h('section', { class: 'pane results-pane', 'aria-label': t('task') }),
  tabs: h('div', { class: 'tabs', role: 'tablist' }),
  tableRoot: h('div', { id: 'table-view', role: 'tabpanel' }),
  jsonRoot: h('div', { id: 'json-view', role: 'tabpanel' }),
  checkRoot: h('div', { id: 'rule-check', 'aria-live': 'polite' }),
  summaryRoot: h('div', { id: 'summary', 'aria-live': 'polite' }),
  changesRoot: h('div', { id: 'changes' }),
  resultsRoot: h('div', { id: 'results' }),
  detailRoot: h('aside', { id: 'detail', 'aria-live': 'polite' }),
  exportRoot: h('div', { id: 'export' }),
};

const jsonView = new JsonView(
  ui.jsonRoot,
  jsonSchemas().ruleFile,
  (text) => commitRules(text, 'json'),
  () => statusesOf(studio.ruleJson),
);

// The editor's text, for automation (the end-to-end test reads what the JSON view holds).
Object.defineProperty(ui.jsonRoot, 'dubanText', { value: () => jsonView.view.state.doc.toString() });

function statusesOf(json: unknown): { code: string; label: string }[] {
  const list = (json as { statuses?: unknown } | null)?.statuses;
  return Array.isArray(list)
    ? list.filter((s): s is { code: string; label: string } => typeof s?.code === 'string').map((s) => ({ code: s.code, label: String(s.label) }))
    : [];
}

function fileInput(id: string, label: string, accept: string, onFile: (name: string, file: File) => void): HTMLElement {
  const input = h('input', { type: 'file', id, accept, class: 'visually-hidden' });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file !== undefined) onFile(file.name, file);
    input.value = '';
  });
  const button = h('label', { for: id, class: 'button', tabindex: 0, role: 'button' }, label);
  button.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      input.click();
    }
  });
  return h('span', {}, button, input);
}

function renderHeader(): void {
  const ruleSelect = h('select', { id: 'bundled-rules', 'aria-label': t('bundled') }, h('option', { value: '' }, `${t('bundled')}…`));
  for (const id of BUNDLED_RULE_SET_IDS) ruleSelect.append(h('option', { value: id }, id));
  ruleSelect.addEventListener('change', () => {
    if (isBundledRuleSetId(ruleSelect.value)) loadRules(`${ruleSelect.value}.json`, `${JSON.stringify(bundledRuleFileJson(ruleSelect.value), null, 2)}\n`);
  });
  const asOf = h('input', { type: 'date', id: 'as-of', 'aria-label': t('asOf'), value: currentAsOf() ?? '' });
  asOf.addEventListener('change', () => {
    if (asOf.value === '' || isCalendarDate(asOf.value)) setAsOf(asOf.value === '' ? null : asOf.value);
  });
  const toggle = h('button', { type: 'button', id: 'language', 'aria-label': t('languageLabel') }, t('language'));
  toggle.addEventListener('click', () => {
    setLang(lang() === 'zh' ? 'en' : 'zh');
    renderAll();
  });
  const undo = h('button', { type: 'button', id: 'undo', disabled: studio.historyAt <= 0, title: `${t('undo')} (Alt+Z)` }, `↶ ${t('undo')}`);
  undo.addEventListener('click', () => stepHistory(-1));
  const redo = h(
    'button',
    { type: 'button', id: 'redo', disabled: studio.historyAt >= studio.history.length - 1, title: `${t('redo')} (Alt+Y)` },
    `↷ ${t('redo')}`,
  );
  redo.addEventListener('click', () => stepHistory(1));
  replace(
    ui.header,
    h('h1', {}, t('appTitle')),
    h(
      'div',
      { class: 'loaders' },
      h('span', { class: 'loaded' }, `${t('plan')}: `, h('b', { id: 'plan-name' }, studio.planName || '—')),
      fileInput('open-plan', t('openPlan'), '.json,.xlsx,.csv,application/json,text/csv', (name, file) => void openPlanFile(name, file)),
      fileInput('open-observations', t('openObservations'), '.json,.csv', (name, file) => void file.text().then((text) => addObservations(name, text))),
      h('span', { class: 'loaded' }, `${t('rules')}: `, h('b', { id: 'rule-name' }, studio.ruleName)),
      ruleSelect,
      fileInput('open-rules', t('openRules'), '.json,application/json', (name, file) => void file.text().then((text) => loadRules(name, text))),
      h('label', { for: 'as-of' }, `${t('asOf')} `),
      asOf,
      undo,
      redo,
      toggle,
    ),
    h('p', { class: 'hint' }, t('dropHint')),
  );
}

function currentAsOf(): CalendarDate | null {
  return studio.asOf ?? studio.basePlan?.asOf ?? null;
}

function renderErrors(): void {
  const errors = studio.loadErrors;
  if (errors.length === 0) {
    replace(ui.errors);
    return;
  }
  replace(
    ui.errors,
    h(
      'div',
      { class: 'error-box', role: 'alert' },
      h('h2', {}, t('loadError')),
      ...errors.map((error) =>
        h(
          'div',
          { class: 'duban-error', 'data-code': error.code },
          h('p', {}, h('b', {}, error.source ?? ''), ` ${error.code}: ${pick(error.message)}`),
          error.issues.length === 0
            ? null
            : h(
                'ul',
                {},
                ...error.issues.map((issue) =>
                  h('li', {}, h('code', {}, issue.path), ' ', issue.task === undefined ? '' : `[${issue.task.id} ${issue.task.title}] `, pick(issue.message)),
                ),
              ),
        ),
      ),
    ),
  );
}

function renderRules(): void {
  const tab = (view: 'table' | 'json', label: string) => {
    const button = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${view}`,
        'aria-selected': String(studio.view === view),
        'aria-controls': `${view}-view`,
        class: studio.view === view ? 'active' : '',
      },
      label,
    );
    button.addEventListener('click', () => {
      studio.view = view;
      renderRules();
      if (view === 'json') jsonView.view.focus();
    });
    return button;
  };
  replace(ui.tabs, tab('table', t('tableView')), tab('json', t('jsonView')));
  ui.tableRoot.hidden = studio.view !== 'table';
  ui.jsonRoot.hidden = studio.view !== 'json';
  if (studio.view === 'table') {
    // Keyboard focus survives the re-rendering: the same field of the same condition or rule.
    const focusKey = (element: Element | null) =>
      element instanceof HTMLElement && ui.tableRoot.contains(element)
        ? `${element.closest('[data-path]')?.getAttribute('data-path') ?? ''}|${element.dataset.field ?? element.dataset.action ?? element.getAttribute('aria-label') ?? ''}`
        : null;
    const before = focusKey(document.activeElement);
    renderTable(ui.tableRoot, studio.ruleJson, studio.findings, { edit: editTable });
    if (before !== null) {
      for (const element of ui.tableRoot.querySelectorAll<HTMLElement>('input, select, button')) {
        if (focusKey(element) === before) {
          element.focus();
          break;
        }
      }
    }
  }
  renderCheck();
}

function renderCheck(): void {
  const findings = studio.findings;
  const list = h('ul', { class: 'findings' });
  for (const finding of findings) {
    // A finding's path opens the JSON view at that place.
    const go = h('button', { type: 'button', class: 'link', title: t('jsonView') }, h('code', {}, finding.path));
    go.addEventListener('click', () => {
      studio.view = 'json';
      renderRules();
      jsonView.reveal(finding.path);
    });
    list.append(h('li', { class: `finding ${finding.severity}`, 'data-path': finding.path }, go, ' ', finding.message));
  }
  const gaps = studio.check?.problems.filter((problem) => problem.kind === 'gap') ?? [];
  replace(
    ui.checkRoot,
    h('h3', {}, t('checkTitle')),
    findings.length === 0 ? h('p', { class: 'ok', id: 'check-clean' }, t('checkClean')) : list,
    gaps.length === 0
      ? null
      : h(
          'details',
          {},
          h('summary', {}, `gap ×${studio.check?.gapRegions ?? gaps.length}`),
          ...gaps.map((gap) => h('pre', { class: 'example' }, `${gap.region ?? ''}\n${JSON.stringify(gap.example)}`)),
        ),
  );
}

function renderRight(): void {
  const state = studio;
  if (state.plan === null || state.evaluation === null) {
    replace(
      ui.summaryRoot,
      state.plan !== null && !state.ruleValid
        ? h('p', { class: 'notice error', id: 'rules-invalid' }, t('rulesInvalid'))
        : h('p', { class: 'notice', id: 'no-plan' }, t('noPlan')),
    );
    replace(ui.changesRoot);
    replace(ui.resultsRoot);
    replace(ui.detailRoot);
    replace(ui.exportRoot);
    return;
  }
  renderResults({ summary: ui.summaryRoot, changes: ui.changesRoot, results: ui.resultsRoot }, state, {
    select: selectTask,
    update: () => renderResultsOnly(),
    pin: togglePin,
  });
  void renderDetailPane();
  renderExport();
}

/** Opens the explanation of a task and brings it into view. */
function selectTask(taskId: string): void {
  studio.selected = taskId;
  renderResultsOnly();
  void renderDetailPane().then(() => {
    if (studio.selected === taskId) ui.detailRoot.scrollIntoView({ block: 'start' });
  });
}

/** Closes the explanation and returns to the task's row (Escape does it too). */
function closeDetail(): void {
  const taskId = studio.selected;
  studio.selected = null;
  replace(ui.detailRoot);
  renderResultsOnly();
  const row = taskId === null ? null : ui.resultsRoot.querySelector<HTMLElement>(`tr[data-task="${CSS.escape(taskId)}"]`);
  row?.focus();
}

function renderResultsOnly(): void {
  if (studio.plan === null || studio.evaluation === null) return;
  renderResults({ summary: ui.summaryRoot, changes: ui.changesRoot, results: ui.resultsRoot }, studio, {
    select: selectTask,
    update: () => renderResultsOnly(),
    pin: togglePin,
  });
}

async function renderDetailPane(): Promise<void> {
  await renderDetail(ui.detailRoot, studio, {
    whatIf: (taskId, value) => {
      if (value === null) studio.whatIf.delete(taskId);
      else studio.whatIf.set(taskId, value);
      if (!rebuildPlan(`what-if ${taskId}`)) {
        // A figure duban refuses (parsePlan names it) is not kept.
        studio.whatIf.delete(taskId);
      }
      renderAll();
      bumpEdits();
    },
    close: closeDetail,
    pin: togglePin,
  });
}

function renderExport(): void {
  const button = (id: string, label: string, action: () => unknown) => {
    const b = h('button', { type: 'button', id }, label);
    b.addEventListener('click', () => {
      Promise.resolve()
        .then(action)
        .catch((error: unknown) => {
          studio.loadErrors = [shown(error, label)];
          renderErrors();
        });
    });
    return b;
  };
  const valid = studio.ruleFile !== null;
  replace(
    ui.exportRoot,
    h('h3', {}, t('export')),
    h(
      'div',
      { class: 'export-buttons' },
      button('export-rules', t('exportRules'), () => exportRuleFile(studio)),
      valid ? button('export-cases', t('exportCases'), () => exportRuleCases(studio)) : null,
      valid ? button('export-html', t('exportHtml'), () => exportBulletin(studio, 'html')) : null,
      valid ? button('export-markdown', t('exportMarkdown'), () => exportBulletin(studio, 'markdown')) : null,
      valid ? button('export-docx', t('exportDocx'), () => exportBulletin(studio, 'docx')) : null,
      valid ? button('export-xlsx', t('exportXlsx'), () => exportBulletin(studio, 'xlsx')) : null,
    ),
  );
}

function renderAll(): void {
  renderHeader();
  renderErrors();
  renderRules();
  renderRight();
  document.documentElement.dataset.studio = 'ready';
}

// ---- state changes ---------------------------------------------------------------------------

/** Records how long a step took (ms, on the html element's data set: the bench reads it). */
function timing(name: string, started: number): void {
  document.documentElement.dataset[name] = (performance.now() - started).toFixed(2);
}

/** Reads the rule text: JSON, then duban's validation (parseRuleFile: type mistakes and every other problem with its path). */
let lastCheckFindings: Finding[] = [];

function parseRules(text: string): void {
  // Until checkRuleFile has run on this text (right after the page is drawn), a valid file shows the last check's findings.
  studio.findings = lastCheckFindings;
  try {
    studio.ruleJson = JSON.parse(text) as unknown;
  } catch {
    studio.ruleJson = null;
  }
  try {
    const started = performance.now();
    const ruleFile = parseRuleFile(text, { source: studio.ruleName });
    timing('parseMs', started);
    studio.ruleFile = ruleFile;
    studio.ruleValid = true;
  } catch (error) {
    studio.ruleValid = false;
    if (!isDubanError(error)) throw error;
    studio.findings = (error.issues.length > 0 ? error.issues : [{ path: '$', message: error.message }]).map((issue) => ({
      path: issue.path,
      severity: 'error' as const,
      message: pick(issue.message),
    }));
  }
}

/** checkRuleFile's findings: gaps, unreachable rules, overlaps, unused statuses, implausible conditions. */
function checkRules(ruleFile: RuleFile): Finding[] {
  const started = performance.now();
  const report = checkRuleFile(ruleFile);
  timing('checkMs', started);
  studio.check = report;
  return report.problems.map((problem) => ({
    path: problem.path,
    severity: problem.severity,
    message: `${problem.kind}: ${lang() === 'zh' ? problem.zh : problem.message}${problem.region === null ? '' : ` — ${problem.region}`}`,
  }));
}

const signature = (findings: readonly Finding[]) => JSON.stringify(findings);

/** Evaluates the plan with the current rules, remembering the evaluation before. */
function reevaluate(what: string): void {
  if (studio.prepared === null || studio.ruleFile === null || !studio.ruleValid) return;
  const started = performance.now();
  const next = evaluateWith(studio.prepared, studio.ruleFile);
  studio.evaluateMs = performance.now() - started;
  studio.previous = studio.evaluation;
  studio.evaluation = next;
  studio.lastEdit = what;
}

/**
 * A new rule text: from the JSON view, the table, a loaded file or the history. Validated,
 * evaluated and drawn at once; checkRuleFile (independent of the plan, tens of milliseconds)
 * runs right after the page is drawn, and its findings are then shown in both views.
 * `inPlace`: a table edit its own field already shows (the table is drawn again only if the
 * findings change).
 */
function commitRules(text: string, from: 'json' | 'table' | 'load' | 'history', inPlace = false): void {
  const started = performance.now();
  if (from !== 'history') {
    if (text === studio.history[studio.historyAt]) return;
    studio.history = studio.history.slice(0, studio.historyAt + 1);
    studio.history.push(text);
    studio.historyAt = studio.history.length - 1;
  }
  const shownFindings = signature(studio.findings);
  studio.ruleText = text;
  if (from !== 'json') jsonView.setText(text);
  parseRules(text);
  jsonView.setFindings(studio.findings);
  // A newly loaded file starts a new comparison; an invalid one leaves the last results shown (marked stale).
  reevaluate(from);
  if (from === 'load') studio.previous = null;
  const rendering = performance.now();
  renderHeader();
  if (!inPlace || signature(studio.findings) !== shownFindings || !studio.ruleValid) renderRules();
  else renderCheck();
  renderRight();
  timing('renderMs', rendering);
  studio.commitMs = performance.now() - started;
  document.documentElement.dataset.evaluateMs = studio.evaluateMs.toFixed(2);
  document.documentElement.dataset.commitMs = studio.commitMs.toFixed(2);
  const ruleFile = studio.ruleFile;
  if (!studio.ruleValid || ruleFile === null) {
    bumpEdits();
    return;
  }
  setTimeout(() => {
    if (studio.ruleText !== text) return; // a newer edit checks its own text
    const findings = checkRules(ruleFile);
    lastCheckFindings = findings;
    const changed = signature(findings) !== signature(studio.findings);
    studio.findings = findings;
    if (changed) {
      jsonView.setFindings(findings);
      renderRules();
    } else renderCheck();
    bumpEdits();
  }, 0);
}

/** Counts the changes the page has processed (automation waits on it). */
function bumpEdits(): void {
  document.documentElement.dataset.edits = String(Number(document.documentElement.dataset.edits ?? '0') + 1);
}

function editTable(change: (file: { [key: string]: unknown }) => void, inPlace = false): void {
  if (studio.ruleJson === null || typeof studio.ruleJson !== 'object') return;
  const copy = structuredClone(studio.ruleJson) as { [key: string]: unknown };
  change(copy);
  commitRules(`${JSON.stringify(copy, null, 2)}\n`, 'table', inPlace);
}

function stepHistory(step: number): void {
  const at = studio.historyAt + step;
  if (at < 0 || at >= studio.history.length) return;
  studio.historyAt = at;
  commitRules(studio.history[at]!, 'history');
}

function loadRules(name: string, text: string): void {
  studio.ruleName = name;
  studio.history = [];
  studio.historyAt = -1;
  commitRules(text, 'load');
}

/** A CSV file's header names the task table's columns (序号, 任务内容, …) rather than the observations' (taskId, asOf, value). */
function isTaskTable(text: string): boolean {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return header.includes('任务内容') || header.includes('序号');
}

/**
 * A plan file from the picker or a drop: JSON, a 任务分解表 workbook or a CSV task table, the
 * last two read by duban/excel's own readers (parsePlanCsv takes the loaded plan as its base).
 */
async function openPlanFile(name: string, file: File): Promise<void> {
  if (/\.xlsx$/i.test(name)) {
    try {
      const { readPlanWorkbook } = await import('../../src/excel/index.js');
      const plan = await readPlanWorkbook(new Uint8Array(await file.arrayBuffer()), {
        source: name,
        ...(studio.basePlan === null ? {} : { base: studio.basePlan }),
      });
      loadPlan(name, `${JSON.stringify(plan, null, 2)}\n`);
    } catch (error) {
      studio.loadErrors = [shown(error, name)];
      renderErrors();
    }
    return;
  }
  const text = await file.text();
  if (/\.csv$/i.test(name)) {
    try {
      if (studio.basePlan === null)
        throw new DubanError('INVALID_PLAN', `${name}: CSV 任务表需要基础计划 / a CSV task table needs a base plan`, {
          source: name,
          issues: [
            {
              code: 'required',
              path: '$',
              keys: [],
              message:
                '请先载入计划 JSON(取其编号、标题、起止日期和分类),再载入 CSV 任务表 / load the plan JSON first (its id, title, period and categories), then the CSV task table',
            },
          ],
        });
      const { parsePlanCsv } = await import('../../src/excel/index.js');
      loadPlan(name, `${JSON.stringify(parsePlanCsv(text, { base: studio.basePlan, source: name }), null, 2)}\n`);
    } catch (error) {
      studio.loadErrors = [shown(error, name)];
      renderErrors();
    }
    return;
  }
  loadPlan(name, text);
}

function loadPlan(name: string, text: string): void {
  studio.loadErrors = [];
  try {
    const raw = JSON.parse(text) as unknown;
    studio.basePlan = parsePlan(text, { source: name });
    studio.planRaw = raw;
    studio.planName = name;
    studio.observations = [];
    studio.whatIf.clear();
    studio.pinned.clear();
    studio.selected = null;
    studio.asOf = null;
    studio.evaluation = null;
    rebuildPlan('load');
    studio.previous = null;
  } catch (error) {
    studio.loadErrors = [shown(error, name)];
  }
  renderAll();
}

function addObservations(name: string, text: string): void {
  if (studio.basePlan === null) {
    studio.loadErrors = [
      shown(
        new DubanError('INVALID_OPTION', '请先载入计划 / load a plan first', {
          source: name,
          issues: [{ code: 'required', path: '$', keys: [], message: '请先载入计划,再载入报送数据 / load a plan before its observations' }],
        }),
      ),
    ];
    renderErrors();
    return;
  }
  studio.loadErrors = [];
  studio.observations.push({ name, text });
  if (!rebuildPlan(`observations ${name}`)) studio.observations.pop();
  renderAll();
}

/** The plan with its observations and what-if figures, evaluated again; false when that failed (the error is shown). */
function rebuildPlan(what: string): boolean {
  if (studio.basePlan === null) return false;
  try {
    let plan: Plan = studio.basePlan;
    for (const file of studio.observations) {
      if (/\.csv$/i.test(file.name)) plan = mergeObservationsCsv(plan, file.text, { source: file.name }) ?? plan;
      else plan = mergeObservations(plan, parseObservations(file.text, { source: file.name }), { source: file.name });
    }
    const asOf = studio.asOf ?? plan.asOf ?? todayInChina();
    if (studio.whatIf.size > 0) {
      const copy = structuredClone(plan) as unknown as { tasks: { id: string; observations?: { asOf: string; value: string; note?: string }[] }[] };
      copy.tasks = copy.tasks.map((task) => {
        const figure = studio.whatIf.get(task.id);
        if (figure === undefined) return task;
        const observations = (task.observations ?? []).filter((observation) => observation.asOf !== asOf);
        return { ...task, observations: [...observations, { asOf, value: figure, note: 'what-if' }] };
      });
      plan = parsePlan(copy, { source: 'what-if' });
    }
    studio.plan = plan;
    const started = performance.now();
    studio.prepared = prepareEvaluation(plan, asOf, studio.asOf !== null);
    timing('prepareMs', started);
    reevaluate(what);
    studio.loadErrors = [];
    return true;
  } catch (error) {
    studio.loadErrors = [shown(error, what)];
    return false;
  }
}

function setAsOf(asOf: CalendarDate | null): void {
  studio.asOf = asOf;
  rebuildPlan(`as-of ${asOf ?? ''}`);
  renderAll();
  bumpEdits();
}

function togglePin(taskId: string): void {
  if (studio.pinned.has(taskId)) studio.pinned.delete(taskId);
  else {
    const i = studio.plan?.tasks.findIndex((task) => task.id === taskId) ?? -1;
    const result = studio.evaluation?.results[i];
    if (result === undefined || studio.prepared === null) return;
    studio.pinned.set(taskId, { taskId, title: result.title, facts: studio.prepared.engineFacts[i]!, expected: result.status, rule: result.rule });
  }
  renderResultsOnly();
  void renderDetailPane();
}

// ---- drag and drop, keyboard, start ----------------------------------------------------------

/** What a dropped or opened JSON file is: a plan, observations or a rule file. */
function kindOfFile(name: string, text: string): 'plan' | 'rules' | 'observations' {
  if (/\.xlsx$/i.test(name)) return 'plan';
  if (/\.csv$/i.test(name)) return isTaskTable(text) ? 'plan' : 'observations';
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    if (Array.isArray(json.rules)) return 'rules';
    if (Array.isArray(json.tasks)) return 'plan';
    return 'observations';
  } catch {
    return 'plan'; // parsePlan names the syntax error
  }
}

document.addEventListener('dragover', (event) => {
  event.preventDefault();
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
document.addEventListener('drop', (event) => {
  event.preventDefault();
  document.body.classList.remove('dragging');
  for (const file of Array.from(event.dataTransfer?.files ?? [])) {
    void (/\.xlsx$/i.test(file.name) ? Promise.resolve('') : file.text()).then((text) => {
      const kind = kindOfFile(file.name, text);
      if (kind === 'rules') loadRules(file.name, text);
      else if (kind === 'plan') void openPlanFile(file.name, file);
      else addObservations(file.name, text);
    });
  }
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && studio.selected !== null && !(event.target instanceof Element && event.target.closest('#json-view'))) {
    closeDetail();
    return;
  }
  if (!event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.key === 'z' || event.key === 'Z') {
    event.preventDefault();
    stepHistory(-1);
  } else if (event.key === 'y' || event.key === 'Y') {
    event.preventDefault();
    stepHistory(1);
  }
});

async function start(): Promise<void> {
  ui.rulesPane.append(ui.tabs, ui.tableRoot, ui.jsonRoot, ui.checkRoot);
  ui.resultsPane.append(ui.summaryRoot, ui.changesRoot, ui.resultsRoot, ui.exportRoot);
  ui.main.append(ui.rulesPane, ui.resultsPane, ui.detailRoot);
  replace(app, ui.header, ui.errors, ui.main);
  let initial: Record<string, { name: string; text?: string; error?: ShownError }> = {};
  try {
    const response = await fetch('initial.json', { cache: 'no-store' });
    if (response.ok) initial = (await response.json()) as typeof initial;
  } catch {
    // static hosting without initial.json: files come from the picker
  }
  const errors: ShownError[] = [];
  const rules = initial.rules;
  if (rules?.text !== undefined) loadRules(rules.name, rules.text);
  else {
    if (rules?.error !== undefined) errors.push(rules.error);
    loadRules('four-level.json', `${JSON.stringify(bundledRuleFileJson('four-level'), null, 2)}\n`);
  }
  const plan = initial.plan;
  if (plan?.text !== undefined) loadPlan(plan.name, plan.text);
  else if (plan?.error !== undefined) errors.push(plan.error);
  const observations = initial.observations;
  if (observations?.text !== undefined) addObservations(observations.name, observations.text);
  else if (observations?.error !== undefined) errors.push(observations.error);
  if (errors.length > 0) studio.loadErrors = [...errors, ...studio.loadErrors];
  renderAll();
}

start().catch((error: unknown) => {
  studio.loadErrors = [shown(error, 'duban studio')];
  renderErrors();
  document.documentElement.dataset.studio = 'error';
});
