import type { Database } from 'better-sqlite3';

/** The last filtered 汇总表 per database, so scrolling to the next page does not filter 100,000 items again. */
const memo = new WeakMap<Database, { key: string; value: unknown }>();

/**
 * Changes since the connection opened (rows any statement or trigger wrote, rolled back or not) and the
 * changes other connections committed: any write in between makes the remembered value stale.
 */
export function writeStamp(db: Database): string {
  return `${db.prepare('SELECT total_changes()').pluck().get() as number}/${db.pragma('data_version', { simple: true }) as number}`;
}

/** `make()` for this key, or its value from the last call when the key matches and nothing was written since. */
export function remembered<T>(db: Database, key: string, make: () => T): T {
  const hit = memo.get(db);
  if (hit && hit.key === `${key}|${writeStamp(db)}`) return hit.value as T;
  const value = make();
  memo.set(db, { key: `${key}|${writeStamp(db)}`, value });
  return value;
}
