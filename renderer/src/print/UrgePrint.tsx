import { useEffect } from 'react';
import type { Urge } from '../../../shared/contract/schemas/followup';
import { call } from '../api/client';
import { PageRule } from './PageRule';
import { chineseDate, usePrintData } from './use-print-data';
import { PrintTableHead } from './PrintTableHead';

/** Address of the 催办单 print: the 催办 one action wrote (batch), or chosen ones. */
export function urgePrintHash(q: { batchId?: number; ids?: readonly number[] }): string {
  return q.batchId ? `#/print/urges?batchId=${q.batchId}` : `#/print/urges?ids=${(q.ids ?? []).join(',')}`;
}

async function load(q: { batchId?: number; ids?: number[] }): Promise<{ office: string; urges: Urge[] }> {
  const [info, urges] = await Promise.all([call('app:info', {}), call('urges:list', q)]);
  return { office: info.office.name, urges: [...urges].reverse() };
}

const COLUMNS = [
  { label: '序号', width: 7 },
  { label: '编号', width: 10 },
  { label: '事项', width: 45 },
  { label: '牵头单位', width: 18 },
  { label: '完成时限', width: 20 },
] as const;

/** One 催办单: to whom, what, by when, the items. Each starts a new page. */
function UrgeSheet({ u, office, first }: { u: Urge; office: string; first: boolean }) {
  return (
    <section className="qd-print-urge" style={first ? undefined : { breakBefore: 'page' }} data-testid="urge-sheet">
      {office && <p className="qd-print-office">{office}</p>}
      <h1>督办事项催办单</h1>
      <div className="qd-print-meta">
        <span>致：{u.unitName}</span>
        <span>{chineseDate(u.issuedOn)}</span>
      </div>
      <p className="qd-print-paragraph">
        催办事项：{u.content}
        {u.dueDate ? `。请于${chineseDate(u.dueDate)}前办理并将办理情况反馈${office || '本办'}。` : '。'}
      </p>
      <table className="qd-print-table">
        <PrintTableHead columns={COLUMNS} />
        <tbody>
          {u.items.map((it, i) => (
            <tr key={it.id}>
              <td className="qd-center">{i + 1}</td>
              <td className="qd-center">{it.code}</td>
              <td>{it.title}</td>
              <td>{it.lead}</td>
              <td className="qd-center">{it.deadline}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="qd-print-paragraph">共 {u.items.length} 项。催办编号：{u.id}{u.operator ? `；经办人：${u.operator}` : ''}</p>
    </section>
  );
}

/** 催办单: one A4 portrait page per unit urged. */
export function UrgePrint({ params, onReady }: { params: URLSearchParams; onReady(title: string): void }) {
  const batchId = Number(params.get('batchId')) || undefined;
  const ids = (params.get('ids') ?? '').split(',').filter((s) => /^\d+$/.test(s)).map(Number);
  const { data, error } = usePrintData(() => load(batchId ? { batchId } : { ids }), [batchId, ids.join(',')]);
  const title = data ? `催办单（${data.urges.length === 1 ? data.urges[0].unitName : `${data.urges.length} 个单位`}）` : '';
  useEffect(() => {
    if (data) onReady(title);
  }, [data, title, onReady]);
  if (error) return <p className="qd-print-empty">{error}</p>;
  if (!data) return <p className="qd-print-empty">正在准备打印内容…</p>;
  return (
    <div className="qd-print qd-print-list" data-print-ready="true" data-rows={data.urges.reduce((n, u) => n + u.items.length, 0)}>
      <PageRule orientation="portrait" />
      {data.urges.length === 0 && <p className="qd-print-empty">没有可打印的催办单</p>}
      {data.urges.map((u, i) => (
        <UrgeSheet key={u.id} u={u} office={data.office} first={i === 0} />
      ))}
    </div>
  );
}
