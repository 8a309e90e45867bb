import type { Database } from 'better-sqlite3';
import { listCode } from '../../../shared/contract/item-code';

/** Items' 编号 as the lists show them (a bare 1 in section （一） is 1-1), by id. */
export function listCodesOf(db: Database, ids: readonly number[]): Map<number, string> {
  const rows = db
    .prepare<[string], { id: number; code: string; section_name: string; group_name: string }>(
      `SELECT i.id, i.code, coalesce(s.name, '') AS section_name, i.group_name FROM items i LEFT JOIN sections s ON s.id = i.section_id
       WHERE i.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids));
  return new Map(rows.map((r) => [r.id, listCode(r.code, r.section_name, r.group_name)]));
}
