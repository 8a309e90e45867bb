import type { Database, Statement } from 'better-sqlite3';

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

const COLUMNS = 'INSERT INTO change_log(entity, entity_id, action, field, before, after, operator, batch_id, at) VALUES ';
const ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?)';
/** Rows per INSERT: a 50,000-item import records 50,000 entries, and one statement per row costs twice as much. */
const CHUNK = 50;

/** Writes change history rows for an operator at a time. */
export function createHistory(db: Database) {
  let one: Statement | null = null;
  let many: Statement | null = null;
  return {
    /** Inserts the entries in order (ids follow the order given). */
    record(entries: readonly ChangeEntry[], operator: string, at: string): void {
      const params = (e: ChangeEntry) => [e.entity, e.entityId, e.action, e.field ?? '', text(e.before), text(e.after), operator, e.batchId ?? null, at];
      let i = 0;
      if (entries.length >= CHUNK) {
        many ??= db.prepare(COLUMNS + Array.from({ length: CHUNK }, () => ROW).join(', '));
        for (; i + CHUNK <= entries.length; i += CHUNK) many.run(entries.slice(i, i + CHUNK).flatMap(params));
      }
      if (i === entries.length) return;
      one ??= db.prepare(COLUMNS + ROW);
      for (; i < entries.length; i++) one.run(params(entries[i]));
    },
  };
}
