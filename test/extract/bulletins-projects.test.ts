/**
 * Regression tests for the key-project progress bulletins of the corpus's
 * twenty-fourth tuning batch (test/extract/corpus/tune: Zhumadian, Shangqiu,
 * Luoyang, Datong, Lishui, Luzhou, Mianyang, Nanchang), one per failure
 * class, in invented sentences of the same form. The test half is never used here.
 */
import { describe, expect, it } from 'vitest';
import { extractPlan, type Task } from '../../src/index.js';

const quantitative = (tasks: readonly Task[]) => tasks.filter((t) => t.target.kind !== 'binary');
const summary = (task: Task) => {
  const target = task.target as { measure?: string; value?: string; unit?: string };
  return { measure: target.measure, value: target.value, unit: target.unit, figures: (task.observations ?? []).map((o) => [o.asOf, o.value, o.unit]) };
};

describe('extractPlan: key-project bulletins of the twenty-fourth tuning batch', () => {
  it('pairs each 年度计划投资 with the 前N月累计完成投资 right after it, several pairs in one sentence', () => {
    const text = [
      '2023年前9月重点项目进展情况',
      '按照行业划分,工业项目30个,年度计划投资400.5亿元,前9月累计完成投资350.2亿元;服务业项目20个,年度计划投资200亿元,前9月累计完成投资180.6亿元;社会事业项目8个,年度计划投资50亿元,前9月累计完成投资41亿元。',
    ].join('\n');
    const tasks = quantitative(extractPlan(text, { year: 2023 }).plan.tasks).map(summary);
    expect(tasks).toEqual([
      { measure: '工业项目年度计划投资', value: '400.5', unit: '亿元', figures: [['2023-09-30', '350.2', '亿元']] },
      { measure: '服务业项目年度计划投资', value: '200', unit: '亿元', figures: [['2023-09-30', '180.6', '亿元']] },
      { measure: '社会事业项目年度计划投资', value: '50', unit: '亿元', figures: [['2023-09-30', '41', '亿元']] },
    ]);
  });

  it('drops the period 前10月 from a figure’s measure, so its digits do not keep it from its target', () => {
    const text = '2023年前10月重点项目进展情况\n全市重点项目年度计划投资440亿元,前10月累计完成投资300.5亿元。';
    const tasks = quantitative(extractPlan(text).plan.tasks).map(summary);
    expect(tasks).toEqual([{ measure: '项目年度计划投资', value: '440', unit: '亿元', figures: [['2023-10-31', '300.5', '亿元']] }]);
  });

  it('reads N个计划新开工项目已开工M个,开工率P% (P = M ÷ N) as the whole N with M done, not as a target 已开工M个', () => {
    const text = [
      '2020年重点建设项目1~8月份进展情况通报',
      '省重点项目年度计划投资500亿元,1~8月份完成投资420亿元。30个计划新开工项目已开工24个,开工率80%。',
      '其中甲项目、乙工程等6个计划新开工项目已开工5个,开工率83.3%。',
    ].join('\n');
    const tasks = quantitative(extractPlan(text).plan.tasks).map(summary);
    expect(tasks).toEqual([
      { measure: '省重点项目年度计划投资', value: '500', unit: '亿元', figures: [['2020-08-31', '420', '亿元']] },
      { measure: '新开工项目', value: '30', unit: '个', figures: [['2020-08-31', '24', '个']] },
      { measure: '新开工项目', value: '6', unit: '个', figures: [['2020-08-31', '5', '个']] },
    ]);
  });

  it('reads 计划竣工项目完成投资X亿元,占年度投资计划的Y% as a kind of project and its figure, not as a plan 计划竣工 of X', () => {
    const text =
      '2021年重点项目1-6月份进展情况\n1-6月份,120个计划竣工项目完成投资500.5亿元,占年度投资计划的61.2%;80个续建项目完成投资300亿元,占年度投资计划的55%。';
    const tasks = quantitative(extractPlan(text).plan.tasks).map(summary);
    expect(tasks).toEqual([
      { measure: '竣工项目完成投资占年度投资计划', value: '100', unit: '%', figures: [['2021-06-30', '61.2', '%']] },
      { measure: '续建项目完成投资占年度投资计划', value: '100', unit: '%', figures: [['2021-06-30', '55', '%']] },
    ]);
  });

  it('takes a share under 二、 whose plan is not stated as a task of its own even when 一、 stated another plan', () => {
    const text = [
      '2020年重点建设项目1~8月份进展情况通报',
      '一、省重点项目',
      '2020年省重点项目90个,年度计划投资800亿元。1~8月份完成投资600亿元,占年度投资计划的75%。',
      '二、市重点项目',
      '2020年市重点项目1000个,1~8月份完成投资3000亿元,占年度目标的90.5%。',
      '1~8月份,300个续建项目完成投资900亿元,占年度投资计划的95.1%。',
    ].join('\n');
    const tasks = quantitative(extractPlan(text).plan.tasks).map(summary);
    expect(tasks).toEqual([
      { measure: '省重点项目年度计划投资', value: '800', unit: '亿元', figures: [['2020-08-31', '600', '亿元']] },
      { measure: '市重点项目完成投资占年度目标', value: '100', unit: '%', figures: [['2020-08-31', '90.5', '%']] },
      { measure: '续建项目完成投资占年度投资计划', value: '100', unit: '%', figures: [['2020-08-31', '95.1', '%']] },
    ]);
  });

  it('reads 今年计划投资X亿元 as the year’s plan, with the 1~6月份 figure after it', () => {
    const text = '2021年1~6月份重点项目进展\n2021年,全市安排重点建设项目300个,总投资2000亿元,今年计划投资800亿元,1~6月份累计完成投资500亿元,投资完成率62.5%。';
    const tasks = quantitative(extractPlan(text).plan.tasks).map(summary);
    expect(tasks).toEqual([
      { measure: expect.stringMatching(/重点建设项目.*今年计划投资$/u) as unknown, value: '800', unit: '亿元', figures: [['2021-06-30', '500', '亿元']] },
    ]);
  });

  it('drafts one share task when a summary restates the body’s amount and share with the city’s name before it', () => {
    const text = [
      '某市1-6月重点项目完成投资300亿元',
      '摘要:2014年1-6月份,某市全市重点项目完成投资300.5亿元,完成全年任务的55.5%。',
      '1-6月份,全市重点项目完成投资300.5亿元,完成全年任务的55.5%。其中,省级重点项目累计完成投资100亿元,完成全年任务的45%。',
    ].join('\n');
    const tasks = quantitative(extractPlan(text).plan.tasks).map((t) => [summary(t).value, summary(t).figures[0]?.[1]]);
    expect(tasks).toEqual([
      ['100', '55.5'],
      ['100', '45'],
    ]);
  });

  it('reads the plan written in brackets in a share (占年度计划投资(200亿元)的110%) as the target of the projects counted before it', () => {
    const text = [
      '2013年重点项目完成情况',
      '截至12月底,100个省市重点项目已全部开工,已完成投资220亿元,占年度计划投资(200亿元)的110%。',
      '其中:20个省重点项目,已完成投资60亿元,占年度计划投资(50亿元)的120%;80个市重点项目,已完成投资160亿元,占年度计划投资(150亿元)的106.67%。',
    ].join('\n');
    const tasks = quantitative(extractPlan(text, { asOf: '2013-12-31' }).plan.tasks).map(summary);
    expect(tasks).toEqual([
      { measure: '省市重点项目年度计划投资', value: '200', unit: '亿元', figures: [['2013-12-31', '220', '亿元']] },
      { measure: '省重点项目年度计划投资', value: '50', unit: '亿元', figures: [['2013-12-31', '60', '亿元']] },
      { measure: '市重点项目年度计划投资', value: '150', unit: '亿元', figures: [['2013-12-31', '160', '亿元']] },
    ]);
  });

  it('reads completion rates given name by name (A、B、C投资完成率较高,分别达到X%、Y%、Z%; 完成率由高到低分别为:甲市X%、乙市Y%) as shares of each one’s year’s plan', () => {
    const text = [
      '2021年1~6月份重点项目进展情况',
      '1~6月份,甲县、乙区和丙县投资完成率比率较高,分别达到80.5%、79%和78.2%。',
      '截至6月底,市级重点工程建设项目完成投资900亿元,各市完成率由高到低分别为:丁市120.5%、戊市86.3%。',
    ].join('\n');
    const tasks = quantitative(extractPlan(text).plan.tasks).map((t) => [summary(t).measure, summary(t).value, summary(t).figures[0]?.[1]]);
    expect(tasks).toEqual([
      ['甲县投资完成率', '100', '80.5'],
      ['乙区投资完成率', '100', '79'],
      ['丙县投资完成率', '100', '78.2'],
      ['丁市完成率', '100', '120.5'],
      ['戊市完成率', '100', '86.3'],
    ]);
  });

  it('derives no target from 超时序进度X个百分点 when the paragraph has just stated the year’s plan', () => {
    const text = '2023年前10月重点项目进展情况\n我市重点推进项目总投资3000亿元,年度计划投资900.5亿元。前10月,累计完成投资950亿元,超时序进度22.2个百分点。';
    const tasks = quantitative(extractPlan(text).plan.tasks).map((t) => [summary(t).value, summary(t).unit]);
    expect(tasks).toEqual([['900.5', '亿元']]);
  });
});
