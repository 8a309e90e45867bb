import type { ReturnClosure } from '../../../../shared/contract/schemas/exchange';
import { ReturnRequestTable } from './ReturnRequestTable';

/** 申请办结 read from a returned file: recorded as closure requests (待办结确认) on import. */
export function ReturnClosures({ rows }: { rows: readonly ReturnClosure[] | undefined }) {
  if (!rows?.length) return null;
  return (
    <ReturnRequestTable
      testId="return-closures"
      caption={`申请办结 ${rows.length} 项（导入后为「待办结确认」，在清单中按办结筛选后逐项确认）`}
      heads={['办结文号', '佐证材料/说明']}
      rows={rows.map((r) => ({ ...r, cells: [r.docNo || '—', r.evidence] }))}
    />
  );
}
