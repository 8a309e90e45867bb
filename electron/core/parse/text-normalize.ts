/**
 * Text clean-up shared by the importers: full-width → half-width where it matters for parsing,
 * in-cell line breaks, and the numbering of Chinese plans (一、 （一） 1. （1） ①).
 */

const FULL_WIDTH_FORMS = /[\uff01-\uff5e\u3000]/g;
const HAS_FULL_WIDTH_FORM = /[\uff01-\uff5e\u3000]/;
const FULL_WIDTH_DIGITS_LETTERS = /[０-９Ａ-Ｚａ-ｚ]/g;
const HAS_FULL_WIDTH_DIGIT_LETTER = /[０-９Ａ-Ｚａ-ｚ]/;
const FULL_TO_HALF_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = '\u3000';

// The importers call these on every cell of every row; most cells need no change, and a plain
// test() is several times cheaper than a replace() that finds nothing. Results are unchanged.

/**
 * Every full-width ASCII form (０-９ Ａ-Ｚ ａ-ｚ ．％（） …) and the ideographic space to half-width.
 * Use it on text that is parsed (numbers, dates, codes), not on text shown as written:
 * Chinese punctuation like （一） is part of how a plan writes itself.
 */
export function toHalfWidth(text: string): string {
  if (!HAS_FULL_WIDTH_FORM.test(text)) return text;
  return text.replace(FULL_WIDTH_FORMS, (ch) =>
    ch === IDEOGRAPHIC_SPACE ? ' ' : String.fromCharCode(ch.charCodeAt(0) - FULL_TO_HALF_OFFSET),
  );
}

/** Only full-width digits and letters to half-width (２０２５ → 2025); punctuation and spaces kept as written. */
export function normalizeDigitsAndLetters(text: string): string {
  if (!HAS_FULL_WIDTH_DIGIT_LETTER.test(text)) return text;
  return text.replace(FULL_WIDTH_DIGITS_LETTERS, (ch) => String.fromCodePoint((ch.codePointAt(0) ?? 0) - FULL_TO_HALF_OFFSET));
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/**
 * One-line form of a cell: line breaks removed. Lines are joined without a space when either side
 * is Chinese (a wrapped Chinese sentence), with one space between Latin words or digits.
 */
export function collapseLineBreaks(text: string): string {
  const lines = splitLines(text);
  let out = '';
  for (const line of lines) {
    if (out === '') {
      out = line;
      continue;
    }
    const joinTight = CJK.test(out.slice(-1)) || CJK.test(line.slice(0, 1));
    out += joinTight ? line : ` ${line}`;
  }
  return out;
}

const LINE_BREAK = /[\r\n\u2028\u2029]/;
const SPACE_RUN = /[ \t]{2,}/;

/** Trimmed non-empty lines of a cell (CRLF, CR, LF and U+2028 line breaks). */
export function splitLines(text: string): string[] {
  if (!LINE_BREAK.test(text)) {
    const line = text.trim();
    return line === '' ? [] : [line];
  }
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A multi-line cell tidied: lines trimmed, blank lines dropped, line breaks kept as \n. */
export function tidyMultiline(text: string): string {
  return LINE_BREAK.test(text) ? splitLines(text).join('\n') : text.trim();
}

/** Cell text for a title or label: trimmed, line breaks collapsed, runs of spaces made one. */
export function normalizeCellText(text: string): string {
  const oneLine = LINE_BREAK.test(text) ? collapseLineBreaks(text) : text.trim();
  return SPACE_RUN.test(oneLine) ? oneLine.replace(/[ \t]{2,}/g, ' ').trim() : oneLine;
}

/** Numbering level: 1 一、 · 2 （一） · 3 1. / 1、 · 4 （1） · 5 ① */
export type NumberingLevel = 1 | 2 | 3 | 4 | 5;

export interface Numbering {
  level: NumberingLevel;
  /** The numbering as written, e.g. （一） or 1. */
  label: string;
  /** The number it stands for: 一 → 1, （12） → 12. */
  value: number;
  /** Text after the numbering, trimmed. */
  rest: string;
}

const CN_NUM = '一二三四五六七八九十百零〇两';

const NUMBERING_PATTERNS: readonly { level: NumberingLevel; re: RegExp }[] = [
  { level: 2, re: new RegExp(`^[（(]\\s*([${CN_NUM}]+)\\s*[)）]`) },
  { level: 1, re: new RegExp(`^([${CN_NUM}]+)\\s*[、.．,，]`) },
  { level: 1, re: new RegExp(`^第([${CN_NUM}]+)(?:部分|章|篇)`) },
  { level: 4, re: /^[（(]\s*(\d{1,3})\s*[)）]/ },
  { level: 3, re: /^(\d{1,3})\s*(?:[、，,]|[.．](?!\d))/ },
  { level: 5, re: /^([\u2460-\u2473])/ },
];

/**
 * Reads the numbering at the start of a heading or item: 一、 → level 1, （一）/(一) → 2,
 * 1. / 1、 → 3, （1）/(1) → 4, ①… → 5. Full-width digits count. Returns null when the text
 * does not start with numbering (a bare "1" is not numbering; "2025.12" is not "2025.").
 */
export function parseNumbering(text: string): Numbering | null {
  const original = text.trim();
  const half = normalizeDigitsAndLetters(original);
  for (const { level, re } of NUMBERING_PATTERNS) {
    const match = re.exec(half);
    if (!match) continue;
    const token = match[0];
    const value = numberingValue(match[1] ?? '');
    if (value === null) continue;
    return {
      level,
      label: original.slice(0, token.length).trim(),
      value,
      rest: original.slice(token.length).trim(),
    };
  }
  return null;
}

function numberingValue(token: string): number | null {
  if (/^\d+$/.test(token)) return Number(token);
  const circled = token.codePointAt(0) ?? 0;
  if (circled >= 0x2460 && circled <= 0x2473) return circled - 0x2460 + 1;
  return chineseNumeralToNumber(token);
}

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; null when it is not a Chinese numeral. */
export function chineseNumeralToNumber(token: string): number | null {
  if (token === '') return null;
  let total = 0;
  let current = 0;
  for (const ch of token) {
    if (ch in CN_DIGITS) {
      current = CN_DIGITS[ch];
    } else if (ch === '十' || ch === '百') {
      total += (current === 0 ? 1 : current) * (ch === '十' ? 10 : 100);
      current = 0;
    } else {
      return null;
    }
  }
  return total + current;
}

const HIERARCHICAL_CODE = /^(?:[（(]?[一二三四五六七八九十\d]{1,4}[)）]?\s*[-－—–_.．、]\s*|[（(][一二三四五六七八九十\d]{1,4}[)）]\s*)+\d{1,4}$/;

/**
 * A 编号 that says where the item sits as well as its number: 3-1, 1.2, 2.1.3, （一）1, 一、2.
 * Such a code is kept as written (a running 序号 such as 7 is not: the item's number inside its
 * section is used instead).
 */
export function isHierarchicalCode(code: string): boolean {
  return HIERARCHICAL_CODE.test(code.trim());
}
