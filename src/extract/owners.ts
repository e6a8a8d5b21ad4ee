import type { Span } from './document.js';
import { LEADER_TITLES } from './lexicon.js';

/** Who is responsible, as the text of one numbered item names it. */
export interface FoundOwners {
  readonly lead: readonly string[];
  readonly support: readonly string[];
  readonly leader: string | undefined;
}

const SEPARATORS = /[、,;,;]/u;
/** The administrative level a unit's name opens with: 省发展改革委, 自治区统计局, 州交通运输局, 盟行署, 旗教育局, 市X局, 县X局, 区X局. */
const LEVEL = '(?:省|自治区|自治州|市|州|盟|地区|县|旗|区|镇|乡)';
/** 由省人力资源社会保障厅、省统计局负责(落实). */
const BY_RESPONSIBLE = new RegExp(`由(${LEVEL}[^,。;:由]{1,80}?)负责`, 'u');
/** (市发改委牵头,市统计局配合) in brackets, or closing the item bare: 州交通运输局牵头,各县市人民政府负责。 */
const LEAD_PAIRED = /[((]([^()()由]{2,80}?)牵头(?:[,,;;]([^()()]{2,120}?)(?:配合|参与|协同|协助|按职责分工负责|负责))?[))]/u;
const LEAD_PAIRED_BARE = new RegExp(
  `(?:^|[。;;,,\\s])(${LEVEL}[^()()由。;;,,]{1,40}?)牵头(?:[,,;;]([^()()由。]{2,120}?)(?:配合|参与|协同|协助|按职责分工负责|负责))?[。;;]?\\s*$`,
  'u',
);
/** (省人力资源社会保障厅负责), 州发改委负责。 closing the item. */
const CLOSING_RESPONSIBLE = new RegExp(`(?:[((]|[。;;]\\s*|^\\s*)(${LEVEL}[^()()由。;;:]{1,80}?)负责(?:落实|实施)?[))]?[。;;]?\\s*$`, 'u');
const UNIT_HINT = /[市县区局委办厅院所司中心公司组部会行社站队镇街府署]$/u;

function units(list: string): string[] {
  // 各县〔市、区〕政府 (〔〕 read as [ ]): the bracketed kinds belong to the unit, not the list.
  const bare = list.replace(/\[[^\]]{1,10}\]|[((][市县区、]{1,10}[))]/gu, (kinds) => kinds.replaceAll('、', '\u0000'));
  // 市发改委 五县五区政府 开发区管委会: units written apart by spaces only.
  const spaced = bare.trim().split(/[ \t\u3000]+/u);
  const split = !SEPARATORS.test(bare) && spaced.length > 1 && spaced.every((part) => UNIT_HINT.test(part)) ? spaced.join('、') : bare;
  return split
    .split(SEPARATORS)
    .map((part) => part.replace(/\s|\*/gu, '').replace(/(?:等(?:有关|相关)?(?:单位|部门))$|等$/u, ''))
    .filter((part) => part.length > 0 && part.length <= 30)
    .map((part) => part.replaceAll('\u0000', '、'));
}

/** The text after `label` up to the closing bracket, the end of the sentence or `to`. */
function listAfter(text: string, at: number, to: number): string {
  let end = at;
  while (end < to && text[end] !== ')' && text[end] !== '。' && text[end] !== '\n' && end - at < 300) end++;
  // 牵头领导:张三 牵头单位:县发改局 配合单位:县统计局 — labels on one line: each list ends where the next label begins.
  // (责任单位:市交通局;完成时限:2023年12月底): a deadline's label ends the list too.
  const next = /[\s,,;;]*(?:(?:牵头|配合|协办|协同|参与|责任|分管|主办)(?:单位|部门|领导)|完成时限|完成时间|时间节点|时限要求)[::]/u.exec(text.slice(at, end));
  return text.slice(at, next === null ? end : at + next.index);
}

/**
 * Reads owners and the leader from `text[span]`: "(责任单位:A、B、C)" (A leads),
 * "牵头单位:A;配合单位:B", "由X副市长牵头,A、B等单位负责", "牵头领导:X".
 */
export function readOwners(text: string, span: Span): FoundOwners {
  const { start, end } = span;
  const slice = text.slice(start, end);
  let lead: string[] = [];
  let support: string[] = [];
  let leader: string | undefined;

  // (牵头:市发改委;配合:市统计局): the labels may name no 单位.
  const leadLabel = /牵头(?:单位|部门)?:/u.exec(slice);
  const supportLabel = /(?:配合|协办)(?:单位|部门)?:/u.exec(slice);
  const responsible = /责任(?:单位|部门):/u.exec(slice);
  if (leadLabel !== null) {
    lead = units(listAfter(text, start + leadLabel.index + leadLabel[0].length, end).split(/[;;]/u)[0]!);
    // 牵头单位:A;责任单位:B — beside a lead label, the responsible units support.
    const supporting = supportLabel ?? responsible;
    if (supporting !== null) support = units(listAfter(text, start + supporting.index + supporting[0].length, end).split(/[;;]/u)[0]!);
  } else if (responsible !== null) {
    const all = units(listAfter(text, start + responsible.index + responsible[0].length, end));
    lead = all.slice(0, 1);
    support = all.slice(1);
  }

  const leaderLabel = /(?:牵头|责任|分管)领导:/u.exec(slice);
  if (leaderLabel !== null) {
    const names = units(listAfter(text, start + leaderLabel.index + leaderLabel[0].length, end).split(/[;;]/u)[0]!);
    if (names.length > 0) leader = names.join('、');
  }

  // 由石迎军常务副市长、楚雷副市长牵头,市发改委、市工信委等单位负责
  const by = slice.indexOf('由');
  const leads = by < 0 ? -1 : slice.indexOf('牵头', by);
  if (by >= 0 && leads > by && leads - by <= 60) {
    const people: string[] = [];
    const bodies: string[] = [];
    for (const part of slice.slice(by + 1, leads).split(SEPARATORS)) {
      const name = part.replace(/\s/gu, '');
      const title = LEADER_TITLES.find((t) => name.endsWith(t));
      if (title !== undefined && name.length > title.length) people.push(name.slice(0, -title.length));
      else if (UNIT_HINT.test(name)) bodies.push(name);
    }
    if (people.length > 0 && leader === undefined) leader = people.join('、');
    const responsibleEnd = slice.indexOf('负责', leads);
    if (lead.length === 0 && bodies.length > 0) {
      lead = bodies.slice(0, 1);
      support = bodies.slice(1);
    }
    if (lead.length === 0 && responsibleEnd > leads && responsibleEnd - leads <= 200) {
      const all = units(slice.slice(leads + 2, responsibleEnd));
      lead = all.slice(0, 1);
      support = all.slice(1);
    }
  }
  // 由市人力资源社会保障局、市统计局负责落实
  if (lead.length === 0) {
    const responsible = BY_RESPONSIBLE.exec(slice);
    if (responsible !== null && !responsible[1]!.includes('牵头')) {
      const all = units(responsible[1]!).filter((unit) => UNIT_HINT.test(unit));
      lead = all.slice(0, 1);
      support = all.slice(1);
    }
  }
  // (市发改委牵头,市统计局配合), (市教育局牵头), and the same closing the item without brackets (州交通运输局牵头,各县市人民政府负责。):
  // the units before 牵头 lead, those before 配合/参与/协同 support.
  if (lead.length === 0) {
    const paired = LEAD_PAIRED.exec(slice) ?? LEAD_PAIRED_BARE.exec(slice);
    const leads = paired === null ? [] : units(paired[1]!);
    if (leads.length > 0 && leads.every((unit) => UNIT_HINT.test(unit))) {
      lead = leads;
      support = paired![2] === undefined ? [] : units(paired![2]).filter((unit) => UNIT_HINT.test(unit));
    }
  }
  // (省人力资源社会保障厅负责), 州发改委负责。: units that close the item and are said to be responsible own it.
  if (lead.length === 0) {
    const closing = CLOSING_RESPONSIBLE.exec(slice);
    const all = closing === null ? [] : units(closing[1]!);
    if (all.length > 0 && all.every((unit) => UNIT_HINT.test(unit))) {
      lead = all.slice(0, 1);
      support = all.slice(1);
    }
  }
  // 全市生产总值达到3260亿元,增长12%。(市发改委): a closing parenthesis naming only units names the owners.
  if (lead.length === 0) {
    const closing = /[((]((?:[^()()]|[((][^()()]{1,10}[))]){2,80})[))][。.]?\s*$/u.exec(slice);
    const all = closing === null ? [] : units(closing[1]!);
    const plain = (unit: string) => unit.replace(/\[[^\]]*\]|[((][^()()]*[))]/gu, '');
    if (all.length > 0 && all.every((unit) => UNIT_HINT.test(plain(unit)) && BARE_UNIT.test(plain(unit)))) {
      lead = all.slice(0, 1);
      support = all.slice(1);
    }
  }
  return { lead, support, leader };
}

/** A unit named bare in a closing parenthesis: 市发改委, 环保局 — not 含县区 or 区级. */
const BARE_UNIT = new RegExp(
  `^(?:${LEVEL}[\\u4e00-\\u9fff]{1,14}|[\\u4e00-\\u9fff]{1,12}(?:局|委|办|厅)|各[\\u4e00-\\u9fff]{1,10}(?:政府|管委会|单位|部门))$`,
  'u',
);
/** 呼和浩特市住建局要…, 省交通运输厅要…: a unit as a sentence's subject. */
const SUBJECT_UNIT = new RegExp(`(?:^|[,。;,])(?:今年,?)?([\\u4e00-\\u9fff]{0,5}?)(${LEVEL}[\\u4e00-\\u9fff]{1,10}?(?:局|委|办|厅|公司|管委会|中心))要`, 'u');

/** A unit a sentence names after its target: "固定资产投资162亿元,增长7%,责任单位为区发改委" → 区发改委 (the first named leads). */
export function responsibleIn(text: string, span: Span): FoundOwners | undefined {
  const match = /责任(?:单位|部门)(?:为|是)([^,。;,;()()]{2,80})/u.exec(text.slice(span.start, span.end));
  if (match === null) return undefined;
  const all = units(match[1]!.replace(/负责$/u, ''));
  return all.length === 0 ? undefined : { lead: all.slice(0, 1), support: all.slice(1), leader: undefined };
}

/** A unit named as the subject of a sentence: "呼和浩特市住建局要在8月底完成…" → 市住建局. */
export function subjectOwner(text: string, span: Span): FoundOwners | undefined {
  const match = SUBJECT_UNIT.exec(text.slice(span.start, span.end));
  if (match === null) return undefined;
  return { lead: [match[2]!], support: [], leader: undefined };
}
