import type { EvaluationRow, EvaluationTable } from '../../../shared/contract/schemas/evaluation';
import { chineseToday, safeFileName } from '../exchange/doc-format';
import { writeStyledWorkbook } from '../excel/styled/styled-workbook';
import type { StyledColumn } from '../excel/styled/types';
import { formulaText } from '../../../shared/contract/schemas/evaluation';

const num = (v: number | null) => (v === null ? '—' : v);

const TABLE_COLUMNS: StyledColumn[] = [
  { key: 'rank', header: ['名次'], width: 6, align: 'center' },
  { key: 'unit', header: ['单位'], width: 22, align: 'left' },
  { key: 'expected', header: ['报送情况', '应报'], width: 6, align: 'center' },
  { key: 'onTime', header: ['报送情况', '按时'], width: 6, align: 'center' },
  { key: 'late', header: ['报送情况', '逾期报送'], width: 9, align: 'center' },
  { key: 'missing', header: ['报送情况', '未报送'], width: 8, align: 'center' },
  { key: 'rate', header: ['报送情况', '按时率%'], width: 9, align: 'center' },
  { key: 'red', header: ['亮灯（灯次）', '红'], width: 6, align: 'center' },
  { key: 'yellow', header: ['亮灯（灯次）', '黄'], width: 6, align: 'center' },
  { key: 'green', header: ['亮灯（灯次）', '绿'], width: 6, align: 'center' },
  { key: 'greenShare', header: ['亮灯（灯次）', '绿灯占比%'], width: 10, align: 'center' },
  { key: 'overdue', header: ['逾期事项'], width: 8, align: 'center' },
  { key: 'extReq', header: ['延期', '申请'], width: 6, align: 'center' },
  { key: 'extOk', header: ['延期', '获批'], width: 6, align: 'center' },
  { key: 'urged', header: ['被催办'], width: 8, align: 'center' },
  { key: 'score', header: ['得分'], width: 8, align: 'center', numFmt: '0.0' },
  { key: 'list', header: ['榜单'], width: 8, align: 'center' },
];

const LIST_COLUMNS: StyledColumn[] = [
  { key: 'list', header: ['榜单'], width: 8, align: 'center' },
  { key: 'rank', header: ['名次'], width: 6, align: 'center' },
  { key: 'unit', header: ['单位'], width: 24, align: 'left' },
  { key: 'score', header: ['得分'], width: 8, align: 'center', numFmt: '0.0' },
  { key: 'why', header: ['说明'], width: 40, align: 'left', growTo: 60 },
];

export const LIST_LABEL = { commend: '红榜', criticise: '黄榜' } as const;

/** Why a unit is on its list, in one line. */
export function listWhy(r: EvaluationRow): string {
  if (r.list === 'commend') return `按时报送率 ${num(r.onTimeRate)}%，绿灯占比 ${num(r.greenShare)}%`;
  return r.listReasons.join('；');
}

/** The 考评 table and the 红黄榜 as a styled workbook: sheets 考评 and 红黄榜. */
export async function exportEvaluation(t: EvaluationTable, office: string, now: Date): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }> {
  const range = t.periods.length > 1 ? `${t.periods[0].name}至${t.periods[t.periods.length - 1].name}` : (t.periods[0]?.name ?? '');
  const listed = [...t.rows.filter((r) => r.list === 'commend'), ...t.rows.filter((r) => r.list === 'criticise')];
  const bytes = await writeStyledWorkbook({
    meta: { kind: 'evaluation', senderOffice: office, exportedAt: now, extra: { periods: t.periods.map((p) => p.id).join(','), scope: t.scope } },
    sheets: [
      {
        name: '考评',
        title: `${range}单位考评表`,
        subtitleLeft: `范围：${t.scope}`,
        subtitleRight: `${office}　${chineseToday(now)}`,
        columns: TABLE_COLUMNS,
        rows: t.rows.map((r) => ({
          rank: r.rank, unit: r.unitName, expected: r.expected, onTime: r.onTime, late: r.late, missing: r.missing, rate: num(r.onTimeRate),
          red: r.red, yellow: r.yellow, green: r.green, greenShare: num(r.greenShare), overdue: r.overdueItems,
          extReq: r.extensionsRequested, extOk: r.extensionsApproved, urged: r.urged, score: r.score, list: r.list ? LIST_LABEL[r.list] : '',
        })),
        notes: [`注：${formulaText(t.weights)}。`, `逾期事项计至 ${t.asOf}。`],
      },
      {
        name: '红黄榜',
        title: `${range}红黄榜`,
        subtitleLeft: `范围：${t.scope}`,
        subtitleRight: `${office}　${chineseToday(now)}`,
        columns: LIST_COLUMNS,
        rows: listed.map((r) => ({ list: LIST_LABEL[r.list!], rank: r.rank, unit: r.unitName, score: r.score, why: listWhy(r) })),
        notes: [`注：红榜为前 ${t.weights.commendTopN || '全部'} 名且得分不低于 ${t.weights.commendMinScore} 分；黄榜为排名后 ${t.weights.criticiseBottomN} 位、得分低于 ${t.weights.criticiseBelowScore} 分或红灯超过 ${t.weights.criticiseRedLights} 个。`],
      },
    ],
  });
  return { fileName: safeFileName(`单位考评_${range}_${chineseToday(now)}`), bytes };
}
