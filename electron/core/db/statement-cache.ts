import type { Database, Statement } from 'better-sqlite3';

/**
 * Prepared statements by SQL text: a batch writes (or an undo restores) thousands of rows of the
 * same few shapes, and compiling each SQL once instead of once per row is most of the difference.
 */
export function statementCache(db: Database): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    return s;
  };
}
