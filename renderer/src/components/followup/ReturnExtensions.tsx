import { Badge } from '@mantine/core';
import type { ReturnExtension } from '../../../../shared/contract/schemas/exchange';
import { ReturnRequestTable } from './ReturnRequestTable';

/** 申请延期 read from a returned file: recorded as pending requests on import, late ones marked. */
export function ReturnExtensions({ rows }: { rows: readonly ReturnExtension[] | undefined }) {
  if (!rows?.length) return null;
  return (
    <ReturnRequestTable
      testId="return-extensions"
      caption={`申请延期 ${rows.length} 项（导入后在「概览 · 延期待审批」中审批）`}
      heads={['现完成时限', '申请延期至', '理由']}
      rows={rows.map((r) => ({
        ...r,
        cells: [
          r.deadline || '—',
          <>
            {r.requestedDate}
            {r.late && <Badge ml={4} size="xs" color="red" variant="light">▲逾期申请</Badge>}
          </>,
          r.reason,
        ],
      }))}
    />
  );
}
