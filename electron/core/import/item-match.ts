import type { Database } from 'better-sqlite3';
import type { DraftItem } from './draft';

/** The fields an import compares and writes, in database terms. */
export interface ItemImage {
  title: string;
  content: string;
  group_name: string;
  assign_mode: 'lead' | 'joint';
  deadline_text: string;
  note: string;
  lead: string;
  resp: string;
  coop: string;
}

export const IMAGE_LABELS: Record<keyof ItemImage, string> = {
  title: '标题',
  content: '内容',
  group_name: '分组',
  assign_mode: '分工方式',
  deadline_text: '完成时限',
  note: '备注',
  lead: '牵头单位',
  resp: '负责单位',
  coop: '配合单位',
};

/** Canonical unit names of a draft resolved through the directory (unknown names kept as written). */
export function draftImage(d: DraftItem, canonical: (name: string) => string): ItemImage {
  const names = (list: string[]) => list.map(canonical).join('、');
  return {
    title: d.title,
    content: d.content,
    group_name: d.group ?? '',
    assign_mode: d.kind,
    deadline_text: d.deadlineText ?? '',
    note: d.note ?? '',
    lead: names(d.lead),
    resp: names(d.resp),
    coop: names(d.coop),
  };
}

/** An existing item's image, from the database. */
export function storedImage(db: Database, id: number): ItemImage {
  const r = db.prepare('SELECT title, content, group_name, assign_mode, deadline_text, note FROM items WHERE id = ?').get(id) as Omit<ItemImage, 'lead' | 'resp' | 'coop'>;
  const units = db.prepare<[number, string], { name: string }>(
    'SELECT u.name FROM item_units iu JOIN units u ON u.id = iu.unit_id WHERE iu.item_id = ? AND iu.role = ? ORDER BY iu.sort',
  );
  const names = (role: string) => units.all(id, role).map((u) => u.name).join('、');
  return { ...r, lead: names('lead'), resp: names('resp'), coop: names('coop') };
}

/** Finds the stored item a draft stands for: same plan, section, group and number; else same plan and title. */
export function findExisting(db: Database, kind: string, planId: number | null, sectionId: number | null, d: DraftItem): number | null {
  const byCode = db
    .prepare('SELECT id FROM items WHERE kind = ? AND plan_id IS ? AND section_id IS ? AND group_name = ? AND code = ?')
    .get(kind, planId, sectionId, d.group ?? '', d.no) as { id: number } | undefined;
  if (byCode && d.no) return byCode.id;
  const byTitle = db.prepare('SELECT id FROM items WHERE kind = ? AND plan_id IS ? AND title = ?').get(kind, planId, d.title) as { id: number } | undefined;
  return byTitle?.id ?? null;
}
