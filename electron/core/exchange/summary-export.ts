import type { Database } from 'better-sqlite3';
import { ITEM_KINDS, ITEM_STATUS_LABELS, ITEM_STATUSES, type ItemKind, type ItemRow, type ItemStatus } from '../../../shared/contract/schemas/items';
import type { FileOut } from '../../../shared/contract/schemas/periods';
import { localDate } from '../context';
import { writeStyledWorkbook } from '../excel/styled/styled-workbook';
import type { StyledColumn } from '../excel/styled/types';
import { createItemsRepository } from '../repositories/items-repository';
import { createPeriodsRepository } from '../repositories/periods-repository';
import { chineseToday, officeName, safeFileName } from './doc-format';

interface LatestReport {
  item_id: number;
  unit_name: string;
  status: ItemStatus | null;
  completion_ratio: number | null;
  completed_value: number | null;
  progress_text: string;
  problems: string;
  next_steps: string;
  reported_at: string;
}

const COLUMNS: StyledColumn[] = [
  { key: 'seq', header: ['序号'], width: 6, align: 'center' },
  { key: 'code', header: ['编号'], width: 6, align: 'center' },
  { key: 'uid', header: ['条目标识'], width: 12, hidden: true },
  { key: 'plan', header: ['所属方案'], width: 13 },
  { key: 'title', header: ['名称'], width: 18 },
  { key: 'lead', header: ['牵头单位'], width: 13 },
  { key: 'unit', header: ['本期填报', '填报单位'], width: 12 },
  { key: 'status', header: ['本期填报', '状态'], width: 8, align: 'center' },
  { key: 'ratio', header: ['本期填报', '完成比例(%)'], width: 8, align: 'center' },
  { key: 'progress', header: ['本期填报', '进展情况'], width: 34, growTo: 80 },
  { key: 'problems', header: ['本期填报', '存在问题'], width: 18, growTo: 40 },
  { key: 'next', header: ['本期填报', '下步计划'], width: 18, growTo: 40 },
];

/** Items the period concerns: those sent in a template or reported on; every item when there are none. */
function scopeIds(db: Database, periodId: number): number[] | undefined {
  const ids = db
    .prepare(
      `SELECT r.item_id FROM issued_rows r JOIN issued_templates t ON t.id = r.template_id WHERE t.period_id = ?
       UNION SELECT item_id FROM reports WHERE period_id = ?`,
    )
    .pluck()
    .all(periodId, periodId) as number[];
  return ids.length ? ids : undefined;
}

function latestReports(db: Database, periodId: number): Map<number, { latest: LatestReport; units: number }> {
  const rows = db
    .prepare<[number], LatestReport>(
      'SELECT r.*, u.name AS unit_name FROM reports r JOIN units u ON u.id = r.unit_id WHERE r.period_id = ? ORDER BY r.reported_at, r.id',
    )
    .all(periodId);
  const out = new Map<number, { latest: LatestReport; units: number }>();
  for (const r of rows) out.set(r.item_id, { latest: r, units: (out.get(r.item_id)?.units ?? 0) + 1 });
  return out;
}

function summaryRow(r: ItemRow, i: number, rep: { latest: LatestReport; units: number } | undefined) {
  const l = rep?.latest;
  const others = rep && rep.units > 1 ? `（另有 ${rep.units - 1} 个单位填报）` : '';
  return {
    seq: i + 1,
    code: r.code,
    uid: r.uid,
    plan: r.planTitle,
    title: r.title,
    lead: r.lead,
    unit: l ? `${l.unit_name}${others}` : '未填报',
    status: ITEM_STATUS_LABELS[l?.status ?? r.status],
    ratio: l ? l.completion_ratio : r.progress,
    progress: l ? l.progress_text : r.progressNote,
    problems: l?.problems ?? '',
    next: l?.next_steps ?? '',
  };
}

/** 汇总表: every item of the period with its latest report (unit, 进展, 完成比例, 问题, 状态), styled. */
export async function exportSummary(db: Database, periodId: number, kind: ItemKind | undefined, now: Date): Promise<FileOut> {
  const period = createPeriodsRepository(db).get(periodId);
  const ids = scopeIds(db, periodId);
  const repo = createItemsRepository(db);
  const items = (kind ? [kind] : [...ITEM_KINDS]).flatMap((k) => repo.list({ kind: k, ids, sort: 'order', desc: false, offset: 0, limit: 100000 }, localDate(now)).rows);
  const reports = latestReports(db, periodId);
  const rows = items.map((r, i) => summaryRow(r, i, reports.get(r.id)));
  const reported = items.filter((r) => reports.has(r.id)).length;
  const byStatus = ITEM_STATUSES.map((s) => [s, rows.filter((x) => x.status === ITEM_STATUS_LABELS[s]).length] as const).filter(([, n]) => n > 0);
  const office = officeName(db);
  const bytes = await writeStyledWorkbook({
    meta: { kind: 'summary', senderOffice: office, exportedAt: now, period: period.name, extra: kind ? { item_kind: kind } : {} },
    sheets: [
      {
        name: '汇总表',
        title: `${period.name}工作进展汇总表`,
        subtitleLeft: `制表单位：${office}`,
        subtitleRight: chineseToday(now),
        columns: COLUMNS,
        rows,
        notes: [`注：共 ${items.length} 项，本期已填报 ${reported} 项，未填报 ${items.length - reported} 项；${byStatus.map(([s, n]) => `${ITEM_STATUS_LABELS[s]} ${n} 项`).join('，')}。未填报的项显示本办记录的状态和进展。`],
      },
    ],
  });
  return { fileName: safeFileName(`${period.name}_工作进展汇总表`), bytes };
}
