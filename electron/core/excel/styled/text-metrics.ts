/**
 * Row heights for wrapped CJK text. LibreOffice (and Excel for rows it did not lay out itself) does
 * not grow a row to fit wrapped text, so every data row gets an explicit height estimated here from
 * the text and the column width. Widths are in Excel character units, the digit width of the Normal
 * font, which the writer sets to 宋体 11 (8 px in Excel): a 宋体 11 pt Chinese character is 15 px,
 * about 1.9 units; an ASCII character about 1. Estimates err on the tall side: LibreOffice without
 * 宋体 sets text a little narrower and tighter, Excel and WPS fit it exactly.
 */

/** Points per text line for a font size: Excel sets 宋体 11 pt at 14.25 pt a line (LibreOffice tighter). */
export function lineHeightPt(fontSize: number): number {
  return Math.ceil(fontSize * 1.3 * 4) / 4;
}

/** Excel's largest row height. */
export const MAX_ROW_HEIGHT_PT = 409;

/** Code-point ranges drawn at full width (CJK, kana, hangul, full-width forms). */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6],
];
/** Punctuation Chinese fonts draw at full width: ‘ ’ “ ” … —. */
const WIDE_SINGLES = new Set([0x2018, 0x2019, 0x201c, 0x201d, 0x2026, 0x2014]);

/** Width of one code point at 11 pt: 1.9 wide, 1.2 for A-Z @ % & m w, 1 otherwise. */
function unitWidth(code: number): number {
  if (code < 0x80) return (code >= 65 && code <= 90) || code === 64 || code === 37 || code === 38 || code === 109 || code === 119 ? 1.2 : 1.0;
  if (code < 0x1100) return 1.0;
  if (code >= 0x4e00 && code <= 0x9fff) return 1.9;
  if (WIDE_SINGLES.has(code)) return 1.9;
  for (const [a, b] of WIDE_RANGES) if (code >= a && code <= b) return 1.9;
  return 1.0;
}

/** Width of one character in character units at an 11 pt body font. */
export function charWidth(ch: string, fontSize = 11): number {
  return unitWidth(ch.codePointAt(0) ?? 0) * (fontSize / 11);
}

/** Width of a string in character units. */
export function textWidth(text: string, fontSize = 11): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch, fontSize);
  return w;
}

/** A character of a run that wraps as one word: Latin letters, digits and . , % : / _ - +. */
const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46 || c === 44 || c === 37 || c === 58 || c === 47 || c === 95 || c === 45 || c === 43;

/** White space as JavaScript's \s sees it. */
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/**
 * Lines one paragraph takes when greedily wrapped into `avail` units. Runs wrap as one: a Latin
 * word or number, a stretch of spaces, or a single wide character; a run wider than the column
 * breaks anywhere.
 */
function paragraphLines(p: string, avail: number, fontSize: number): number {
  const scale = fontSize / 11;
  let lines = 1;
  let used = 0;
  for (let i = 0; i < p.length; ) {
    const code = p.codePointAt(i)!;
    let end = i + (code > 0xffff ? 2 : 1);
    let w = unitWidth(code) * scale;
    const word = isWordChar(code);
    const space = !word && isSpace(code);
    if (word || space) {
      const same = word ? isWordChar : isSpace;
      while (end < p.length && same(p.charCodeAt(end))) w += unitWidth(p.charCodeAt(end++)) * scale;
    }
    if (used + w <= avail) used += w;
    else if (w <= avail) {
      lines += 1;
      used = space ? 0 : w;
    } else if (!word && !space) {
      if (used + w > avail) (lines += 1), (used = 0);
      used += w;
    } else {
      for (let k = i; k < end; k++) {
        const cw = unitWidth(p.charCodeAt(k)) * scale;
        if (used + cw > avail) (lines += 1), (used = 0);
        used += cw;
      }
    }
    i = end;
  }
  return lines;
}

/** Lines a cell's text takes in a column `width` units wide (cell padding taken off). */
export function wrappedLines(text: string, width: number, fontSize = 11): number {
  if (!text) return 1;
  const avail = Math.max(1, width - 1.2);
  // No character is wider than 1.9 units: a short line of text fits without measuring it.
  if (text.length * 1.9 * (fontSize / 11) < avail - 1e-6 && !/[\r\n]/.test(text)) return 1;
  return text.split(/\r?\n/).reduce((n, p) => n + paragraphLines(p, avail, fontSize), 0);
}

/** Height in points for a row whose cells hold these texts in these widths. */
export function rowHeightPt(cells: readonly { text: string; width: number }[], fontSize = 11, minLines = 1): number {
  const lines = cells.reduce((m, c) => Math.max(m, wrappedLines(c.text, c.width, fontSize)), minLines);
  return Math.min(MAX_ROW_HEIGHT_PT, Math.ceil(lines * lineHeightPt(fontSize) + 6));
}

/**
 * Widens a column (in steps of 2, up to `limit`) until its longest text fits Excel's largest row,
 * so a long 主要内容 is never cut off at the bottom of its cell.
 */
export function widthToFit(texts: readonly string[], width: number, limit: number, fontSize = 11): number {
  const maxLines = Math.floor((MAX_ROW_HEIGHT_PT - 6) / lineHeightPt(fontSize));
  // Greedy wrapping fills each line pair past the column, so a paragraph takes fewer than
  // 2 × its width / (column − widest character) + 1 lines: most texts are cleared without wrapping them.
  const surely = (t: string, w: number) => {
    const avail = Math.max(1, w - 1.2) - 1.9 * (fontSize / 11);
    return avail >= 1 && (2 * t.length * 1.9 * (fontSize / 11)) / avail + t.split('\n').length <= maxLines;
  };
  const tooTall = (t: string, w: number) => !surely(t, w) && wrappedLines(t, w, fontSize) > maxLines;
  let w = width;
  while (w < limit && texts.some((t) => tooTall(t, w))) w += 2;
  return Math.min(w, limit);
}
