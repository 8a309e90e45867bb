import type { Database } from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The samples folder of ../shared, beside the project (as CI lays it out). */
const samples = (name: string) => fileURLToPath(new URL(`../../../../shared/samples/${name}`, import.meta.url));
export const SAMPLE = samples('province-tasks-A.xlsx');
export const SAMPLE_EXPECTED = samples('province-tasks-A.expected.json');

/** The sample workbook as the UI would send it. */
export function sampleFile(name = 'province-tasks-A.xlsx') {
  return { name, bytes: new Uint8Array(readFileSync(SAMPLE)) };
}

/** Stored items in the shape of the expected JSON (plan, section, group, no, title, content, units by role, kind, campaign). */
export function storedDrafts(db: Database, kind = 'task') {
  const items = db
    .prepare(
      `SELECT i.id, p.title AS plan, p.campaign, s.name AS section, i.group_name, i.code, i.title, i.content, i.assign_mode
       FROM items i LEFT JOIN plans p ON p.id = i.plan_id LEFT JOIN sections s ON s.id = i.section_id
       WHERE i.kind = ? ORDER BY i.seq, i.id`,
    )
    .all(kind) as { id: number; plan: string; campaign: string; section: string | null; group_name: string; code: string; title: string; content: string; assign_mode: string }[];
  const units = db.prepare<[number, string], { name: string }>(
    'SELECT u.name FROM item_units iu JOIN units u ON u.id = iu.unit_id WHERE iu.item_id = ? AND iu.role = ? ORDER BY iu.sort',
  );
  const names = (id: number, role: string) => units.all(id, role).map((u) => u.name);
  return items.map((i) => ({
    plan: i.plan,
    section: i.section,
    group: i.group_name === '' ? null : i.group_name,
    no: i.code,
    title: i.title,
    content: i.content,
    lead: names(i.id, 'lead'),
    coop: names(i.id, 'coop'),
    kind: i.assign_mode,
    resp: names(i.id, 'resp'),
    campaign: i.campaign,
  }));
}
