import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/contract/errors';
import type { TargetProgress, TargetProgressRow } from '../../../shared/contract/schemas/targets';
import type { Comparator } from '../parse/quantity';
import { completionRatio, formatQuantity, formatTarget, reportedInTargetUnit, targetMet } from './ratio';

interface ItemBits {
  id: number;
  kind: TargetProgress['kind'];
  assign_mode: 'lead' | 'joint';
  comparator: Comparator | null;
  target_value: number | null;
  target_unit: string;
  baseline_value: number | null;
  actual_value: number | null;
}

interface TargetBits {
  label: string;
  comparator: Comparator | null;
  value: number;
  unit: string;
  raw_text: string;
}

/** The latest period's 完成值 of an item: the sum of units' shares for 按职责分工 items, else the largest. */
export function latestCompletedValue(db: Database, itemId: number, joint: boolean): { value: number; periodName: string } | null {
  const rows = db
    .prepare<[number], { period_id: number; name: string; completed_value: number }>(
      `SELECT r.period_id, p.name, r.completed_value FROM reports r JOIN periods p ON p.id = r.period_id
       WHERE r.item_id = ? AND r.completed_value IS NOT NULL ORDER BY p.start_date DESC, p.id DESC`,
    )
    .all(itemId);
  if (!rows.length) return null;
  const latest = rows.filter((r) => r.period_id === rows[0].period_id).map((r) => r.completed_value);
  const value = joint ? latest.reduce((a, b) => a + b, 0) : Math.max(...latest);
  return { value, periodName: rows[0].name };
}

function row(t: TargetBits, reported: number | null, baseline: number | null): TargetProgressRow {
  const value = reported === null ? null : reportedInTargetUnit(reported, { value: t.value, rawText: t.raw_text });
  return {
    label: t.label,
    comparator: t.comparator,
    value: t.value,
    unit: t.unit,
    display: formatTarget(t.comparator, t.value, t.unit),
    rawText: t.raw_text,
    reported: value,
    reportedDisplay: value === null ? '' : formatQuantity(value, t.unit),
    ratio: completionRatio(t.comparator, t.value, value, baseline),
    met: targetMet(t.comparator, t.value, value),
  };
}

function summaryOf(first: TargetProgressRow | undefined, periodName: string | null): string {
  if (!first) return '没有量化目标';
  const name = first.label ? `${first.label} ` : '';
  if (first.ratio === null) return `${name}目标 ${first.display}，尚未报送完成值`;
  const when = periodName ? `（${periodName}）` : '';
  return `${name}已完成 ${first.reportedDisplay}${when}，目标 ${first.display}，完成 ${Math.round(first.ratio * 100)}%`;
}

/**
 * An item's targets with the completion ratio of what was reported: for an indicator its actual
 * value against its own target; for other items the latest report's 完成值 against the first target.
 */
export function targetProgress(db: Database, itemId: number): TargetProgress {
  const item = db.prepare<[number], ItemBits>(
    'SELECT id, kind, assign_mode, comparator, target_value, target_unit, baseline_value, actual_value FROM items WHERE id = ?',
  ).get(itemId);
  if (!item) throw new AppError('not_found', `条目（编号 ${itemId}）不存在`);
  const stored = db
    .prepare<[number], TargetBits>("SELECT label, comparator, value, unit, raw_text FROM item_targets WHERE item_id = ? AND scope = 'own' ORDER BY sort, id")
    .all(itemId);
  if (item.kind === 'indicator' && item.target_value !== null) {
    const own: TargetBits = { label: '', comparator: item.comparator, value: item.target_value, unit: item.target_unit, raw_text: '' };
    const rows = [row(own, item.actual_value, item.baseline_value), ...stored.map((t) => row(t, null, null))];
    const source = item.actual_value === null ? null : 'indicator';
    return { itemId, kind: item.kind, targets: rows, source, periodName: null, ratio: rows[0].ratio, summary: summaryOf(rows[0], null) };
  }
  const latest = latestCompletedValue(db, itemId, item.assign_mode === 'joint');
  const rows = stored.map((t, n) => row(t, n === 0 ? (latest?.value ?? null) : null, null));
  return {
    itemId,
    kind: item.kind,
    targets: rows,
    source: latest && rows.length ? 'report' : null,
    periodName: latest?.periodName ?? null,
    ratio: rows[0]?.ratio ?? null,
    summary: summaryOf(rows[0], latest?.periodName ?? null),
  };
}
