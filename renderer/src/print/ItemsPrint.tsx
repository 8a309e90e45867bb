import { useEffect, useMemo } from 'react';
import { ITEM_KIND_LABELS, ITEM_STATUS_LABELS, ROLE_LABELS } from '../../../shared/contract/schemas/items';
import { call } from '../api/client';
import { DEFAULT_PRINT_COLUMNS, lightText, printColumns, type PrintColumn, type PrintRow } from './item-print-columns';
import { PageRule } from './PageRule';
import type { ItemsPrintRequest } from './print-route';
import { chineseDate, usePrintData } from './use-print-data';
import { PrintTableHead } from './PrintTableHead';

/** Largest list printed at once (a formal print of more is not useful on paper). */
const MAX_ROWS = 20000;
/** Largest id list lights:for-items takes. */
const LIGHT_CHUNK = 5000;

interface Loaded {
  office: string;
  filter: string;
  total: number;
  rows: PrintRow[];
}

/** Lights (●红 …) for the rows, judged by the core under the office's scheme; none if they cannot be had. */
async function withLights(rows: PrintRow[]): Promise<PrintRow[]> {
  const symbols = new Map<number, string>();
  try {
    for (let i = 0; i < rows.length; i += LIGHT_CHUNK) {
      const r = await call('lights:for-items', { ids: rows.slice(i, i + LIGHT_CHUNK).map((x) => x.id) });
      for (const l of Object.values(r.lights)) symbols.set(l.id, l.symbol);
    }
  } catch {
    return rows;
  }
  return rows.map((r) => ({ ...r, light: symbols.get(r.id) }));
}

/** 筛选：方案 …；单位 …（牵头）；状态 …；关键词 … */
async function describeFilter(r: ItemsPrintRequest): Promise<string> {
  const parts: string[] = [];
  if (r.planId) {
    const plan = (await call('plans:list', {})).find((p) => p.id === r.planId);
    const section = plan?.sections.find((s) => s.id === r.sectionId);
    parts.push(`方案：${plan?.title ?? r.planId}${section ? ` ${section.name}` : ''}`);
  }
  if (r.unitId) {
    const name = (await call('units:list', {})).find((u) => u.id === r.unitId)?.name ?? String(r.unitId);
    parts.push(`单位：${name}${r.role ? `（${ROLE_LABELS[r.role]}）` : ''}`);
  } else if (r.role) parts.push(`角色：${ROLE_LABELS[r.role]}`);
  if (r.statuses?.length) parts.push(`状态：${r.statuses.map((s) => ITEM_STATUS_LABELS[s]).join('、')}`);
  if (r.origin) parts.push(r.origin === 'upper' ? '上级下发' : '本级新增');
  if (r.overdue) parts.push('逾期未完成');
  if (r.deadlineFrom || r.deadlineTo) parts.push(`完成时限：${r.deadlineFrom ?? ''}至${r.deadlineTo ?? ''}`);
  if (r.keyword) parts.push(`关键词：${r.keyword}`);
  return parts.length ? `筛选：${parts.join('；')}` : '全部';
}

async function load(r: ItemsPrintRequest): Promise<Loaded> {
  const info = await call('app:info', {});
  const page = await call('items:list', {
    kind: r.kind,
    planId: r.planId,
    sectionId: r.sectionId,
    unitId: r.unitId,
    role: r.role,
    statuses: r.statuses?.length ? [...r.statuses] : undefined,
    keyword: r.keyword || undefined,
    overdue: r.overdue || undefined,
    deadlineFrom: r.deadlineFrom,
    deadlineTo: r.deadlineTo,
    origin: r.origin,
    sort: r.sort,
    desc: r.desc,
    limit: MAX_ROWS,
  });
  return { office: info.office.name, filter: await describeFilter(r), total: page.total, rows: await withLights(page.rows) };
}

function Cell({ col, row, index }: { col: PrintColumn; row: PrintRow; index: number }) {
  const cls = col.align === 'center' ? 'qd-center' : col.align === 'right' ? 'qd-right' : undefined;
  return <td className={cls}>{col.text(row, index)}</td>;
}

/** Formal print of a list: office, title, filter and date, then the table with its header on every page. */
export function ItemsPrint({ request, onReady }: { request: ItemsPrintRequest; onReady(title: string): void }) {
  const key = JSON.stringify(request);
  const { data, error } = usePrintData(() => load(request), [key]);
  const title = request.title || `${ITEM_KIND_LABELS[request.kind]}清单`;
  const columns = useMemo(() => {
    const keys = request.columns?.length ? request.columns : DEFAULT_PRINT_COLUMNS[request.kind];
    const cols = printColumns(request.kind, keys);
    // A light column is printed only when the rows carry lights.
    return data && !data.rows.some((r) => lightText(r)) ? cols.filter((c) => c.key !== 'light') : cols;
  }, [request.columns, request.kind, data]);
  const weight = columns.reduce((n, c) => n + c.weight, 0);
  useEffect(() => {
    if (data) onReady(title);
  }, [data, title, onReady]);
  if (error) return <p className="qd-print-empty">{error}</p>;
  if (!data) return <p className="qd-print-empty">正在准备打印内容…</p>;
  return (
    <div className="qd-print qd-print-list" data-print-ready="true" data-rows={data.rows.length}>
      <PageRule orientation="landscape" />
      {data.office && <p className="qd-print-office">{data.office}</p>}
      <h1>{title}</h1>
      <div className="qd-print-meta">
        <span>{data.filter}</span>
        <span>共 {data.total} 项{data.total > data.rows.length ? `（打印前 ${data.rows.length} 项）` : ''}</span>
        <span>制表日期：{chineseDate(new Date())}</span>
      </div>
      <table className="qd-print-table">
        <PrintTableHead columns={columns.map((c) => ({ key: c.key, label: c.label, width: Number(((c.weight / weight) * 100).toFixed(2)) }))} />
        <tbody>
          {data.rows.map((row, i) => (
            <tr key={row.id}>
              {columns.map((c) => (
                <Cell key={c.key} col={c} row={row} index={i} />
              ))}
            </tr>
          ))}
          {data.rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="qd-print-empty">没有符合条件的条目</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
