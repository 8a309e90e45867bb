import type { Database } from 'better-sqlite3';
import { CHAR_INDEX_SQL, indexCharsAfter, registerSearchFunctions } from '../char-search';

/** The one-character index for keywords of one or two characters (see char-search.ts), filled from the items there. */
export function up(db: Database): void {
  registerSearchFunctions(db);
  db.exec(CHAR_INDEX_SQL);
  indexCharsAfter(db, 0);
}
