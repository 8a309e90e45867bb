import type { Database } from 'better-sqlite3';

export interface FollowupTally {
  overdueItems: number;
  extensionsRequested: number;
  extensionsApproved: number;
  urged: number;
}

/**
 * Per unit: its items in scope overdue at `asOf` (deadline before it, not 已完成 or 暂停), extension
 * requests about items in scope made between `from` and `to` (by the requesting unit, else the
 * item's 牵头 units) and how many were approved, and 催办 to it issued in that window about items in scope.
 */
export function followupByUnit(
  db: Database,
  itemsOfUnit: ReadonlyMap<number, ReadonlySet<number>>,
  scopeIds: readonly number[],
  win: { from: string; to: string; asOf: string },
): Map<number, FollowupTally> {
  const out = new Map<number, FollowupTally>();
  const tally = (u: number) => {
    if (!out.has(u)) out.set(u, { overdueItems: 0, extensionsRequested: 0, extensionsApproved: 0, urged: 0 });
    return out.get(u)!;
  };
  const ids = JSON.stringify(scopeIds);
  const overdue = new Set(
    db
      .prepare("SELECT id FROM items WHERE id IN (SELECT value FROM json_each(?)) AND deadline_date < ? AND status NOT IN ('done', 'suspended')")
      .pluck()
      .all(ids, win.asOf) as number[],
  );
  for (const [u, items] of itemsOfUnit) for (const i of items) if (overdue.has(i)) tally(u).overdueItems += 1;
  const exts = db
    .prepare<[string, string, string], { unit_id: number; state: string }>(
      `SELECT coalesce(e.unit_id, iu.unit_id) AS unit_id, e.state FROM item_extensions e
       LEFT JOIN item_units iu ON e.unit_id IS NULL AND iu.item_id = e.item_id AND iu.role = 'lead'
       WHERE e.item_id IN (SELECT value FROM json_each(?)) AND e.requested_on BETWEEN ? AND ?`,
    )
    .all(ids, win.from, win.to);
  for (const e of exts) {
    if (e.unit_id === null) continue;
    tally(e.unit_id).extensionsRequested += 1;
    if (e.state === 'approved') tally(e.unit_id).extensionsApproved += 1;
  }
  const urges = db
    .prepare<[string, string, string], { unit_id: number }>(
      `SELECT g.unit_id FROM urges g WHERE g.unit_id IS NOT NULL AND g.issued_on BETWEEN ? AND ?
       AND EXISTS (SELECT 1 FROM urge_items ui WHERE ui.urge_id = g.id AND ui.item_id IN (SELECT value FROM json_each(?)))`,
    )
    .all(win.from, win.to, ids);
  for (const g of urges) tally(g.unit_id).urged += 1;
  return out;
}
