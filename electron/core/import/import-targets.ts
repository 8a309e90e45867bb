import type { QuantityTarget } from '../parse/quantity';
import { targetRows } from '../targets/target-rows';
import type { ApplyEnv } from './import-apply';

interface TargetRow {
  id: number;
  label: string;
  comparator: string | null;
  value: number;
  unit: string;
  raw_text: string;
}

const sameTargets = (a: readonly Omit<TargetRow, 'id'>[], b: readonly Omit<TargetRow, 'id'>[]) =>
  a.length === b.length && a.every((t, i) => t.label === b[i].label && t.comparator === b[i].comparator && t.value === b[i].value && t.unit === b[i].unit && t.raw_text === b[i].raw_text);

/**
 * Stores the quantitative targets an import read for an item, inside its batch: a new item's as
 * owned rows, an existing item's (`replace`) through the recorder and only when the draft brings
 * different ones. A draft without targets leaves them alone.
 */
export function writeTargets(env: Pick<ApplyEnv, 'sql' | 'rec' | 'owned'>, itemId: number, targets: readonly QuantityTarget[] | undefined, replace: boolean): void {
  if (!targets || targets.length === 0) return;
  const next = targetRows(targets);
  if (!replace) {
    next.forEach((t) => env.owned.add('item_targets', { item_id: itemId, ...t }));
    return;
  }
  const old = env.sql('SELECT id, label, comparator, value, unit, raw_text FROM item_targets WHERE item_id = ? ORDER BY sort, id').all(itemId) as TargetRow[];
  if (sameTargets(old, next)) return;
  old.forEach((t) => env.rec.remove('item_targets', { id: t.id }));
  next.forEach((t) => env.rec.insert('item_targets', { item_id: itemId, ...t }));
}
