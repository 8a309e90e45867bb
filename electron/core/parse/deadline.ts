import { memoize } from './memo';
import { chineseNumeralToNumber, normalizeCellText, toHalfWidth } from './text-normalize';

/** A deadline as written plus the date it stands for (yyyy-mm-dd), or null for 长期坚持 etc. */
export interface ParsedDeadline {
  /** As written (trimmed, line breaks collapsed); a date cell gives 2025年6月30日. */
  text: string;
  /** The last day the text allows, yyyy-mm-dd; null when open-ended or not understood. */
  date: string | null;
  /** True for phrases that are open-ended on purpose (长期坚持, 持续推进, 常态化 …). */
  ongoing: boolean;
}

export interface DeadlineOptions {
  /** Year for texts without one (6月30日, 全年, 年底前). Defaults to the current year. */
  year?: number;
}

/** Excel serials between 1954 and 2119: anything else is a number, not a date. */
const MIN_SERIAL = 20000;
const MAX_SERIAL = 80000;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const ONGOING = /长期坚持|长期推进|持续推进|持续开展|持续实施|常态化|长期|持续|经常性|逐年推进|每年|动态调整/;

/**
 * Reads a 完成时限 cell: 2025年6月底前 → 2025-06-30, 2025年6月30日, 6月30日 (year from
 * options), 2025.12 → 2025-12-31, 2025-06 → 2025-06-30, 2025/6/30, 20250630, Excel serials and
 * Date cells (UTC), 全年 / 年底前 / 年内 → year-end, 一季度 → 03-31, 上半年 → 06-30,
 * 前三季度 → 09-30, 6月上旬/中旬/下旬 → 10th/20th/month end. Several dates in one cell
 * (2025年6月底前完成方案，12月底前建成) → the latest. 长期坚持/持续推进/常态化 → date null.
 */
export function parseDeadline(
  input: string | number | Date | null | undefined,
  options: DeadlineOptions = {},
): ParsedDeadline {
  if (input === null || input === undefined) return { text: '', date: null, ongoing: false };
  if (input instanceof Date) return fromDate(input);
  if (typeof input === 'number') return fromNumber(input, options);
  const year = options.year ?? new Date().getFullYear();
  // A fresh object: callers may change what they get.
  return { ...parsedTexts(`${year}\u0001${input}`) };
}

const parsedTexts = memoize((key: string): ParsedDeadline => {
  const split = key.indexOf('\u0001');
  return fromText(key.slice(split + 1), Number(key.slice(0, split)));
});

function fromText(input: string, year: number): ParsedDeadline {
  const text = normalizeCellText(input);
  const compact = toHalfWidth(text).replace(/\s+/g, '');
  const date = /^\d{4}$/.test(compact) ? isoDate(Number(compact), 12, 31) : latestDate(compact, year);
  const ongoing = date === null && ONGOING.test(text);
  return { text, date, ongoing };
}

function fromDate(value: Date): ParsedDeadline {
  if (Number.isNaN(value.getTime())) return { text: '', date: null, ongoing: false };
  const y = value.getUTCFullYear();
  const m = value.getUTCMonth() + 1;
  const d = value.getUTCDate();
  return { text: `${y}年${m}月${d}日`, date: isoDate(y, m, d), ongoing: false };
}

function fromNumber(value: number, options: DeadlineOptions): ParsedDeadline {
  if (value >= MIN_SERIAL && value < MAX_SERIAL) {
    return fromDate(new Date(EXCEL_EPOCH_UTC + Math.floor(value) * DAY_MS));
  }
  return parseDeadline(String(value), options);
}

/** yyyy-mm-dd, or null when the day does not exist (2月30日). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

interface Rule {
  re: RegExp;
  /** Returns [year|null, month, day] for a match; year null means "the running year". */
  toDate: (m: RegExpExecArray) => [number | null, number, number] | null;
}

const CN = '[一二三四1-4]';
const QUARTER_END_MONTH = [3, 6, 9, 12];

function num(token: string | undefined): number | null {
  if (token === undefined || token === '') return null;
  return /^\d+$/.test(token) ? Number(token) : chineseNumeralToNumber(token);
}

function monthEnd(year: number | null, month: number): [number | null, number, number] {
  return [year, month, -1];
}

/** 12/31/2025 or 31/12/2025; 05/06/2025 could be either, so it is no date (null) unless both parts agree. */
function dayMonthYear(m: RegExpExecArray): [number, number, number] | null {
  const a = Number(m[1]);
  const b = Number(m[2]);
  const year = Number(m[3]);
  if (a > 12 && b <= 12) return [year, b, a];
  if (b > 12 && a <= 12) return [year, a, b];
  return a === b ? [year, a, b] : null;
}

const RULES: readonly Rule[] = [
  // 2025年6月30日, 2025年6月30号, 6月30日 (year optional)
  { re: /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]/y, toDate: (m) => [num(m[1]), Number(m[2]), Number(m[3])] },
  // 2025-06-30, 2025.6.30, 2025/6/30
  { re: /(\d{4})[-./](\d{1,2})[-./](\d{1,2})/y, toDate: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  { re: /(\d{4})(\d{2})(\d{2})(?!\d)/y, toDate: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  // 12/31/2025 (a CSV from an English-locale program), 31/12/2025: only when one part is above 12
  { re: /(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?!\d)/y, toDate: dayMonthYear },
  // 6月上旬/中旬/下旬
  {
    re: /(?:(\d{4})年)?(\d{1,2})月(上|中|下)旬/y,
    toDate: (m) => (m[3] === '下' ? monthEnd(num(m[1]), Number(m[2])) : [num(m[1]), Number(m[2]), m[3] === '上' ? 10 : 20]),
  },
  // 2025年6月底前, 6月末, 2025年6月
  { re: /(?:(\d{4})年)?(\d{1,2})(?:月份?)(?:底|末|前|内|中)?/y, toDate: (m) => monthEnd(num(m[1]), Number(m[2])) },
  // 2025-06, 2025.12, 2025/6
  { re: /(\d{4})[-./](\d{1,2})(?!\d)/y, toDate: (m) => monthEnd(Number(m[1]), Number(m[2])) },
  // 2025年一季度, 第二季度, Q3
  {
    re: new RegExp(`(?:(\\d{4})年)?(?:第)?(${CN})季度|(?:(\\d{4})年?)?Q([1-4])`, 'yi'),
    toDate: (m) => monthEnd(num(m[1] ?? m[3]), QUARTER_END_MONTH[(num(m[2] ?? m[4]) ?? 1) - 1]),
  },
  { re: /(?:(\d{4})年)?前三季度/y, toDate: (m) => monthEnd(num(m[1]), 9) },
  { re: /(?:(\d{4})年)?上半年/y, toDate: (m) => monthEnd(num(m[1]), 6) },
  { re: /(?:(\d{4})年)?下半年/y, toDate: (m) => monthEnd(num(m[1]), 12) },
  // 2025年底前, 2025年内, 2025年全年, 全年, 年底前, 年内, 2025年
  { re: /(?:(\d{4})年?)?(?:全年|年底|年末|年内|年度|底前)/y, toDate: (m) => monthEnd(num(m[1]), 12) },
  { re: /(\d{4})年/y, toDate: (m) => monthEnd(Number(m[1]), 12) },
];

/** Scans left to right; a year once written carries to later dates (2025年6月…12月底前). */
function latestDate(text: string, defaultYear: number): string | null {
  let year = defaultYear;
  let best: string | null = null;
  let pos = 0;
  while (pos < text.length) {
    const hit = matchAt(text, pos);
    if (!hit) {
      pos += 1;
      continue;
    }
    const [y, month, day] = hit.parts;
    if (y !== null) year = y;
    const iso = isoDate(year, month, day === -1 ? lastDayOfMonth(year, month) : day);
    if (iso !== null && (best === null || iso > best)) best = iso;
    pos += Math.max(hit.length, 1);
  }
  return best;
}

function matchAt(text: string, pos: number): { parts: [number | null, number, number]; length: number } | null {
  for (const rule of RULES) {
    rule.re.lastIndex = pos;
    const m = rule.re.exec(text);
    if (!m || m.index !== pos) continue;
    const parts = rule.toDate(m);
    if (parts) return { parts, length: m[0].length };
  }
  return null;
}
