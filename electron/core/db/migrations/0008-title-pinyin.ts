import type { Database } from 'better-sqlite3';
import { TITLE_KEY_FUNCTION, TITLE_KEY_SQL, registerTitleKeyFunction } from '../../names/title-key';

/**
 * Lists sorted by 标题 go in pinyin order: every item keeps its title's pinyin sort key
 * (names/title-key.ts), filled here for the items there, with the index that serves the sort.
 * The code-point index on (kind, title) served only that sort and goes.
 */
export function up(db: Database): void {
  registerTitleKeyFunction(db);
  db.exec(`
    ALTER TABLE items ADD COLUMN title_key TEXT;
    UPDATE items SET title_key = ${TITLE_KEY_FUNCTION}(title);
    DROP INDEX IF EXISTS items_kind_title;
  `);
  db.exec(TITLE_KEY_SQL);
}
