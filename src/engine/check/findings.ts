// The findings of checkRuleFile, one function per kind, drawn from the
// exploration's record (explore.ts); every problem is built by one constructor.
import type { RuleCheckKind, RuleCheckLimit, RuleCheckProblem } from '../check-rule-file.js';
import type { RuleFile } from '../parse-rule-file.js';
import { factType, type CompiledRule, type Leaf } from './conditions.js';
import { FACT_ORDER, MAX_POINTS, MAX_SAMPLES, oddness, type Explored, type Exploration, type GapRegion } from './explore.js';
import type { SampleFacts } from './fact-model.js';
import type { LeafProblem } from './leaf-checks.js';

/** What a problem may show besides its text: an example, the region of a gap, the rules that pre-empt. */
interface Details {
  readonly example?: Readonly<Record<string, unknown>>;
  readonly region?: string;
  readonly preemptedBy?: readonly string[];
}

/** One problem, in the report's shape. */
function finding(
  kind: RuleCheckKind,
  severity: 'error' | 'warning',
  path: string,
  rules: readonly string[],
  text: { zh: string; message: string },
  details: Details = {},
): RuleCheckProblem {
  return {
    kind,
    severity,
    path,
    rules,
    zh: text.zh,
    message: text.message,
    example: details.example ?? null,
    region: details.region ?? null,
    preemptedBy: details.preemptedBy ?? [],
  };
}

/** Facts in catalogue order, without `cancelled`/`flags` noise removed: the example a report shows. */
function example(facts: SampleFacts): Record<string, unknown> {
  return Object.fromEntries(FACT_ORDER.map((fact) => [fact, facts[fact]]));
}

/** The type mistakes in single conditions (load errors, implausible thresholds). */
export function typeFindings(typeProblems: readonly LeafProblem[]): RuleCheckProblem[] {
  return typeProblems.map(({ leaf, severity, message, zh }) =>
    finding('type', severity, leaf.path, [leaf.rule], { zh: `规则“${leaf.rule}”:${zh}`, message: `rule ${JSON.stringify(leaf.rule)}: ${message}` }),
  );
}

/** Type mistakes the domains reveal: a condition no task can satisfy, or one every task satisfies. */
export function domainFindings(leaves: readonly Leaf[], typeProblems: readonly LeafProblem[], explored: Explored): RuleCheckProblem[] {
  const flagged = new Set(typeProblems.filter((problem) => problem.severity === 'error').map((problem) => problem.leaf.index));
  const out: RuleCheckProblem[] = [];
  for (const leaf of leaves) {
    if (leaf.inexact !== undefined || flagged.has(leaf.index) || explored.state.truncated) continue;
    const condition = `${leaf.fact} ${leaf.operator} ${JSON.stringify(leaf.value)}`;
    if (!explored.everTrue[leaf.index]) {
      out.push(
        finding('type', 'error', leaf.path, [leaf.rule], {
          zh: `规则“${leaf.rule}”:条件 ${condition} 对任何任务都不成立(${leaf.fact} 取不到这样的值)`,
          message: `rule ${JSON.stringify(leaf.rule)}: the condition ${condition} holds for no task (${leaf.fact} never takes such a value)`,
        }),
      );
    } else if (!explored.everFalse[leaf.index]) {
      out.push(
        finding('type', 'warning', leaf.path, [leaf.rule], {
          zh: `规则“${leaf.rule}”:条件 ${condition} 对所有任务都成立,是多余的`,
          message: `rule ${JSON.stringify(leaf.rule)}: the condition ${condition} holds for every task, so it is redundant`,
        }),
      );
    }
  }
  return out;
}

/**
 * Widens each gap region as far as it stays a gap: a fact's description is
 * dropped when no covered combination matches the rest (kind and hasData,
 * first in the vector, are dropped last). Regions inside another are removed.
 * With conditions beyond exact analysis a region only says where the example lies.
 */
function mergeGaps(gaps: readonly GapRegion[], covered: readonly (readonly (string | undefined)[])[], inexact: boolean): GapRegion[] {
  const matches = (parts: readonly (string | undefined)[], vector: readonly (string | undefined)[]) =>
    parts.every((part, i) => part === undefined || part === vector[i]);
  const widened: GapRegion[] = gaps.map((region) => {
    let parts = [...region.parts];
    for (let f = parts.length - 1; f >= 0; f--) {
      if (parts[f] === undefined) continue;
      const wider = parts.map((part, i) => (i === f ? undefined : part));
      if (!covered.some((vector) => matches(wider, vector))) parts = wider;
    }
    return { parts, facts: region.facts };
  });
  // Each region shows the most ordinary example among the gaps it covers.
  for (const [i, region] of widened.entries()) {
    const best = gaps.filter((gap) => matches(region.parts, gap.parts)).sort((a, b) => oddness(a.facts) - oddness(b.facts))[0];
    if (best !== undefined) widened[i] = { parts: region.parts, facts: best.facts };
  }
  for (const [i, region] of widened.entries())
    if (inexact || covered.some((vector) => matches(region.parts, vector))) widened[i] = { ...region, partial: true };
  const keys = widened.map((region) => JSON.stringify(region.parts));
  return widened.filter((region, i) => keys.indexOf(keys[i]!) === i && !widened.some((other, j) => keys[j] !== keys[i] && matches(other.parts, region.parts)));
}

/**
 * The gaps, widened and merged (at most `maxGaps` listed), and how many regions there are.
 *
 * @param leaves - every condition (to know whether some are beyond exact analysis)
 * @param explored - the exploration's record
 * @param maxGaps - how many to list
 */
export function gapFindings(leaves: readonly Leaf[], explored: Explored, maxGaps: number): { problems: RuleCheckProblem[]; regions: number } {
  const regions = mergeGaps(
    [...explored.gapRegions.values()],
    explored.covered,
    leaves.some((leaf) => leaf.inexact !== undefined),
  );
  const problems = regions.slice(0, maxGaps).map((region) => {
    const text = region.parts.filter((part): part is string => part !== undefined).join(', ') || 'every task';
    return finding(
      'gap',
      'error',
      '$.rules',
      [],
      {
        zh: region.partial === true ? `漏判:没有任何规则匹配部分 ${text} 的任务,如下例` : `漏判:没有任何规则匹配 ${text} 的任务`,
        message: region.partial === true ? `gap: no rule matches some tasks with ${text}, such as the example` : `gap: no rule matches tasks with ${text}`,
      },
      { example: example(region.facts), region: text },
    );
  });
  return { problems, regions: regions.length };
}

/** Rules that never decide a task, naming what pre-empts them; the ones that could not be decided exactly are limits. */
export function unreachableFindings(
  rules: readonly CompiledRule[],
  ranked: readonly CompiledRule[],
  explored: Explored,
): { problems: RuleCheckProblem[]; limits: RuleCheckLimit[] } {
  const problems: RuleCheckProblem[] = [];
  const limits: RuleCheckLimit[] = [];
  for (const rule of rules) {
    if (explored.reachable.has(rule.index)) continue;
    const path = `$.rules[${rule.index}]`;
    const name = rule.rule.name;
    if (explored.state.truncated || explored.possibleWin.has(rule.index)) {
      limits.push({
        path,
        rules: [name],
        message: `rule ${JSON.stringify(name)}: whether it can ever decide a task could not be decided exactly`,
        zh: `规则“${name}”:无法精确判定它能否决定任何任务的状态`,
      });
      continue;
    }
    if (!explored.possibleMatch.has(rule.index)) {
      problems.push(
        finding('unreachable', 'error', path, [name], {
          zh: `规则“${name}”永远不会生效:没有任何任务能满足它的条件`,
          message: `rule ${JSON.stringify(name)} is unreachable: no task can satisfy its conditions`,
        }),
      );
      continue;
    }
    // Name the rule that covers everything this one matches, if there is one; else every rule that decides first somewhere.
    const covering = (explored.alwaysAbove.get(rule.index) ?? []).map((j) => ranked[j]!);
    const by = (covering.length > 0 ? [covering[0]!] : ranked.filter((other) => explored.preemptors.get(rule.index)?.has(other.index))).map(
      (other) => other.rule.name,
    );
    const list = by.map((other) => JSON.stringify(other)).join(', ');
    problems.push(
      finding(
        'unreachable',
        'error',
        path,
        [name],
        {
          zh: `规则“${name}”永远不会生效:凡满足它的任务,都已先被${by.map((other) => `“${other}”`).join('、')}判定`,
          message: `rule ${JSON.stringify(name)} is unreachable: every task it matches is decided first by ${list}`,
        },
        { preemptedBy: by },
      ),
    );
  }
  return { problems, limits };
}

/** Rules of equal priority and different statuses that both match first somewhere: only file order decides. */
export function ambiguousFindings(explored: Explored): RuleCheckProblem[] {
  return [...explored.ambiguous.values()].map(({ a, b, facts }) =>
    finding(
      'ambiguous',
      'warning',
      `$.rules[${b.index}].priority`,
      [a.rule.name, b.rule.name],
      {
        zh: `规则“${a.rule.name}”(${a.rule.event.type})与“${b.rule.name}”(${b.rule.event.type})优先级同为 ${a.rule.priority},可同时匹配,结果只取决于文件中的先后顺序`,
        message: `rules ${JSON.stringify(a.rule.name)} (${a.rule.event.type}) and ${JSON.stringify(b.rule.name)} (${b.rule.event.type}) share priority ${a.rule.priority} and can both match: only file order decides`,
      },
      { example: example(facts) },
    ),
  );
}

/** Statuses no rule assigns, or only rules that never decide. */
export function unusedStatusFindings(ruleFile: RuleFile, rules: readonly CompiledRule[], explored: Explored): RuleCheckProblem[] {
  const out: RuleCheckProblem[] = [];
  ruleFile.statuses.forEach((status, i) => {
    const assigning = rules.filter((rule) => rule.rule.event.type === status.code);
    if (
      assigning.length > 0 &&
      (assigning.some((rule) => explored.reachable.has(rule.index) || explored.possibleWin.has(rule.index)) || explored.state.truncated)
    )
      return;
    out.push(
      finding(
        'unused-status',
        'warning',
        `$.statuses[${i}]`,
        assigning.map((rule) => rule.rule.name),
        {
          zh:
            assigning.length === 0
              ? `状态 ${status.code}(${status.label})已声明,但没有规则给出它`
              : `状态 ${status.code}(${status.label})只由永远不会生效的规则给出`,
          message:
            assigning.length === 0
              ? `status ${JSON.stringify(status.code)} is declared but no rule assigns it`
              : `status ${JSON.stringify(status.code)} is assigned only by unreachable rules`,
        },
      ),
    );
  });
  return out;
}

/** The conditions beyond exact analysis, one limit each. */
export function inexactLimits(leaves: readonly Leaf[]): RuleCheckLimit[] {
  return leaves
    .filter((leaf) => leaf.inexact !== undefined)
    .map((leaf) => ({
      path: leaf.path,
      rules: [leaf.rule],
      message: `rule ${JSON.stringify(leaf.rule)}: this condition is beyond exact analysis (${leaf.inexact}); it was evaluated only on the sample facts`,
      zh: `规则“${leaf.rule}”:此条件超出精确分析范围(${leafReasonZh(leaf)}),只在样本事实上求值`,
    }));
}

/** The limit that says some rules' coverage could not be decided exactly, if any. */
export function undecidedGapsLimits(rules: readonly CompiledRule[], explored: Explored): RuleCheckLimit[] {
  if (explored.gapsUndecided.size === 0) return [];
  const names = rules.filter((rule) => explored.gapsUndecided.has(rule.index)).map((rule) => rule.rule.name);
  return [
    {
      path: '$.rules',
      rules: names,
      message: `whether ${names.map((name) => JSON.stringify(name)).join(', ')} cover every task could not be decided exactly: some tasks may match no rule`,
      zh: `无法精确判定规则 ${names.map((name) => `“${name}”`).join('、')} 是否覆盖了所有任务:可能存在漏判`,
    },
  ];
}

/** The sorts of task in the order the checker explores them. */
const SEGMENTS = ['cumulative', 'level', 'rate', 'milestones', 'binary', 'cumulative (no data)', 'level (no data)', 'rate (no data)'];
const SEGMENTS_ZH: Record<string, string> = {
  cumulative: '累计型(有数据)',
  level: '水平型(有数据)',
  rate: '比率型(有数据)',
  milestones: '节点型',
  binary: '完成型',
  'cumulative (no data)': '累计型(无数据)',
  'level (no data)': '水平型(无数据)',
  'rate (no data)': '比率型(无数据)',
};

/** The limit that says the check stopped early, and what it covered. */
export function stoppedEarlyLimit(state: Exploration): RuleCheckLimit {
  const done = state.completed;
  const partly = state.current;
  const rest = SEGMENTS.slice(partly === undefined ? SEGMENTS.length : SEGMENTS.indexOf(partly) + 1);
  const en = [
    done.length > 0 ? `every combination of ${done.join(', ')} tasks was examined` : 'no sort of task was examined completely',
    ...(partly === undefined ? [] : [`${partly} tasks only in part`]),
    ...(rest.length > 0 ? [`${rest.join(', ')} tasks not at all`] : []),
  ];
  const zh = [
    done.length > 0 ? `已完整检查${done.map((segment) => SEGMENTS_ZH[segment]).join('、')}任务` : '没有一类任务检查完整',
    ...(partly === undefined ? [] : [`${SEGMENTS_ZH[partly]}任务只检查了一部分`]),
    ...(rest.length > 0 ? [`${rest.map((segment) => SEGMENTS_ZH[segment]).join('、')}任务未检查`] : []),
  ];
  return {
    path: '$.rules',
    rules: [],
    message: `the check stopped early, after ${state.count} combinations of condition results (${state.samples} samples of facts; it stops at ${MAX_POINTS} combinations or ${MAX_SAMPLES} samples): ${en.join('; ')}. Gaps may be missing and no rule is reported unreachable`,
    zh: `检查在 ${state.count} 种条件结果组合(${state.samples} 个事实样本)后停止(上限为 ${MAX_POINTS} 种组合或 ${MAX_SAMPLES} 个样本):${zh.join(';')}。可能有漏判未报出,也不报告无法生效的规则`,
  };
}

function leafReasonZh(leaf: Leaf): string {
  if (leaf.factRef !== undefined) return `拿事实 ${leaf.fact} 与事实 ${leaf.factRef} 比较`;
  if (factType(leaf.fact) === undefined) return `事实 ${leaf.fact} 由应用程序注册,其取值未知`;
  if (leaf.fact === 'flags') return `对列表 flags 作数值比较,结果取决于标记文字`;
  return `运算符 ${leaf.operator} 由应用程序注册`;
}
