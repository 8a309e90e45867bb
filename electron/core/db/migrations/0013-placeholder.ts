import type { Database } from 'better-sqlite3';

/** Placeholder for branch s7-sumlights' migration 13 (migrations run 1..n without a gap); drop at merge. */
export function up(db: Database): void {
  void db;
}
