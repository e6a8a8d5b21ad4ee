import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, extractPlan, isDubanError, parsePlan, type ExtractionResult } from '../../src/index.js';

/** Pieces the extractor reacts to, so random texts exercise its rules rather than only plain characters. */
const PIECES = [
  '增长',
  '下降',
  '控制在',
  '以内',
  '以上',
  '以下',
  '左右',
  '达到',
  '不低于',
  '突破',
  '新增',
  '完成',
  '新建',
  '改造',
  '引进',
  '化解',
  '建成',
  '脱贫',
  '每个',
  '翻一番',
  '目标',
  '任务为',
  '计划投入',
  '预期目标',
  '占年度目标任务的',
  // Bulletin phrasings of the tenth to twelfth tuning batches.
  '为年投资计划的',
  '分别占计划的',
  '完成年度投资计划的',
  '个项目',
  '已完成',
  '(50%)',
  '今年',
  '将',
  '计划为',
  ' | ',
  '单位:个、亿元',
  '年投资计划',
  '1月1日-9月4日',
  '本报讯',
  '同比',
  '已',
  '了',
  '一季度',
  '上半年',
  '1—5月',
  '截至5月30日',
  '9月底前',
  '城乡',
  '均',
  '各',
  '等',
  '第',
  '责任单位:',
  '牵头单位:',
  '由张三副市长牵头',
  '负责',
  '、',
  ',',
  '。',
  ';',
  ':',
  '(',
  ')',
  '“',
  '”',
  '《',
  '》',
  '\n',
  '\n一、',
  '\n(二)',
  '\n3、',
  '\n4.',
  '\n(5)',
  ' ',
  '%',
  '个百分点',
  '万人',
  '亿元',
  '万亩',
  '个',
  '家',
  '套',
  '微克/立方米',
  '每立方',
  ':1',
  '0',
  '1',
  '2.5',
  '12.0',
  '１２',
  '．',
  '％',
  '一',
  '两',
  '十四',
  '三百亿',
  '千',
  '万',
  '亿',
  '〇',
  '余',
  '近',
  'PM10',
  '2018年',
  '-',
  '—',
  '地区生产总值',
  '居民人均可支配收入',
  '高新技术企业',
  '产值',
  '规模',
  '企业',
  '项目',
  // The progress forms of the twenty-ninth to thirty-first tuning batches.
  ',已完成',
  ',实际开复工',
  '序号 名称 责任单位 目标任务 实际完成 完成率 备注\n',
  ' 农林水务局 ',
  '中',
  '个开工建设,开工率达',
  '(一)地区生产总值。',
  ',低于预期目标',
  '个百分点',
  '年度计划投资',
  '累计完成投资',
  '截止2019年12月31日,',
  '牵头;',
  '配合)',
  '〔市、区〕',
  '\ufeff',
  '\u3000',
  '\ud83d\ude00',
];

const texts = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 120 }).map((parts) => parts.join(''));

function checkResult(text: string, result: ExtractionResult): void {
  const plan = parsePlan(JSON.parse(JSON.stringify(result.plan)));
  expect(plan.tasks.length).toBe(result.plan.tasks.length);
  for (const task of result.plan.tasks) {
    const source = task['x-source'] as { sentence: string; start: number; end: number };
    expect(text.slice(source.start, source.end)).toBe(source.sentence);
  }
  for (const item of result.review) expect(text.slice(item.start, item.end)).toBe(item.sentence);
}

describe('extractPlan on arbitrary and hostile text', () => {
  it('always drafts a valid plan with exact offsets, the same one twice, for every kind', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom(...DOCUMENT_KINDS), (text, kind) => {
        const first = extractPlan(text, { year: 2018, kind, asOf: '2018-06-30' });
        checkResult(text, first);
        expect(JSON.stringify(extractPlan(text, { year: 2018, kind, asOf: '2018-06-30' }))).toBe(JSON.stringify(first));
      }),
      { numRuns: 400, seed: 20180331 },
    );
  });

  it('either drafts a plan or throws INVALID_OPTION (no year, no date) when left to detect everything', () => {
    fc.assert(
      fc.property(texts, (text) => {
        try {
          checkResult(text, extractPlan(text));
        } catch (error) {
          expect(isDubanError(error) && error.code).toBe('INVALID_OPTION');
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  // Each input is about 100 000 to 200 000 characters of one pattern that would make a backtracking
  // regex or a quadratic scan blow up; they must simply finish (vitest's timeout is the bound).
  const hostile: [string, string][] = [
    ['one verb repeated', '增长'.repeat(100_000)],
    ['one long number', '1'.repeat(200_000)],
    ['unclosed brackets', '('.repeat(200_000)],
    ['unclosed quotes', '“'.repeat(200_000)],
    ['unclosed owner brackets', '(责任'.repeat(70_000)],
    ['a clause of counts', '新增1个'.repeat(40_000)],
    ['quoted counts', '“1个”'.repeat(50_000)],
    ['paren targets', '增长1%(预期目标1%)'.repeat(15_000)],
    ['a list with no end', '新建1个、'.repeat(40_000)],
    ['Chinese numerals', '一二三四五六七八九十'.repeat(20_000)],
    ['magnitudes', '1千千千千千'.repeat(30_000)],
    ['headings', '一、标题\n(一)小标题\n1.新增1个。\n'.repeat(10_000)],
    ['figures against one target', `1.新增就业3万人。${'全市新增就业1万人,'.repeat(20_000)}`],
    ['shares', '完成投资1亿元,占年度计划1%,'.repeat(12_000)],
    ['respective shares', '5个项目完成投资3亿元,分别占年计划的1%、2%'.repeat(8_000)],
    ['wholes and parts done', '、2个养老机构建设已完成1个(50%)'.repeat(9_000)],
    ['shares with no amount', '7个省重点项目完成年度投资计划的81%'.repeat(9_000)],
    ['table rows with |', `单位:个、亿元\n隶 属 | 项目个数 | 年投资计划 | 完成投资额 |\n${'甲县 | 5 | 8.5 | 6.1 |\n'.repeat(9_000)}`],
    ['task tables', `${'序号 项目名称 责任单位 目标任务 实际完成 完成率\n1 新增养老床位 民政局 71个 55 77%\n'.repeat(2_000)}`],
    ['task table headers', '序号 项目名称 责任单位 目标任务 实际完成 完成率\n1 2 3\n'.repeat(8_000)],
    ['tasks then what is done', '新建农村公路200公里,已完成150公里,'.repeat(4_000)],
    ['plans and figures in paragraphs', '重点项目67个,年度计划投资377亿元。\n67个重点项目累计完成投资254亿元。\n'.repeat(2_000)],
    ['owners in closing brackets', '1.新增就业1万人。(市发展改革委,各县〔市、区〕政府)\n'.repeat(2_500)],
    ['parts of wholes', '80个项目中79个开工建设,开工率达98.75%;'.repeat(3_000)],
    [
      'tables one cell per line',
      `序号\n指标名称\n单位\n年度目标\n1-6月完成\n${Array.from({ length: 3_000 }, (_, n) => `${n + 1}\n地区生产总值\n亿元\n600\n310\n`).join('')}`,
    ],
    ['decomposition task tables', `序号 工作任务 牵头单位 配合单位 完成时限\n${'1 地区生产总值增长6% 市发改委 市统计局 12月底\n'.repeat(4_000)}`],
    ['rates then targets', '地区生产总值增长5.8%(目标7%),'.repeat(8_000)],
    ['plans stated inside shares', '新增就业1人,完成年度任务2人的50%,'.repeat(8_000)],
    ['quantities called the target', '确定增长7%的目标,'.repeat(10_000)],
    ['framing clauses', '十件实事中,新建公路1公里,已完成1公里,'.repeat(5_000)],
    ['completion rates of groups', '全市重点项目投资完成率达到52.5%,'.repeat(8_000)],
  ];
  it.each(hostile)('finishes on %s', (_, body) => {
    const text = `2018年一季度完成情况通报\n${body}`;
    for (const kind of DOCUMENT_KINDS) {
      const result = extractPlan(text, { kind });
      expect(result.plan.period.start).toBe('2018-01-01');
      for (const task of result.plan.tasks.slice(0, 50)) {
        const source = task['x-source'] as { sentence: string; start: number; end: number };
        expect(source.sentence.length).toBeLessThanOrEqual(400);
        expect(text.slice(source.start, source.end)).toBe(source.sentence);
      }
    }
  });
});
