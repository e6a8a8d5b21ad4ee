import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluatePlan, formatBulletin, parsePlan, reportPlan, type Evaluation, type Plan } from '../../src/index.js';
import { fullWidth } from '../../src/engine/wording.js';
import { listName } from '../../src/report/bulletin-document.js';
import { evaluatedExample, parseCounts, SEED_EXAMPLES, smallPlan } from './helpers.js';

const sections = (markdown: string) =>
  markdown
    .split('\n')
    .filter((line) => line.startsWith('## '))
    .map((line) => line.slice(3));
/** The lines of one `## ` section. */
function section(markdown: string, title: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith('## ') && line.endsWith(title));
  if (start < 0) throw new Error(`no section ${title}`);
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines.slice(start + 1, end < 0 ? undefined : end).filter((line) => line !== '');
}
const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

/** What the bulletin must say, computed from the evaluation alone (not from the summary the bulletin uses). */
function expectedLines(evaluation: Evaluation) {
  const live = evaluation.results.filter((result) => !result.facts.cancelled);
  return evaluation.summary.byStatus
    .filter((status) => status.status !== 'cancelled')
    .map((status) => ({ ...status, titles: live.filter((result) => result.status === status.status).map((result) => listName(result.title)) }))
    .filter((status) => status.titles.length > 0);
}

describe('formatBulletin on the seed examples', () => {
  const shapes: Record<string, string[]> = {
    'jinzhou-2016-h1.plan.json': ['一、总体情况', '二、主要经济发展指标完成情况', '三、进度滞后和存在问题的工作', '四、分类统计', '五、分单位统计'],
    'xuchang-2017-h1.plan.json': ['一、总体情况', '二、主要指标完成情况', '三、进度滞后和存在问题的工作', '四、分类统计', '五、分单位统计', '六、分领导统计'],
    'xianning-2018-q1.plan.json': [
      '一、总体情况',
      '二、全市经济社会发展主要预期目标完成情况',
      '三、进度滞后和存在问题的工作',
      '四、分类统计',
      '五、分单位统计',
    ],
    'ezhou-2014.plan.json': ['一、总体情况', '二、主要指标完成情况', '三、进度滞后和存在问题的工作', '四、分类统计', '五、分单位统计'],
  };

  for (const [name, { rules, indicators }] of Object.entries(SEED_EXAMPLES)) {
    describe(name, () => {
      it('has the seeds’ sections in order', async () => {
        const { plan, evaluation } = await evaluatedExample(name);
        const markdown = formatBulletin(plan, evaluation, { mainIndicators: indicators });
        expect(markdown.startsWith(`# ${fullWidth(plan.title)}落实情况通报\n`)).toBe(true);
        expect(sections(markdown)).toEqual(shapes[name]);
      });

      it(`states the counts of the ${rules} evaluation in the sentence of seed 001, and they add up`, async () => {
        const { plan, evaluation } = await evaluatedExample(name);
        const markdown = formatBulletin(plan, evaluation, { mainIndicators: indicators });
        const sentence = /^从督查情况看，(.*)。$/m.exec(markdown)?.[1];
        const { total, counts } = parseCounts(sentence ?? '');
        expect(total).toBe(evaluation.summary.total);
        const expected = new Map(evaluation.summary.byStatus.filter((status) => status.count > 0).map((status) => [status.label, status.count]));
        expect(counts).toEqual(expected);
        expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(total);
      });

      it('names the tasks of every status, in the rule file’s order, after the counts', async () => {
        const { plan, evaluation } = await evaluatedExample(name);
        const lines = section(formatBulletin(plan, evaluation, { mainIndicators: indicators }), '总体情况');
        const named = lines.filter((line) => /^\*\*\d+项/.test(line)).map(unescape);
        const cancelled = evaluation.results.filter((result) => result.facts.cancelled);
        const expected = expectedLines(evaluation).map(
          (status) => `**${status.titles.length}项${status.label}。**${status.titles.length === 1 ? '即' : '分别是'}：${status.titles.join('、')}。`,
        );
        expect(named.slice(0, expected.length)).toEqual(expected);
        expect(named.length).toBe(expected.length + (cancelled.length > 0 ? 1 : 0));
      });

      it('lists every task behind 序时进度 or with a problem, grouped by status, with its explanation and owners', async () => {
        const { plan, evaluation } = await evaluatedExample(name);
        const lines = section(formatBulletin(plan, evaluation, { mainIndicators: indicators }), '进度滞后和存在问题的工作').map(unescape);
        const behind = evaluation.results.filter(
          (result) =>
            !result.facts.cancelled &&
            (result.facts.flags.includes('problem') ||
              result.facts.overdue ||
              (result.facts.hasData && (result.facts.onPace === false || result.facts.overdueMilestones > 0))),
        );
        for (const result of behind) {
          const task = plan.tasks.find((candidate) => candidate.id === result.taskId)!;
          const explanation = result.explanation.startsWith(`${result.title}：`) ? result.explanation.slice(result.title.length + 1) : result.explanation;
          const item = lines.find((line) => line.includes(`**${listName(result.title)}**：`));
          expect(item, result.taskId).toBeDefined();
          expect(item).toContain(`：${explanation}。`);
          for (const unit of task.owners?.lead ?? []) expect(item).toContain(fullWidth(unit));
        }
        const groups = lines.filter((line) => line.startsWith('### ')).map((line) => line.slice(4));
        const labels = evaluation.summary.byStatus
          .filter((status) => behind.some((result) => result.status === status.status))
          .map((status) => `${status.label}（${behind.filter((result) => result.status === status.status).length}项）`);
        const noData = evaluation.results.filter((result) => !result.facts.cancelled && !result.facts.hasData).length;
        expect(groups.map((group) => group.replace(/^（[一二三四五六七八九十]+）/, ''))).toEqual([
          ...labels,
          ...(noData > 0 ? [`暂无报送数据（${noData}项）`] : []),
        ]);
      });

      it('is the same text for the same input', async () => {
        const { plan, evaluation } = await evaluatedExample(name);
        for (const format of ['markdown', 'html', 'text'] as const) {
          expect(formatBulletin(plan, evaluation, { format, mainIndicators: indicators })).toBe(
            formatBulletin(plan, evaluation, { format, mainIndicators: indicators }),
          );
        }
      });
    });
  }

  it('锦州 (seed 000): 8 indicators split 3 完成进度 / 5 未完成进度, and the 重点工作 named as the seed names them', async () => {
    const { plan, evaluation } = await evaluatedExample('jinzhou-2016-h1.plan.json');
    const markdown = formatBulletin(plan, evaluation, { mainIndicators: { categories: ['1'] } });
    const sentence = /^其中，(.*)。$/m.exec(markdown)?.[1] ?? '';
    const [indicators, others] = sentence.split('；') as [string, string];
    expect(indicators).toMatch(/^8项主要经济发展指标中，3项完成进度（.*），5项未完成进度（.*）$/);
    const onPace = evaluation.results
      .filter((result) => plan.tasks.find((task) => task.id === result.taskId)?.category === '1' && result.facts.onPace === true)
      .map((result) => result.title);
    expect(indicators).toContain(`3项完成进度（${onPace.join('、')}）`);
    expect(others.startsWith('24项重点工作中，1项取消（园林绿化养护市场化试点），12项完成，7项部分完成（')).toBe(true);
    // Seed 000: "4项工作未完成(锦州港建设资金投入、锦州湾机场开通新航线、商品房去库存、淘汰老旧黄标车)".
    expect(others.endsWith('4项未完成（锦州港建设资金投入、锦州湾机场开通新航线、商品房去库存、淘汰老旧黄标车）')).toBe(true);
    expect(markdown).toContain('**1项取消。**即：园林绿化养护市场化试点（因政策调整原因取消，自2016年6月16日起）。');
  });

  it('许昌 (seed 001): the text format reproduces the seed’s lines for 需要加大力度 and 存在突出问题', async () => {
    const { plan, evaluation } = await evaluatedExample('xuchang-2017-h1.plan.json');
    const text = formatBulletin(plan, evaluation, { format: 'text' });
    const seed = readFileSync(new URL('./seeds/001_6c6e10b74562c21b.txt', import.meta.url), 'utf8');
    for (const line of ['4项需要加大力度。分别是：脱贫攻坚、土地确权登记颁证、部分中小学建设、市区集中供热。', '1项存在突出问题。即：大气环境治理。']) {
      // The seed's web text uses ASCII punctuation; duban writes GB/T 15834's full-width marks.
      expect(seed).toContain(line.replace(/，/g, ',').replace(/：/g, ':'));
      expect(text).toContain(`\u3000\u3000${line}`);
    }
    expect(text).toContain('从督查情况看，25项工作中，14项已完成，6项有序推进，4项需要加大力度，1项存在突出问题。');
    expect(text).toContain('市区集中供热：年度供热工程完成比例完成30%，为目标的30%，序时进度50%，落后20个百分点。市住建局负责，市发改委配合。');
  });
});

describe('formatBulletin', () => {
  async function small(): Promise<{ plan: Plan; evaluation: Evaluation }> {
    const plan = smallPlan();
    return { plan, evaluation: await evaluatePlan(plan) };
  }

  it('writes the main indicators against their targets with the observed values', async () => {
    const { plan, evaluation } = await small();
    const rows = section(formatBulletin(plan, evaluation), '主要指标完成情况').filter((line) => /^\| [^指-]/.test(line));
    // No task ids (G1, G2) in a bulletin's body: a person names a task by its title.
    expect(rows).toEqual([
      '| 地区生产总值增长8% | ≥8% | 8.2% | 有序推进 | 地区生产总值增长8.2%，目标不低于8%，达到目标，余量0.2个百分点 |',
      '| 居民消费价格涨幅控制在3%以内 | ≤3% | 3.4% | 需要加大力度 | 居民消费价格涨幅为3.4%，目标控制在3%以内，未达到目标，差0.4个百分点 |',
    ]);
  });

  it('names the leader and the lead and supporting units of each task behind, in the words of seed 001', async () => {
    const { plan, evaluation } = await small();
    const lines = section(formatBulletin(plan, evaluation), '进度滞后和存在问题的工作');
    expect(lines).toContain(
      '2. **城镇新增就业3万人**：城镇新增就业完成1.2万人，为目标的40%，序时进度50%，落后10个百分点。由张三、李四牵头，市人社局、市住建局负责。',
    );
    expect(lines).toContain('1. **大气环境治理**：尚未完成，完成时限为2018年12月31日，剩余184天，被列为突出问题。市环保局负责。');
    expect(lines).toContain('1. **农村环境整治100个村**：市农委负责。');
  });

  it('counts per category, lead unit and leader in tables whose rows add up to the counts of the summary', async () => {
    const { plan, evaluation } = await small();
    const markdown = formatBulletin(plan, evaluation);
    expect(section(markdown, '分单位统计')).toContain('| 市住建局 | 2 | 0 | 1 | 1 | 0 | 0 | 0 |');
    expect(section(markdown, '分单位统计')[1]).toBe('| 牵头单位 | 合计 | 已完成 | 有序推进 | 需要加大力度 | 存在突出问题 | 未报送 | 取消 |');
    expect(section(markdown, '分领导统计')).toContain('| 张三 | 2 | 0 | 1 | 1 | 0 | 0 | 0 |');
    const categoryRows = section(markdown, '分类统计').filter((line) => /^\| [^类-]/.test(line));
    const totals = categoryRows.map((line) => Number(line.split('|')[2]));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(evaluation.summary.total);
  });

  it('writes plain text without Markdown syntax, paragraphs indented by two full-width spaces', async () => {
    const { plan, evaluation } = await small();
    const text = formatBulletin(plan, evaluation, { format: 'text', title: '关于2018年上半年重点工作落实情况的通报' });
    expect(text.split('\n')[0]).toBe('关于2018年上半年重点工作落实情况的通报');
    expect(text).not.toMatch(/\*\*|^#|^\|/m);
    expect(text).toContain('\n一、总体情况\n');
    expect(text).toContain('\n\u3000\u3000从督查情况看，8项工作中，1项已完成，2项有序推进，2项需要加大力度，1项存在突出问题，1项未报送，1项取消。\n');
  });

  it('escapes Markdown in plan text', async () => {
    const plan = parsePlan({
      formatVersion: 1,
      id: 'x',
      title: '计划*甲*|<b>',
      period: { start: '2018-01-01', end: '2018-12-31' },
      asOf: '2018-06-30',
      tasks: [{ id: 'T1', title: '任务|_乙_', target: { kind: 'binary', completedOn: null } }],
    });
    const markdown = formatBulletin(plan, await evaluatePlan(plan));
    expect(markdown).toContain('# 计划\\*甲\\*\\|\\<b\\>落实情况通报');
    expect(markdown).toContain('任务\\|\\_乙\\_');
    expect(markdown).not.toContain('<b>');
  });

  it('says so when no task is behind', async () => {
    const plan = parsePlan({
      formatVersion: 1,
      id: 'x',
      title: '计划',
      period: { start: '2018-01-01', end: '2018-12-31' },
      asOf: '2018-06-30',
      tasks: [{ id: 'T1', title: '任务', target: { kind: 'binary', completedOn: '2018-02-01' } }],
    });
    expect(section(formatBulletin(plan, await evaluatePlan(plan)), '进度滞后和存在问题的工作')).toEqual([
      '所有工作均已完成或按序时进度推进，没有进度滞后或存在问题的工作。',
    ]);
  });

  it('reports the latest of several evaluations and adds each task’s status history', async () => {
    const plan = smallPlan();
    const march = await evaluatePlan(plan, { asOf: '2018-03-31' });
    const june = await evaluatePlan(plan, { asOf: '2018-06-30' });
    const markdown = formatBulletin(plan, [june, march]);
    // No rule set id or plan id: those are programmer words.
    expect(markdown.split('\n')[2]).toBe('2018年3月31日至2018年6月30日');
    expect(/^从督查情况看，(.*)。$/m.exec(markdown)?.[1]).toBe('8项工作中，1项已完成，2项有序推进，2项需要加大力度，1项存在突出问题，1项未报送，1项取消');
    const history = section(markdown, '进度变化');
    expect(history).toContain('| 2018-03-31 | 8 | 0 | 4 | 1 | 1 | 2 | 0 |');
    expect(history).toContain('| 2018-06-30 | 8 | 1 | 2 | 2 | 1 | 1 | 1 |');
    for (const [i, task] of plan.tasks.entries()) {
      const cells = [march, june].map((evaluation) => (evaluation.results[i]!.facts.cancelled ? '取消' : evaluation.results[i]!.label));
      const changed = cells[0] !== cells[1] ? '是' : '';
      expect(history).toContain(`| ${task.title} | ${cells.join(' | ')} | ${changed} |`);
    }
  });

  it('refuses an unknown format and evaluations that cannot form a trend', async () => {
    const { plan, evaluation } = await small();
    expect(() => formatBulletin(plan, evaluation, { format: 'pdf' as 'html' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => formatBulletin(plan, [evaluation, evaluation])).toThrow(
      expect.objectContaining({
        issues: [{ code: 'duplicate_id', path: 'evaluations', keys: ['evaluations'], message: 'two evaluations as of "2018-06-30"' }],
      }),
    );
    const threeLevel = await evaluatePlan(plan, { asOf: '2018-03-31', rules: 'three-level' });
    expect(() => formatBulletin(plan, [evaluation, threeLevel])).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
    expect(() => formatBulletin(plan, [])).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});

describe('reportPlan', () => {
  it('evaluates at every reporting date for "all" and reports the latest', async () => {
    const plan = smallPlan();
    const bulletin = await reportPlan(plan, { asOf: 'all' });
    expect(bulletin).toBe(formatBulletin(plan, [await evaluatePlan(plan, { asOf: '2018-03-31' }), await evaluatePlan(plan, { asOf: '2018-06-30' })]));
  });

  it('evaluates at the plan’s asOf by default, with the rule set and format given', async () => {
    const plan = smallPlan();
    expect(await reportPlan(plan, { rules: 'three-level', format: 'text' })).toBe(
      formatBulletin(plan, await evaluatePlan(plan, { rules: 'three-level' }), { format: 'text' }),
    );
  });

  it.each([[['2018-02-30']], [[]], ['all']] as const)('refuses the as-of dates %j when they are not dates, or none exist', async (asOf) => {
    const plan = parsePlan({ formatVersion: 1, id: 'x', title: '计划', period: { start: '2018-01-01', end: '2018-12-31' }, tasks: [] });
    await expect(reportPlan(plan, { asOf })).rejects.toMatchObject({ code: 'INVALID_OPTION' });
  });
});
