import type { Database } from 'better-sqlite3';
import { listCode } from '../../../shared/contract/item-code';
import { ITEM_KINDS, type ItemStatus } from '../../../shared/contract/schemas/items';
import type { SummaryQuery } from '../../../shared/contract/schemas/summary';

/** One unit's report of the period on an item. */
export interface ReportLine {
  item_id: number;
  unit_id: number;
  unit_name: string;
  status: ItemStatus | null;
  completion_ratio: number | null;
  progress_text: string;
  problems: string;
  next_steps: string;
}

/** One text from several units' reports: the text alone for one unit, else each prefixed with its unit. */
export function joined(reps: readonly ReportLine[], pick: (r: ReportLine) => string): string {
  const said = reps.filter((r) => pick(r).trim());
  if (said.length <= 1) return said[0] ? pick(said[0]).trim() : '';
  return said.map((r) => `${r.unit_name}：${pick(r).trim()}`).join('\n');
}

/** The columns the filters read, without the joined names and fields a full list row builds. */
interface LeanItem {
  id: number;
  code: string;
  section_name: string;
  group_name: string;
  title: string;
  content: string;
  status: ItemStatus;
  progress_note: string;
}

/** Lead units' names per item, as the list's 牵头单位 column joins them. */
function leadNames(db: Database): Map<number, string> {
  const out = new Map<number, string>();
  const rows = db
    .prepare<[], { item_id: number; name: string }>(
      "SELECT iu.item_id, u.name FROM item_units iu JOIN units u ON u.id = iu.unit_id WHERE iu.role = 'lead' ORDER BY iu.item_id, iu.sort",
    )
    .all();
  for (const r of rows) out.set(r.item_id, out.has(r.item_id) ? `${out.get(r.item_id)}、${r.name}` : r.name);
  return out;
}

/**
 * Ids of the period's items in the 汇总表's order (list by list, each in plan order) that pass the status and
 * keyword filters (the unit and light filters are the caller's). Reads bare columns only; full rows are built for the page shown.
 */
export function scanSummary(
  db: Database,
  q: SummaryQuery,
  scope: ReadonlySet<number> | undefined,
  reports: ReadonlyMap<number, ReportLine[]>,
): { ids: number[]; scoped: number[]; reported: number } {
  const k = q.keyword?.trim().toLowerCase();
  const leads = k ? leadNames(db) : new Map<number, string>();
  const stmt = db.prepare<[string], LeanItem>(
    `SELECT i.id, i.code, coalesce(s.name, '') AS section_name, i.group_name, ${k ? 'i.title, i.content, i.progress_note' : "'' AS title, '' AS content, '' AS progress_note"}, i.status
     FROM items i LEFT JOIN sections s ON s.id = i.section_id WHERE i.kind = ? ORDER BY i.seq, i.id`,
  );
  const ids: number[] = [];
  const scoped: number[] = [];
  let reported = 0;
  for (const kind of q.kind ? [q.kind] : ITEM_KINDS) {
    for (const it of stmt.iterate(kind)) {
      if (scope && !scope.has(it.id)) continue;
      scoped.push(it.id);
      const reps = reports.get(it.id) ?? [];
      if (reps.length) reported += 1;
      const status = (reps.length === 1 ? reps[0].status : null) ?? it.status;
      if (q.statuses?.length && !q.statuses.includes(status)) continue;
      if (k) {
        const progress = reps.length ? joined(reps, (x) => x.progress_text) : it.progress_note;
        const hay = [listCode(it.code, it.section_name, it.group_name), it.title, it.content, leads.get(it.id) ?? '', reps.map((r) => r.unit_name).join('、'), progress, joined(reps, (x) => x.problems), joined(reps, (x) => x.next_steps)];
        if (!hay.join('\n').toLowerCase().includes(k)) continue;
      }
      ids.push(it.id);
    }
  }
  return { ids, scoped, reported };
}
