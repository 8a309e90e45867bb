import type { Database } from 'better-sqlite3';
import { listCode } from '../../../shared/contract/item-code';

/** SQL function of this app: qd_list_code(code, section name, group name) → the 编号 a list shows. */
export const LIST_CODE_FUNCTION = 'qd_list_code';

/** Registers `qd_list_code` on a connection (idempotent; openDatabase and migrate call it). */
export function registerListCodeFunction(db: Database): void {
  const text = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
  db.function(LIST_CODE_FUNCTION, { deterministic: true }, (code: unknown, section: unknown, group: unknown) => listCode(text(code), text(section), text(group)));
}

/**
 * SQL of the 编号 the lists show for the items row aliased `alias` (a bare 1 in section （一） is
 * 1-1): every query that shows a user an item's code selects `${listCodeSql('i')} AS code`, so
 * returns, bulletins, 催办 and the lights read as the lists do. Matching keeps the stored code.
 */
export function listCodeSql(alias: string): string {
  return `${LIST_CODE_FUNCTION}(${alias}.code, coalesce((SELECT name FROM sections WHERE id = ${alias}.section_id), ''), ${alias}.group_name)`;
}

/** Items' 编号 as the lists show them (a bare 1 in section （一） is 1-1), by id. */
export function listCodesOf(db: Database, ids: readonly number[]): Map<number, string> {
  const rows = db
    .prepare<[string], { id: number; code: string }>(`SELECT i.id, ${listCodeSql('i')} AS code FROM items i WHERE i.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids));
  return new Map(rows.map((r) => [r.id, r.code]));
}
