import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { readAppWorkbook, type AppWorkbook } from '../excel/app-workbook-reader';

/**
 * The workbooks the last preview of returns parsed, by content hash and file name. Applying comes
 * right after a preview of the same files (the user looks, then confirms), so apply takes them from
 * here instead of parsing every file a second time — parsing is most of a preview's time. Only the
 * last preview's files are kept, and apply empties it. A workbook as read is never changed after.
 */
let kept = new Map<string, AppWorkbook>();

/** One plan's reader: `keep` (a preview) leaves what it read for the apply that follows; an apply empties it. */
export function returnedWorkbooks(keep: boolean) {
  const used = new Map<string, AppWorkbook>();
  return {
    async read(bytes: Uint8Array, name: string, hash: string): Promise<AppWorkbook> {
      const key = `${hash}\n${name}`;
      const wb = used.get(key) ?? kept.get(key) ?? (await readAppWorkbook(bytes, name));
      used.set(key, wb);
      return wb;
    },
    done(): void {
      kept = keep ? used : new Map();
    },
  };
}

export type ReturnedWorkbooks = ReturnType<typeof returnedWorkbooks>;

/**
 * The whole plan of the last preview, by database: an apply of the same files, on the same day, with
 * nothing written to the database since (this connection's total_changes() and other connections'
 * data_version both unchanged) and no conflict to decide, is exactly that plan — so it is not worked
 * out a second time. Anything else plans again.
 */
const plans = new WeakMap<object, { key: string; plan: unknown }>();

export function planKey(db: Database, files: readonly { name: string; bytes: Uint8Array }[], periodId: number | undefined, today: string): string {
  const hashes = files.map((f) => `${f.name}\n${createHash('sha256').update(f.bytes).digest('hex')}`);
  const changes = db.prepare('SELECT total_changes()').pluck().get();
  return JSON.stringify([hashes, periodId ?? null, today, changes, db.pragma('data_version', { simple: true })]);
}

export function keepPlan(db: Database, key: string, plan: unknown): void {
  plans.set(db, { key, plan });
}

/** The kept plan when it was made for `key` (taken: a plan is applied once). */
export function takePlan<T>(db: Database, key: string): T | undefined {
  const kept = plans.get(db);
  plans.delete(db);
  return kept?.key === key ? (kept.plan as T) : undefined;
}
