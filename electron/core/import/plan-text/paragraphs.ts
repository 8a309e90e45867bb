import { startsBlock } from './numbering';
import { isUnitClauseLine } from './unit-parentheses';

/** A logical paragraph: one or more physical lines rejoined, with the 1-based line it starts on. */
export interface Paragraph {
  readonly text: string;
  readonly line: number;
}

/** Ends a sentence or a clause group, so a page break right after it is a real paragraph end. */
const TERMINAL_RE = /[。！？；：）)!?;]$/;
/** Any clause punctuation: a short line with none of it is a heading, never a fragment. */
const CLAUSE_PUNCT_RE = /[。，、；：,;:！？]/;
const HEADING_MAX = 60;
/** Numbering (一、 （一） 1. （1）) or a short label (经办人：) in front of a heading's words. */
const HEADING_PREFIX_RE =
  /^(?:[一二三四五六七八九十]+、|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d+\s*[.．、]|[\u4e00-\u9fa5]{1,6}[:：])\s*/;

/**
 * Splits PDF-extracted text into paragraphs. Page breaks cut paragraphs mid-sentence and leave a
 * blank line behind, so a line continues the paragraph before it when that paragraph is still open
 * (no sentence-ending punctuation, not a heading) and the line does not open a numbered block.
 * A line holding only a unit clause "（牵头单位：省生态环境厅）" always belongs to the paragraph
 * before it: the seed has one that the page break pushed below a finished sentence.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const out: { text: string; line: number }[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = raw.replace(/^[\s\u3000\uFEFF]+|[\s\u3000]+$/g, '');
    if (line === '') return;
    const last = out[out.length - 1];
    if (last && continues(last.text, line)) {
      last.text = joinFragments(last.text, line);
    } else {
      out.push({ text: line, line: index + 1 });
    }
  });
  return out;
}

function continues(previous: string, line: string): boolean {
  if (isUnitClauseLine(line) && !isUnitClauseLine(previous)) return true;
  return isOpen(previous) && !startsBlock(line);
}

/** True when the paragraph so far stops mid-sentence. */
export function isOpen(paragraph: string): boolean {
  if (TERMINAL_RE.test(paragraph)) return false;
  if (paragraph.includes('\t')) return false;
  const words = paragraph.replace(HEADING_PREFIX_RE, '');
  const headingLike = paragraph.length <= HEADING_MAX && !CLAUSE_PUNCT_RE.test(words);
  return !headingLike;
}

/** Joins two fragments of one paragraph; Chinese needs no space, "REITs" + "项目" neither. */
export function joinFragments(a: string, b: string): string {
  const needsSpace = /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b);
  return needsSpace ? `${a} ${b}` : a + b;
}
