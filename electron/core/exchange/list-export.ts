import type { z } from 'zod';
import type { ExportListSchema } from '../../../shared/contract/schemas/exchange';
import { ITEM_KIND_LABELS, ITEM_STATUS_LABELS, ROLE_LABELS } from '../../../shared/contract/schemas/items';
import type { FileOut } from '../../../shared/contract/schemas/periods';
import { localDate, type CoreContext } from '../context';
import { writeStyledWorkbook } from '../excel/styled/styled-workbook';
import { createItemsRepository } from '../repositories/items-repository';
import { chineseToday, officeName, safeFileName } from './doc-format';
import { listCell, listColumns } from './list-columns';

type ExportInput = z.output<typeof ExportListSchema>;

/** Every row of the list, not a page: the export shows what the filter selects. */
const ALL_ROWS = 100000;

function nameOf(ctx: CoreContext, table: 'plans' | 'units' | 'sections', id: number | undefined): string {
  if (id === undefined) return '';
  const col = table === 'plans' ? 'title' : 'name';
  const r = ctx.db.prepare(`SELECT ${col} AS n FROM ${table} WHERE id = ?`).get(id) as { n: string } | undefined;
  return r?.n ?? '';
}

/** The filter in words, for the note under the table. */
function filterWords(ctx: CoreContext, q: ExportInput['query']): string {
  const parts: string[] = [];
  const unit = nameOf(ctx, 'units', q.unitId);
  if (unit) parts.push(`单位：${unit}${q.role ? `（${ROLE_LABELS[q.role]}）` : ''}`);
  else if (q.role) parts.push(`角色：${ROLE_LABELS[q.role]}`);
  const section = nameOf(ctx, 'sections', q.sectionId);
  if (section) parts.push(`章节：${section}`);
  if (q.statuses?.length) parts.push(`状态：${q.statuses.map((s) => ITEM_STATUS_LABELS[s]).join('、')}`);
  if (q.origin) parts.push(q.origin === 'upper' ? '上级下发' : '本级新增');
  if (q.deadlineFrom || q.deadlineTo) parts.push(`完成时限：${q.deadlineFrom ?? ''}至${q.deadlineTo ?? ''}`);
  if (q.overdue) parts.push('已逾期');
  if (q.keyword) parts.push(`关键词：${q.keyword}`);
  return parts.join('；');
}

/** A list as shown (filter, order, columns) as a styled, printable workbook with `_meta` and item ids. */
export async function exportList(ctx: CoreContext, input: ExportInput): Promise<FileOut> {
  const now = ctx.now();
  const q = { ...input.query, offset: 0, limit: ALL_ROWS };
  const { rows } = createItemsRepository(ctx.db).list(q, q.today ?? localDate(now));
  const plan = nameOf(ctx, 'plans', q.planId);
  const title = input.title || `${plan}${ITEM_KIND_LABELS[q.kind]}清单`;
  const words = filterWords(ctx, q);
  const bytes = await writeStyledWorkbook({
    meta: { kind: 'list', senderOffice: officeName(ctx.db), exportedAt: now, extra: { item_kind: q.kind, title } },
    sheets: [
      {
        name: `${ITEM_KIND_LABELS[q.kind]}清单`,
        title,
        subtitleLeft: `制表单位：${officeName(ctx.db)}`,
        subtitleRight: chineseToday(now),
        columns: listColumns(input.columns),
        rows: rows.map((r, i) => ({ seq: i + 1, uid: r.uid, ...Object.fromEntries(input.columns.map((c) => [c, listCell(r, c)])) })),
        notes: [`共 ${rows.length} 条。${words ? `筛选条件：${words}。` : ''}`],
      },
    ],
  });
  return { fileName: safeFileName(`${title}_${localDate(now).replace(/-/g, '')}`), bytes };
}
