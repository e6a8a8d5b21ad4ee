/**
 * Regression tests for issue #15, decomposition notices (任务分解, 目标责任, 责任分工): one per failure class the
 * tuning batches showed (test/extract/corpus/tune, notices from places new to the corpus; sentences shortened,
 * figures changed). The test half is never used here.
 */
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../../src/index.js';

describe('extractPlan (issue #15): twenty-fifth tuning batch — decomposition notices', () => {
  it('reads a title broken over two lines (…政府工作报告 / 主要目标任务的通知) as one, so the notice is a decomposition', () => {
    const text = [
      '某市人民政府办公室',
      '关于分解落实2019年市政府工作报告',
      '主要目标任务的通知',
      '各县(市、区)人民政府:',
      '现将《2019年市政府工作报告主要目标任务分解表》印发给你们,请认真抓好贯彻落实。',
      '1.地区生产总值增长7%。(责任单位:市发改委)',
    ].join('\n');
    expect(extractPlan(text).kind).toBe('decomposition');
  });

  it('reads no count in how often something is done (每季度进行一次督查, 分别组织一次自查活动)', () => {
    const text = [
      '某市人民政府关于下达2015年政府工作任务的通知',
      '各地、各部门应于年中和年末分别组织一次自查活动。市政府办公室每季度对目标任务完成情况进行一次督查汇总。',
      '1.新增城镇就业3万人。(责任单位:市人社局)',
    ].join('\n');
    const { plan } = extractPlan(text);
    const quantitative = plan.tasks.filter((t) => t.target.kind === 'cumulative' || t.target.kind === 'rate');
    expect(quantitative.map((t) => t.target)).toMatchObject([{ kind: 'cumulative', value: '3', unit: '万人' }]);
  });
});

describe('extractPlan (issue #15): twenty-eighth tuning batch — owners written (A牵头,B配合)', () => {
  it('reads (市发改委牵头,市统计局、市财政局配合) as lead and support, and (市教育局牵头) as the lead alone', () => {
    const text = ['2023年重点工作任务分解', '1.地区生产总值增长6%左右。(市发改委牵头,市统计局、市财政局配合)', '2.新建公办幼儿园10所。(市教育局牵头)'].join(
      '\n',
    );
    const { plan } = extractPlan(text, { year: 2023 });
    expect(plan.tasks.map((t) => t.owners)).toEqual([{ lead: ['市发改委'], support: ['市统计局', '市财政局'] }, { lead: ['市教育局'] }]);
  });
});

describe('extractPlan (issue #15): twenty-eighth tuning batch — owner labels on one line', () => {
  it('ends each labelled list where the next label begins (牵头领导:张三 牵头单位:县发改局 配合单位:县统计局)', () => {
    const text = ['2023年重点工作任务分解', '1.地区生产总值增长7%。牵头领导:张三 牵头单位:县发改局 配合单位:县统计局'].join('\n');
    const { plan } = extractPlan(text, { year: 2023 });
    expect(plan.tasks[0]?.owners).toEqual({ lead: ['县发改局'], support: ['县统计局'] });
  });
});

describe('extractPlan (issue #15): owners at every administrative level, not only 市/县/区', () => {
  it('reads (省X负责), 由省X、省Y负责 and (A牵头,B配合) of a province’s division of work', () => {
    const text = [
      '某省人民政府关于落实2023年政府工作报告重点工作责任分工的意见',
      '1.全省地区生产总值增长6%左右。(省发展改革委牵头,省统计局配合)',
      '2.新增城镇就业40万人以上。(省人力资源社会保障厅负责)',
      '3.居民消费价格涨幅控制在3%左右。由省发展改革委、省市场监管局负责。',
      '4.粮食产量稳定在750亿斤以上。(省农业农村厅)',
    ].join('\n');
    const { plan, kind } = extractPlan(text, { year: 2023 });
    expect(kind).toBe('decomposition');
    expect(plan.tasks.map((t) => t.owners)).toEqual([
      { lead: ['省发展改革委'], support: ['省统计局'] },
      { lead: ['省人力资源社会保障厅'] },
      { lead: ['省发展改革委'], support: ['省市场监管局'] },
      { lead: ['省农业农村厅'] },
    ]);
  });

  it('reads 牵头单位:A;责任单位:B as lead and support, and units closing an item bare (州X负责。, 州X牵头,各县市人民政府负责。)', () => {
    const text = [
      '某州2023年政府工作报告目标任务分解',
      '1.地区生产总值增长7%。州发改委负责。',
      '2.新建农村公路500公里。州交通运输局牵头,各县市人民政府负责。',
      '3.城镇新增就业2万人。牵头单位:自治区人力资源社会保障厅;责任单位:自治区统计局',
    ].join('\n');
    const { plan } = extractPlan(text, { year: 2023 });
    expect(plan.tasks.map((t) => t.owners)).toEqual([
      { lead: ['州发改委'] },
      { lead: ['州交通运输局'], support: ['各县市人民政府'] },
      { lead: ['自治区人力资源社会保障厅'], support: ['自治区统计局'] },
    ]);
  });

  it('does not take a sentence that merely says someone is responsible for the work as the owner (各地要负责)', () => {
    const text = ['某州2023年政府工作报告目标任务分解', '1.地区生产总值增长7%。各地各部门要切实负起责任。'].join('\n');
    const { plan } = extractPlan(text, { year: 2023 });
    expect(plan.tasks[0]?.owners).toBeUndefined();
  });
});

describe('extractPlan (issue #15): twenty-ninth tuning batch — owner lists', () => {
  it('reads a notice naming 责任单位 in its title as a decomposition, and (A,各县〔市、区〕政府) as lead and support', () => {
    const text = [
      '某市人民政府办公室关于明确2023年重点工作责任单位的通知',
      '1.地区生产总值增长7%以上。(市发展改革委,各县〔市、区〕政府)',
      '2.研发投入强度超过2.4%。(市科技局,各县(市、区)政府)',
    ].join('\n');
    const { plan, kind } = extractPlan(text);
    expect(kind).toBe('decomposition');
    expect(plan.tasks.map((t) => t.owners?.lead)).toEqual([['市发展改革委'], ['市科技局']]);
    expect(plan.tasks[1]?.owners?.support).toEqual(['各县(市、区)政府']);
  });

  it('reads 责任单位:市发改委 五县五区政府 开发区管委会 (units apart by spaces) as three units', () => {
    const text = ['某市2005年重点工作分解', '1.当年要完成投资3000亿元左右。', '责任单位:市发改委 五县五区政府 开发区管委会'].join('\n');
    const { plan } = extractPlan(text);
    expect(plan.tasks[0]?.owners).toEqual({ lead: ['市发改委'], support: ['五县五区政府', '开发区管委会'] });
  });
});

describe('extractPlan (issue #15): twenty-ninth tuning batch — an opinion assigning work', () => {
  it('reads a text whose paragraph closes (A、B牵头;C、D配合) as a decomposition with those owners', () => {
    const text = [
      '各州、市、县、区人民政府,省直各委、办、厅、局:',
      '为促进2017年全省经济持续平稳发展,现提出以下意见:',
      '一、推进重大项目建设',
      '省财政新增筹措重大建设项目前期工作经费3亿元。(省发展改革委、财政厅牵头;省国土资源厅、各州、市人民政府配合)',
    ].join('\n');
    const { plan, kind } = extractPlan(text);
    expect(kind).toBe('decomposition');
    expect(plan.tasks[0]?.owners?.lead).toEqual(['省发展改革委', '财政厅']);
  });
});

describe('extractPlan (issue #15): decomposition forms found by reading invented notices (2026-12-04)', () => {
  const rows = (text: string) =>
    extractPlan(text).plan.tasks.map((t) => [(t.target as { measure?: string }).measure, t.owners?.lead?.[0], t.owners?.support ?? []]);

  it('is a decomposition when its title says 关于落实…目标任务的通知 or 任务清单', () => {
    expect(extractPlan('市人民政府关于落实2021年政府工作报告目标任务的通知\n1.地区生产总值增长7%左右。责任单位:市发改委。').kind).toBe('decomposition');
    expect(extractPlan('某县2020年政府工作报告任务清单\n1.新建农村公路200公里。县交通局牵头。').kind).toBe('decomposition');
    expect(extractPlan('关于做好2022年政府工作报告重点工作落实的通知\n(一)地区生产总值增长6.5%。').kind).toBe('decomposition');
  });

  it('reads (牵头:A、B) as the lead units', () => {
    const text = [
      '关于做好2022年政府工作报告重点工作落实的通知',
      '(一)地区生产总值增长6.5%。(牵头:市发改委)',
      '(二)固定资产投资增长10%。(牵头:市发改委、市住建局;配合:市统计局)',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['地区生产总值增长', '市发改委', []],
      ['固定资产投资增长', '市发改委', ['市统计局']],
    ]);
  });

  it('reads the owners of a task table flattened into lines of cells, without the rows’ numbers in the measures', () => {
    const text = [
      '2023年重点工作任务清单',
      '序号 工作任务 牵头单位 配合单位 完成时限',
      '1 地区生产总值增长6% 市发改委 市统计局 12月底',
      '2 新增城镇就业1万人 市人社局 各县区政府 12月底',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['地区生产总值增长', '市发改委', ['市统计局']],
      ['新增城镇就业', '市人社局', ['各县区政府']],
    ]);
    // Without the header naming a lead column, the cells are not taken for owners.
    expect(rows(text.replace('序号 工作任务 牵头单位 配合单位 完成时限\n', '')).map((row) => row[1])).toEqual([undefined, undefined]);
  });
});

describe('extractPlan (issue #15): a deadline named by its label (完成时限:10月底)', () => {
  it('reads the labelled deadline for the item’s targets, and ends the owner list at the label', () => {
    const text = [
      '2023年重点工作任务分解',
      '1.新建农村公路200公里。(责任单位:市交通局;完成时限:2023年10月底)',
      '2.建成5G基站1000个。完成时间:2023年9月。责任单位:市工信局。',
      '3.新增城镇就业1万人。责任单位:市人社局。',
    ].join('\n');
    const tasks = extractPlan(text).plan.tasks;
    expect(tasks.map((t) => [t.owners?.lead?.[0], t.owners?.support ?? [], t.deadline])).toEqual([
      ['市交通局', [], '2023-10-31'],
      ['市工信局', [], '2023-09-30'],
      ['市人社局', [], undefined],
    ]);
  });
});
