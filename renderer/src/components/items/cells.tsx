import { Badge } from '@mantine/core';
import type { ItemRow, ItemStatus } from '../../../../shared/contract/schemas/items';
import { STATUS_META, todayIso } from './labels';

/** A status chip: symbol and word, colour only as a help. */
export function StatusChip({ status }: { status: ItemStatus }) {
  const m = STATUS_META[status];
  return (
    <Badge variant="light" color={m.color} size="sm" radius="sm" fw={500} styles={{ label: { textTransform: 'none' } }}>
      {m.symbol} {m.word}
    </Badge>
  );
}

/** True when the deadline has passed and the item is not done. */
export function isOverdue(row: Pick<ItemRow, 'deadlineDate' | 'status'>, today = todayIso()): boolean {
  return !!row.deadlineDate && row.deadlineDate < today && row.status !== 'done';
}

/** The deadline as written; a passed one says 逾期 in words. */
export function DeadlineCell({ row }: { row: ItemRow }) {
  if (!isOverdue(row)) return <>{row.deadlineText}</>;
  return (
    <span className="qd-overdue">
      <span className="qd-overdue-tag">▲逾期</span> {row.deadlineText}
    </span>
  );
}

/** A thin bar with the number beside it. */
export function ProgressCell({ value }: { value: number }) {
  return (
    <span className="qd-progress">
      <span className="qd-progress-bar">
        <span className="qd-progress-fill" style={{ width: `${value}%` }} />
      </span>
      <span className="qd-progress-num">{value}%</span>
    </span>
  );
}
