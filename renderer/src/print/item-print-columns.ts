import {
  ITEM_KIND_LABELS,
  ITEM_STATUS_LABELS,
  type ItemKind,
  type ItemRow,
} from '../../../shared/contract/schemas/items';

/** A list row as printed: the list row and, when judged, its light as symbol + word (●红). */
export type PrintRow = ItemRow & { readonly light?: string };

/** A printable column: plain text only, widths are relative weights. */
export interface PrintColumn {
  readonly key: string;
  readonly label: string;
  readonly weight: number;
  readonly align?: 'center' | 'right';
  text(row: PrintRow, index: number): string;
}

const LIGHT_WORDS: Readonly<Record<string, string>> = {
  bad: '●红', red: '●红', 红: '●红',
  warn: '▲黄', yellow: '▲黄', 黄: '▲黄', 橙: '▲橙', orange: '▲橙',
  good: '○绿', green: '○绿', 绿: '○绿', 蓝: '◇蓝', blue: '◇蓝',
  done: '○绿',
};

/** A row's light as symbol + word (●红 ▲黄 ○绿) when the row carries one; '' otherwise. */
export function lightText(row: PrintRow): string {
  const value = row.light;
  if (!value) return '';
  return /^[●▲○◇■]/.test(value) ? value : (LIGHT_WORDS[value] ?? value);
}

const num = (v: number | null): string => (v === null ? '' : v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }));
const COMPARATOR_TEXT: Readonly<Record<string, string>> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' };

const c = (key: string, label: string, weight: number, text: PrintColumn['text'], align?: PrintColumn['align']): PrintColumn => ({ key, label, weight, text, align });

/** Every column a list print can show, by key (the list pages use the same keys). */
export const PRINT_COLUMNS: readonly PrintColumn[] = [
  c('seq', '序号', 4, (_r, i) => String(i + 1), 'center'),
  c('code', '编号', 6, (r) => r.code, 'center'),
  c('title', '名称', 22, (r) => r.title),
  c('content', '主要内容', 40, (r) => r.content),
  c('plan', '所属方案', 14, (r) => r.planTitle),
  c('section', '章节', 12, (r) => r.sectionName),
  c('lead', '牵头单位', 14, (r) => r.lead),
  c('resp', '责任单位', 14, (r) => r.resp),
  c('coop', '配合单位', 17, (r) => r.coop),
  c('leader', '责任领导', 7, (r) => r.leader),
  c('deadline', '完成时限', 11, (r) => r.deadlineText || r.deadlineDate || ''),
  c('status', '状态', 6, (r) => ITEM_STATUS_LABELS[r.status], 'center'),
  c('progress', '进度', 5, (r) => `${r.progress}%`, 'center'),
  c('light', '亮灯', 5, lightText, 'center'),
  c('progressNote', '进展情况', 24, (r) => r.progressNote),
  c('investTotal', '总投资（万元）', 8, (r) => num(r.investTotal), 'right'),
  c('investYearPlan', '年度计划投资（万元）', 8, (r) => num(r.investYearPlan), 'right'),
  c('investDone', '已完成投资（万元）', 8, (r) => num(r.investDone), 'right'),
  c('projectStage', '阶段', 5, (r) => r.projectStage ?? '', 'center'),
  c('policyDocNo', '文号', 12, (r) => r.policyDocNo),
  c('policyStage', '政策阶段', 7, (r) => r.policyStage ?? '', 'center'),
  c('planIssueDate', '计划出台时间', 8, (r) => r.planIssueDate ?? ''),
  c('comparator', '比较', 4, (r) => (r.comparator ? (COMPARATOR_TEXT[r.comparator] ?? r.comparator) : ''), 'center'),
  c('targetValue', '目标值', 8, (r) => num(r.targetValue), 'right'),
  c('targetUnit', '单位', 5, (r) => r.targetUnit, 'center'),
  c('actualValue', '实际值', 8, (r) => num(r.actualValue), 'right'),
];

/** Columns offered per kind, in print order. */
export const KIND_COLUMNS: Readonly<Record<ItemKind, readonly string[]>> = {
  task: ['seq', 'code', 'title', 'content', 'plan', 'section', 'lead', 'resp', 'coop', 'leader', 'deadline', 'status', 'progress', 'light', 'progressNote'],
  project: ['seq', 'code', 'title', 'content', 'plan', 'lead', 'resp', 'coop', 'investTotal', 'investYearPlan', 'investDone', 'projectStage', 'deadline', 'status', 'progress', 'light', 'progressNote'],
  policy: ['seq', 'code', 'title', 'content', 'plan', 'lead', 'resp', 'coop', 'policyDocNo', 'policyStage', 'planIssueDate', 'deadline', 'status', 'progress', 'light', 'progressNote'],
  indicator: ['seq', 'code', 'title', 'comparator', 'targetValue', 'targetUnit', 'actualValue', 'lead', 'resp', 'plan', 'status', 'light'],
};

/** What a formal list print shows when the user picks nothing. */
export const DEFAULT_PRINT_COLUMNS: Readonly<Record<ItemKind, readonly string[]>> = {
  task: ['seq', 'code', 'title', 'lead', 'coop', 'deadline', 'status', 'progress', 'light'],
  project: ['seq', 'code', 'title', 'lead', 'investTotal', 'investDone', 'projectStage', 'deadline', 'status', 'progress', 'light'],
  policy: ['seq', 'code', 'title', 'lead', 'policyDocNo', 'policyStage', 'planIssueDate', 'status', 'light'],
  indicator: ['seq', 'code', 'title', 'comparator', 'targetValue', 'targetUnit', 'actualValue', 'lead', 'light'],
};

/** The columns for keys (unknown keys dropped; 名称 renamed by kind). */
export function printColumns(kind: ItemKind, keys: readonly string[]): PrintColumn[] {
  const name = kind === 'indicator' ? '指标名称' : `${ITEM_KIND_LABELS[kind]}名称`;
  return keys
    .map((k) => PRINT_COLUMNS.find((col) => col.key === k))
    .filter((col): col is PrintColumn => col !== undefined)
    .map((col) => (col.key === 'title' ? { ...col, label: name } : col));
}
