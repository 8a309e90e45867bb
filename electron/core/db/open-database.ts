import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { migrate } from './migrate';
import { registerSearchFunctions } from './char-search';

/** Opens (creating if needed) the app database: WAL, foreign keys, busy timeout, migrated. */
export function openDatabase(path: string, options: { migrate?: boolean } = {}): Db {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    registerSearchFunctions(db);
    if (options.migrate !== false) migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
