import type { QuantityTarget } from '../parse/quantity';

/**
 * A checklist item as an importer understood it, before it touches the database.
 * The shape of `../shared/samples/province-tasks-A.expected.json` plus optional extras.
 */
export interface DraftItem {
  /** Plan title as written, e.g. 内需扩量提效攻坚实施方案. */
  plan: string;
  /** Section as written, numbering included, e.g. （一）大力提振消费 or (二) 全力推进产业项目招引落地. */
  section: string | null;
  /** Sub-group inside a section (attachment 7 （1）/(2) items), else null. */
  group: string | null;
  /** Number inside its section as the plan numbers it: "1", "2" … */
  no: string;
  title: string;
  content: string;
  lead: string[];
  resp: string[];
  coop: string[];
  /** lead: 牵头 + 配合; joint: 按职责分工负责 lists (units in resp). */
  kind: 'lead' | 'joint';
  /** Campaign name: plan title without 实施方案, e.g. 内需扩量提效攻坚. */
  campaign: string;
  deadlineText?: string;
  note?: string;
  /** The sheet's own 序号 / 编号 as written (it may run on across sections, unlike `no`). */
  code?: string;
  /** `deadlineText` parsed, yyyy-mm-dd; null when open-ended (长期坚持) or not understood. */
  deadlineDate?: string | null;
  /** 责任领导 as written. */
  leader?: string;
  /** Quantitative targets found in the 目标 column, else in the content (70 万人以上 …). */
  targets?: QuantityTarget[];
  /** 进展情况 as written, when the sheet carries it. */
  progress?: string;
  /** The sending office's id of the item: the hidden 条目标识 of a list another installation exported. */
  upperUid?: string;
  /** The sending office's 编号 as written (1-1) in such a list; `no` is then the same. */
  upperCode?: string;
  /** The row's name across preview and apply (file, sheet, place in the sheet): a 疑似重复 choice is keyed by it. */
  key?: string;
  /** Where it came from, for problems and the preview. */
  source?: { file?: string; sheet?: string; row?: number };
  /** This office's own item the row stands for: a list it exported itself, brought back (own-items.ts). */
  ownId?: number;
  /**
   * The fields the row's sheet has columns for, on rows of an app-made list (an export carries the
   * columns the list showed): a field it lacks is left as stored when the row is the office's own.
   */
  sheetFields?: readonly string[];
}

/** A problem found while reading input: says where, in Chinese. */
export interface DraftProblem {
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
  severity: 'error' | 'warning';
  message: string;
}
