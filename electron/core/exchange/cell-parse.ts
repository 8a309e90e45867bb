import { ITEM_STATUS_LABELS, type ItemStatus } from '../../../shared/contract/schemas/items';
import type { AppCell } from '../excel/app-workbook-reader';
import { parseQuantity } from '../parse/quantity';
import { toHalfWidth } from '../parse/text-normalize';
import { localDate } from '../context';

/** A cell read for a field: the value, and a note (warning) or an error (field not imported). */
export interface Parsed<T> {
  value: T;
  warning?: string;
  error?: string;
}

/** A cell as text: dates as yyyy-mm-dd, numbers as written, line breaks kept. */
export function cellString(c: AppCell): string {
  if (c === null) return '';
  if (c instanceof Date) return localDate(new Date(c.getUTCFullYear(), c.getUTCMonth(), c.getUTCDate()));
  // Most cells hold no carriage return: skip the replace (a cell is read several times per return).
  const text = typeof c === 'string' ? c : String(c);
  return (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).trim();
}

const STATUS_WORDS: Readonly<Record<string, ItemStatus>> = {
  ...Object.fromEntries(Object.entries(ITEM_STATUS_LABELS).map(([k, v]) => [v, k as ItemStatus])),
  未开始: 'not_started', 未开展: 'not_started', 尚未启动: 'not_started',
  进行中: 'in_progress', 正在推进: 'in_progress', 推进: 'in_progress', 在建: 'in_progress', 实施中: 'in_progress', 正常推进: 'in_progress',
  完成: 'done', 已办结: 'done', 办结: 'done', 已完成: 'done',
  暂停: 'suspended', 缓办: 'suspended', 暂缓实施: 'suspended',
};

/** 状态: one of the dropdown words (or a common synonym); blank means not reported. */
export function parseStatus(c: AppCell): Parsed<ItemStatus | null> {
  const text = cellString(c).replace(/\s+/g, '');
  if (!text) return { value: null };
  const hit = STATUS_WORDS[text];
  if (hit) return text === ITEM_STATUS_LABELS[hit] ? { value: hit } : { value: hit, warning: `「${text}」按「${ITEM_STATUS_LABELS[hit]}」读取` };
  return { value: null, error: `「${text}」不是可选的状态（未启动、推进中、已完成、暂缓），状态未导入` };
}

const PLAIN_NUMBER = /^[+]?\d+(?:\.\d+)?$/;

/** 完成比例(%): 0–100; 80% or 80 as text read silently, 约80% read as 80 with a note, 过半 refused. */
export function parseRatio(c: AppCell): Parsed<number | null> {
  if (c === null || c === '') return { value: null };
  if (c instanceof Date) return ratioFromDate(c);
  if (typeof c === 'number') return fractionChecked(c);
  const text = toHalfWidth(cellString(c)).replace(/\s+/g, '');
  if (!text) return { value: null };
  const frac = /^(\d+)\/(\d+)$/.exec(text);
  if (frac) return fractionRead(Number(frac[1]), Number(frac[2]), text);
  if (/^(过半|大半|近半|一半左右|大部分|基本完成|部分完成)$/.test(text)) return { value: null, error: `「${text}」不是确切的数字，完成比例未导入（请填 0—100 的数字，如 60）` };
  const plain = /^([+]?\d+(?:\.\d+)?)%?$/.exec(text);
  if (plain) return plain[0].endsWith('%') ? rangeChecked(Number(plain[1]), '') : fractionChecked(Number(plain[1]));
  const q = parseQuantity(text);
  if (!q || (q.unit !== '' && q.unit !== '%')) return { value: null, error: `「${cellString(c)}」不是数字，完成比例未导入（请填 0—100 的数字）` };
  return rangeChecked(q.value, `文字「${cellString(c)}」按 ${q.value} 读取`);
}

/** 1/2 typed in a cell is turned into a date (1月2日) by the spreadsheet program: read it back as the fraction. */
function ratioFromDate(d: Date): Parsed<number | null> {
  // A plain number shown in a date format (0 is 1899-12-30): the number itself.
  if (d.getUTCFullYear() < 1901) return fractionChecked(Math.round((d.getTime() - Date.UTC(1899, 11, 30)) / 864e5));
  return fractionRead(d.getUTCMonth() + 1, d.getUTCDate(), `${d.getUTCMonth() + 1}/${d.getUTCDate()}`, '（表格软件把它存成了日期）');
}

function fractionRead(num: number, den: number, text: string, why = ''): Parsed<number | null> {
  if (den === 0 || num > den) return { value: null, error: `「${text}」${why}不是 0—100 的完成比例，未导入（请填数字，如 50）` };
  const pct = Number(((num / den) * 100).toFixed(1));
  return { value: pct, warning: `「${text}」${why}按分数读作 ${pct}%，请核对` };
}

/** A number between 0 and 1 (not 0 or 1) is most likely a fraction typed for a percentage: kept, with a warning. */
function fractionChecked(n: number): Parsed<number | null> {
  if (n > 0 && n < 1) return { value: n, warning: `完成比例填的是 ${n}，按 ${n}% 读取；如果是指 ${Number((n * 100).toPrecision(12))}%，请在文件中改为 ${Number((n * 100).toPrecision(12))}` };
  return rangeChecked(n, '');
}

function rangeChecked(n: number, warning: string): Parsed<number | null> {
  if (n < 0 || n > 100) return { value: null, error: `完成比例 ${n} 不在 0—100 之间，未导入` };
  return warning ? { value: n, warning } : { value: n };
}

/**
 * 完成值 in the target's unit: a number cell as is; text through the quantity parser, so 约2000万
 * is 2000万 (2000 when the target is in 万元, 20000000 otherwise) and never 0.
 */
export function parseValue(c: AppCell, targetUnit: string): Parsed<number | null> {
  if (c === null || c === '') return { value: null };
  if (typeof c === 'number') return { value: c };
  const text = cellString(c);
  if (!text) return { value: null };
  if (PLAIN_NUMBER.test(toHalfWidth(text).replace(/,/g, ''))) return { value: Number(toHalfWidth(text).replace(/,/g, '')) };
  const q = parseQuantity(text);
  if (!q) return { value: null, error: `「${text}」不是数字，完成值未导入` };
  const bareWan = q.unit === '' && /万/.test(text) && !/万亿/.test(text);
  const value = targetUnit === '万元' && bareWan ? q.value / 1e4 : q.value;
  const unit = targetUnit === '万元' && (bareWan || q.unit === '万元') ? '万元' : q.unit || targetUnit;
  const mismatch = q.unit && targetUnit && q.unit !== targetUnit ? `（目标单位为 ${targetUnit}，请核对）` : '';
  return { value: Number(value.toPrecision(12)), warning: `文字「${text}」按 ${Number(value.toPrecision(12))}${unit} 读取${mismatch}` };
}
