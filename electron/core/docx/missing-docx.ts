import type { Paragraph, Table } from 'docx';
import type { MissingReport } from '../../../shared/contract/schemas/periods';
import { chineseDate, chineseToday } from '../exchange/doc-format';
import { stateText } from '../exchange/missing-export';
import { gongwenTable, type GongwenColumn } from './gongwen-table';
import { SIZE, TEXT_WIDTH, blankLine, gongwenSection, packGongwen, paragraph, titleParagraph } from './gongwen';

const COLUMNS: GongwenColumn[] = [
  { header: '序号', width: 650, align: 'center' },
  { header: '单位', width: TEXT_WIDTH.portrait - 650 - 1000 - 1500 - 2300 - 1150 },
  { header: '联系人', width: 1000, align: 'center' },
  { header: '联系电话', width: 1500, align: 'center' },
  { header: '报送情况', width: 2300, align: 'center' },
  { header: '逾期天数', width: 1150, align: 'center' },
];

/** The 催报 list as a short document: title, due date and counts, the table of units, office and date. */
export async function writeMissingDocx(report: MissingReport, office: string, now: Date): Promise<Uint8Array<ArrayBuffer>> {
  const p = report.period;
  const c = report.counts;
  const late = report.daysPastDue > 0 ? `，已逾期 ${report.daysPastDue} 天` : '，尚未到截止日';
  const title = `${p.name}未报送单位名单`;
  const rows = report.units.map((u, i) => ({
    cells: [String(i + 1), u.unitName, u.contact, u.phone, stateText(u), u.daysLate ? String(u.daysLate) : ''],
  }));
  const out: (Paragraph | Table)[] = [
    titleParagraph(title),
    paragraph(`本期报送截止时间为${chineseDate(p.dueDate)}${late}。已下发模板 ${c.issued} 个单位，已报送 ${c.returned} 个，未报送 ${c.notReturned} 个，部分报送 ${c.partial} 个；另有 ${c.notIssued} 个单位牵头或负责任务但本期未下发模板。统计截至${chineseDate(report.today)}。`),
    gongwenTable(COLUMNS, rows, SIZE.wuhao),
    blankLine(),
    paragraph(office, 'body', { align: 'right', rightIndent: 640 }),
    paragraph(chineseToday(now), 'body', { align: 'right', rightIndent: 1280 }),
  ];
  return packGongwen([gongwenSection(out)], { title, creator: office });
}
