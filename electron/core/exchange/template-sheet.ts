import { TEMPLATE_FIELD_LABELS, type TemplateField } from '../../../shared/contract/schemas/exchange';
import { ITEM_STATUS_LABELS, ITEM_STATUSES } from '../../../shared/contract/schemas/items';
import type { InstructionsSheet, StyledColumn, StyledSheet } from '../excel/styled/types';
import { chineseDate } from './doc-format';
import type { RowSnapshot } from './template-fields';
import { extensionColumns } from './template-extension';
import { closureColumns } from './template-closure';

/** Locked identity columns of a template, by key. */
export const IDENTITY_LABELS = {
  code: '编号',
  uid: '条目标识',
  plan: '所属方案',
  title: '名称',
  content: '主要内容',
  lead: '牵头单位',
  role: '本单位职责',
  deadline: '完成时限',
  target: '目标',
} as const;
export type IdentityKey = keyof typeof IDENTITY_LABELS;

const ISSUED = '下发内容（已锁定，请勿修改）';
const FILL = '本期填报（浅黄色单元格）';

const STATUS_LIST = `"${ITEM_STATUSES.map((s) => ITEM_STATUS_LABELS[s]).join(',')}"`;

const IDENTITY_WIDTHS: Record<IdentityKey, number> = {
  code: 6, uid: 12, plan: 10, title: 14, content: 30, lead: 12, role: 7, deadline: 10, target: 12,
};
const FILL_WIDTHS: Record<TemplateField, number> = { status: 8, ratio: 8, value: 10, progressText: 30, problems: 16, nextSteps: 16 };

function fillColumn(field: TemplateField): StyledColumn {
  const base = { key: field, header: [FILL, TEMPLATE_FIELD_LABELS[field]], width: FILL_WIDTHS[field], input: true };
  if (field === 'status') {
    return { ...base, align: 'center', validation: { type: 'list', allowBlank: true, formulae: [STATUS_LIST], showErrorMessage: true, errorStyle: 'stop', errorTitle: '状态', error: '请从下拉列表中选择：未启动、推进中、已完成、暂缓' } };
  }
  if (field === 'ratio') {
    return { ...base, align: 'center', validation: { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 100], showErrorMessage: true, errorStyle: 'warning', errorTitle: '完成比例', error: '请填写 0—100 之间的数字（不带 % 号）' } };
  }
  if (field === 'value') return { ...base, align: 'right' };
  return { ...base, align: 'left' };
}

/** The columns of a template: locked identity (the item id hidden next to 编号), then the fill fields. */
export function templateColumns(fields: readonly TemplateField[], withTarget: boolean): StyledColumn[] {
  const keys: IdentityKey[] = ['code', 'uid', 'plan', 'title', 'content', 'lead', 'role', 'deadline', ...(withTarget ? (['target'] as const) : [])];
  const identity = keys.map((k): StyledColumn => ({
    key: k,
    header: [ISSUED, IDENTITY_LABELS[k]],
    width: IDENTITY_WIDTHS[k],
    hidden: k === 'uid',
    growTo: k === 'content' ? 60 : undefined,
    align: k === 'code' || k === 'role' || k === 'deadline' ? 'center' : 'left',
  }));
  return [...identity, ...fields.map(fillColumn), ...extensionColumns(), ...closureColumns()];
}

/** One template row from what was issued. */
export function templateRow(uid: string, s: RowSnapshot): Record<string, string | number | null> {
  return {
    ...s.identity,
    uid,
    status: s.fill.status ? ITEM_STATUS_LABELS[s.fill.status] : null,
    ratio: s.fill.ratio,
    value: s.fill.value,
    progressText: s.fill.progressText,
    problems: s.fill.problems,
    nextSteps: s.fill.nextSteps,
    extDate: null,
    extReason: '',
    extDecision: s.decision ?? '',
    closeEvidence: '',
  };
}

export interface TemplateContext {
  office: string;
  periodName: string;
  start: string;
  end: string;
  due: string;
  issuedOn: string;
}

/** A unit's fill-in sheet. */
export function templateSheet(
  c: TemplateContext,
  unit: { name: string; token: string },
  columns: StyledColumn[],
  rows: Record<string, string | number | null>[],
  sheetName: string,
): StyledSheet {
  return {
    name: sheetName,
    title: `${c.periodName}工作进展填报表`,
    subtitleLeft: `填报单位：${unit.name}（请于${chineseDate(c.due)}前报送）`,
    subtitleRight: `下发：${c.office}　${c.issuedOn}`,
    columns,
    rows,
    protect: true,
    minRowLines: 3,
    notes: [`注：共 ${rows.length} 项。只填浅黄色单元格；状态从下拉列表选择，完成比例填 0—100 的数字。请勿增删行列、勿改工作表名称。`],
    meta: { unit: unit.name, token: unit.token },
  };
}

/** The 填报说明 sheet put first. */
export function templateInstructions(c: TemplateContext, unitLine: string, sheetNames: string, fields: readonly TemplateField[]): InstructionsSheet {
  const asked = fields.map((f) => TEMPLATE_FIELD_LABELS[f]).join('、');
  return {
    name: '填报说明',
    title: `${c.periodName}工作进展填报说明`,
    paragraphs: [
      `一、本文件由${c.office}于${c.issuedOn}下发，${unitLine}。本期时段：${chineseDate(c.start)}至${chineseDate(c.end)}。`,
      `二、报送截止时间：${chineseDate(c.due)}。请按期报送，逾期将列入催报名单。`,
      `三、请在「${sheetNames}」工作表中填写浅黄色单元格：${asked}。状态请从下拉列表选择（未启动、推进中、已完成、暂缓）；完成比例填 0—100 的数字，不带 % 号；完成值填数字（与「目标」同一计量单位）；进展情况写明本期主要进展和取得的成效。`,
      '四、编号、名称、主要内容、牵头单位、完成时限等为下发内容，已锁定，请勿修改；请勿增加、删除、合并或移动行和列，请勿修改工作表名称，请勿删除隐藏的列和工作表（用于自动汇总）。',
      '五、确需延期的，请在完成时限之前，在「申请延期至」栏填写申请的新日期（如 2025-09-30），在「延期理由」栏写明理由，并在「进展情况」栏写明目前进展，由本办审批；逾期后才申请的，本办将作为逾期申请审慎处理。「延期批复」栏是本办对此前延期申请的批复，已锁定。如需调整任务内容或牵头单位，请在「存在问题」栏中说明理由。',
      '六、已完成的事项，可在「申请办结（佐证材料/文号）」栏填写办结依据（如办结文件的文号 岳政办发〔2025〕12号，或佐证材料的名称和说明），由本办确认后办结销号；未完成的请勿填写。',
      '七、填好后直接保存为 .xlsx 格式（不要另存为 .xls、.et 或 PDF），文件名可保持不变，按原渠道报送。',
    ],
  };
}
