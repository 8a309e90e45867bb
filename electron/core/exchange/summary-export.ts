import type { Database } from 'better-sqlite3';
import { ITEM_STATUS_LABELS, ITEM_STATUSES } from '../../../shared/contract/schemas/items';
import { LIGHT_LEVEL_LABELS } from '../../../shared/contract/schemas/lights';
import type { FileOut } from '../../../shared/contract/schemas/periods';
import type { SummaryQuery, SummaryResult, SummaryRow } from '../../../shared/contract/schemas/summary';
import { localDate } from '../context';
import { writeStyledWorkbook } from '../excel/styled/styled-workbook';
import type { StyledColumn } from '../excel/styled/types';
import { chineseToday, officeName, safeFileName } from './doc-format';
import { summaryRows } from './summary-rows';

const COLUMNS: StyledColumn[] = [
  { key: 'seq', header: ['序号'], width: 6, align: 'center' },
  { key: 'code', header: ['编号'], width: 6, align: 'center' },
  { key: 'uid', header: ['条目标识'], width: 12, hidden: true },
  { key: 'plan', header: ['所属方案'], width: 13 },
  { key: 'title', header: ['名称'], width: 18 },
  { key: 'lead', header: ['牵头单位'], width: 13 },
  { key: 'deadline', header: ['完成时限'], width: 11, align: 'center' },
  { key: 'light', header: ['亮灯'], width: 7, align: 'center' },
  { key: 'unit', header: ['本期填报', '填报单位'], width: 12 },
  { key: 'status', header: ['本期填报', '状态'], width: 8, align: 'center' },
  { key: 'ratio', header: ['本期填报', '完成比例(%)'], width: 8, align: 'center' },
  { key: 'progress', header: ['本期填报', '进展情况'], width: 30, growTo: 80 },
  { key: 'problems', header: ['本期填报', '存在问题'], width: 16, growTo: 40 },
  { key: 'next', header: ['本期填报', '下步计划'], width: 16, growTo: 40 },
];

/** One 汇总表 row as the workbook writes it: the same values the page shows. */
export function summaryCells(r: SummaryRow, i: number) {
  return {
    seq: i + 1,
    code: r.code,
    uid: r.uid,
    plan: r.plan,
    title: r.title,
    lead: r.lead,
    deadline: r.deadlineText || r.deadlineDate || '',
    light: r.light.text,
    unit: r.units.length ? r.units.join('、') : '未填报',
    status: ITEM_STATUS_LABELS[r.status],
    ratio: r.ratio,
    progress: r.progress,
    problems: r.problems,
    next: r.next,
  };
}

function note(s: SummaryResult): string {
  const rows = s.rows;
  const reported = rows.filter((r) => r.units.length).length;
  const byStatus = ITEM_STATUSES.map((st) => [st, rows.filter((r) => r.status === st).length] as const).filter(([, n]) => n > 0);
  const shown = rows.length < s.total ? `（按筛选条件列出，本期共 ${s.total} 项）` : '';
  return (
    `注：共 ${rows.length} 项${shown}，本期已填报 ${reported} 项，未填报 ${rows.length - reported} 项；` +
    `${byStatus.map(([st, n]) => `${ITEM_STATUS_LABELS[st]} ${n} 项`).join('，')}。未填报的项显示本办记录的状态和进展。`
  );
}

function legend(s: SummaryResult): string {
  const seen = new Map(s.rows.map((r) => [r.light.text, r.light.level]));
  const source = s.lightSource === 'snapshot' ? '本期亮灯快照' : `截至 ${s.lightsAsOf} 按亮灯规则判定`;
  return `亮灯：${[...seen].map(([text, level]) => `${text} ${LIGHT_LEVEL_LABELS[level]}`).join('，')}（${source}）。`;
}

/** 汇总表: every item of the period (as filtered) with its 完成时限, 亮灯 and what each unit reported, styled. */
export async function exportSummary(db: Database, q: SummaryQuery, now: Date): Promise<FileOut> {
  const s = summaryRows(db, q, localDate(now));
  const office = officeName(db);
  const bytes = await writeStyledWorkbook({
    meta: { kind: 'summary', senderOffice: office, exportedAt: now, period: s.periodName, extra: q.kind ? { item_kind: q.kind } : {} },
    sheets: [
      {
        name: '汇总表',
        title: `${s.periodName}工作进展汇总表`,
        subtitleLeft: `制表单位：${office}`,
        subtitleRight: chineseToday(now),
        columns: COLUMNS,
        rows: s.rows.map(summaryCells),
        notes: s.rows.length ? [note(s), legend(s)] : [`注：没有符合条件的条目（本期共 ${s.total} 项）。`],
      },
    ],
  });
  return { fileName: safeFileName(`${s.periodName}_工作进展汇总表`), bytes };
}
