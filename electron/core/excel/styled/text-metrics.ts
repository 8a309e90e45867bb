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

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2018\u2019\u201c\u201d\u2026\u2014]/u;

/** Width of one character in character units at an 11 pt body font. */
export function charWidth(ch: string, fontSize = 11): number {
  const scale = fontSize / 11;
  if (WIDE.test(ch)) return 1.9 * scale;
  if (/[A-Z@%&mw]/.test(ch)) return 1.2 * scale;
  return 1.0 * scale;
}

/** Width of a string in character units. */
export function textWidth(text: string, fontSize = 11): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch, fontSize);
  return w;
}

/** Runs that wrap as one: a Latin word or number, or a single wide character. */
function tokens(line: string): string[] {
  return line.match(/[A-Za-z0-9.,%:/_\-+]+|\s+|./gu) ?? [];
}

/** Lines one paragraph takes when greedily wrapped into `avail` units. */
function paragraphLines(paragraph: string, avail: number, fontSize: number): number {
  let lines = 1;
  let used = 0;
  for (const tok of tokens(paragraph)) {
    const w = textWidth(tok, fontSize);
    if (used + w <= avail) {
      used += w;
      continue;
    }
    if (w <= avail) {
      lines += 1;
      used = /^\s+$/.test(tok) ? 0 : w;
      continue;
    }
    // A run longer than the column breaks anywhere.
    for (const ch of tok) {
      const cw = charWidth(ch, fontSize);
      if (used + cw > avail) (lines += 1), (used = 0);
      used += cw;
    }
  }
  return lines;
}

/** Lines a cell's text takes in a column `width` units wide (cell padding taken off). */
export function wrappedLines(text: string, width: number, fontSize = 11): number {
  if (!text) return 1;
  const avail = Math.max(1, width - 1.2);
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
  let w = width;
  while (w < limit && texts.some((t) => wrappedLines(t, w, fontSize) > maxLines)) w += 2;
  return Math.min(w, limit);
}
