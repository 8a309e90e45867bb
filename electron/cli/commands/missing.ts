import type { MissingUnit } from '../../../shared/contract/schemas/periods';
import type { Command } from '../command';
import { parseCli } from './import-support';
import { periodId, withCore, writeOut } from './cycle-support';

const STATE: Record<MissingUnit['state'], string> = { not_returned: '未报送', partial: '部分报送', not_issued: '未下发模板' };

/** `missing --period <p> --db [--out file]`: 催报 — who has not reported, and how late. */
export const missingCommand: Command = {
  summary: '催报：列出本期未报送的单位和逾期天数，可导出为 Excel',
  usage: 'missing --period <期次> --db <数据库> [--today 2025-07-03] [--out <文件.xlsx>] [--json]',
  async run(args) {
    const { values } = parseCli(args, { db: { type: 'string' }, period: { type: 'string' }, today: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } });
    return withCore(values.db, async (core) => {
      const input = { periodId: periodId(core.ctx, values.period), today: values.today };
      const report = await core.call('periods:missing', input);
      if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else {
        const c = report.counts;
        console.log(`「${report.period.name}」报送截止 ${report.period.dueDate}${report.daysPastDue ? `，已逾期 ${report.daysPastDue} 天` : ''}：已下发 ${c.issued} 个单位，已报送 ${c.returned}，未报送 ${c.notReturned}，部分报送 ${c.partial}，未下发模板 ${c.notIssued}`);
        for (const u of report.units) {
          const rows = u.issuedRows ? `（${u.reportedRows}/${u.issuedRows} 项）` : `（${u.itemCount} 项）`;
          console.log(`  ${u.unitName}\t${STATE[u.state]}${rows}${u.daysLate ? `\t逾期 ${u.daysLate} 天` : ''}${u.phone ? `\t${u.contact} ${u.phone}` : ''}`);
        }
      }
      if (values.out) {
        const file = await core.call('periods:missing-export', input);
        console.log(`催报名单已保存到 ${writeOut(values.out, file.bytes)}`);
      }
      return 0;
    });
  },
};
