import type { Database } from 'better-sqlite3';

/** One entry of the change history ("who, what, when"). */
export interface ChangeEntry {
  entity: string;
  entityId: number;
  action: string;
  field?: string;
  before?: unknown;
  after?: unknown;
  batchId?: number | null;
}

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Writes change history rows for an operator at a time. */
export function createHistory(db: Database) {
  const insert = db.prepare(
    `INSERT INTO change_log(entity, entity_id, action, field, before, after, operator, batch_id, at)
     VALUES (@entity, @entityId, @action, @field, @before, @after, @operator, @batchId, @at)`,
  );
  return {
    record(entries: readonly ChangeEntry[], operator: string, at: string): void {
      for (const e of entries) {
        insert.run({
          entity: e.entity,
          entityId: e.entityId,
          action: e.action,
          field: e.field ?? '',
          before: text(e.before),
          after: text(e.after),
          operator,
          batchId: e.batchId ?? null,
          at,
        });
      }
    },
  };
}
