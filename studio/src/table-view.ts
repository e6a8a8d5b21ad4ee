// The decision-table view of the rule file: a row per rule (priority, name, conditions, status);
// conditions on facts from duban's fact catalogue (Chinese name and unit), operators offered by the
// fact's type, values typed by the fact. Every edit changes the same JSON the JSON view shows.
import { FACT_CATALOGUE, type FactDefinition } from '../../src/pace/fact-catalogue.js';
import { TARGET_KINDS } from '../../src/model/plan.js';
import { append, h, replace } from './dom.js';
import { lang, t } from './i18n.js';
import type { Finding } from './json-view.js';
import { pathKey } from './json-paths.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const FACTS = new Map(FACT_CATALOGUE.map((fact) => [fact.name as string, fact]));

const OPERATORS_BY_TYPE: Record<FactDefinition['type'], readonly string[]> = {
  number: ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'equal', 'notEqual'],
  integer: ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'equal', 'notEqual'],
  boolean: ['equal', 'notEqual'],
  string: ['equal', 'notEqual', 'in', 'notIn'],
  'string[]': ['contains', 'doesNotContain'],
};

const OPERATOR_WORDS: Record<string, readonly [string, string]> = {
  equal: ['等于', '='],
  notEqual: ['不等于', '≠'],
  lessThan: ['小于', '<'],
  lessThanInclusive: ['小于等于', '≤'],
  greaterThan: ['大于', '>'],
  greaterThanInclusive: ['大于等于', '≥'],
  in: ['属于', 'in'],
  notIn: ['不属于', 'not in'],
  contains: ['包含', 'contains'],
  doesNotContain: ['不包含', 'does not contain'],
};

/** A fact's short Chinese (or English) name and unit, for the fact menu. */
export function factLabel(fact: FactDefinition): string {
  const short = lang() === 'zh' ? (fact.zh.split(/[(:。,]/)[0] ?? fact.zh) : fact.en.replace(/\.$/, '');
  const unit = fact.unit === '' ? '' : ` [${fact.unit}]`;
  return `${fact.name} · ${short}${unit}`;
}

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the table view needs from the studio. */
export interface TableHost {
  /**
   * Applies an edit to a copy of the rule file's JSON and commits it. `inPlace`: the edit
   * changed only what its own field already shows (a value, a priority, a name, a status), so
   * the table need not be drawn again unless the findings change.
   */
  edit(change: (file: { [key: string]: unknown }) => void, inPlace?: boolean): void;
}

/** The value typed in a value cell, as the fact's type reads it: numbers as numbers, `true` as true. */
function readValue(text: string, fact: FactDefinition | undefined, operator: string): Json {
  const trimmed = text.trim();
  if (operator === 'in' || operator === 'notIn') {
    const items = trimmed === '' ? [] : trimmed.split(/[,，、\s]+/).filter(Boolean);
    return items.map((item) =>
      fact !== undefined && (fact.type === 'number' || fact.type === 'integer') && /^-?\d+(\.\d+)?$/.test(item) ? Number(item) : item,
    );
  }
  if (trimmed === 'null') return null;
  // A JSON-quoted text stays text without its quotes (for a number fact: the type mistake parseRuleFile names).
  if (/^".*"$/.test(trimmed)) {
    try {
      return JSON.parse(trimmed) as string;
    } catch {
      return trimmed;
    }
  }
  if (fact?.type === 'number' || fact?.type === 'integer') return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
  if (fact?.type === 'boolean') return trimmed === 'true' ? true : trimmed === 'false' ? false : trimmed;
  return trimmed;
}

/** A value as the value cell shows it: text in quotes when the fact is a number (the type mistake shows). */
function showValue(value: Json | undefined, fact: FactDefinition | undefined): string {
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(', ');
  if (typeof value === 'string') return fact !== undefined && fact.type !== 'string' && fact.type !== 'string[]' ? JSON.stringify(value) : value;
  return JSON.stringify(value ?? null);
}

/** Renders the table view into `root`. */
export function renderTable(root: HTMLElement, file: unknown, findings: readonly Finding[], host: TableHost): void {
  if (!isObject(file as Json) || !Array.isArray((file as JsonObject).rules)) {
    replace(root, h('p', { class: 'notice error' }, t('jsonBroken')));
    return;
  }
  const doc = file as JsonObject;
  const edit = (change: (copy: JsonObject) => void, inPlace = false) => host.edit((copy) => change(copy as JsonObject), inPlace);
  const rules = doc.rules as Json[];
  const statuses = (Array.isArray(doc.statuses) ? doc.statuses : []).filter(isObject);
  const findingsAt = (path: string, exact = false) =>
    findings.filter((finding) => finding.path === path || (!exact && finding.path.startsWith(path) && /^[.[]/.test(finding.path.slice(path.length))));
  const marks = (path: string, exact = true) => {
    const found = findingsAt(path, exact);
    return found.length === 0
      ? null
      : h('div', { class: 'cell-findings' }, ...found.map((finding) => h('div', { class: `finding ${finding.severity}`, role: 'alert' }, finding.message)));
  };
  const severityClass = (path: string, exact = true) => {
    const found = findingsAt(path, exact);
    return found.some((finding) => finding.severity === 'error') ? 'has-error' : found.length > 0 ? 'has-warning' : '';
  };

  const conditionNode = (node: Json | undefined, path: string, setNode: (next: Json, inPlace?: boolean) => void, remove: (() => void) | null): HTMLElement => {
    if (isObject(node) && ('all' in node || 'any' in node)) {
      const key = 'all' in node ? 'all' : 'any';
      const children = Array.isArray(node[key]) ? (node[key] as Json[]) : [];
      const group = h('div', { class: `cond-group ${key}`, 'data-path': path });
      const head = h('div', { class: 'cond-head' }, h('span', { class: 'cond-kind' }, children.length === 0 && key === 'all' ? t('always') : t(key)));
      const add = h('button', { type: 'button', class: 'small', 'data-action': 'add-condition', 'data-path': pathKey(path, key) }, t('addCondition'));
      add.addEventListener('click', () => edit((copy) => pushLeaf(copy, `${pathKey(path, key)}`)));
      head.append(add);
      if (remove !== null) head.append(removeButton(remove));
      group.append(head);
      children.forEach((child, i) => {
        const childPath = pathKey(pathKey(path, key), i);
        group.append(
          conditionNode(
            child,
            childPath,
            (next, inPlace) => edit((copy) => setAt(copy, childPath, next), inPlace),
            () => edit((copy) => removeAt(copy, childPath)),
          ),
        );
      });
      append(group, [marks(path)]);
      return group;
    }
    if (isObject(node) && 'not' in node) {
      const group = h(
        'div',
        { class: 'cond-group not', 'data-path': path },
        h('div', { class: 'cond-head' }, h('span', { class: 'cond-kind' }, t('not')), remove === null ? null : removeButton(remove)),
      );
      const childPath = pathKey(path, 'not');
      append(group, [conditionNode(node.not, childPath, (next, inPlace) => edit((copy) => setAt(copy, childPath, next), inPlace), null), marks(path)]);
      return group;
    }
    return leafRow(isObject(node) ? node : {}, path, setNode, remove);
  };

  const leafRow = (leaf: JsonObject, path: string, setNode: (next: Json, inPlace?: boolean) => void, remove: (() => void) | null): HTMLElement => {
    const factName = typeof leaf.fact === 'string' ? leaf.fact : '';
    const fact = FACTS.get(factName);
    const operator = typeof leaf.operator === 'string' ? leaf.operator : '';
    const row = h('div', { class: `cond-leaf ${severityClass(path, false)}`, 'data-path': path });
    const factSelect = h('select', { 'aria-label': t('facts'), 'data-field': 'fact', class: severityClass(pathKey(path, 'fact')) });
    if (fact === undefined) factSelect.append(h('option', { value: factName, selected: true }, factName === '' ? '—' : `${factName} ?`));
    for (const entry of FACT_CATALOGUE) factSelect.append(h('option', { value: entry.name, selected: entry.name === factName }, factLabel(entry)));
    factSelect.addEventListener('change', () => {
      const next = FACTS.get(factSelect.value);
      const operators = next === undefined ? [] : OPERATORS_BY_TYPE[next.type];
      const op = operators.includes(operator) ? operator : (operators[0] ?? operator);
      setNode({ ...leaf, fact: factSelect.value, operator: op, value: defaultValue(next, op, leaf.value) });
    });
    const operatorSelect = h('select', { 'aria-label': 'operator', 'data-field': 'operator', class: severityClass(pathKey(path, 'operator')) });
    const operators = fact === undefined ? Object.keys(OPERATOR_WORDS) : OPERATORS_BY_TYPE[fact.type];
    if (!operators.includes(operator)) operatorSelect.append(h('option', { value: operator, selected: true }, `${operator} ?`));
    for (const op of operators)
      operatorSelect.append(
        h(
          'option',
          { value: op, selected: op === operator, title: op },
          lang() === 'zh' ? `${OPERATOR_WORDS[op]?.[0] ?? op} ${OPERATOR_WORDS[op]?.[1] ?? ''}` : `${OPERATOR_WORDS[op]?.[1] ?? op} (${op})`,
        ),
      );
    operatorSelect.addEventListener('change', () =>
      setNode({ ...leaf, operator: operatorSelect.value, value: defaultValue(fact, operatorSelect.value, leaf.value) }),
    );
    row.append(factSelect, operatorSelect, valueEditor(leaf, fact, operator, pathKey(path, 'value'), setNode));
    if (fact !== undefined && fact.unit !== '') row.append(h('span', { class: 'unit' }, fact.unit));
    if (remove !== null) row.append(removeButton(remove));
    append(row, [marks(path, false)]);
    return row;
  };

  const valueEditor = (
    leaf: JsonObject,
    fact: FactDefinition | undefined,
    operator: string,
    path: string,
    setNode: (next: Json, inPlace?: boolean) => void,
  ): HTMLElement => {
    const value = leaf.value;
    const cls = severityClass(path);
    if (isObject(value) && typeof value.fact === 'string')
      return h('span', { class: `value-ref ${cls}`, 'data-field': 'value' }, `${t('factRef')} ${value.fact}`);
    if (fact?.type === 'boolean' && (typeof value === 'boolean' || value === null)) {
      const select = h('select', { 'aria-label': 'value', 'data-field': 'value', class: cls });
      for (const option of fact.nullable ? [true, false, null] : [true, false])
        select.append(h('option', { value: String(option), selected: option === value }, String(option)));
      select.addEventListener('change', () => setNode({ ...leaf, value: select.value === 'null' ? null : select.value === 'true' }, true));
      return select;
    }
    if (
      fact?.name === 'kind' &&
      (operator === 'equal' || operator === 'notEqual') &&
      typeof value === 'string' &&
      (TARGET_KINDS as readonly string[]).includes(value)
    ) {
      const select = h('select', { 'aria-label': 'value', 'data-field': 'value', class: cls });
      for (const kind of TARGET_KINDS) select.append(h('option', { value: kind, selected: kind === value }, kind));
      select.addEventListener('change', () => setNode({ ...leaf, value: select.value }, true));
      return select;
    }
    const numeric = fact?.type === 'number' || fact?.type === 'integer';
    const input = h('input', {
      type: 'text',
      'aria-label': 'value',
      'data-field': 'value',
      class: `value ${cls}`,
      value: showValue(value, fact),
      inputmode: numeric ? 'decimal' : undefined,
      size: 8,
    });
    input.addEventListener('change', () => setNode({ ...leaf, value: readValue(input.value, fact, operator) }, true));
    return input;
  };

  const removeButton = (remove: () => void) => {
    const button = h('button', { type: 'button', class: 'small danger', 'aria-label': t('remove'), title: t('remove') }, '×');
    button.addEventListener('click', remove);
    return button;
  };

  const table = h('table', { class: 'decision-table' });
  table.append(
    h(
      'thead',
      {},
      h('tr', {}, h('th', {}, t('priority')), h('th', {}, t('name')), h('th', {}, t('conditions')), h('th', {}, t('status')), h('th', {}, t('actions'))),
    ),
  );
  const body = h('tbody');
  rules.forEach((rule, i) => {
    const rulePath = pathKey('$.rules', i);
    const r = isObject(rule) ? rule : {};
    const tr = h('tr', { 'data-rule': i, 'data-path': rulePath, class: severityClass(rulePath) });
    const priority = h('input', {
      type: 'number',
      min: 1,
      step: 1,
      value: String(r.priority ?? ''),
      'aria-label': t('priority'),
      'data-field': 'priority',
      class: `priority ${severityClass(pathKey(rulePath, 'priority'))}`,
    });
    priority.addEventListener('change', () =>
      edit((copy) => setAt(copy, pathKey(rulePath, 'priority'), /^\d+$/.test(priority.value) ? Number(priority.value) : priority.value), true),
    );
    const name = h('input', {
      type: 'text',
      value: String(r.name ?? ''),
      'aria-label': t('name'),
      'data-field': 'name',
      class: severityClass(pathKey(rulePath, 'name')),
    });
    name.addEventListener('change', () => edit((copy) => setAt(copy, pathKey(rulePath, 'name'), name.value), true));
    const conditionsPath = pathKey(rulePath, 'conditions');
    const conditions = conditionNode(r.conditions, conditionsPath, (next, inPlace) => edit((copy) => setAt(copy, conditionsPath, next), inPlace), null);
    const eventType = isObject(r.event) && typeof r.event.type === 'string' ? r.event.type : '';
    const status = h('select', { 'aria-label': t('status'), 'data-field': 'status', class: severityClass(pathKey(pathKey(rulePath, 'event'), 'type')) });
    if (!statuses.some((s) => s.code === eventType)) status.append(h('option', { value: eventType, selected: true }, `${eventType} ?`));
    for (const s of statuses) status.append(h('option', { value: String(s.code), selected: s.code === eventType }, `${String(s.label)} (${String(s.code)})`));
    status.addEventListener('change', () => edit((copy) => setAt(copy, pathKey(pathKey(rulePath, 'event'), 'type'), status.value), true));
    const actions = h('td', { class: 'actions' });
    const button = (label: string, text: string, action: () => void, disabled = false) => {
      const b = h('button', { type: 'button', class: 'small', title: label, 'aria-label': label, disabled }, text);
      b.addEventListener('click', action);
      actions.append(b);
    };
    button(t('moveUp'), '↑', () => edit((copy) => move(copy.rules as Json[], i, i - 1)), i === 0);
    button(t('moveDown'), '↓', () => edit((copy) => move(copy.rules as Json[], i, i + 1)), i === rules.length - 1);
    button(t('remove'), '×', () => edit((copy) => void (copy.rules as Json[]).splice(i, 1)));
    tr.append(
      h('td', {}, priority, marks(pathKey(rulePath, 'priority'))),
      h('td', {}, name, marks(pathKey(rulePath, 'name')), marks(rulePath)),
      h('td', { class: 'conditions' }, conditions),
      h('td', {}, status, marks(pathKey(rulePath, 'event'), false)),
      actions,
    );
    body.append(tr);
  });
  table.append(body);
  const addRule = h('button', { type: 'button', 'data-action': 'add-rule' }, t('addRule'));
  addRule.addEventListener('click', () =>
    edit((copy) => {
      const list = copy.rules as Json[];
      const names = new Set(list.filter(isObject).map((rule) => rule.name));
      let n = list.length + 1;
      while (names.has(`规则${n}`)) n++;
      list.push({ name: `规则${n}`, priority: 10, conditions: { all: [] }, event: { type: String(statuses[0]?.code ?? '') } });
    }),
  );
  replace(root, table, h('p', {}, addRule), marks('$.rules'), marks('$.statuses', false));
}

function defaultValue(fact: FactDefinition | undefined, operator: string, previous: Json | undefined): Json {
  if (fact === undefined) return previous ?? null;
  if (operator === 'in' || operator === 'notIn') return Array.isArray(previous) ? previous : [];
  if (fact.type === 'boolean') return typeof previous === 'boolean' ? previous : true;
  if (fact.type === 'number' || fact.type === 'integer') return typeof previous === 'number' ? previous : 0;
  if (fact.name === 'kind') return typeof previous === 'string' && (TARGET_KINDS as readonly string[]).includes(previous) ? previous : 'rate';
  return typeof previous === 'string' ? previous : '';
}

/** The keys of a path `$.rules[2].conditions.all[0]`. */
export function parsePath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  const pattern = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (const match of path.slice(1).matchAll(pattern)) keys.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : (JSON.parse(match[3]!) as string)));
  return keys;
}

function container(doc: JsonObject, keys: readonly (string | number)[]): Json | undefined {
  let node: Json | undefined = doc;
  for (const key of keys) node = Array.isArray(node) ? node[key as number] : isObject(node) ? node[key as string] : undefined;
  return node;
}

function setAt(doc: JsonObject, path: string, value: Json): void {
  const keys = parsePath(path);
  const parent = container(doc, keys.slice(0, -1));
  const last = keys.at(-1)!;
  if (Array.isArray(parent)) parent[last as number] = value;
  else if (isObject(parent)) parent[last as string] = value;
}

function removeAt(doc: JsonObject, path: string): void {
  const keys = parsePath(path);
  const parent = container(doc, keys.slice(0, -1));
  if (Array.isArray(parent)) parent.splice(keys.at(-1) as number, 1);
}

function pushLeaf(doc: JsonObject, path: string): void {
  const list = container(doc, parsePath(path));
  if (Array.isArray(list)) list.push({ fact: 'paceRatio', operator: 'lessThan', value: 0.5 });
}

function move(list: Json[], from: number, to: number): void {
  if (to < 0 || to >= list.length) return;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item!);
}
