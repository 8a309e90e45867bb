import type { Database } from 'better-sqlite3';
import type { Plan } from '../../../shared/contract/schemas/plans';

interface PlanDbRow {
  id: number;
  parent_id: number | null;
  title: string;
  campaign: string;
  doc_no: string;
  attachment_no: string;
  goals: string;
  convener: string;
  deputy_conveners: string;
  office_unit: string | null;
  origin: 'upper' | 'local';
  item_count: number;
}

/** Plans with their 专班, members and sections. */
export function createPlansRepository(db: Database) {
  return {
    list(): Plan[] {
      const rows = db
        .prepare<[], PlanDbRow>(
          `SELECT p.*, u.name AS office_unit, (SELECT count(*) FROM items i WHERE i.plan_id = p.id) AS item_count
           FROM plans p LEFT JOIN units u ON u.id = p.office_unit_id ORDER BY p.sort, p.id`,
        )
        .all();
      const members = db.prepare<[number], { name: string }>(
        'SELECT u.name FROM plan_members m JOIN units u ON u.id = m.unit_id WHERE m.plan_id = ? ORDER BY m.sort',
      );
      const sections = db.prepare<[number], { id: number; plan_id: number; name: string; sort: number }>(
        'SELECT id, plan_id, name, sort FROM sections WHERE plan_id = ? ORDER BY sort, id',
      );
      return rows.map((r) => ({
        id: r.id,
        parentId: r.parent_id,
        title: r.title,
        campaign: r.campaign,
        docNo: r.doc_no,
        attachmentNo: r.attachment_no,
        goals: r.goals,
        convener: r.convener,
        deputyConveners: r.deputy_conveners,
        officeUnit: r.office_unit ?? '',
        members: members.all(r.id).map((m) => m.name),
        origin: r.origin,
        sections: sections.all(r.id).map((s) => ({ id: s.id, planId: s.plan_id, name: s.name, sort: s.sort })),
        itemCount: r.item_count,
      }));
    },
  };
}
