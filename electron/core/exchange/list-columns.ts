import { EXPORT_COLUMN_LABELS, type ExportColumn } from '../../../shared/contract/schemas/exchange';
import { ITEM_STATUS_LABELS, type ItemRow } from '../../../shared/contract/schemas/items';
import type { CellInput, StyledColumn } from '../excel/styled/types';

const COMPARATOR_SIGNS: Readonly<Record<string, string>> = { '>=': '≥', '<=': '≤', '=': '', '>': '>', '<': '<' };

/** ≥700000人, as a target reads in a table. */
export function targetText(comparator: string | null, value: number | null, unit: string): string {
  if (value === null) return '';
  return `${comparator ? (COMPARATOR_SIGNS[comparator] ?? '') : ''}${value}${unit}`;
}

const WIDTHS: Record<ExportColumn, number> = {
  code: 7, planTitle: 16, sectionName: 16, groupName: 12, title: 22, content: 46, lead: 16, resp: 16, coop: 20, leader: 10,
  deadlineText: 13, status: 9, progress: 9, progressNote: 34, origin: 9, upperCode: 9, investTotal: 11, investYearPlan: 11,
  investDone: 11, projectStage: 9, policyDocNo: 14, policyStage: 9, planIssueDate: 12, target: 14, actualValue: 11, updatedAt: 17,
};

const NUMERIC = new Set<ExportColumn>(['progress', 'investTotal', 'investYearPlan', 'investDone', 'actualValue']);
const GROW = new Set<ExportColumn>(['content', 'progressNote']);
const UNIT_COLUMNS: readonly ExportColumn[] = ['lead', 'resp', 'coop'];

/** The value a list row shows in a column. */
export function listCell(row: ItemRow, col: ExportColumn): CellInput {
  switch (col) {
    case 'status':
      return ITEM_STATUS_LABELS[row.status];
    case 'origin':
      return row.origin === 'upper' ? '上级下发' : '本级新增';
    case 'target':
      return targetText(row.comparator, row.targetValue, row.targetUnit);
    case 'updatedAt':
      return row.updatedAt.slice(0, 16).replace('T', ' ');
    default:
      return row[col];
  }
}

/**
 * Styled columns for the chosen list columns: 序号 first, the hidden item id next to 编号, and
 * 牵头/负责/配合 under one 责任单位 header when two or more of them are shown.
 */
export function listColumns(chosen: readonly ExportColumn[]): StyledColumn[] {
  const unitCount = chosen.filter((c) => UNIT_COLUMNS.includes(c)).length;
  const out: StyledColumn[] = [{ key: 'seq', header: ['序号'], width: 6, align: 'center' }];
  const uid: StyledColumn = { key: 'uid', header: ['条目标识'], width: 12, hidden: true };
  if (!chosen.includes('code')) out.push(uid);
  for (const c of chosen) {
    const label = EXPORT_COLUMN_LABELS[c];
    const header = UNIT_COLUMNS.includes(c) ? (unitCount >= 2 ? ['责任单位', label] : [`${label}单位`]) : [label];
    out.push({ key: c, header, width: WIDTHS[c], align: NUMERIC.has(c) ? 'right' : undefined, growTo: GROW.has(c) ? 80 : undefined });
    if (c === 'code') out.push(uid);
  }
  return out;
}
