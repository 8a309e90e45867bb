import type { Database } from 'better-sqlite3';
import type { DraftItem } from './draft';
import type { ImportSet } from './import-set';

interface Stored {
  id: number;
  plan: string | null;
  section: string | null;
  content: string;
  group_name: string;
  assign_mode: 'lead' | 'joint';
  deadline_text: string;
  deadline_date: string | null;
  note: string;
}

const ROLES = ['lead', 'resp', 'coop'] as const;

/**
 * An app-made list this office exported itself and brings back (often after editing it in Excel or
 * WPS): its hidden 条目标识 column holds this database's own item ids, not an upper office's. Such a
 * row is an edit of that item: it keeps the item's own upper id and 编号, its plan, section and
 * group (the export's sheet, named after the file, is no plan of ours), and every field the export
 * had no column for (it carries the columns the list showed). Its targets are read again only when
 * its content changed. Item uids are random per installation, so only the office's own items match.
 *
 * Returns the set with those rows claimed (`ownId` set) and without plans only they named. Idempotent.
 */
export function claimOwnItems(db: Database, set: ImportSet): ImportSet {
  if (!set.items.some((d) => d.upperUid !== undefined)) return set;
  const own = db.prepare<[string, string], Stored>(
    `SELECT i.id, p.title AS plan, s.name AS section, i.content, i.group_name, i.assign_mode, i.deadline_text, i.deadline_date, i.note
     FROM items i LEFT JOIN plans p ON p.id = i.plan_id LEFT JOIN sections s ON s.id = i.section_id WHERE i.uid = ? AND i.kind = ?`,
  );
  const units = db.prepare<[number, string], { name: string }>('SELECT u.name FROM item_units iu JOIN units u ON u.id = iu.unit_id WHERE iu.item_id = ? AND iu.role = ? ORDER BY iu.sort');
  const named = new Map<string, { own: number; other: number }>();
  const items = set.items.map((d): DraftItem => {
    const hit = d.upperUid === undefined ? undefined : own.get(d.upperUid, set.kind);
    const n = named.get(d.plan) ?? { own: 0, other: 0 };
    named.set(d.plan, n);
    if (!hit) {
      n.other++;
      return d;
    }
    n.own++;
    return ownRow(d, hit, (role) => units.all(hit.id, role).map((u) => u.name));
  });
  const plans = set.plans.filter((p) => !(named.get(p.title)?.other === 0 && (named.get(p.title)?.own ?? 0) > 0));
  return { ...set, items, plans };
}

function ownRow(d: DraftItem, stored: Stored, storedUnits: (role: string) => string[]): DraftItem {
  const has = (field: string) => d.sheetFields?.includes(field) ?? true;
  const { upperUid: _uid, upperCode: _code, targets, ...rest } = d;
  const out: DraftItem = { ...rest, ownId: stored.id, plan: stored.plan ?? d.plan, section: stored.section, group: stored.group_name || null };
  if (!has('content')) out.content = stored.content;
  if (!ROLES.every(has)) {
    for (const role of ROLES) if (!has(role)) out[role] = storedUnits(role);
    out.kind = stored.assign_mode;
  }
  if (!has('deadline')) {
    out.deadlineText = stored.deadline_text;
    out.deadlineDate = stored.deadline_date;
  }
  if (!has('note')) out.note = stored.note;
  if (targets && (has('targets') || out.content !== stored.content)) out.targets = targets;
  return out;
}
