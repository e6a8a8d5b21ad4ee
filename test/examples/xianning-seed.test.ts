// The 咸宁 2018 Q1 example against its seed (seeds/003, the city's own
// 通报): every figure, share, verdict and count the seed states is checked
// against duban's four-level evaluation as of 2018-03-31 and its text bulletin.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluatePlan, formatBulletin, parsePlan, type Evaluation, type Plan, type Task } from '../../src/index.js';

const SEED = readFileSync(new URL('../extract/seeds/003_77440ee1c208de8a.txt', import.meta.url), 'utf8');
const NAME = 'xianning-2018-q1.plan.json';
const MAIN = '1-1';
/** How the example's x-note marks a task the seed says nothing about. */
const SILENT = '通报未报本项进展';
/** How the example's x-note marks a task remodelled as milestones from the seed's prose. */
const PROSE = '通报只有文字进展,改为 milestones';

const xString = (task: Task | Plan, key: string): string | undefined => {
  const value = (task as unknown as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
};

let plan: Plan;
let evaluation: Evaluation;
let text: string;
const result = (id: string) => {
  const found = evaluation.results.find((r) => r.taskId === id);
  if (found === undefined) throw new Error(`no result for ${id}`);
  return found;
};

beforeAll(async () => {
  plan = parsePlan(readFileSync(new URL(`../../examples/${NAME}`, import.meta.url), 'utf8'), { source: NAME });
  evaluation = await evaluatePlan(plan, { rules: 'four-level', asOf: '2018-03-31' });
  text = formatBulletin(plan, evaluation, { format: 'text', mainIndicators: { categories: [MAIN] } });
});

describe('咸宁 2018 Q1 example against seed 003', () => {
  it('quotes the seed verbatim: every task has an x-source whose parts (split at ……) occur in the seed', () => {
    for (const task of plan.tasks) {
      const source = xString(task, 'x-source');
      expect(source, task.id).toBeDefined();
      for (const part of source!.split('……')) expect(SEED.includes(part), `${task.id}: ${part}`).toBe(true);
    }
  });

  it('takes every observed figure from the task’s seed sentence', () => {
    for (const task of plan.tasks) {
      for (const observation of task.observations ?? []) {
        const figure = String(observation.value).replace(/^-/, '');
        expect(xString(task, 'x-source'), `${task.id} ${figure}`).toContain(figure);
        expect(observation.asOf).toBe('2018-03-31');
      }
    }
  });

  it('has the seed’s 8 主要预期目标 in category 1-1, with the seed’s targets and Q1 figures, all met', () => {
    const paragraph = /一季度,我市实现(.*?)。/.exec(SEED)![1]!;
    const stated = [...paragraph.matchAll(/([^;]+?)(增长|控制在)([\d.]+)%\(预期目标([\d.]+)%(以内)?\)/g)].map((m) => ({
      actual: Number(m[3]),
      target: Number(m[4]),
      bound: m[5] === undefined ? 'atLeast' : 'atMost',
    }));
    expect(stated).toHaveLength(8);
    expect((plan as unknown as Record<string, unknown>)['x-seed-main-indicators']).toBe(stated.length);
    const main = plan.tasks.filter((task) => task.category === MAIN);
    expect(
      main.map((task) => ({
        actual: Number(task.observations?.[0]?.value),
        target: 'value' in task.target ? Number(task.target.value) : null,
        bound: task.target.kind === 'rate' ? (task.target.bound ?? 'atLeast') : null,
      })),
    ).toEqual(stated);
    for (const task of main)
      expect({ id: task.id, met: result(task.id).facts.met, label: result(task.id).label }).toEqual({ id: task.id, met: true, label: '有序推进' });
    expect(text).toContain(`其中，8项全市经济社会发展主要预期目标中，8项完成进度（`);
    const table = text.split('\n二、全市经济社会发展主要预期目标完成情况\n')[1]!.split('\n三、')[0]!;
    expect(table.split('\n').filter((line) => line.includes('有序推进'))).toHaveLength(8);
    expect(text).toMatch(/\n全市经济社会发展主要预期目标 +8 +0 +8 +0 +0\n/);
  });

  it('gives the shares the seed states (占年度计划…, 完成目标任务的…, 开工率…), apart from the seed’s own slip on 造林', () => {
    const shares = plan.tasks.filter((task) => xString(task, 'x-seed-share') !== undefined);
    expect(shares.map((task) => task.id)).toEqual(['T02a', 'T02b', 'T02c', 'T09', 'T14b', 'T23', 'W06f']);
    for (const task of shares) {
      const seed = xString(task, 'x-seed-share')!;
      expect(xString(task, 'x-source'), task.id).toContain(seed);
      const decimals = seed.includes('.') ? seed.split('.')[1]!.length - 1 : 0;
      const duban = `${(Number(result(task.id).facts.progress) * 100).toFixed(decimals)}%`;
      if (task.id === 'T23') {
        // 17.75 / 15.4 = 115.26%; the seed prints 114.5%, and the task's x-note says so.
        expect(duban).toBe('115.3%');
        expect(xString(task, 'x-note')).toContain('实为115.3%');
        expect(result('T23').explanation).toContain('为目标的115.26%');
      } else {
        expect({ task: task.id, share: duban }).toEqual({ task: task.id, share: seed });
      }
    }
    expect(result('T02a').facts.met).toBe(true);
    expect(result('T23').label).toBe('已完成');
    // 物流园区项目 16.9% of the year's investment after a quarter is behind pace, as 15.5% (T02c) is
    expect(result('W06f').label).toBe('需要加大力度');
  });

  it('gives the seed’s own verdicts: 正在有序推进 (美丽示范乡村) and 进展较快 (市级100个重点项目) are 有序推进', () => {
    const verdicts = plan.tasks.filter((task) => xString(task, 'x-seed-status') !== undefined || xString(task, 'x-seed-verdict') !== undefined);
    expect(verdicts.map((task) => [task.id, xString(task, 'x-seed-status') ?? xString(task, 'x-seed-verdict')])).toEqual([
      ['T02d', '进展较快'],
      ['T18', '有序推进'],
    ]);
    for (const task of verdicts) {
      expect(SEED).toContain(task.id === 'T18' ? '相关创建工作正在有序推进' : '市级100个重点项目进展较快');
      expect({ task: task.id, label: result(task.id).label }).toEqual({ task: task.id, label: '有序推进' });
    }
  });

  it('models the seed’s prose as milestones: work the seed reports done is done by 2018-03-31, and the task is 有序推进', () => {
    const prose = plan.tasks.filter((task) => xString(task, 'x-note')?.includes(PROSE));
    const inSectionTwo = (task: Task) => task.category?.startsWith('2-') === true;
    expect(prose.filter((task) => !inSectionTwo(task)).map((task) => task.id)).toEqual([
      'T04a',
      'T05',
      'T06b',
      'T07',
      'T08a',
      'T10a',
      'T10b',
      'T10c',
      'T10d',
      'T12',
      'T15',
      'T17a',
      'T17c',
      'T18',
      'T22a',
      'T24a',
      'T24b',
      'T24c',
    ]);
    // in section 二 every task is prose-as-milestones except W11 (dated steps of its own), W06f (a share of the year's plan) and W13c (done once)
    expect(prose.filter(inSectionTwo).map((task) => task.id)).toEqual(
      plan.tasks
        .filter(inSectionTwo)
        .map((task) => task.id)
        .filter((id) => !['W06f', 'W11', 'W13c'].includes(id)),
    );
    expect(prose.filter(inSectionTwo)).toHaveLength(110);
    for (const task of prose) {
      expect(task.target.kind, task.id).toBe('milestones');
      if (task.target.kind !== 'milestones') continue;
      const steps = task.target.milestones;
      // the last step is the year's target, still open at Q1
      expect(steps.at(-1)!.done, task.id).toBeNull();
      expect(steps.at(-1)!.due, task.id).toBe('2018-12-31');
      for (const step of steps.filter((s) => s.done !== null)) expect([step.due, step.done], `${task.id} ${step.title}`).toEqual(['2018-03-31', '2018-03-31']);
      const facts = result(task.id).facts;
      expect({ task: task.id, label: result(task.id).label, onPace: facts.onPace }).toEqual({ task: task.id, label: '有序推进', onPace: true });
    }
    // spot checks of what the seed says
    const steps = (id: string) => {
      const target = plan.tasks.find((task) => task.id === id)!.target;
      return target.kind === 'milestones' ? target.milestones.map((s) => [s.title, s.done !== null]) : [];
    };
    expect(steps('T12')).toEqual([
      ['培育市级特色产业小镇完成专家评审', true],
      ['按程序审批(“正在按程序进行审批”)', false],
      ['打造20个市级以上特色产业小镇', false],
    ]);
    expect(steps('T08a').every(([, done]) => done === false)).toBe(true); // 认定工作尚未启动
    expect(result('T22a').facts.progress).toBe('0.75');
    expect(result('W11').facts.progress).toBe('0.25'); // 确定…设6个工种
    expect(steps('W09c')).toEqual([
      ['制定出台“南鄂英才计划”7个系列配套政策', true],
      ['84套人才公寓正在进行装修招标,预计6月底实现拎包入住', false],
      ['优化服务留才', false],
    ]);
    const dueOf = (id: string, title: string) => {
      const target = plan.tasks.find((task) => task.id === id)!.target;
      return target.kind === 'milestones' ? target.milestones.find((s) => s.title === title)?.due : undefined;
    };
    expect(dueOf('W09c', '84套人才公寓正在进行装修招标,预计6月底实现拎包入住')).toBe('2018-06-30'); // the seed's 6月底
    // steps named in the seed's words: every step of a section 二 task added with issue #13 item 4 (all but W17, W19, W24,
    // which paraphrase) is a seed phrase, or a name followed by the seed's own words for work under way, (“正在进行”)
    for (const task of prose.filter((task) => inSectionTwo(task) && !['W17', 'W19', 'W24'].includes(task.id))) {
      if (task.target.kind !== 'milestones') continue;
      for (const step of task.target.milestones.slice(0, -1)) {
        const quoted = /\(“([^”]+)”\)$/.exec(step.title)?.[1];
        expect(SEED.includes(step.title) || (quoted !== undefined && SEED.includes(quoted)), `${task.id} ${step.title}`).toBe(true);
      }
    }
  });

  it('models every paragraph of section 二 (其他重点工作), in the seed’s order and part', () => {
    const sectionTwo = SEED.split('二、其他重点工作完成情况')[1]!.split('咸宁发布二维码')[0]!;
    const paragraphs: { part: number; text: string }[] = [];
    let part = 0;
    for (const line of sectionTwo
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')) {
      const heading = /^\((.)\)/.exec(line);
      if (heading) part = '一二三四五六七八'.indexOf(heading[1]!) + 1;
      else if (!/^\d+\.[^。]*。$/.test(line)) paragraphs.push({ part, text: line.replace(/^\d+\./, '') });
    }
    expect(paragraphs).toHaveLength(111);
    const tasks = plan.tasks.filter((task) => task.category?.startsWith('2-'));
    expect(tasks).toHaveLength(113);
    const where = tasks.map((task) => {
      const first = xString(task, 'x-source')!.split('……')[0]!;
      const found = paragraphs.findIndex((p) => p.text.includes(first));
      expect(found, task.id).toBeGreaterThanOrEqual(0);
      expect(task.category, task.id).toBe(`2-${paragraphs[found]!.part}`);
      return found;
    });
    // seed order; each paragraph once, except the two whose second half is its own task (W17c 幕阜山, W19a 耕地占补)
    expect(where).toEqual([...where].sort((a, b) => a - b));
    expect(new Set(where).size).toBe(111);
    expect(tasks.filter((_, i) => where.indexOf(where[i]!) !== i).map((task) => task.id)).toEqual(['W17c', 'W19a']);
    expect(result('W13c').label).toBe('已完成'); // 数据共享交换平台已建成
  });

  it('reports 乡镇污水处理厂 by the only figure the seed gives: 已开工27个 of 57', () => {
    expect(result('T20').facts.value).toBe('27');
    expect(result('T20').facts.progress).toBe('0.47368421052631578947');
    expect(result('T20').label).toBe('有序推进');
  });

  it('says 未报送 only for the 5 tasks whose x-note records that the seed is silent', () => {
    const silent = plan.tasks.filter((task) => xString(task, 'x-note')?.startsWith(SILENT)).map((task) => task.id);
    expect(silent).toEqual(['T04b', 'T06a', 'T13a', 'T22b', 'T22c']);
    const noData = evaluation.results.filter((r) => r.label === '未报送').map((r) => r.taskId);
    expect(noData).toEqual(silent);
    for (const id of silent) expect(plan.tasks.find((task) => task.id === id)!.observations ?? []).toEqual([]);
    expect(text).toContain('，5项未报送。');
    expect(text).toContain('（二）暂无报送数据（5项）');
  });

  it('states the totals of the evaluation in the text bulletin', () => {
    expect(plan.tasks).toHaveLength(170);
    expect(evaluation.gaps).toEqual([]);
    expect(text).toContain('从督查情况看，170项工作中，5项已完成，151项有序推进，9项需要加大力度，5项未报送。');
    expect(text).toContain('162项重点工作中，5项已完成，143项有序推进，9项需要加大力度');
  });
});
