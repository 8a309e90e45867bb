import type { EvaluationRow } from '../../../../shared/contract/schemas/evaluation';

/** A column of the 考评 table: what it shows, how it sorts (the page, the print). */
export interface EvalColumn {
  key: string;
  label: string;
  /** Sort value; higher is "more". */
  value(r: EvaluationRow): number | string;
  text(r: EvaluationRow): string;
  width: number;
}

const n = (v: number | null) => (v === null ? '—' : String(v));

export const EVAL_COLUMNS: EvalColumn[] = [
  { key: 'rank', label: '名次', value: (r) => r.rank, text: (r) => String(r.rank), width: 5 },
  { key: 'unit', label: '单位', value: (r) => r.unitName, text: (r) => r.unitName, width: 15 },
  { key: 'expected', label: '应报', value: (r) => r.expected, text: (r) => String(r.expected), width: 5 },
  { key: 'onTime', label: '按时', value: (r) => r.onTime, text: (r) => String(r.onTime), width: 5 },
  { key: 'late', label: '逾期报', value: (r) => r.late, text: (r) => String(r.late), width: 5.5 },
  { key: 'missing', label: '未报', value: (r) => r.missing, text: (r) => String(r.missing), width: 5 },
  { key: 'rate', label: '按时率%', value: (r) => r.onTimeRate ?? -1, text: (r) => n(r.onTimeRate), width: 6.5 },
  { key: 'red', label: '红灯', value: (r) => r.red, text: (r) => String(r.red), width: 5 },
  { key: 'yellow', label: '黄灯', value: (r) => r.yellow, text: (r) => String(r.yellow), width: 5 },
  { key: 'green', label: '绿灯', value: (r) => r.green, text: (r) => String(r.green), width: 5 },
  { key: 'greenShare', label: '绿灯占比%', value: (r) => r.greenShare ?? -1, text: (r) => n(r.greenShare), width: 7 },
  { key: 'overdue', label: '逾期事项', value: (r) => r.overdueItems, text: (r) => String(r.overdueItems), width: 6 },
  { key: 'ext', label: '延期申请/获批', value: (r) => r.extensionsApproved * 1000 + r.extensionsRequested, text: (r) => `${r.extensionsRequested}/${r.extensionsApproved}`, width: 8 },
  { key: 'urged', label: '被催办', value: (r) => r.urged, text: (r) => String(r.urged), width: 5.5 },
  { key: 'score', label: '得分', value: (r) => r.score, text: (r) => r.score.toFixed(1), width: 6 },
  { key: 'list', label: '榜单', value: (r) => (r.list === 'commend' ? 2 : r.list === 'criticise' ? 0 : 1), text: (r) => (r.list === 'commend' ? '红榜' : r.list === 'criticise' ? '黄榜' : ''), width: 5.5 },
];

export interface EvalSort {
  key: string;
  desc: boolean;
}

/** Ranked order (score) by default; another column sorts by it, ties kept in ranked order. */
export function sortRows(rows: readonly EvaluationRow[], sort: EvalSort): EvaluationRow[] {
  const col = EVAL_COLUMNS.find((c) => c.key === sort.key);
  if (!col || col.key === 'rank' || col.key === 'score') return sort.desc === (col?.key === 'rank') ? [...rows].reverse() : [...rows];
  const dir = sort.desc ? -1 : 1;
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const x = col.value(a.r);
      const y = col.value(b.r);
      const c = typeof x === 'string' ? x.localeCompare(String(y), 'zh-CN') : x - (y as number);
      return c * dir || a.i - b.i;
    })
    .map((o) => o.r);
}
