import type { CellValue } from '../workbook';
import { normalizeCellText, toHalfWidth } from '../../parse/text-normalize';
import { cellText } from './header-detect';

export interface PlanName {
  /** e.g. 内需扩量提效攻坚实施方案 */
  plan: string;
  /** The plan without 实施方案, e.g. 内需扩量提效攻坚 */
  campaign: string;
}

const ATTACHMENT_PREFIX = /^附\s*件\s*[0-9一二三四五六七八九十]*\s*[:：、.．-]?\s*/;
const LIST_SUFFIX =
  /(?:重点)?(?:工作)?(?:任务|项目|政策|事项)?(?:清单|分解表|分工表|责任分工表|任务表|台账|一览表|统计表|调度表|进展表|推进表|汇总表|明细表|表)$/;
const PLAN_SUFFIX = /(?:实施方案|工作方案|行动方案|方案)$/;
const NOT_A_TITLE =
  /^(?:填报单位|报送单位|填报日期|填表日期|报送日期|日期|单位|制表|时间|填报时间|截至|截止)\s*[:：]|^附\s*件\s*[0-9一二三四五六七八九十]*$|^\d{4}[-./年]\d{1,2}/;
const DEFAULT_SHEET_NAME = /^(?:sheet|工作表|表|sheet\s*\d+|工作表\s*\d+|表\s*\d+|wps表格)$/i;

/**
 * Plan and campaign from a title such as "附件1  内需扩量提效攻坚任务清单": the 附件 prefix and
 * the 任务清单 / 分解表 / 台账 suffix are removed, and 实施方案 appended unless the title names
 * its own 方案. Null when nothing is left.
 */
export function planFromTitle(title: string): PlanName | null {
  let base = normalizeCellText(title).replace(/[《》〈〉“”"]/g, '').replace(ATTACHMENT_PREFIX, '').trim();
  base = base.replace(/\s+/g, '');
  for (let i = 0; i < 2; i += 1) base = base.replace(LIST_SUFFIX, '').replace(/(?:的|之)$/, '');
  if (base === '') return null;
  const own = PLAN_SUFFIX.exec(base);
  if (own) {
    const campaign = base.slice(0, own.index);
    return { plan: base, campaign: campaign === '' ? base : campaign };
  }
  return { plan: `${base}实施方案`, campaign: base };
}

/**
 * The title row above the header: the first row holding one text (often merged across) that is
 * not a 填报单位 / 日期 / lone 附件1 line. Null when there is none.
 */
export function findTitle(rows: readonly (readonly CellValue[])[], headerRow: number): string | null {
  for (let r = 0; r < headerRow; r += 1) {
    const texts = (rows[r] ?? []).map((v) => cellText(v)).filter((t) => t !== '');
    if (texts.length === 0 || texts.length > 2) continue;
    const text = texts.length === 2 && /^附\s*件/.test(texts[0]) ? `${texts[0]} ${texts[1]}` : texts[0];
    if (NOT_A_TITLE.test(toHalfWidth(text)) || text.length < 4) continue;
    return text;
  }
  return null;
}

/** Title row first, then the sheet name unless it is a default (Sheet1), then the file name. */
export function resolvePlanName(title: string | null, sheetName: string, fileName: string): PlanName {
  const fromTitle = title === null ? null : planFromTitle(title);
  if (fromTitle) return fromTitle;
  const fromSheet = DEFAULT_SHEET_NAME.test(sheetName.trim()) ? null : planFromTitle(sheetName);
  if (fromSheet) return fromSheet;
  const stem = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]+$/, '')
    .replace(/[（(]\d+[)）]$|[-_ ]?副本$/, '');
  return planFromTitle(stem) ?? { plan: stem || fileName, campaign: stem || fileName };
}

/** A 20xx year in the title, sheet name or file name: the year of 6月30日 and 全年. */
export function yearFromText(...texts: readonly (string | null)[]): number | null {
  for (const text of texts) {
    if (text === null) continue;
    const half = toHalfWidth(text);
    const match = /(20\d{2})\s*年/.exec(half) ?? /(?<!\d)(20\d{2})(?!\d)/.exec(half);
    if (match) return Number(match[1]);
  }
  return null;
}
