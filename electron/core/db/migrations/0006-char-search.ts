import type { Database } from 'better-sqlite3';
import { registerSearchFunctions } from '../char-search';

/**
 * The first one-character index (one token per character, phrases for two), as it shipped; kept
 * here unchanged since char-search.ts now holds 0010's index, which replaces it.
 */
const CHAR_INDEX_SQL_0006 = `
  CREATE VIRTUAL TABLE items_chars USING fts5(
    title, content, code, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
  );
  CREATE TRIGGER items_chars_ai AFTER INSERT ON items BEGIN
    INSERT INTO items_chars(rowid, title, content, code) VALUES (new.id, qd_chars(new.title), qd_chars(new.content), qd_chars(new.code));
  END;
  CREATE TRIGGER items_chars_ad AFTER DELETE ON items BEGIN
    DELETE FROM items_chars WHERE rowid = old.id;
  END;
  CREATE TRIGGER items_chars_au AFTER UPDATE OF title, content, code ON items BEGIN
    DELETE FROM items_chars WHERE rowid = old.id;
    INSERT INTO items_chars(rowid, title, content, code) VALUES (new.id, qd_chars(new.title), qd_chars(new.content), qd_chars(new.code));
  END;
`;

/** The one-character index for keywords of one or two characters, filled from the items there. */
export function up(db: Database): void {
  registerSearchFunctions(db);
  db.exec(CHAR_INDEX_SQL_0006);
  db.prepare('INSERT INTO items_chars(rowid, title, content, code) SELECT id, qd_chars(title), qd_chars(content), qd_chars(code) FROM items').run();
}
