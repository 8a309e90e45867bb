import type { Database } from 'better-sqlite3';

/**
 * What the search indexes hold, against what the insert and update triggers would have made of the
 * items as they are now (deferItemIndexing writes both indexes at the end of a batch instead):
 * - items_fts, whose content is the items table: FTS5's own integrity check with rank 1 compares
 *   every token of the index with the items' current title, content and code, and throws on a difference;
 * - items_chars keeps no content: every (token, item) pair it holds, listed by fts5vocab, against
 *   those of a new index of the same definition filled from the items now.
 * Returns the pairs only one side holds, counted with repeats (both empty when the indexes are exact).
 */
export function searchIndexDrift(db: Database): { missing: string[]; extra: string[] } {
  db.prepare("INSERT INTO items_fts(items_fts, rank) VALUES ('integrity-check', 1)").run();
  db.exec(`
    DROP TABLE IF EXISTS temp.qd_chars_ref;
    CREATE VIRTUAL TABLE temp.qd_chars_ref USING fts5(title, content, code, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 0');
    INSERT INTO temp.qd_chars_ref(rowid, title, content, code) SELECT id, qd_kind_chars(kind, title), qd_kind_chars(kind, content), qd_kind_chars(kind, code) FROM items;
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.qd_chars_held USING fts5vocab(main, items_chars, 'instance');
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.qd_chars_made USING fts5vocab(temp, qd_chars_ref, 'instance');
  `);
  const pairs = (table: string) => db.prepare(`SELECT term || ' ' || doc FROM temp.${table} ORDER BY 1`).pluck().all() as string[];
  const held = pairs('qd_chars_held');
  const made = pairs('qd_chars_made');
  return { missing: without(made, held), extra: without(held, made) };
}

/** The entries of `a` left once each entry of `b` has taken out one equal entry (a multiset difference). */
function without(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    return n === 0;
  });
}
