import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/db/migrate';
import { MIGRATIONS } from '../../../electron/core/db/migrations';
import { ItemQuerySchema } from '../../../shared/contract/schemas/items';
import { buildItemFilter, buildItemOrder } from '../../../electron/core/repositories/item-query';

const LIST_INDEXES = MIGRATIONS.find((m) => m.name === 'list-indexes')!.version;

function plan(db: Database.Database, input: Record<string, unknown>): string {
  const q = ItemQuerySchema.parse({ kind: 'task', ...input });
  const f = buildItemFilter(q, '2025-07-15');
  const sql = `SELECT i.id FROM items i WHERE ${f.where} ORDER BY ${buildItemOrder(q)} LIMIT 200`;
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(f.params) as { detail: string }[]).map((r) => r.detail).join('\n');
}

// With the fixed planner statistics the plans are those of a large office even on an empty database:
// a sorted page walks its index (no temporary b-tree), a plan filter uses the plan index.
describe('migration list-indexes', () => {
  it('plans every sort from its index, on any size of database', () => {
    const db = new Database(':memory:');
    migrate(db, LIST_INDEXES);
    expect(db.prepare("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'items'").pluck().get()).toBeGreaterThan(5);
    for (const sort of ['order', 'deadline', 'status', 'progress', 'plan']) {
      for (const desc of [false, true]) expect(plan(db, { sort, desc }), `${sort} ${desc}`).not.toMatch(/TEMP B-TREE|SCAN i\b/);
    }
    expect(plan(db, { planId: 1, sectionId: 2 })).toMatch(/items_kind_plan|items_plan/);
    expect(plan(db, { overdue: true, sort: 'deadline', desc: true })).toMatch(/COVERING INDEX items_kind_due_sort/);
  });

  it('gives an index a later migration adds a statistic too', () => {
    const db = new Database(':memory:');
    migrate(db, LIST_INDEXES);
    db.exec('CREATE INDEX items_kind_later ON items(kind, note)');
    migrate(db, undefined, [...MIGRATIONS.slice(0, LIST_INDEXES), { version: LIST_INDEXES + 1, name: 'later', up: () => undefined }]);
    expect(db.prepare("SELECT stat FROM sqlite_stat1 WHERE idx = 'items_kind_later'").pluck().get()).toBe('100000 25000 2');
  });
});
