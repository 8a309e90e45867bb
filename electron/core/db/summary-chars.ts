import type { Database } from 'better-sqlite3';

/**
 * The 汇总表's keyword also searches what units reported (进展情况, 存在问题, 下步计划) and, for an item no
 * unit reported this period, the item's own 进展情况 (progress_note). Two FTS5 indexes answer it
 * (migration 0014), built like items_chars (char-search.ts): every indexed character is a token, every
 * two adjacent ones a token too, matched without positions (detail=none):
 * - report_chars: one document per report (rowid = reports.id), every token prefixed with its period
 *   (`p12q消费`), so a keyword in period 12 is one token whose document list holds that period alone;
 * - note_chars: one document per item (rowid = items.id) of its progress_note.
 * The text is lower-cased the way the scan lower-cases it (String.prototype.toLowerCase), and only
 * characters that lower-casing and the tokenizer's folding leave alike are tokens: caseless ones (汉字,
 * digits) and ASCII letters. Any other character (punctuation, space, é) makes no token and breaks the
 * pairs, so a keyword of one or two indexed characters is one exact token; any other keyword finds
 * candidates by all its tokens, which the caller checks against the text.
 */
export const SUMMARY_CHARS_FUNCTION = 'qd_summary_chars';

const TOKEN_CHAR = /^[\p{L}\p{N}\p{Co}]$/u;

/** A character (of lower-cased text) this index makes tokens of. */
export function indexedChar(c: string): boolean {
  const u = c.charCodeAt(0);
  // the common ones without a regular expression: 汉字 of the basic block, ASCII digits and letters
  if (c.length === 1 && u >= 0x4e00 && u <= 0x9fff) return true;
  if (u < 0x80) return (u >= 0x30 && u <= 0x39) || (u >= 0x61 && u <= 0x7a) || (u >= 0x41 && u <= 0x5a);
  return TOKEN_CHAR.test(c) && c.toUpperCase() === c;
}

/**
 * The index text of some texts: their characters and adjacent pairs, lower-cased, each prefixed by
 * `prefix` (a token repeated in a document is stored once: detail=none keeps no positions).
 */
export function summaryChars(prefix: unknown, ...texts: unknown[]): string {
  const pre = typeof prefix === 'string' ? prefix : '';
  let doc = '';
  for (const text of texts) {
    if (typeof text !== 'string' || text.length === 0) continue;
    let prev = '';
    for (const c of text.toLowerCase()) {
      if (!indexedChar(c)) {
        prev = '';
        continue;
      }
      doc += prev ? ` ${pre}${c} ${pre}${prev}${c}` : ` ${pre}${c}`;
      prev = c;
    }
  }
  return doc;
}

/**
 * The tokens a lower-cased keyword is found by, prefixed by `prefix`, and whether they find it exactly
 * (one or two indexed characters: one token); null when it holds no indexed character.
 */
export function summaryTokens(prefix: string, keyword: string): { tokens: string[]; exact: boolean } | null {
  const chars = [...keyword];
  const tokens = new Set<string>();
  let run: string[] = [];
  const close = () => {
    if (run.length === 1) tokens.add(prefix + run[0]);
    for (let n = 1; n < run.length; n++) tokens.add(prefix + run[n - 1] + run[n]);
    run = [];
  };
  for (const c of chars) {
    if (indexedChar(c)) run.push(c);
    else close();
  }
  close();
  if (!tokens.size) return null;
  return { tokens: [...tokens], exact: chars.length <= 2 && chars.every(indexedChar) };
}

/** The FTS5 query of all `tokens` (each quoted). */
export function allTokens(tokens: readonly string[]): string {
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
}

/** Registers `qd_summary_chars(prefix, text…)` on a connection (registerSearchFunctions calls it). */
export function registerSummaryChars(db: Database): void {
  db.function(SUMMARY_CHARS_FUNCTION, { deterministic: true, varargs: true }, (prefix: unknown, ...texts: unknown[]) => summaryChars(prefix, ...texts));
}

const reportDoc = (r: string) =>
  `${SUMMARY_CHARS_FUNCTION}('p' || ${r}.period_id || 'q', ${r}.progress_text, ${r}.problems, ${r}.next_steps)`;
const noteDoc = (r: string) => `${SUMMARY_CHARS_FUNCTION}('', ${r}.progress_note)`;
const FTS = `content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 0'`;

/** SQL of both indexes (migration 0014). */
export const SUMMARY_CHARS_TABLES = `
  CREATE VIRTUAL TABLE report_chars USING fts5(t, ${FTS});
  CREATE VIRTUAL TABLE note_chars USING fts5(t, ${FTS});
`;

/** SQL of the triggers that keep both indexes on every write to reports and items (migration 0014). */
export const SUMMARY_CHARS_TRIGGERS = `
  CREATE TRIGGER report_chars_ai AFTER INSERT ON reports BEGIN
    INSERT INTO report_chars(rowid, t) VALUES (new.id, ${reportDoc('new')});
  END;
  CREATE TRIGGER report_chars_ad AFTER DELETE ON reports BEGIN
    DELETE FROM report_chars WHERE rowid = old.id;
  END;
  CREATE TRIGGER report_chars_au AFTER UPDATE OF id, period_id, progress_text, problems, next_steps ON reports
    WHEN old.id IS NOT new.id OR old.period_id IS NOT new.period_id OR old.progress_text IS NOT new.progress_text
      OR old.problems IS NOT new.problems OR old.next_steps IS NOT new.next_steps BEGIN
    DELETE FROM report_chars WHERE rowid = old.id;
    INSERT INTO report_chars(rowid, t) VALUES (new.id, ${reportDoc('new')});
  END;
  CREATE TRIGGER note_chars_ai AFTER INSERT ON items WHEN new.progress_note <> '' BEGIN
    INSERT INTO note_chars(rowid, t) VALUES (new.id, ${noteDoc('new')});
  END;
  CREATE TRIGGER note_chars_ad AFTER DELETE ON items WHEN old.progress_note <> '' BEGIN
    DELETE FROM note_chars WHERE rowid = old.id;
  END;
  CREATE TRIGGER note_chars_au AFTER UPDATE OF id, progress_note ON items
    WHEN old.id IS NOT new.id OR old.progress_note IS NOT new.progress_note BEGIN
    DELETE FROM note_chars WHERE rowid = old.id;
    INSERT INTO note_chars(rowid, t) SELECT new.id, ${noteDoc('new')} WHERE new.progress_note <> '';
  END;
`;

/** Indexes the reports with id above `after` in one statement (bulk writes: returns). */
export function indexReportsAfter(db: Database, after: number): void {
  db.prepare(`INSERT INTO report_chars(rowid, t) SELECT r.id, ${reportDoc('r')} FROM reports r WHERE r.id > ?`).run(after);
}

/** Indexes the notes of the items with id above `after` in one statement (bulk writes: imports, the migration). */
export function indexNotesAfter(db: Database, after: number): void {
  db.prepare(`INSERT INTO note_chars(rowid, t) SELECT i.id, ${noteDoc('i')} FROM items i WHERE i.id > ? AND i.progress_note <> ''`).run(after);
}
