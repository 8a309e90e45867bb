import type { Database } from 'better-sqlite3';
import { registerTitleKeyFunction } from '../names/title-key';
import { registerListCodeFunction } from '../repositories/list-codes';

/**
 * Keywords of one or two characters (消费, 省) are too short for the trigram index, and a scan of
 * every title and content costs 130–180 ms at 100,000 items. A second FTS5 index holds each
 * character as its own token (the text is written with a space between characters), so a
 * one-character keyword is a token query and a two-character keyword a phrase of two adjacent
 * tokens: both answered from the index. The spaced text is made by `qd_chars`, an SQL function of
 * this app that every connection registers (openDatabase, migrate) before it writes items.
 */
export const CHAR_FUNCTION = 'qd_chars';

/** Characters the unicode61 tokenizer keeps as token characters (letters, numbers, private use). */
const TOKEN_CHAR = /^[\p{L}\p{N}\p{Co}]$/u;

/** The text with one space between characters: each character becomes one token. */
export function spacedChars(text: unknown): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  return [...text].join(' ');
}

/**
 * Registers this app's SQL functions on a connection (idempotent): `qd_chars` and `qd_title_key`,
 * which the items triggers call, and `qd_list_code`, the 编号 a list shows (repositories/list-codes.ts).
 */
export function registerSearchFunctions(db: Database): void {
  db.function(CHAR_FUNCTION, { deterministic: true }, (text: unknown) => spacedChars(text));
  registerTitleKeyFunction(db);
  registerListCodeFunction(db);
}

/**
 * The FTS5 query for a one- or two-character keyword, or null when the keyword holds a character
 * the tokenizer drops (punctuation, spaces): such a keyword is matched by a scan, as before.
 */
export function charQuery(keyword: string): string | null {
  const chars = [...keyword];
  if (chars.length === 0 || chars.length > 2) return null;
  if (!chars.every((c) => TOKEN_CHAR.test(c))) return null;
  return `"${chars.join(' ')}"`;
}

/** SQL of the char index and its triggers, from the items table (used by the migration). */
export const CHAR_INDEX_SQL = `
  CREATE VIRTUAL TABLE items_chars USING fts5(
    title, content, code, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
  );
  CREATE TRIGGER items_chars_ai AFTER INSERT ON items BEGIN
    INSERT INTO items_chars(rowid, title, content, code) VALUES (new.id, ${CHAR_FUNCTION}(new.title), ${CHAR_FUNCTION}(new.content), ${CHAR_FUNCTION}(new.code));
  END;
  CREATE TRIGGER items_chars_ad AFTER DELETE ON items BEGIN
    DELETE FROM items_chars WHERE rowid = old.id;
  END;
  CREATE TRIGGER items_chars_au AFTER UPDATE OF title, content, code ON items BEGIN
    DELETE FROM items_chars WHERE rowid = old.id;
    INSERT INTO items_chars(rowid, title, content, code) VALUES (new.id, ${CHAR_FUNCTION}(new.title), ${CHAR_FUNCTION}(new.content), ${CHAR_FUNCTION}(new.code));
  END;
`;

/** Indexes the items with id above `after` in one statement (bulk writes; see search-index.ts). */
export function indexCharsAfter(db: Database, after: number): void {
  db.prepare(
    `INSERT INTO items_chars(rowid, title, content, code) SELECT id, ${CHAR_FUNCTION}(title), ${CHAR_FUNCTION}(content), ${CHAR_FUNCTION}(code) FROM items WHERE id > ?`,
  ).run(after);
}
