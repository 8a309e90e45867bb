/** A piece of text on a PDF page, in points from the page's bottom-left (as pdf.js gives it). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

/** One printed line of a page: its pieces left to right. */
export interface PdfLine {
  page: number;
  y: number;
  fontSize: number;
  items: { x: number; end: number; text: string }[];
}

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const CJK_THEN_ASCII = new RegExp(`([${CJK}])[ \\u00a0]+(?=[0-9A-Za-z%.])`, 'g');
const ASCII_THEN_CJK = new RegExp(`([0-9A-Za-z%.])[ \\u00a0]+(?=[${CJK}])`, 'g');

/**
 * Text as written: pdf.js turns the extra spacing a word processor puts between Chinese and digits
 * (2025 年 6 月底) into spaces the author never typed.
 */
export function tidyPdfText(text: string): string {
  return text.replace(CJK_THEN_ASCII, '$1').replace(ASCII_THEN_CJK, '$1').replace(/[ \u00a0]{2,}/g, ' ').trim();
}

/** A line holding only a page number: — 3 —, - 3 -, 3, 第 3 页, 第3页 共10页. */
export function isPageNumber(line: PdfLine): boolean {
  const text = line.items.map((i) => i.text).join('').replace(/\s+/g, '');
  return /^[—–\-－]*\d{1,4}[—–\-－]*$/.test(text) || /^第\d{1,4}页(?:[,，/／]?共\d{1,4}页)?$/.test(text) || /^\d{1,4}[/／]\d{1,4}$/.test(text);
}

/** Groups a page's pieces into lines (top to bottom), pieces that touch joined into one. */
export function pageLines(items: readonly PdfItem[], page: number): PdfLine[] {
  const pieces = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfLine[] = [];
  for (const it of pieces) {
    const size = it.fontSize || 10;
    const last = lines[lines.length - 1];
    const line = last && Math.abs(last.y - it.y) < Math.min(last.fontSize, size) * 0.45 ? last : undefined;
    const piece = { x: it.x, end: it.x + it.width, text: it.str };
    if (line) line.items.push(piece);
    else lines.push({ page, y: it.y, fontSize: size, items: [piece] });
  }
  for (const line of lines) line.items = joinTouching(line.items.sort((a, b) => a.x - b.x), line.fontSize);
  return lines.sort((a, b) => b.y - a.y);
}

/** Pieces closer than a third of a character are one run of text. */
function joinTouching(items: PdfLine['items'], fontSize: number): PdfLine['items'] {
  const out: PdfLine['items'] = [];
  for (const it of items) {
    const last = out[out.length - 1];
    if (last && it.x - last.end < fontSize * 0.35) {
      last.text += it.text;
      last.end = Math.max(last.end, it.end);
    } else {
      out.push({ ...it });
    }
  }
  return out.map((i) => ({ ...i, text: tidyPdfText(i.text) }));
}

/** A body line: pieces far apart (a form's cells) are separated by tabs, as pasted text has them. */
export function lineText(line: PdfLine): string {
  return line.items.map((i) => i.text).join('\t');
}
