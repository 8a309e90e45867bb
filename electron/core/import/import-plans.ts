import type { Database } from 'better-sqlite3';
import type { BatchRecorder } from '../batches/batch-recorder';
import type { DraftItem } from './draft';
import type { ImportPlan } from './import-set';

function planFields(p: ImportPlan, parentId: number | null, officeUnitId: number | null) {
  const out: Record<string, unknown> = { campaign: p.campaign };
  if (parentId !== null) out.parent_id = parentId;
  if (p.docNo) out.doc_no = p.docNo;
  if (p.attachmentNo) out.attachment_no = p.attachmentNo;
  if (p.goals) out.goals = p.goals;
  if (p.convener) out.convener = p.convener;
  if (p.deputyConveners) out.deputy_conveners = p.deputyConveners;
  if (officeUnitId !== null) out.office_unit_id = officeUnitId;
  return out;
}

function ensureMembers(db: Database, rec: BatchRecorder, planId: number, members: readonly string[], unitId: (n: string) => number): void {
  const has = db.prepare('SELECT 1 FROM plan_members WHERE plan_id = ? AND unit_id = ?');
  members.forEach((m, sort) => {
    const id = unitId(m);
    if (!has.get(planId, id)) rec.insert('plan_members', { plan_id: planId, unit_id: id, sort });
  });
}

function ensureSections(db: Database, rec: BatchRecorder, planId: number, sections: readonly string[]): void {
  const has = db.prepare('SELECT 1 FROM sections WHERE plan_id = ? AND name = ?');
  let sort = (db.prepare('SELECT coalesce(max(sort), 0) AS s FROM sections WHERE plan_id = ?').get(planId) as { s: number }).s;
  for (const s of sections) if (!has.get(planId, s)) rec.insert('sections', { plan_id: planId, name: s, sort: ++sort });
}

/**
 * Creates or completes the plans (专班, members, sections) an import names, parents first.
 * Returns where each draft item belongs.
 */
export function ensurePlans(db: Database, rec: BatchRecorder, plans: readonly ImportPlan[], unitId: (n: string) => number, at: string, origin: 'upper' | 'local') {
  const byTitle = db.prepare<[string], { id: number }>('SELECT id FROM plans WHERE title = ?');
  const ordered = [...plans].sort((a, b) => Number(!!a.parentTitle) - Number(!!b.parentTitle));
  for (const p of ordered) {
    const parentId = p.parentTitle ? (byTitle.get(p.parentTitle)?.id ?? null) : null;
    const officeId = p.officeAt ? unitId(p.officeAt) : null;
    const fields = planFields(p, parentId, officeId);
    const existing = byTitle.get(p.title);
    let id: number;
    if (existing) {
      id = existing.id;
      rec.update('plans', { id }, fields);
    } else {
      const sort = (db.prepare('SELECT coalesce(max(sort), 0) + 1 AS s FROM plans').get() as { s: number }).s;
      id = rec.insert('plans', { title: p.title, ...fields, origin, sort, created_at: at, updated_at: at });
    }
    ensureMembers(db, rec, id, p.members ?? [], unitId);
    ensureSections(db, rec, id, p.sections);
  }
  const sectionId = db.prepare<[number, string], { id: number }>('SELECT id FROM sections WHERE plan_id = ? AND name = ?');
  // Every plan and section exists now and stays put for the rest of the batch: look each up once.
  const places = new Map<string, { planId: number; sectionId: number | null }>();
  return {
    place(d: DraftItem): { planId: number; sectionId: number | null } {
      const key = `${d.plan}\u0001${d.section ?? ''}`;
      let place = places.get(key);
      if (!place) {
        const planId = byTitle.get(d.plan)!.id;
        place = { planId, sectionId: d.section ? (sectionId.get(planId, d.section)?.id ?? null) : null };
        places.set(key, place);
      }
      return place;
    },
  };
}
