// The results: counts and the counts sentence on top (before → after an edit), the tasks whose
// status changed, every task with its status in its colour, filters and sorting; and the detail of
// one task: its facts, explainRules' account of every rule and condition, what-if and pinning.
import { explainRules, type ConditionExplanation } from '../../src/engine/explain-rules.js';
import type { Evaluation, TaskResult } from '../../src/engine/evaluate-plan.js';
import type { Task } from '../../src/model/types.js';
import { FACT_CATALOGUE } from '../../src/pace/fact-catalogue.js';
import type { FactsJson } from '../../src/pace/fact-values.js';
import { formatSummaryLine } from '../../src/report/format-evaluation.js';
import { statusTones, type StatusTone } from '../../src/report/status-tone.js';
import { h, replace } from './dom.js';
import { lang, pick, t } from './i18n.js';
import type { Studio } from './main.js';

/** The filters and the order of the results table. */
export interface ResultsState {
  category: string;
  lead: string;
  leader: string;
  status: string;
  sort: 'plan' | 'status' | 'category' | 'lead' | 'leader' | 'changed';
  showAll: boolean;
}

/** What the results call back. */
export interface ResultsHandlers {
  select(taskId: string): void;
  update(): void;
  pin(taskId: string): void;
}

const ROWS_SHOWN = 100;
const GAP = '\u0000gap';

/** The tone of every status of an evaluation (duban's own choice, as its bulletins colour them). */
export function tonesOf(evaluation: Evaluation): Map<string, StatusTone> {
  const byStatus = new Map<string, FactsJson[]>();
  for (const result of evaluation.results) {
    if (result.status === null) continue;
    const list = byStatus.get(result.status);
    if (list === undefined) byStatus.set(result.status, [result.facts]);
    else list.push(result.facts);
  }
  return statusTones(
    evaluation.summary.byStatus.map((entry) => entry.status),
    byStatus,
  );
}

function chip(result: Pick<TaskResult, 'status' | 'label'>, tones: Map<string, StatusTone>): HTMLElement {
  const tone = result.status === null ? 'gap' : (tones.get(result.status) ?? 'other');
  return h('span', { class: `status tone-${tone}`, 'data-status': result.status ?? '' }, result.label ?? t('unclassified'));
}

function leadOf(task: Task): string {
  return task.owners?.lead?.join('、') ?? '';
}

/** The comparable previous evaluation: of the same plan's tasks. */
function comparable(studio: Studio): Evaluation | null {
  const { previous, evaluation } = studio;
  if (previous === null || evaluation === null || previous.results.length !== evaluation.results.length) return null;
  return previous.results.every((result, i) => result.taskId === evaluation.results[i]!.taskId) ? previous : null;
}

/** Renders the counts, the changes and the table. */
export function renderResults(roots: { summary: HTMLElement; changes: HTMLElement; results: HTMLElement }, studio: Studio, handlers: ResultsHandlers): void {
  const evaluation = studio.evaluation!;
  const plan = studio.plan!;
  const previous = comparable(studio);
  const tones = tonesOf(evaluation);
  const tonesBefore = previous === null ? tones : tonesOf(previous);

  // Counts and the sentence.
  const counts = h('ul', { class: 'counts', 'aria-label': t('counts') });
  evaluation.summary.byStatus.forEach((entry, i) => {
    const before = previous?.summary.byStatus[i]?.count;
    const changed = before !== undefined && before !== entry.count;
    counts.append(
      h(
        'li',
        {
          class: `count tone-${tones.get(entry.status) ?? 'other'} ${changed ? 'changed' : ''}`,
          'data-status': entry.status,
          'data-count': entry.count,
          'data-before': before,
        },
        h('span', { class: 'label' }, entry.label),
        ' ',
        changed ? h('span', { class: 'before' }, `${before} → `) : null,
        h('b', {}, String(entry.count)),
      ),
    );
  });
  if (evaluation.gaps.length > 0 || (previous?.gaps.length ?? 0) > 0) {
    counts.append(
      h(
        'li',
        { class: 'count tone-gap', 'data-status': '' },
        t('unclassified'),
        ' ',
        previous !== null && previous.gaps.length !== evaluation.gaps.length ? `${previous.gaps.length} → ` : '',
        h('b', {}, String(evaluation.gaps.length)),
      ),
    );
  }
  const sentence = formatSummaryLine(evaluation);
  const before = previous === null ? null : formatSummaryLine(previous);
  replace(
    roots.summary,
    h('h2', {}, `${plan.title} · ${t('asOf')} ${evaluation.asOf} · ${t('rules')} ${evaluation.ruleSet}`),
    studio.ruleValid ? null : h('p', { class: 'notice error', id: 'stale' }, t('staleResults')),
    counts,
    h('p', { class: 'sentence', id: 'summary-line' }, sentence),
    before !== null && before !== sentence ? h('p', { class: 'sentence before', id: 'summary-line-before' }, `${t('before')}: ${before}`) : null,
    evaluation.warnings.length === 0
      ? null
      : h('ul', { class: 'warnings' }, ...evaluation.warnings.map((warning) => h('li', { 'data-code': warning.code }, pick(warning.message)))),
    h(
      'p',
      { class: 'timing' },
      `${t('evalTime')} ${studio.evaluateMs.toFixed(1)} ms · ${evaluation.results.length} ${t('tasks')}${studio.whatIf.size > 0 ? ` · ${t('whatIfActive')} (${[...studio.whatIf.keys()].join(', ')})` : ''}`,
    ),
  );

  // What changed.
  const changed = new Map<string, TaskResult>();
  if (previous !== null) previous.results.forEach((result, i) => evaluation.results[i]!.status !== result.status && changed.set(result.taskId, result));
  if (previous === null) replace(roots.changes);
  else if (changed.size === 0) replace(roots.changes, h('p', { class: 'no-change', id: 'no-change' }, t('noChange')));
  else {
    const list = h('ul', { class: 'changed-list', id: 'changed-list' });
    const now = new Map(evaluation.results.map((result) => [result.taskId, result]));
    let n = 0;
    for (const [taskId, was] of changed) {
      if (n++ >= ROWS_SHOWN) break;
      const item = h(
        'li',
        { 'data-task': taskId },
        h('button', { type: 'button', class: 'link' }, `${taskId} ${was.title}`),
        ' ',
        chip(was, tonesBefore),
        ' → ',
        chip(now.get(taskId)!, tones),
      );
      item.querySelector('button')!.addEventListener('click', () => handlers.select(taskId));
      list.append(item);
    }
    replace(roots.changes, h('h3', {}, `${t('changed')} (${changed.size})`), list);
  }

  // Filters.
  const state = studio.results;
  const categories = new Map((plan.categories ?? []).map((category) => [category.id, category.title]));
  const leads = [...new Set(plan.tasks.flatMap((task) => task.owners?.lead ?? []))];
  const leaders = [...new Set(plan.tasks.map((task) => task.leader).filter((leader): leader is string => leader !== undefined))];
  const select = (id: string, label: string, value: string, options: [string, string][], set: (value: string) => void) => {
    const element = h('select', { id, 'aria-label': label }, h('option', { value: '' }, `${label}: ${t('everything')}`));
    for (const [v, text] of options) element.append(h('option', { value: v, selected: v === value }, text));
    element.addEventListener('change', () => {
      set(element.value);
      handlers.update();
    });
    return element;
  };
  const sortOptions: [ResultsState['sort'], string][] = [
    ['plan', t('sortPlan')],
    ['status', t('sortStatus')],
    ['category', t('sortCategory')],
    ['lead', t('sortLead')],
    ['leader', t('sortLeader')],
    ['changed', t('sortChanged')],
  ];
  const sort = h('select', { id: 'sort', 'aria-label': t('sort') });
  for (const [value, text] of sortOptions) sort.append(h('option', { value, selected: value === state.sort }, `${t('sort')}: ${text}`));
  sort.addEventListener('change', () => {
    state.sort = sort.value as ResultsState['sort'];
    handlers.update();
  });
  const filters = h(
    'div',
    { class: 'filters' },
    select(
      'filter-category',
      t('filterCategory'),
      state.category,
      [...categories].map(([id, title]) => [id, `${id} ${title}`]),
      (v) => (state.category = v),
    ),
    select(
      'filter-lead',
      t('filterLead'),
      state.lead,
      leads.map((lead) => [lead, lead]),
      (v) => (state.lead = v),
    ),
    leaders.length === 0
      ? null
      : select(
          'filter-leader',
          t('filterLeader'),
          state.leader,
          leaders.map((leader) => [leader, leader]),
          (v) => (state.leader = v),
        ),
    select(
      'filter-status',
      t('filterStatus'),
      state.status,
      [...evaluation.summary.byStatus.map((entry): [string, string] => [entry.status, entry.label]), [GAP, t('unclassified')]],
      (v) => (state.status = v),
    ),
    sort,
  );

  // Rows.
  const statusOrder = new Map(evaluation.summary.byStatus.map((entry, i) => [entry.status, i]));
  let rows = plan.tasks.map((task, i) => ({ task, result: evaluation.results[i]!, index: i }));
  rows = rows.filter(
    ({ task, result }) =>
      (state.category === '' || task.category === state.category) &&
      (state.lead === '' || (task.owners?.lead ?? []).includes(state.lead)) &&
      (state.leader === '' || task.leader === state.leader) &&
      (state.status === '' || (state.status === GAP ? result.status === null : result.status === state.status)),
  );
  const key = (row: (typeof rows)[number]): string | number => {
    switch (state.sort) {
      case 'status':
        return row.result.status === null ? 1e9 : (statusOrder.get(row.result.status) ?? 1e9);
      case 'category':
        return row.task.category ?? '\uffff';
      case 'lead':
        return leadOf(row.task) || '\uffff';
      case 'leader':
        return row.task.leader ?? '\uffff';
      case 'changed':
        return changed.has(row.task.id) ? 0 : 1;
      default:
        return row.index;
    }
  };
  if (state.sort !== 'plan') {
    rows.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : String(ka) < String(kb) ? -1 : String(ka) > String(kb) ? 1 : 0;
      return c !== 0 ? c : a.index - b.index;
    });
  }
  const total = rows.length;
  if (!state.showAll) rows = rows.slice(0, ROWS_SHOWN);
  const table = h('table', { class: 'results', id: 'results-table' });
  table.append(
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[t('id'), t('task'), t('filterCategory'), t('filterLead'), t('status'), t('explanation'), ''].map((heading) => h('th', { scope: 'col' }, heading)),
      ),
    ),
  );
  const body = h('tbody');
  for (const { task, result } of rows) {
    const was = changed.get(task.id);
    const tr = h('tr', {
      'data-task': task.id,
      'data-status': result.status ?? '',
      class: `${was === undefined ? '' : 'changed'} ${studio.selected === task.id ? 'selected' : ''}`,
      tabindex: 0,
      'aria-selected': String(studio.selected === task.id),
    });
    const pin = h(
      'button',
      { type: 'button', class: 'small pin', 'aria-pressed': String(studio.pinned.has(task.id)), title: studio.pinned.has(task.id) ? t('unpin') : t('pin') },
      studio.pinned.has(task.id) ? '★' : '☆',
    );
    pin.addEventListener('click', (event) => {
      event.stopPropagation();
      handlers.pin(task.id);
    });
    tr.append(
      h('td', { class: 'id' }, task.id),
      h('td', { class: 'title' }, task.title),
      h('td', {}, task.category ?? ''),
      h('td', {}, leadOf(task)),
      h(
        'td',
        {},
        was === undefined ? null : h('span', { class: 'was' }, chip(was, tonesBefore), ' → '),
        chip(result, tones),
        h('span', { class: 'rule-name', title: t('rule') }, result.rule ?? '—'),
      ),
      h('td', { class: 'explanation' }, result.explanation),
      h('td', {}, pin),
    );
    tr.addEventListener('click', () => handlers.select(task.id));
    tr.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        handlers.select(task.id);
      }
    });
    body.append(tr);
  }
  table.append(body);
  const more =
    total > rows.length
      ? (() => {
          const button = h('button', { type: 'button', id: 'show-all' }, `${t('showAll')} (${t('shown')} ${rows.length} ${t('of')} ${total})`);
          button.addEventListener('click', () => {
            state.showAll = true;
            handlers.update();
          });
          return button;
        })()
      : null;
  replace(roots.results, filters, table, more);
}

const FACTS = new Map(FACT_CATALOGUE.map((fact) => [fact.name as string, fact]));
const OUTCOME = { true: ['成立', 'true'], false: ['不成立', 'false'], 'not-evaluated': ['未求值', 'not evaluated'] } as const;

function conditionView(node: ConditionExplanation): HTMLElement {
  const outcome = OUTCOME[node.result][lang() === 'zh' ? 0 : 1];
  if (node.node === 'leaf') {
    const fact = FACTS.get(node.fact ?? '');
    const name = fact === undefined ? node.fact : `${node.fact}(${lang() === 'zh' ? (fact.zh.split(/[(:。,]/)[0] ?? '') : fact.en.replace(/\.$/, '')})`;
    const value =
      typeof node.value === 'object' && node.value !== null && !Array.isArray(node.value) && 'fact' in node.value
        ? `${String((node.value as { fact: unknown }).fact)} = ${JSON.stringify(node.valueResult)}`
        : JSON.stringify(node.value);
    return h(
      'li',
      { class: `cond result-${node.result}` },
      `${name}${node.result === 'not-evaluated' ? '' : ` = ${JSON.stringify(node.factValue)}`} ${node.operator} ${value} → ${outcome}`,
    );
  }
  const label = node.node === 'all' && node.children.length === 0 ? t('always') : t(node.node);
  return h('li', { class: `cond result-${node.result}` }, `${label} → ${outcome}`, h('ul', {}, ...node.children.map(conditionView)));
}

/** What the detail pane calls back. */
export interface DetailHandlers {
  whatIf(taskId: string, value: string | null): void;
  close(): void;
  pin(taskId: string): void;
}

let detailToken = 0;

/** Renders the selected task: facts, explanation of every rule, what-if. */
export async function renderDetail(root: HTMLElement, studio: Studio, handlers: DetailHandlers): Promise<void> {
  const token = ++detailToken;
  const plan = studio.plan;
  const i = plan?.tasks.findIndex((task) => task.id === studio.selected) ?? -1;
  if (plan === null || i === -1 || studio.evaluation === null || studio.prepared === null || studio.ruleFile === null) {
    replace(root);
    return;
  }
  const task = plan.tasks[i]!;
  const result = studio.evaluation.results[i]!;
  const explanation = await explainRules(studio.ruleFile, studio.prepared.engineFacts[i]!);
  if (token !== detailToken) return;
  const tones = tonesOf(studio.evaluation);
  const facts = h('table', { class: 'facts' }, h('thead', {}, h('tr', {}, h('th', {}, t('facts')), h('th', {}, ''), h('th', {}, ''))));
  const factBody = h('tbody');
  for (const [name, value] of Object.entries(result.facts)) {
    const fact = FACTS.get(name);
    factBody.append(
      h(
        'tr',
        {},
        h('td', {}, h('code', {}, name)),
        h('td', { class: 'value' }, typeof value === 'string' ? value : JSON.stringify(value)),
        h('td', {}, fact === undefined ? '' : lang() === 'zh' ? fact.zh : fact.en),
      ),
    );
  }
  facts.append(factBody);
  const rules = h('ol', { class: 'explain-rules', id: 'explain-rules' });
  for (const rule of explanation.rules) {
    rules.append(
      h(
        'li',
        { class: `${rule.matched ? 'matched' : 'not-matched'} ${rule.winner ? 'winner' : ''}`, 'data-rule': rule.name },
        h(
          'div',
          {},
          `[${rule.priority}] ${rule.name} → ${rule.label} · ${rule.matched ? t('matched') : t('notMatched')}`,
          rule.winner ? h('b', { class: 'winner-mark' }, ` ★ ${t('winner')}`) : null,
        ),
        h('ul', {}, conditionView(rule.conditions)),
      ),
    );
  }
  // What if: the task's figure at the as-of date.
  const hasFigure = task.target.kind === 'cumulative' || task.target.kind === 'level' || task.target.kind === 'rate';
  const whatIf = h('div', { class: 'what-if' }, h('h4', {}, t('whatIf')));
  if (hasFigure) {
    const unit = 'unit' in task.target ? task.target.unit : '';
    const input = h('input', {
      type: 'text',
      id: 'what-if-value',
      inputmode: 'decimal',
      value: studio.whatIf.get(task.id) ?? result.facts.value ?? '',
      'aria-label': t('whatIfValue'),
      size: 10,
    });
    const apply = h('button', { type: 'button', id: 'what-if-apply' }, t('whatIfApply'));
    apply.addEventListener('click', () => handlers.whatIf(task.id, input.value.trim()));
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') handlers.whatIf(task.id, input.value.trim());
    });
    const reset = h('button', { type: 'button', id: 'what-if-reset', disabled: !studio.whatIf.has(task.id) }, t('whatIfReset'));
    reset.addEventListener('click', () => handlers.whatIf(task.id, null));
    whatIf.append(h('label', { for: 'what-if-value' }, `${t('whatIfValue')} (${studio.evaluation.asOf}) `), input, ` ${unit} `, apply, ' ', reset);
  } else whatIf.append(h('p', {}, t('whatIfNone')));
  const close = h('button', { type: 'button', class: 'close', 'aria-label': t('close') }, '×');
  close.addEventListener('click', handlers.close);
  const pin = h(
    'button',
    { type: 'button', id: 'detail-pin', 'aria-pressed': String(studio.pinned.has(task.id)) },
    studio.pinned.has(task.id) ? t('unpin') : t('pin'),
  );
  pin.addEventListener('click', () => handlers.pin(task.id));
  replace(
    root,
    close,
    h('h3', { id: 'detail-title' }, `${task.id} ${task.title}`),
    h('p', {}, chip(result, tones), ' ', result.rule ?? '', ' ', pin),
    h('p', { class: 'explanation' }, result.explanation),
    h('p', { class: 'reason', id: 'explain-reason' }, lang() === 'zh' ? explanation.reasonZh : explanation.reason),
    whatIf,
    h('h4', {}, t('explain')),
    rules,
    h('h4', {}, t('facts')),
    facts,
  );
}
