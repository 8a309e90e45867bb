import type { Database } from 'better-sqlite3';

/** Column mapping by column index ("0" = A) → field, as remembered for a layout. */
export type StoredMapping = Readonly<Record<string, string>>;

/**
 * The column mappings users corrected, remembered per layout (the reader's layoutKey): the next
 * file with the same headers is read with the corrected mapping.
 */
export function createColumnMappings(db: Database) {
  return {
    /** Every remembered mapping, by layout key. */
    all(): Record<string, StoredMapping> {
      const rows = db.prepare<[], { layout_key: string; mapping: string }>('SELECT layout_key, mapping FROM column_mappings').all();
      return Object.fromEntries(rows.map((r) => [r.layout_key, JSON.parse(r.mapping) as StoredMapping]));
    },
    remember(layoutKey: string, mapping: StoredMapping, at: string): void {
      db.prepare(
        'INSERT INTO column_mappings(layout_key, mapping, updated_at) VALUES (?, ?, ?) ON CONFLICT(layout_key) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at',
      ).run(layoutKey, JSON.stringify(mapping), at);
    },
    forget(layoutKey: string): boolean {
      return db.prepare('DELETE FROM column_mappings WHERE layout_key = ?').run(layoutKey).changes > 0;
    },
  };
}
