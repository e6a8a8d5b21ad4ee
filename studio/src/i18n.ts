/** The studio's words: Chinese first, English by the toggle. */
export type Lang = 'zh' | 'en';

const WORDS = {
  appTitle: ['duban studio 督办工作台', 'duban studio — the analyst’s workbench'],
  plan: ['计划', 'Plan'],
  observations: ['报送数据', 'Observations'],
  rules: ['规则', 'Rules'],
  asOf: ['评估日期', 'As of'],
  openPlan: ['打开计划…', 'Open plan…'],
  openObservations: ['打开报送数据…', 'Open observations…'],
  openRules: ['打开规则文件…', 'Open rule file…'],
  bundled: ['内置规则集', 'Bundled rule set'],
  dropHint: ['可把计划、报送数据或规则文件拖到页面上', 'Drop a plan, observations or rule file anywhere on the page'],
  noPlan: [
    '尚未载入计划。请用“打开计划…”选择计划文件(JSON、任务分解表工作簿 .xlsx;CSV 任务表需先载入计划 JSON 作为基础),或拖入页面。',
    'No plan loaded. Use “Open plan…” (JSON or a 任务分解表 workbook; a CSV task table after a plan JSON as its base) or drop the file on the page.',
  ],
  language: ['English', '中文'],
  languageLabel: ['切换到英文', 'Switch to Chinese'],
  tableView: ['决策表', 'Decision table'],
  jsonView: ['JSON', 'JSON'],
  undo: ['撤销', 'Undo'],
  redo: ['重做', 'Redo'],
  priority: ['优先级', 'Priority'],
  name: ['规则名称', 'Name'],
  conditions: ['条件', 'Conditions'],
  status: ['状态', 'Status'],
  actions: ['操作', 'Actions'],
  addRule: ['添加规则', 'Add rule'],
  addCondition: ['＋条件', '+ condition'],
  remove: ['删除', 'Remove'],
  moveUp: ['上移', 'Move up'],
  moveDown: ['下移', 'Move down'],
  always: ['总是成立', 'always'],
  all: ['全部成立', 'all of'],
  any: ['任一成立', 'any of'],
  not: ['不成立', 'not'],
  factRef: ['事实', 'fact'],
  jsonBroken: [
    '规则文件不是有效的 JSON,请在 JSON 视图中修正后再用决策表编辑。',
    'The rule file is not valid JSON: fix it in the JSON view to edit it as a table.',
  ],
  checkClean: ['规则检查:未发现问题', 'Rule check: no problems found'],
  checkTitle: ['规则检查', 'Rule check'],
  problems: ['问题', 'Problems'],
  rulesInvalid: ['规则文件有错误(见左侧),改正后即显示结果。', 'The rule file has errors (see the left): the results appear once they are fixed.'],
  staleResults: ['规则文件有错误,下面是上一次有效规则的结果。', 'The rule file has errors: the results below are those of the last valid rules.'],
  counts: ['状态统计', 'Status counts'],
  changed: ['状态有变化的任务', 'Tasks whose status changed'],
  noChange: ['上次修改没有改变任何任务的状态。', 'The last edit changed no task’s status.'],
  before: ['修改前', 'before'],
  after: ['修改后', 'after'],
  filterCategory: ['分类', 'Category'],
  filterLead: ['牵头单位', 'Lead unit'],
  filterLeader: ['牵头领导', 'Leader'],
  filterStatus: ['状态', 'Status'],
  sort: ['排序', 'Sort'],
  sortPlan: ['计划顺序', 'Plan order'],
  sortStatus: ['按状态', 'By status'],
  sortCategory: ['按分类', 'By category'],
  sortLead: ['按牵头单位', 'By lead unit'],
  sortLeader: ['按牵头领导', 'By leader'],
  sortChanged: ['变化的在前', 'Changed first'],
  everything: ['全部', 'All'],
  id: ['编号', 'Id'],
  task: ['任务', 'Task'],
  rule: ['规则', 'Rule'],
  explanation: ['说明', 'Explanation'],
  unclassified: ['未判定', 'unclassified'],
  showAll: ['显示全部', 'Show all'],
  shown: ['显示', 'showing'],
  of: ['/', 'of'],
  facts: ['事实', 'Facts'],
  explain: ['为何得到该状态', 'Why this status'],
  winner: ['胜出', 'winner'],
  matched: ['成立', 'matched'],
  notMatched: ['不成立', 'not matched'],
  notEvaluated: ['未求值', 'not evaluated'],
  whatIf: ['假设分析', 'What if'],
  whatIfValue: ['假设报送值', 'Suppose the figure is'],
  whatIfApply: ['试算', 'Apply'],
  whatIfReset: ['恢复原值', 'Reset'],
  whatIfActive: ['假设分析生效中', 'what-if active'],
  whatIfNone: ['该任务没有可改的数值(节点或是否完成型)。', 'This task has no figure to change (milestones or binary).'],
  pin: ['固定为用例', 'Pin as case'],
  unpin: ['取消固定', 'Unpin'],
  pinned: ['已固定的用例', 'Pinned cases'],
  casePass: ['通过', 'pass'],
  caseFail: ['未通过', 'fail'],
  export: ['导出', 'Export'],
  exportRules: ['规则文件', 'Rule file'],
  exportCases: ['测试用例', 'Rule cases'],
  exportHtml: ['通报 HTML', 'Bulletin HTML'],
  exportMarkdown: ['通报 Markdown', 'Bulletin Markdown'],
  exportDocx: ['通报 Word', 'Bulletin Word'],
  exportXlsx: ['评估工作簿 Excel', 'Evaluation workbook'],
  close: ['关闭', 'Close'],
  loadError: ['载入出错', 'Could not load'],
  warnings: ['提示', 'Warnings'],
  evalTime: ['评估用时', 'evaluated in'],
  tasks: ['项任务', 'tasks'],
  resetAsOf: ['计划的评估日期', 'the plan’s date'],
} as const satisfies Record<string, readonly [string, string]>;

/** A word's key. */
export type Word = keyof typeof WORDS;

let current: Lang = 'zh';

/** The language shown. */
export function lang(): Lang {
  return current;
}

/** Sets the language shown. */
export function setLang(next: Lang): void {
  current = next;
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
}

/** A word in the language shown. */
export function t(word: Word): string {
  return WORDS[word][current === 'zh' ? 0 : 1];
}

/** Of a bilingual duban message `中文 / English`, the part in the language shown (the whole when it has no such split). */
export function pick(message: string): string {
  const at = message.indexOf(' / ');
  if (at === -1) return message;
  return current === 'zh' ? message.slice(0, at) : message.slice(at + 3);
}
