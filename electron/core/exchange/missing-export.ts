import type { FileOut, MissingReport, MissingUnit } from '../../../shared/contract/schemas/periods';
import { writeStyledWorkbook } from '../excel/styled/styled-workbook';
import type { StyledColumn } from '../excel/styled/types';
import { chineseDate, chineseToday, localStamp, safeFileName } from './doc-format';

const COLUMNS: StyledColumn[] = [
  { key: 'seq', header: ['序号'], width: 6, align: 'center' },
  { key: 'unitId', header: ['单位标识'], width: 8, hidden: true },
  { key: 'unit', header: ['单位'], width: 26, align: 'left' },
  { key: 'contact', header: ['联系人'], width: 10, align: 'center' },
  { key: 'phone', header: ['联系电话'], width: 15, align: 'center' },
  { key: 'state', header: ['报送情况'], width: 20, align: 'center' },
  { key: 'issuedAt', header: ['模板下发时间'], width: 19, align: 'center' },
  { key: 'issuedRows', header: ['填报项数', '应报'], width: 8, align: 'center' },
  { key: 'reportedRows', header: ['填报项数', '已报'], width: 8, align: 'center' },
  { key: 'daysLate', header: ['逾期天数'], width: 9, align: 'center' },
  { key: 'remark', header: ['催报记录'], width: 22, align: 'left' },
];

export function stateText(u: MissingUnit): string {
  if (u.state === 'not_returned') return '未报送';
  if (u.state === 'partial') return `部分报送（${u.reportedRows}/${u.issuedRows} 项）`;
  return `未下发模板（${u.itemCount} 项）`;
}

/** The printable 催报 list of a period. */
export async function exportMissing(report: MissingReport, office: string, now: Date): Promise<FileOut> {
  const p = report.period;
  const lateWords = report.daysPastDue > 0 ? `，已逾期 ${report.daysPastDue} 天` : '';
  const c = report.counts;
  const bytes = await writeStyledWorkbook({
    meta: { kind: 'missing', senderOffice: office, exportedAt: now, period: p.name, extra: { due_date: p.dueDate, today: report.today } },
    sheets: [
      {
        name: '催报名单',
        title: `${p.name}未报送单位名单`,
        subtitleLeft: `报送截止：${chineseDate(p.dueDate)}${lateWords}`,
        subtitleRight: `${office}　${chineseToday(now)}`,
        columns: COLUMNS,
        rows: report.units.map((u, i) => ({
          seq: i + 1,
          unitId: u.unitId,
          unit: u.unitName,
          contact: u.contact,
          phone: u.phone,
          state: stateText(u),
          issuedAt: u.issuedAt ? localStamp(new Date(u.issuedAt)) : '',
          issuedRows: u.issuedRows || null,
          reportedRows: u.issuedRows ? u.reportedRows : null,
          daysLate: u.daysLate || null,
          remark: '',
        })),
        notes: [`注：已下发 ${c.issued} 个单位，已报送 ${c.returned} 个，未报送 ${c.notReturned} 个，部分报送 ${c.partial} 个；另有 ${c.notIssued} 个单位有牵头或负责的任务但本期未下发模板。统计截至 ${chineseDate(report.today)}。`],
      },
    ],
  });
  return { fileName: safeFileName(`${p.name}_催报名单`), bytes };
}
