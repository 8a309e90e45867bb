/**
 * Numbering and heading patterns of Chinese government plan documents, tolerant of the
 * full-width / half-width mix that PDF extraction produces: （一） and (二) (with or without a
 * space), 1. / 1． / 1、, （1） and (2).
 */

const CN_NUM = '[一二三四五六七八九十]+';

/** 一、攻坚目标 */
export const LEVEL1_RE = new RegExp(`^${CN_NUM}、\\s*(.*)$`);
/** （一）大力提振消费 / (二) 全力推进…  */
export const SECTION_RE = new RegExp(`^[（(]\\s*${CN_NUM}\\s*[）)]\\s*(.*)$`);
/** 1. 推动增收减负。… (the lookahead keeps "2.5" from being read as item 2) */
export const ITEM_RE = /^(\d{1,3})\s*[.．、](?!\d)\s*(.*)$/;
/** （1）更新义务教育学校设备。… / (4) 统筹推进城乡就业。… */
export const SUBITEM_RE = /^[（(]\s*(\d{1,3})\s*[）)]\s*(.*)$/;
/** 附件 1 (a line of its own before an attachment's title) */
export const ATTACHMENT_LINE_RE = /^附件\s*(\d{1,2})$/;
/** A plan's own title line: 内需扩量提效攻坚实施方案, 湖南省实施“七大攻坚”总体方案. */
export const PLAN_TITLE_RE = /^[\u4e00-\u9fa5“”"《》]{2,40}?(实施方案|总体方案|工作方案|行动方案)$/;
/** The attachment list of the overall plan: "- 附件：1. 内需扩量提效攻坚实施方案", "2. 产业…". */
export const ATTACHMENT_LIST_RE = /^(?:-\s*)?(?:附件\s*[:：]\s*)?(\d{1,2})\s*[.．、]\s*(\S+方案)$/;

/** True when the line opens a new block whatever came before it. */
export function startsBlock(line: string): boolean {
  return (
    LEVEL1_RE.test(line) ||
    SECTION_RE.test(line) ||
    ITEM_RE.test(line) ||
    SUBITEM_RE.test(line) ||
    /^-?\s*附件/.test(line) ||
    /^抄送[:：]/.test(line) ||
    line.includes('\t') ||
    isPlanTitle(line)
  );
}

/** True for a bare plan title line (not a quotation of it inside a sentence). */
export function isPlanTitle(line: string): boolean {
  return PLAN_TITLE_RE.test(line) && !line.startsWith('《');
}

/** Campaign name: 内需扩量提效攻坚实施方案 → 内需扩量提效攻坚; 湖南省实施“七大攻坚”总体方案 → 七大攻坚. */
export function campaignOf(title: string): string {
  const quoted = /[“"]([^”"]+)[”"]总体方案$/.exec(title);
  if (quoted) return quoted[1];
  return title.replace(/(实施方案|总体方案|工作方案|行动方案)$/, '');
}
