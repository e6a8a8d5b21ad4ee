/**
 * The word lists the extractor reads with. Every rule of docs/extract.md that
 * depends on a word names its list here, so the documentation and the code
 * stay one table.
 */

/** The classifiers (量词) and 人: units that count, in BASE_UNITS and COUNT_UNITS alike. */
const CLASSIFIERS: readonly string[] = [
  '个',
  '家',
  '户',
  '项',
  '所',
  '座',
  '处',
  '条',
  '台',
  '辆',
  '套',
  '间',
  '栋',
  '张',
  '件',
  '宗',
  '名',
  '人',
  '支',
  '笔',
  '艘',
  '架',
  '部',
  '场',
  '次',
  '株',
  '棵',
  '只',
  '头',
  '篇',
  '种',
  '对',
  '节',
];

/**
 * Base units a quantity may carry, longest first where one is a prefix of
 * another (`个百分点` before `个`, `千瓦时` before `千瓦`). Time spans (年, 月, 日,
 * 天, 小时, 分钟) are deliberately absent: "三年行动", "15分钟健身圈" are not
 * quantities to track. `个月` is kept for durations such as 消化周期.
 */
export const BASE_UNITS: readonly string[] = [
  '个百分点',
  '百分点',
  '微克/立方米',
  '毫克/立方米',
  '平方公里',
  '平方米',
  '立方米',
  '千瓦时',
  '千瓦',
  '公里',
  '公顷',
  '公斤',
  '千克',
  '标准煤',
  '标箱',
  '美元',
  '斤',
  '人次',
  '户次',
  '节(次)',
  '个月',
  '%',
  '‰',
  '元',
  '亩',
  '吨',
  '米',
  '度',
  '倍',
  ...CLASSIFIERS,
].sort((a, b) => b.length - a.length);

/** Spellings of units that are written differently in source texts, mapped to the unit used in plans. */
export const UNIT_ALIASES: Readonly<Record<string, string>> = {
  百分点: '个百分点',
  'μg/m3': '微克/立方米',
  'ug/m3': '微克/立方米',
  'mg/m3': '毫克/立方米',
};

/** Written-out units that are not in {@link BASE_UNITS}'s CJK form (matched case-sensitively after width normalisation). */
export const LATIN_UNITS: readonly string[] = ['μg/m3', 'ug/m3', 'mg/m3'];

/** Count classifiers: an observation in one of them may stand for a target counted in another (家 of firms for 个 of projects), with a review note. */
export const COUNT_CLASSIFIERS: ReadonlySet<string> = new Set(['个', '家', '户', '项', '所', '座', '处']);

/** Units that are not counts or amounts but rates: a target in them is always `rate`. */
export const RATE_UNITS: ReadonlySet<string> = new Set(['%', '‰', '个百分点', '倍', '微克/立方米', '毫克/立方米', '个月', '点']);

/** Measures naming money: an amount written "140.34亿" with no unit is read as 亿元. */
export const MONEY_WORDS: readonly string[] = [
  '产值',
  '收入',
  '投资',
  '资金',
  '资产',
  '成本',
  '债',
  '增加值',
  '贷款',
  '存款',
  '余额',
  '税',
  '利润',
  '销售额',
  '交易额',
  '营业额',
  '总额',
  '金额',
  '经费',
  '费用',
  '规模',
  '融资',
];

/** Verbs after which a percentage is a growth rate judged at least (增长8%). */
export const GROWTH_VERBS: readonly string[] = ['增长', '增幅', '增速', '提高', '提升', '增加', '上升', '上涨'];

/** Verbs after which a percentage is a fall: `rate` at most −X (下降3.5%). */
export const FALL_VERBS: readonly string[] = ['下降', '降低', '减少', '压减', '削减', '缩减', '回落'];

/** Verbs after which a value is a ceiling. */
export const CEILING_VERBS: readonly string[] = ['控制在', '控制到', '不高于', '不超过', '低于', '少于'];

/** Verbs after which a value is a level reached (达到X%, 达到N家): `rate` judged as it stands. */
export const LEVEL_VERBS: readonly string[] = [
  '达到',
  '提高到',
  '提升到',
  '增加到',
  '增长到',
  '提高至',
  '提升至',
  '保持在',
  '稳定在',
  '维持在',
  '不低于',
  '不少于',
  '不小于',
  '至少',
  '达',
];

/** Verbs after which a count or an amount accumulates over the year: 突破 and 超过 (产值突破千亿, 申请量突破2000件). */
export const EXCEED_VERBS: readonly string[] = ['突破', '超过', '超'];

/** Stocks: after 突破/超过 these measures are levels (`rate`), not flows. */
export const STOCK_WORDS: readonly string[] = ['余额', '规模', '存量', '总量', '保有量', '覆盖率', '总数'];

/**
 * Verbs that make the count or amount after them a `cumulative` target: what is
 * new, built, done or reduced during the year. docs/extract.md lists them.
 */
export const CUMULATIVE_VERBS: readonly string[] = [
  '新增',
  '新建',
  '新开工',
  '开建',
  '新签约',
  '新发展',
  '新培育',
  '新认定',
  '新植',
  '完成',
  '改造',
  '改扩建',
  '新改建',
  '大中修',
  '引进',
  '化解',
  '建设',
  '建成',
  '培育',
  '打造',
  '创建',
  '实施',
  '组织',
  '发行',
  '筹集',
  '分配',
  '发放',
  '消除',
  '安装',
  '更换',
  '维修',
  '打通',
  '修建',
  '开工',
  '竣工',
  '签约',
  '招引',
  '招聘',
  '吸引',
  '争取',
  '惠及',
  '解决',
  '安置',
  '培训',
  '淘汰',
  '关闭',
  '关停',
  '认定',
  '编制',
  '组建',
  '办好',
  '举办',
  '投入',
  '节约',
  '盘活',
  '盘活利用',
  '造林',
  '植树',
  '降低',
  '减少',
  '压减',
  '实现',
  '发展',
  '设立',
  '开通',
  '抓好',
  '净增',
  '续建',
  '获批',
  '再就业',
  '纳入',
  '硬化',
  '重建',
  '加固',
  '新扩建',
  '救助',
  '落地',
  '接待',
  // 新(改、扩)建公办园5所: a verb written with its alternatives in brackets (the text's （） read as ASCII).
  '新(改、扩)建',
  '新(改扩)建',
  '新(扩)建',
  '改(扩)建',
  '新(改)建',
];

/** Units that count things (classifiers and people); other units measure amounts (亿元, 万亩, 公里). */
export const COUNT_UNITS: ReadonlySet<string> = new Set([...CLASSIFIERS, '人次', '户次', '节(次)']);

/** Words a topic (the clause before a short measure) loses at its ends: 加快林业产业发展 → 林业产业. */
export const TOPIC_PREFIXES: readonly string[] = [
  '开展',
  '加快',
  '推进',
  '推动',
  '实施',
  '大力',
  '着力',
  '积极',
  '全面',
  '深入',
  '进一步',
  '加强',
  '突出',
  '坚持',
  '继续',
  '促进',
];

/** See {@link TOPIC_PREFIXES}. */
export const TOPIC_SUFFIXES: readonly string[] = ['发展', '建设', '行动', '工作', '工程', '活动'];

/** Verbs that only make a target with a measure ending in 建设 (抓好3个产业园建设, but not 抓好100个重点项目). */
export const VERBS_NEEDING_BUILD: ReadonlySet<string> = new Set(['抓好']);

/** Verbs after which an amount (not a count) is cumulative but a percentage is a fall or a level. */
export const AMOUNT_ONLY_VERBS: ReadonlySet<string> = new Set(['降低', '减少', '压减', '实现']);

/**
 * Verbs that stop the search for a governing verb: the count after them is a
 * scope (推进11个小镇建设, 针对21个贫困村), not something to produce.
 */
export const STOP_VERBS: readonly string[] = [
  '推进',
  '提升',
  '发挥',
  '开展',
  '针对',
  '围绕',
  '依托',
  '支持',
  '推动',
  '加强',
  '强化',
  '深化',
  '落实',
  '进行',
  '参加',
  '参与',
  '涉及',
  '覆盖',
  '包括',
  '其中',
  '共有',
  '拥有',
  '按照',
  '通过',
  '利用',
  '组成',
  '抽调',
  '排查',
  '督查',
  '拜访',
  '考核',
  '引领',
];

/** Verbs that complete a count written before them: 67178人脱贫, 48个贫困村出列, 57个污水处理厂全部建成. */
export const COMPLETION_VERBS: readonly string[] = [
  '退出销号',
  '建成投运',
  '脱贫',
  '出列',
  '销号',
  '摘帽',
  '建成',
  '投运',
  '投产',
  '竣工',
  '完工',
  '达标',
  '通车',
];

/** Stage words: an observation at one stage (开工) does not measure a target at another (建成). */
export const STAGE_WORDS: readonly string[] = ['在建', '开工', '建成', '竣工', '完工', '投运', '投产', '签约', '开业', '通车'];

/** Words stripped from the front of a measure: modal verbs, adverbs, places and times. */
export const MEASURE_PREFIXES: readonly string[] = [
  '一季度',
  '上半年',
  '前三季度',
  '进一步',
  '确保',
  '力争',
  '努力',
  '争取',
  '全年',
  '今年',
  '年内',
  '全市',
  '我市',
  '全县',
  '全区',
  '全省',
  '大力',
  '加快',
  '着力',
  '提前',
  '彻底',
  '全面',
  '积极',
  '重点',
  '突出',
  '继续',
  '切实',
  '稳步',
  '扎实',
  '持续',
  '率先',
  '基本',
  '累计',
  '共计',
  '已经',
  '目前',
  '其中',
  '同时',
  '预计',
  '计划',
  '实现',
  '一是',
  '二是',
  '三是',
  '四是',
  '五是',
  '要',
  '将',
  '再',
  '并',
  '和',
  '及',
  '使',
  '共',
  '已',
  '在',
  '由',
  '均',
];

/** Words stripped from the end of a measure. */
export const MEASURE_SUFFIXES: readonly string[] = [
  '分别',
  '均',
  '都',
  '要',
  '在',
  '的',
  '为',
  '是',
  '共',
  '已',
  '各',
  '全部',
  '任务',
  '省定',
  '率先',
  '已经',
  '累计',
  '共计',
  '今年',
  '全年',
  '年度',
  '年内',
  '完成',
];

/** Measures too generic to stand alone: they borrow the subject or topic before them (实现产值200亿元 after 加快林业产业发展 → 林业产业产值). */
export const GENERIC_MEASURES: ReadonlySet<string> = new Set([
  '产值',
  '资金',
  '投资',
  '规模',
  '品牌',
  '收入',
  '项目',
  '企业',
  '基地',
  '总量',
  '增加值',
  '面积',
  '总额',
  '数量',
]);

/** Openers of a sentence that reports what was done (bulletins only): 一季度, 截至, 全市…, 我市…. */
export const REPORT_OPENERS: readonly string[] = [
  '一季度',
  '上半年',
  '前三季度',
  '今年以来',
  '年初以来',
  '截至',
  '截止',
  '目前',
  '近日',
  '全市',
  '我市',
  '另有',
];

/** Words anywhere in a sentence that mark it as reporting what was done. */
export const REPORT_MARKERS: readonly string[] = [
  '已',
  '目前',
  '同比',
  '环比',
  '累计',
  '较去年',
  '较上年',
  '比上年',
  '比去年',
  '比年初',
  '占年度',
  '占全年',
  '目标任务的',
  '共有',
  '正在',
  '截至',
  '截止',
];

/** Words before a figure that make it a change, not a level: 同比增长9.6%, 较去年底减少0.22个月. */
export const CHANGE_MARKERS: readonly string[] = ['同比', '环比', '较去年', '较上年', '较年初', '较同期', '比上年', '比去年', '比年初', '比上月'];

/** Words that make a clause state a target explicitly, even inside a report: 预期目标, 省定任务为, 计划投入. */
export const TARGET_CUES: readonly string[] = ['目标', '任务', '计划'];

/** Words before 计划 that make it a noun, not a plan (按计划, 行动计划, 计划生育 is handled by what follows). */
export const PLAN_NOT_CUE_BEFORE: readonly string[] = ['按', '照', '行动', '储备', '推进', '导向', '人才'];

/** Words that make a target per unit (每个乡镇建成一所幼儿园): it cannot be summed, so it goes to review. */
export const PER_UNIT_MARKERS: readonly string[] = ['每个', '每一', '每户', '每村', '每镇', '每县', '每人'];

/** Words that describe a target no number can state (翻一番, 两位数): review. */
export const UNREADABLE_MARKERS: readonly string[] = ['翻一番', '翻番', '两位数', '倍增', '双位数'];

/** Titles stripped from a leader's name (由石迎军常务副市长牵头 → 石迎军). */
export const LEADER_TITLES: readonly string[] = [
  '常务副市长',
  '副市长',
  '市长',
  '副秘书长',
  '秘书长',
  '副县长',
  '县长',
  '副区长',
  '区长',
  '副主任',
  '主任',
  '书记',
  '局长',
  '同志',
];
