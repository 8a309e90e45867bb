import { interner } from './memo';
import { toHalfWidth } from './text-normalize';

/** Labels, units and numbers as written repeat across a list's rows: one copy each. */
const shared = interner();

export type Comparator = '>=' | '<=' | '=' | '>' | '<';

/**
 * A parsed quantity. Canonical units, so values compare and sum:
 * - money (…元) is kept in **万元**: 2000万元 → 2000, 1.1万亿元 → 110000000, 800亿元 → 8000000,
 *   5000元 → 0.5;
 * - percentages in **%** (9% → 9); percentage points stay **个百分点** (提高0.9个百分点 → 0.9);
 * - every other count in its **base unit** with 万/亿/千 applied: 70万人 → 700000 人,
 *   7.7亿人次 → 770000000 人次, 1.8万家 → 18000 家, 100万千瓦 → 1000000 千瓦;
 * - a bare 万/亿 with no unit keeps unit '' (约2000万 → 20000000, never 0).
 * `display` is the number as written, compact and half-width: 70万人, 1.1万亿元, 9%.
 * A range (1—2个) gives its lower bound and ≥.
 */
export interface Quantity {
  /** ≥ for 以上/不低于/达到/突破, > for 超过/高于, ≤ for 以下/以内/不超过, < for 低于,
   * = for 约/左右, null when the text states none. */
  comparator: Comparator | null;
  value: number;
  unit: string;
  display: string;
}

/** A quantity found in a task text, with the words it measures. */
export interface QuantityTarget extends Quantity {
  /** The few words before the number, e.g. 新增城镇就业 (or after it when nothing precedes). */
  label: string;
  /** The phrase as written, e.g. 新增城镇就业 70 万人以上. */
  text: string;
}

const UNITS = [
  '个百分点', '百分点', '个工作日', '工作日', '%', '‰', '元', '人次', '人', '家', '个', '项', '场', '条', '辆', '户', '亩',
  '吨', '千瓦时', '千瓦', '兆瓦', '平方公里', '平方米', '立方米', '公顷', '公里', '千米', '所', '座',
  '套', '台', '件', '架次', '次', '批', '处', '张', '名', '位', '支', '艘', '栋', '间', '张床', '床',
  '标箱', '倍', '册', '部', '款', '篇', '轮', '笔', '份', '宗', '块', '片', 'GW', 'MW', 'kW',
];

const PREFIXES: Readonly<Record<string, Comparator>> = {
  不低于: '>=', 不少于: '>=', 至少: '>=', 达到: '>=', 达: '>=', 突破: '>=', '>=': '>=', '≥': '>=',
  超过: '>', 高于: '>', 大于: '>', 多于: '>', '>': '>',
  不超过: '<=', 不高于: '<=', 不多于: '<=', 控制在: '<=', '<=': '<=', '≤': '<=',
  低于: '<', 少于: '<', 小于: '<', '<': '<',
  约: '=', 大约: '=',
};

const POSTFIXES: Readonly<Record<string, Comparator>> = {
  以上: '>=', 及以上: '>=', 以下: '<=', 以内: '<=', 左右: '=', 上下: '=',
};

const MULTIPLIERS: Readonly<Record<string, number>> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3 };

function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[%>=<]/g, (c) => `\\${c}`))
    .join('|');
}

const QUANTITY_RE = new RegExp(
  `(?<pre>${alternation(Object.keys(PREFIXES))})?\\s*` +
    `(?<num>\\d+(?:,\\d{3})*(?:\\.\\d+)?)` +
    `(?:\\s*[-—–~～至到]{1,2}\\s*(?<num2>\\d+(?:\\.\\d+)?))?` +
    `\\s*(?<mult>万亿|亿|万|千(?!瓦|米))?` +
    `\\s*(?<unit>${alternation(UNITS)})?` +
    `\\s*(?<post>${alternation(Object.keys(POSTFIXES))})?`,
  'g',
);

/** Characters after a number that make it a date, an ordinal or a count of years, not a target. */
const NOT_A_TARGET_AFTER = /^\s*(?:年|月|日|号|季度|届|周年|版|级|\+|×|x)/;

interface RawMatch {
  index: number;
  end: number;
  quantity: Quantity;
  hasUnit: boolean;
}

/**
 * The first quantity in a cell: "70 万人以上" → {≥, 700000, 人, 70万人}; "约2000万" → 20000000;
 * "不低于 97.3%" → {≥, 97.3, %}; full-width digits accepted. A number cell passes through.
 * Null when the text holds no number.
 */
export function parseQuantity(input: string | number | null | undefined): Quantity | null {
  if (input === null || input === undefined) return null;
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { comparator: null, value: input, unit: '', display: String(input) } : null;
  }
  const first = scan(toHalfWidth(input))[0];
  return first ? first.quantity : null;
}

/**
 * Every quantity phrase in a task text that has a unit or 万/亿 (bare numbers, years, 第N批 and
 * 1+N are skipped), each with its label: "新增城镇就业 70 万人以上" → label 新增城镇就业.
 */
export function extractTargets(content: string): QuantityTarget[] {
  const half = toHalfWidth(content);
  const targets: QuantityTarget[] = [];
  for (const match of scan(half)) {
    if (!match.hasUnit || isOrdinalOrDate(half, match)) continue;
    const start = clauseStart(half, match.index);
    const end = clauseEnd(half, match.end);
    const label = makeLabel(half.slice(start, match.index), half.slice(match.end, end));
    const q = match.quantity;
    targets.push({ comparator: q.comparator, value: q.value, unit: shared(q.unit), display: shared(q.display), label: shared(label), text: content.slice(start, match.end).trim() });
  }
  return targets;
}

function scan(half: string): RawMatch[] {
  const out: RawMatch[] = [];
  // exec on the shared regex (matchAll would clone it per call); every match holds a digit, so
  // lastIndex always moves on. Synchronous, so no other scan sees lastIndex in between.
  QUANTITY_RE.lastIndex = 0;
  for (let m = QUANTITY_RE.exec(half); m !== null; m = QUANTITY_RE.exec(half)) {
    const g = m.groups ?? {};
    if (g.num === undefined) continue;
    const quantity = toQuantity(g);
    out.push({
      index: m.index,
      end: m.index + m[0].trimEnd().length,
      quantity,
      hasUnit: g.unit !== undefined || g.mult !== undefined,
    });
  }
  QUANTITY_RE.lastIndex = 0;
  return out;
}

function toQuantity(g: Readonly<Record<string, string | undefined>>): Quantity {
  const num = g.num ?? '0';
  const n = Number(num.includes(',') ? num.replace(/,/g, '') : num);
  const mult = g.mult ? MULTIPLIERS[g.mult] : 1;
  const written = g.unit ?? '';
  const isMoney = written === '元';
  const value = round(isMoney ? (n * mult) / 1e4 : n * mult);
  const unit = isMoney ? '万元' : canonicalUnit(written);
  const range = g.num2 !== undefined ? `-${g.num2}` : '';
  const display = `${g.num}${range}${g.mult ?? ''}${written}`;
  return { comparator: comparatorOf(g.pre, g.post, g.num2 !== undefined), value, unit, display };
}

function canonicalUnit(written: string): string {
  if (written === '百分点') return '个百分点';
  if (written === '张床') return '床';
  return written;
}

function comparatorOf(pre: string | undefined, post: string | undefined, isRange: boolean): Comparator | null {
  const fromPre = pre ? PREFIXES[pre] : undefined;
  const fromPost = post ? POSTFIXES[post] : undefined;
  if (fromPre === '>' || fromPre === '<') return fromPre;
  return fromPost ?? fromPre ?? (isRange ? '>=' : null);
}

/** 12 significant digits: hides float noise (1.1万亿 → 110000000, not 110000000.00000001). */
function round(value: number): number {
  // An integer of at most 12 digits is already exact (and toPrecision is slow).
  if (Number.isInteger(value) && Math.abs(value) < 1e12) return value;
  return Number(value.toPrecision(12));
}

function isOrdinalOrDate(half: string, match: RawMatch): boolean {
  const before = half.slice(Math.max(0, match.index - 1), match.index);
  if (before === '第' || before === '+') return true;
  return match.quantity.unit === '' && NOT_A_TARGET_AFTER.test(half.slice(match.end));
}

/** Punctuation that ends a clause (one UTF-16 unit each). */
const BOUNDARY = new Set('，。；、：！？,;:!?\n（）()“”"‘’【】《》');

function clauseStart(text: string, index: number): number {
  let i = index;
  while (i > 0 && !BOUNDARY.has(text[i - 1])) i -= 1;
  return i;
}

function clauseEnd(text: string, index: number): number {
  let i = index;
  while (i < text.length && !BOUNDARY.has(text[i])) i += 1;
  return i;
}

const LEADING_FILLER = /^(?:力争|确保|争取|推动|实现|其中|并且|并|同时|全年|年内|今年|累计|新建|每年)+/;
const TRAILING_FILLER = /(?:达到|达|为|突破|超过|不低于|不少于|至少|约|在|力争|保持在|提高到|增加到)+$/;
const MAX_LABEL = 20;

function makeLabel(before: string, after: string): string {
  const trimmed = before.trim().replace(TRAILING_FILLER, '').trim();
  const label = trimmed.replace(LEADING_FILLER, '').trim();
  if (label.length >= 2) return label.slice(-MAX_LABEL);
  const following = after.replace(/^\s*(?:以上|以下|左右|的)/, '').trim();
  return (trimmed + following).trim().slice(0, MAX_LABEL);
}
