import { useEffect } from 'react';
import type { MissingReport } from '../../../shared/contract/schemas/periods';
import { call } from '../api/client';
import { lateText, missingStateText } from '../components/dispatch/missing-labels';
import { PageRule } from './PageRule';
import { chineseDate, usePrintData } from './use-print-data';
import { PrintTableHead } from './PrintTableHead';

/** Address of the 催报 list print. */
export function missingPrintHash(periodId: number): string {
  return `#/print/missing?periodId=${periodId}`;
}

async function load(periodId: number): Promise<{ office: string; report: MissingReport }> {
  const [info, report] = await Promise.all([call('app:info', {}), call('periods:missing', { periodId })]);
  return { office: info.office.name, report };
}

const COLUMNS = [
  { label: '序号', width: 7 },
  { label: '单位', width: 28 },
  { label: '报送情况', width: 20 },
  { label: '逾期', width: 15 },
  { label: '联系人', width: 11 },
  { label: '电话', width: 19 },
] as const;

/** 催报单: units that owe a period's report, as an A4 portrait list. */
export function MissingPrint({ periodId, onReady }: { periodId: number; onReady(title: string): void }) {
  const { data, error } = usePrintData(() => load(periodId), [periodId]);
  const title = data ? `${data.report.period.name}催报单` : '';
  useEffect(() => {
    if (data) onReady(title);
  }, [data, title, onReady]);
  if (error) return <p className="qd-print-empty">{error}</p>;
  if (!data) return <p className="qd-print-empty">正在准备打印内容…</p>;
  const { report } = data;
  const c = report.counts;
  return (
    <div className="qd-print qd-print-list" data-print-ready="true" data-rows={report.units.length}>
      <PageRule orientation="portrait" />
      {data.office && <p className="qd-print-office">{data.office}</p>}
      <h1>{title}</h1>
      <div className="qd-print-meta">
        <span>
          报送截止：{chineseDate(report.period.dueDate)}
          {report.daysPastDue > 0 ? `（已逾期 ${report.daysPastDue} 天）` : ''}；已下发 {c.issued} 个单位，已报 {c.returned} 个
        </span>
        <span>制表日期：{chineseDate(new Date())}</span>
      </div>
      <table className="qd-print-table">
        <PrintTableHead columns={COLUMNS} />
        <tbody>
          {report.units.map((u, i) => (
            <tr key={u.unitId}>
              <td className="qd-center">{i + 1}</td>
              <td>{u.unitName}</td>
              <td>{missingStateText(u)}</td>
              <td className="qd-center">{lateText(u)}</td>
              <td className="qd-center">{u.contact}</td>
              <td className="qd-center">{u.phone}</td>
            </tr>
          ))}
          {report.units.length === 0 && (
            <tr>
              <td colSpan={COLUMNS.length} className="qd-print-empty">本期没有需要催报的单位</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
