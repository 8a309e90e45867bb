import { Badge } from '@mantine/core';
import type { ItemRow, ItemStatus } from '../../../../shared/contract/schemas/items';
import type { ItemLight } from '../../../../shared/contract/schemas/lights';
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

const LIGHT_COLORS: Record<string, string> = { 红: 'red', 黄: 'yellow', 橙: 'orange', 蓝: 'blue', 绿: 'green' };

/** A light as symbol and colour word (●红), so it reads without colour too; the reason on hover. */
export function LightChip({ light }: { light: ItemLight | undefined }) {
  if (!light) return null;
  return (
    <Badge variant="light" color={LIGHT_COLORS[light.light] ?? 'gray'} size="sm" radius="sm" fw={500} title={light.reason} styles={{ label: { textTransform: 'none' } }}>
      {light.symbol}
    </Badge>
  );
}
