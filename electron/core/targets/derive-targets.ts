import type { Database } from 'better-sqlite3';
import type { BatchRecorder } from '../batches/batch-recorder';
import { extractTargets } from '../parse/quantity';
import { targetRows } from './target-rows';

interface Source {
  id: number;
  title: string;
  content: string;
}

function sources(db: Database, itemIds: readonly number[] | null): Source[] {
  const base = 'SELECT id, title, content FROM items i WHERE NOT EXISTS (SELECT 1 FROM item_targets t WHERE t.item_id = i.id)';
  if (itemIds === null) return db.prepare<[], Source>(`${base} AND kind = 'task' ORDER BY id`).all();
  return db.prepare<[string], Source>(`${base} AND id IN (SELECT value FROM json_each(?)) ORDER BY id`).all(JSON.stringify(itemIds));
}

/** The targets a task text states: 新增城镇就业 70 万人以上 → {新增城镇就业, ≥, 700000, 人}; repeats dropped. */
export function targetsOfText(title: string, content: string) {
  return targetRows(extractTargets(content.trim() || title)).map((t) => ({ ...t, comparator: t.comparator ?? '>=' }));
}

/**
 * Parses and stores the quantitative targets of items that have none yet (items a user already gave
 * targets are left alone). `itemIds` null means every task. With a recorder the rows join its batch.
 * Returns how many targets were stored.
 */
export function deriveTargets(db: Database, itemIds: readonly number[] | null, rec?: BatchRecorder): number {
  const insert = db.prepare(
    'INSERT INTO item_targets(item_id, label, comparator, value, unit, raw_text, sort) VALUES (@item_id, @label, @comparator, @value, @unit, @raw_text, @sort)',
  );
  let n = 0;
  db.transaction(() => {
    for (const s of sources(db, itemIds)) {
      for (const t of targetsOfText(s.title, s.content)) {
        const row = { item_id: s.id, ...t };
        if (rec) rec.insert('item_targets', row);
        else insert.run(row);
        n++;
      }
    }
  })();
  return n;
}
