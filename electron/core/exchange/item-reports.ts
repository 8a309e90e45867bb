import type { Database } from 'better-sqlite3';
import { ITEM_STATUS_LABELS, type ItemStatus } from '../../../shared/contract/schemas/items';
import type { ItemReports } from '../../../shared/contract/schemas/exchange';

interface Row {
  period_id: number;
  period_name: string;
  unit_name: string;
  role: string;
  status: ItemStatus | null;
  completion_ratio: number | null;
  completed_value: number | null;
  progress_text: string;
  problems: string;
  reported_at: string;
}

/**
 * An item's reports of its latest reported period, one per unit (item × period × unit), with how
 * many lead/responsible units share it: the drawer shows each unit's word and, when several, the rule
 * that combines them into the item's own values.
 */
export function itemReports(db: Database, itemId: number): ItemReports {
  const rows = db
    .prepare<[number], Row>(
      `SELECT r.period_id, p.name AS period_name, u.name AS unit_name,
         coalesce((SELECT CASE min(CASE iu.role WHEN 'lead' THEN 1 WHEN 'resp' THEN 2 ELSE 3 END) WHEN 1 THEN '牵头' WHEN 2 THEN '负责' ELSE '配合' END
                   FROM item_units iu WHERE iu.item_id = r.item_id AND iu.unit_id = r.unit_id), '') AS role,
         r.status, r.completion_ratio, r.completed_value, r.progress_text, r.problems, r.reported_at
       FROM reports r JOIN periods p ON p.id = r.period_id JOIN units u ON u.id = r.unit_id
       WHERE r.item_id = ? ORDER BY p.start_date DESC, p.id DESC, u.sort, u.id`,
    )
    .all(itemId);
  const latest = rows.filter((r) => r.period_id === rows[0]?.period_id);
  const shared = db.prepare<[number], number>("SELECT count(DISTINCT unit_id) FROM item_units WHERE item_id = ? AND role IN ('lead','resp')").pluck().get(itemId) ?? 0;
  return {
    periodName: latest[0]?.period_name ?? '',
    sharedBy: shared,
    reports: latest.map((r) => ({
      unitName: r.unit_name,
      role: r.role,
      status: r.status ? ITEM_STATUS_LABELS[r.status] : '',
      ratio: r.completion_ratio,
      value: r.completed_value,
      progressText: r.progress_text,
      problems: r.problems,
      reportedAt: r.reported_at,
    })),
  };
}
