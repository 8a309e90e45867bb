import type { Database } from 'better-sqlite3';
import { ITEM_KINDS, ITEM_STATUSES } from '../../../shared/contract/schemas/items';
import { writeStamp } from './summary-memo';

/**
 * One period's 汇总表 rows in the table's order as typed arrays, with what the keyword filter needs
 * besides the text indexes: each unit's lead items and this period's reporters, and the units' names.
 * Read from the kept rows (period_items, 0012) once and kept until the next write to the database, so
 * a keyword's matches (tens of thousands of ids from the indexes) are intersected, counted and paged
 * in memory instead of probing 100,000 rows per keyword (~1 µs each in SQLite).
 */
export interface PeriodFrame {
  periodId: number;
  /** Item ids in the table's order: list by list (ITEM_KINDS), each in plan order. */
  ids: Int32Array;
  /** Per position: index in ITEM_KINDS, index in ITEM_STATUSES (the table's status), 1 when reported this period. */
  kind: Uint8Array;
  status: Uint8Array;
  reported: Uint8Array;
  /** Whether any position is unreported (its own 进展情况 is searched). */
  anyUnreported: boolean;
  /** Position of an item id, -1 when the period does not concern it. */
  positionOf(itemId: number): number;
  /** Position of the item a report of this period is on, -1 for another period's report. */
  reportPosition(reportId: number): number;
  /** Positions of the items each unit leads, and of the items it reported this period. */
  leads: Map<number, number[]>;
  reporters: Map<number, number[]>;
  /** Unit names lower-cased, as the scan compares them. */
  unitNames: { id: number; name: string }[];
}

const frames = new WeakMap<Database, { key: string; frame: PeriodFrame }>();

/** The period's frame, read afresh after any write (or for another period). */
export function periodFrame(db: Database, periodId: number): PeriodFrame {
  const key = `${periodId}|${writeStamp(db)}`;
  const hit = frames.get(db);
  if (hit?.key === key) return hit.frame;
  const frame = readFrame(db, periodId);
  frames.set(db, { key, frame });
  return frame;
}

/** A lookup from ids to positions: a typed array over the id range, -1 for absent. */
function lookup(ids: ArrayLike<number>, positions: ArrayLike<number>): (id: number) => number {
  let max = 0;
  for (let n = 0; n < ids.length; n++) if (ids[n] > max) max = ids[n];
  const at = new Int32Array(max + 1).fill(-1);
  for (let n = 0; n < ids.length; n++) at[ids[n]] = positions[n];
  return (id) => (id >= 0 && id <= max ? at[id] : -1);
}

function grouped(rows: readonly [number, number][], positionOf: (item: number) => number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const [item, unit] of rows) {
    const p = positionOf(item);
    if (p < 0) continue;
    const list = out.get(unit);
    if (list) list.push(p);
    else out.set(unit, [p]);
  }
  return out;
}

function readFrame(db: Database, periodId: number): PeriodFrame {
  // the same rows as the kept summary (summary-kept.ts): the period's when it concerns any item, else every item
  const scoped = Boolean(db.prepare('SELECT 1 FROM period_items WHERE period_id = ? LIMIT 1').get(periodId));
  type Row = [number, string, number];
  const periodRows = db.prepare<[number, string], Row>('SELECT item_id, status, reports FROM period_items WHERE period_id = ? AND kind = ? ORDER BY seq, item_id').raw();
  const itemRows = db.prepare<[string], Row>('SELECT id, status, 0 FROM items WHERE kind = ? ORDER BY seq, id').raw();
  const ofKind = (k: string) => (scoped ? periodRows.all(periodId, k) : itemRows.all(k));
  const rows = ITEM_KINDS.flatMap((k, kn) => ofKind(k).map((r) => [r[0], kn, ITEM_STATUSES.indexOf(r[1] as never), r[2]] as const));
  const n = rows.length;
  const ids = new Int32Array(n);
  const kind = new Uint8Array(n);
  const status = new Uint8Array(n);
  const reported = new Uint8Array(n);
  rows.forEach((r, p) => ((ids[p] = r[0]), (kind[p] = r[1]), (status[p] = r[2]), (reported[p] = r[3] > 0 ? 1 : 0)));
  const positionOf = lookup(ids, Int32Array.from(ids, (_, p) => p));
  const reports = db.prepare<[number], [number, number, number]>('SELECT id, item_id, unit_id FROM reports WHERE period_id = ?').raw().all(periodId);
  const reportPosition = lookup(
    reports.map((r) => r[0]),
    reports.map((r) => positionOf(r[1])),
  );
  const leadRows = db.prepare<[], [number, number]>("SELECT item_id, unit_id FROM item_units WHERE role = 'lead'").raw().all();
  const unitNames = db
    .prepare<[], { id: number; name: string }>('SELECT id, name FROM units')
    .all()
    .map((u) => ({ id: u.id, name: u.name.toLowerCase() }));
  return {
    periodId,
    ids,
    kind,
    status,
    reported,
    anyUnreported: reported.includes(0),
    positionOf,
    reportPosition,
    leads: grouped(leadRows, positionOf),
    reporters: grouped(
      reports.map((r) => [r[1], r[2]]),
      positionOf,
    ),
    unitNames,
  };
}
