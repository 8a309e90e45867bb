import { useEffect } from 'react';
import { EvaluationWeightsSchema, formulaText, type EvaluationTable, type EvaluationWeights } from '../../../shared/contract/schemas/evaluation';
import { ITEM_KINDS, type ItemKind } from '../../../shared/contract/schemas/items';
import { call } from '../api/client';
import { EVAL_COLUMNS } from '../components/evaluation/evaluation-columns';
import { PageRule } from './PageRule';
import { PrintTableHead } from './PrintTableHead';
import { chineseDate, usePrintData } from './use-print-data';

/** Address of the 考评 print: the range, the plan and the weights the page shows. */
export function evaluationPrintHash(c: { fromId: number; toId: number; planId: number | null; kind: ItemKind | null; weights: EvaluationWeights }): string {
  const p = new URLSearchParams({ from: String(c.fromId), to: String(c.toId), weights: JSON.stringify(c.weights) });
  if (c.planId) p.set('planId', String(c.planId));
  if (c.kind) p.set('kind', c.kind);
  return `#/print/evaluation?${p.toString()}`;
}

function readWeights(raw: string | null): EvaluationWeights | undefined {
  try {
    const r = EvaluationWeightsSchema.safeParse(JSON.parse(raw ?? ''));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

const readKind = (v: string | null): ItemKind | undefined => ((ITEM_KINDS as readonly string[]).includes(v ?? '') ? (v as ItemKind) : undefined);

async function load(params: URLSearchParams): Promise<{ office: string; table: EvaluationTable }> {
  const num = (k: string) => Number(params.get(k) ?? '0');
  const [info, table] = await Promise.all([
    call('app:info', {}),
    call('evaluation:table', { fromPeriodId: num('from'), toPeriodId: num('to'), planId: params.get('planId') ? num('planId') : undefined, kind: readKind(params.get('kind')), weights: readWeights(params.get('weights')) }),
  ]);
  return { office: info.office.name, table };
}

/** 单位考评表 and 红黄榜 on A4 landscape, the header row repeated on every page. */
export function EvaluationPrint({ params, onReady }: { params: URLSearchParams; onReady(title: string): void }) {
  const { data, error } = usePrintData(() => load(params), [params.toString()]);
  const ps = data?.table.periods ?? [];
  const range = ps.length > 1 ? `${ps[0].name}至${ps[ps.length - 1].name}` : (ps[0]?.name ?? '');
  const title = data ? `${range}单位考评表` : '';
  useEffect(() => {
    if (data) onReady(title);
  }, [data, title, onReady]);
  if (error) return <p className="qd-print-empty">{error}</p>;
  if (!data) return <p className="qd-print-empty">正在准备打印内容…</p>;
  const { table } = data;
  const listed = (l: 'commend' | 'criticise') => table.rows.filter((r) => r.list === l);
  return (
    <div className="qd-print qd-print-list" data-print-ready="true" data-rows={table.rows.length}>
      <PageRule orientation="landscape" />
      {data.office && <p className="qd-print-office">{data.office}</p>}
      <h1>{title}</h1>
      <div className="qd-print-meta">
        <span>范围：{table.scope}；逾期事项计至{chineseDate(table.asOf)}</span>
        <span>制表日期：{chineseDate(new Date())}</span>
      </div>
      <table className="qd-print-table">
        <PrintTableHead columns={EVAL_COLUMNS} />
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.unitId}>
              {EVAL_COLUMNS.map((c) => (
                <td key={c.key} className={c.key === 'unit' ? undefined : 'qd-center'}>{c.text(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p style={{ fontSize: '10.5pt', margin: '4pt 0 8pt' }}>注：{formulaText(table.weights)}。灯数为各期合计（灯次）。</p>
      <h2 style={{ fontFamily: 'var(--qd-font-hei)', fontWeight: 'normal', fontSize: '14pt', margin: '8pt 0 4pt', breakAfter: 'avoid' }}>红黄榜</h2>
      <p style={{ margin: '0 0 4pt' }}>红榜：{listed('commend').map((r) => `${r.unitName}（${r.score.toFixed(1)}分）`).join('、') || '无'}。</p>
      <p style={{ margin: 0 }}>黄榜：{listed('criticise').map((r) => `${r.unitName}（${r.listReasons.join('，')}）`).join('；') || '无'}。</p>
    </div>
  );
}
