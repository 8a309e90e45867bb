import type { Database } from 'better-sqlite3';
import { registerTitleKeyFunction } from '../names/title-key';
import { registerListCodeFunction } from '../repositories/list-codes';
import { registerSummaryChars } from './summary-chars';

/**
 * Keywords of one or two characters (消费, 省) are too short for the trigram index, and a scan of
 * every title and content costs 130–180 ms at 100,000 items. A second FTS5 index, items_chars,
 * answers them from tokens that already hold the item's kind (migration 0010):
 * - every character of title, content and code is a token `kind + character` (task消), and every
 *   two adjacent characters a token `kind + both` (task消费); a one- or two-character keyword is
 *   then one token, matched without positions (detail=none) and restricted to the list's kind by
 *   the token itself: counting 29,000 matches reads the index alone, no item row;
 * - a character the tokenizer does not keep (punctuation, spaces) makes no token and no pair, so
 *   消，费 holds no 消费, exactly as instr finds none.
 * Kinds are letters and none is the start of another, so a token names one kind and one or two
 * characters. The tokens are made by `qd_kind_chars`, an SQL function of this app that every
 * connection registers (openDatabase, migrate) before it writes items.
 */
export const KIND_CHARS_FUNCTION = 'qd_kind_chars';

/** Characters the unicode61 tokenizer keeps as token characters (letters, numbers, private use). */
const TOKEN_CHAR = /^[\p{L}\p{N}\p{Co}]$/u;

/** The index text of one field of an item of `kind`: its characters and adjacent pairs, each prefixed by the kind. */
export function kindChars(kind: unknown, text: unknown): string {
  if (typeof text !== 'string' || text.length === 0 || typeof kind !== 'string') return '';
  const chars = [...text];
  const out: string[] = [];
  for (let n = 0; n < chars.length; n++) {
    if (!TOKEN_CHAR.test(chars[n])) continue;
    out.push(kind + chars[n]);
    if (n + 1 < chars.length && TOKEN_CHAR.test(chars[n + 1])) out.push(kind + chars[n] + chars[n + 1]);
  }
  return out.join(' ');
}

/** The text with one space between characters (the index of migration 0006, rebuilt by 0010). */
export function spacedChars(text: unknown): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  return [...text].join(' ');
}

/**
 * Registers this app's SQL functions on a connection (idempotent): the index functions and
 * `qd_title_key`, which the items triggers call, and `qd_list_code`, the 编号 a list shows
 * (repositories/list-codes.ts).
 */
export function registerSearchFunctions(db: Database): void {
  db.function(KIND_CHARS_FUNCTION, { deterministic: true }, (kind: unknown, text: unknown) => kindChars(kind, text));
  // 0006's function, for its triggers while an old database migrates
  db.function('qd_chars', { deterministic: true }, (text: unknown) => spacedChars(text));
  registerTitleKeyFunction(db);
  registerListCodeFunction(db);
  registerSummaryChars(db);
}

/**
 * The FTS5 query for a one- or two-character keyword in the items of `kind`, or null when the
 * keyword holds a character the tokenizer drops (punctuation, spaces): such a keyword is matched
 * by a scan, as before.
 */
export function charQuery(kind: string, keyword: string): string | null {
  const chars = [...keyword];
  if (chars.length === 0 || chars.length > 2) return null;
  if (!chars.every((c) => TOKEN_CHAR.test(c))) return null;
  return `"${kind}${chars.join('')}"`;
}

const row = (r: 'new' | 'items') =>
  r === 'new'
    ? `new.id, ${KIND_CHARS_FUNCTION}(new.kind, new.title), ${KIND_CHARS_FUNCTION}(new.kind, new.content), ${KIND_CHARS_FUNCTION}(new.kind, new.code)`
    : `id, ${KIND_CHARS_FUNCTION}(kind, title), ${KIND_CHARS_FUNCTION}(kind, content), ${KIND_CHARS_FUNCTION}(kind, code)`;

/** SQL of the char index and its triggers (migration 0010). */
export const CHAR_INDEX_SQL = `
  CREATE VIRTUAL TABLE items_chars USING fts5(
    title, content, code, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 0'
  );
  CREATE TRIGGER items_chars_ai AFTER INSERT ON items BEGIN
    INSERT INTO items_chars(rowid, title, content, code) VALUES (${row('new')});
  END;
  CREATE TRIGGER items_chars_ad AFTER DELETE ON items BEGIN
    DELETE FROM items_chars WHERE rowid = old.id;
  END;
  CREATE TRIGGER items_chars_au AFTER UPDATE OF kind, title, content, code ON items BEGIN
    DELETE FROM items_chars WHERE rowid = old.id;
    INSERT INTO items_chars(rowid, title, content, code) VALUES (${row('new')});
  END;
`;

/** Indexes the items with id above `after` in one statement (bulk writes; see search-index.ts). */
export function indexCharsAfter(db: Database, after: number): void {
  indexCharsWhere(db, 'id > @after', { after });
}

/** Indexes the items `where` (SQL of this app's code, never user text, with its named parameters) selects, in one statement. */
export function indexCharsWhere(db: Database, where: string, params: Record<string, unknown>): void {
  db.prepare(`INSERT INTO items_chars(rowid, title, content, code) SELECT ${row('items')} FROM items WHERE ${where}`).run(params);
}
