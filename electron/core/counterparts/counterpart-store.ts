import type { Database } from 'better-sqlite3';
import type { Counterpart } from '../../../shared/contract/schemas/counterparts';
import type { Office } from '../../../shared/contract/schemas/office';
import { suggestCounterpart } from './suggest-names';

interface KeptRow {
  upper_name: string;
  unit_id: number | null;
  local_name: string | null;
  confirmed: number;
}

/** Units named on upper items, with how many upper items name each. */
export function upperUnits(db: Database): { id: number; name: string; items: number }[] {
  return db
    .prepare<[], { id: number; name: string; items: number }>(
      `SELECT u.id, u.name, count(DISTINCT iu.item_id) AS items FROM item_units iu JOIN units u ON u.id = iu.unit_id
       JOIN items i ON i.id = iu.item_id WHERE i.origin = 'upper' GROUP BY u.id ORDER BY min(i.seq), u.id`,
    )
    .all();
}

export function keptCounterparts(db: Database): Map<string, KeptRow> {
  const rows = db
    .prepare<[], KeptRow>('SELECT c.upper_name, c.unit_id, u.name AS local_name, c.confirmed FROM counterpart_units c LEFT JOIN units u ON u.id = c.unit_id')
    .all();
  return new Map(rows.map((r) => [r.upper_name, r]));
}

/** The directory's names a counterpart may be: every unit not named on upper items. */
function localDirectory(db: Database, upper: ReadonlySet<string>): string[] {
  return db.prepare<[], { name: string }>('SELECT name FROM units ORDER BY sort, id').all().map((r) => r.name).filter((n) => !upper.has(n));
}

/** The 对口单位 table: kept rows as the user confirmed them, suggestions for every other upper unit. */
export function listCounterparts(db: Database, office: Office): Counterpart[] {
  const uppers = upperUnits(db);
  const kept = keptCounterparts(db);
  const directory = localDirectory(db, new Set(uppers.map((u) => u.name)));
  const unitId = db.prepare<[string], { id: number }>('SELECT id FROM units WHERE name = ?');
  const rows: Counterpart[] = uppers.map((u) => {
    const k = kept.get(u.name);
    if (k) return { upperName: u.name, upperUnitId: u.id, localName: k.local_name, localUnitId: k.unit_id, how: 'kept', confirmed: k.confirmed === 1, items: u.items, reason: k.unit_id ? '' : '已确认：本地无对口单位' };
    const s = suggestCounterpart(u.name, office, directory);
    const id = s.name ? (unitId.get(s.name)?.id ?? null) : null;
    return { upperName: u.name, upperUnitId: u.id, localName: s.name, localUnitId: id, how: s.how, confirmed: false, items: u.items, reason: s.reason ?? '' };
  });
  for (const [name, k] of kept) {
    if (uppers.some((u) => u.name === name)) continue;
    rows.push({ upperName: name, upperUnitId: unitId.get(name)?.id ?? null, localName: k.local_name, localUnitId: k.unit_id, how: 'kept', confirmed: k.confirmed === 1, items: 0, reason: '' });
  }
  return rows;
}

/** Confirmed map for 分解: upper unit id → this office's unit id. */
export function counterpartMap(db: Database): Map<number, number> {
  const rows = db
    .prepare<[], { upper_id: number; unit_id: number }>(
      'SELECT u.id AS upper_id, c.unit_id FROM counterpart_units c JOIN units u ON u.name = c.upper_name WHERE c.confirmed = 1 AND c.unit_id IS NOT NULL',
    )
    .all();
  return new Map(rows.map((r) => [r.upper_id, r.unit_id]));
}
