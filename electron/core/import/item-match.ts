import type { Database } from 'better-sqlite3';
import type { DraftItem } from './draft';
import { createPlanIndex, type PlanIndex, type TextMatch } from './near-match';

/** The fields an import compares and writes, in database terms. */
export interface ItemImage {
  title: string;
  content: string;
  group_name: string;
  assign_mode: 'lead' | 'joint';
  deadline_text: string;
  note: string;
  leader: string;
  lead: string;
  resp: string;
  coop: string;
  upper_uid: string;
  upper_code: string;
}

export const IMAGE_LABELS: Record<keyof ItemImage, string> = {
  title: '标题',
  content: '内容',
  group_name: '分组',
  assign_mode: '分工方式',
  deadline_text: '完成时限',
  note: '备注',
  leader: '责任领导',
  lead: '牵头单位',
  resp: '负责单位',
  coop: '配合单位',
  upper_uid: '上级条目标识',
  upper_code: '上级编号',
};

/**
 * Canonical unit names of a draft resolved through the directory (unknown names kept as written).
 * A draft without a 责任领导 keeps the stored one (the office often assigns its own leader); one
 * without the sender's id and 编号 (any list but an app-made one) keeps the stored ones.
 */
export function draftImage(d: DraftItem, canonical: (name: string) => string, before: ItemImage | null = null): ItemImage {
  const names = (list: string[]) => list.map(canonical).join('、');
  return {
    title: d.title,
    content: d.content,
    group_name: d.group ?? '',
    assign_mode: d.kind,
    deadline_text: d.deadlineText ?? '',
    note: d.note ?? '',
    leader: d.leader ?? before?.leader ?? '',
    lead: names(d.lead),
    resp: names(d.resp),
    coop: names(d.coop),
    upper_uid: d.upperUid ?? before?.upper_uid ?? '',
    upper_code: d.upperCode ?? before?.upper_code ?? '',
  };
}

type Place = { planId: number | null; sectionId: number | null };

/** The stored item a draft stands for: `sure`, or a likely duplicate (疑似重复) the user confirms. */
export type ItemMatch = TextMatch;

/**
 * Finds stored items for drafts and reads their images, with statements prepared once
 * (a 50,000-row import asks these questions 50,000 times).
 */
export function createItemMatcher(db: Database, kind: string) {
  const inPlace = db.prepare<unknown[], { id: number; group_name: string; code: string }>(
    'SELECT id, group_name, code FROM items WHERE kind = ? AND plan_id IS ? AND section_id IS ? ORDER BY id',
  );
  const byUpperUid = db.prepare<[string, string], { id: number }>("SELECT id FROM items WHERE kind = ? AND upper_uid = ? ORDER BY origin = 'upper' DESC, id LIMIT 1");
  const item = db.prepare<[number], Omit<ItemImage, 'lead' | 'resp' | 'coop'>>(
    'SELECT title, content, group_name, assign_mode, deadline_text, note, leader, upper_uid, upper_code FROM items WHERE id = ?',
  );
  const units = db.prepare<[number], { name: string; role: string }>(
    'SELECT u.name, iu.role FROM item_units iu JOIN units u ON u.id = iu.unit_id WHERE iu.item_id = ? ORDER BY iu.role, iu.sort',
  );
  const planId = db.prepare<[string], { id: number }>('SELECT id FROM plans WHERE title = ?');
  const sectionId = db.prepare<[number, string], { id: number }>('SELECT id FROM sections WHERE plan_id = ? AND name = ?');
  // Rows of one sheet share a few plans and sections; a matcher lives for one read-only comparison.
  const places = new Map<string, Place>();
  const indexes = new Map<number, PlanIndex>();
  // A stored item stands for one row of the comparison: a second row like it is not the same task again.
  const taken = new Set<number>();
  const claim = (m: ItemMatch | null): ItemMatch | null => {
    if (m) taken.add(m.id);
    return m;
  };
  const index = (id: number): PlanIndex => indexes.get(id) ?? indexes.set(id, createPlanIndex(db, kind, id)).get(id)!;
  // The items of each place by group and number, read once per place: one look-up per row by
  // (kind, code) reads every item of that number in every section (1, 2, 3 … repeat in each), and a
  // re-import of 10,000 rows spent ~2 s CPU there. The first (lowest id) item of a number wins.
  const numbered = new Map<string, Map<string, number>>();
  const byCode = (planId: number, sectionId: number | null, group: string, no: string): number | undefined => {
    const key = `${planId}\u0001${sectionId}`;
    let ids = numbered.get(key);
    if (!ids) {
      ids = new Map();
      for (const r of inPlace.iterate(kind, planId, sectionId)) {
        const k = `${r.group_name}\u0001${r.code}`;
        if (!ids.has(k)) ids.set(k, r.id);
      }
      numbered.set(key, ids);
    }
    return ids.get(`${group}\u0001${no}`);
  };
  return {
    /** Where a draft's plan and section are stored, if they are. */
    locate(d: DraftItem): Place {
      const key = `${d.plan}\u0001${d.section ?? ''}`;
      let place = places.get(key);
      if (!place) {
        const plan = planId.get(d.plan);
        place = !plan ? { planId: null, sectionId: null } : { planId: plan.id, sectionId: d.section ? (sectionId.get(plan.id, d.section)?.id ?? null) : null };
        places.set(key, place);
      }
      return place;
    },
    /**
     * The stored item a draft stands for: the office's own item for a row of its own export; the
     * one imported with the same sender's id (wherever it is filed); else, in a stored plan, same
     * section, group and number; else in the plan, the same title or content (whatever source brought
     * it: plan text, workbook, app file); else a likely duplicate: a close title or much the same content.
     */
    find(place: Place, d: DraftItem): ItemMatch | null {
      if (d.ownId !== undefined) return claim({ id: d.ownId, sure: true });
      if (d.upperUid) {
        const hit = byUpperUid.get(kind, d.upperUid);
        if (hit) return claim({ id: hit.id, sure: true });
      }
      if (place.planId === null) return null;
      if (d.no) {
        const hit = byCode(place.planId, place.sectionId, d.group ?? '', d.no);
        if (hit !== undefined && !taken.has(hit)) return claim({ id: hit, sure: true });
      }
      return claim(index(place.planId).find(d.title, d.content, taken));
    },
    /** An existing item's image, from the database. */
    stored(id: number): ItemImage {
      const r = item.get(id)!;
      const by: Record<string, string[]> = { lead: [], resp: [], coop: [] };
      for (const u of units.all(id)) by[u.role]?.push(u.name);
      return { ...r, lead: by.lead.join('、'), resp: by.resp.join('、'), coop: by.coop.join('、') };
    },
  };
}
export type ItemMatcher = ReturnType<typeof createItemMatcher>;
