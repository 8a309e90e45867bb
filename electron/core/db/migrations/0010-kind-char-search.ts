import type { Database } from 'better-sqlite3';
import { CHAR_INDEX_SQL, indexCharsAfter, registerSearchFunctions } from '../char-search';

/**
 * items_chars rebuilt with the kind in every token and a token per adjacent pair (char-search.ts):
 * a one- or two-character keyword is one token of the list's kind, so neither the match nor the
 * list's count reads an item row to test the kind (issue 10). Old triggers and index dropped,
 * the new ones filled from the items in one statement.
 */
export function up(db: Database): void {
  registerSearchFunctions(db);
  db.exec(`
    DROP TRIGGER IF EXISTS items_chars_ai;
    DROP TRIGGER IF EXISTS items_chars_ad;
    DROP TRIGGER IF EXISTS items_chars_au;
    DROP TABLE IF EXISTS items_chars;
  `);
  db.exec(CHAR_INDEX_SQL);
  indexCharsAfter(db, 0);
}
