import type { Office } from '../../../shared/contract/schemas/office';

/** How a counterpart was found: a naming rule, the unit directory, or no local counterpart. */
export type SuggestHow = 'rule' | 'directory' | 'none';
export interface NameSuggestion {
  name: string | null;
  how: SuggestHow;
  /** Why there is none, in Chinese, when `name` is null. */
  reason?: string;
}

/** Short forms the province writes and the full words a local department's name uses. */
const EXPAND: readonly [string, string][] = [
  ['发展改革', '发展和改革'],
  ['住房城乡建设', '住房和城乡建设'],
  ['人力资源社会保障', '人力资源和社会保障'],
  ['市场监管', '市场监督管理'],
  ['药品监管', '药品监督管理'],
  ['医保', '医疗保障'],
  ['广电', '广播电视'],
  ['科技', '科学技术'],
  ['国资', '国有资产监督管理'],
  ['应急', '应急管理'],
];

/** Province bodies with no counterpart below the prefecture (or at all locally). */
const NO_LOCAL: readonly [RegExp, string][] = [
  [/海关|边检|证监|外汇|矿山安监|长株潭|集团|湖南出版/, '省级或垂直管理单位，本地无对口单位'],
];
const NO_COUNTY: readonly [RegExp, string][] = [[/邮政管理|通信管理|能源局/, '县级无对口单位']];
/** County offices that merge several province departments. */
const COUNTY_MERGED: readonly [RegExp, string][] = [
  [/^(广电|体育|文物|文化和旅游)局?厅?$/, '文化旅游广电体育局'],
  [/^中医药局$/, '卫生健康局'],
  [/^药品监管局$/, '市场监督管理局'],
  [/^能源局$/, '发展和改革局'],
];

/**
 * The place this office serves, as names and documents write it: the last level of its region
 * (湖南省岳阳市汨罗市 → 汨罗市), else the office name up to 市/县/区 (岳阳市七大攻坚… → 岳阳市); '' when neither says.
 */
export function servedPlace(office: Pick<Office, 'region' | 'name'> & Partial<Office>): string {
  const region = /([^省市州盟县区]+(?:市|县|区|州|盟|旗))$/.exec(office.region.trim())?.[1];
  if (region) return region;
  return /^(.+?(?:自治州|自治县|市|县|区|州|省))/.exec(office.name.trim())?.[1] ?? '';
}

/** The local place name units begin with (汨罗市发展和改革局): the served place, else the region + 市/县. */
export function placeName(office: Pick<Office, 'region' | 'level' | 'name'>): string {
  const served = servedPlace(office);
  if (served) return served;
  const region = office.region.trim() || office.name.replace(/人民政府.*$|办公室$/, '').trim();
  if (/[市县区州旗]$/.test(region)) return region;
  return region + (office.level === '县' ? '县' : '市');
}

function expand(core: string): string {
  let out = core;
  for (const [short, full] of EXPAND) if (out.startsWith(short) && !out.startsWith(full)) out = full + out.slice(short.length);
  return out;
}

/** 省X厅/委/局 → X局 (县) or X委员会 / X局 (市); 省委X → 市委X; collectives keep their wording. */
function byRule(upper: string, office: Office, place: string): NameSuggestion {
  const county = office.level === '县' || office.level === '乡';
  for (const [re, reason] of NO_LOCAL) if (re.test(upper)) return { name: null, how: 'none', reason };
  if (county) for (const [re, reason] of NO_COUNTY) if (re.test(upper)) return { name: null, how: 'none', reason };
  const bank = /^(人民银行|中国进出口银行|国家开发银行|中国出口信用保险公司)湖南(省)?(分行|分公司)$/.exec(upper);
  if (bank) return { name: bank[1] === '人民银行' ? `人民银行${place}${county ? '支行' : '分行'}` : null, how: bank[1] === '人民银行' ? 'rule' : 'none', reason: '省级或垂直管理单位，本地无对口单位' };
  if (upper === '国网湖南省电力公司') return { name: `国网${place}供电公司`, how: 'rule' };
  if (upper === '湖南金融监管局') return { name: `${place.replace(/[市县]$/, '')}金融监管${county ? '支局' : '分局'}`, how: 'rule' };
  if (upper === '湖南广播影视集团') return { name: null, how: 'none', reason: '省级或垂直管理单位，本地无对口单位' };
  if (upper === '省税务局') return { name: `国家税务总局${place}税务局`, how: 'rule' };
  if (upper === '省农村信用社联合社') return { name: `${place.replace(/[市县]$/, '')}农村商业银行`, how: 'rule' };
  if (upper === '省消防救援总队') return { name: `${place}消防救援${county ? '大队' : '支队'}`, how: 'rule' };
  if (upper === '省高级人民法院') return { name: `${place}人民法院`, how: 'rule' };
  if (upper.startsWith('省委')) return { name: `${place}委${upper.slice(2)}`, how: 'rule' };
  if (upper.startsWith('省政府')) return { name: `${place}政府${upper.slice(3)}`, how: 'rule' };
  if (upper.startsWith('省直')) return { name: `${place.endsWith('县') ? '县' : '市'}直${upper.slice(2)}`, how: 'rule' };
  if (upper.startsWith('各')) return { name: upper, how: 'rule' };
  if (!upper.startsWith('省')) return { name: null, how: 'none', reason: '不是省直单位的名称，请手工指定' };
  return { name: place + localBody(upper.slice(1), county), how: 'rule' };
}

/** The body part of a province department's name as this level names it. */
function localBody(core: string, county: boolean): string {
  if (county) for (const [re, merged] of COUNTY_MERGED) if (re.test(core)) return merged;
  const m = /^(.*?)(厅|委|局|办|中心|联合会|会|联|总工会|集团)$/.exec(core);
  if (!m) return expand(core);
  const [, stem, suffix] = m;
  if (stem === '应急管理' || stem === '应急') return '应急管理局';
  if (suffix === '厅' || suffix === '局') return `${expand(stem)}局`;
  if (suffix === '委') return county ? `${expand(stem)}局` : `${expand(stem)}委员会`;
  return expand(stem) + suffix;
}

/** What a unit name is about, without place, level and kind of body: for matching the directory. */
export function nameCore(name: string): string {
  let s = name.replace(/^(国家税务总局|中共)/, '').replace(/^.{0,6}?(省|市|县|区)(?=[^省市县区]{2})/, '');
  s = s.replace(/(人民政府|政府)/, '').replace(/(厅|委员会|委|局|分局|支局)$/, '');
  return expand(s);
}

/** Suggests this office's counterpart of an upper unit: a directory unit about the same thing, else the rule's name. */
export function suggestCounterpart(upper: string, office: Office, directory: readonly string[]): NameSuggestion {
  const place = placeName(office);
  const rule = byRule(upper.trim(), office, place);
  if (rule.name && directory.includes(rule.name)) return { name: rule.name, how: 'directory' };
  const core = nameCore(rule.name ?? upper);
  const close = rule.how === 'none' ? undefined : directory.find((d) => !/^(省|湖南)/.test(d) && nameCore(d) === core);
  return close ? { name: close, how: 'directory' } : rule;
}
